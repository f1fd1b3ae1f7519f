import type { Meta } from '@storybook/web-components-vite';
import { html } from 'lit';
import { renderWidget, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/File',
  component: 'kc-file-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'object', title: 'Договор', 'x-widget': 'file', 'x-maxSize': 1048576 },
    value: {
      name: 'договор.pdf',
      size: 15,
      type: 'application/pdf',
      lastModified: 0,
      blob: new Blob(['%PDF-1.7 sample'], { type: 'application/pdf' }),
    } as never,
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

/** A one-page PDF, as a server would hold it. */
const storedPdf = new Blob(
  [
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ],
  { type: 'application/pdf' },
);

/**
 * A stored file (docs/files.md): the card's data holds `{fileId, name, size, type, sha256}` only; the
 * link and the preview fetch the bytes through `kc-file-request` (in an app the card's storage
 * answers it; here the story does).
 */
export const StoredFile: WidgetStory = {
  args: {
    field: { type: 'object', title: 'Копия договора', 'x-widget': 'file', contentMediaType: 'application/pdf,image/png,image/jpeg' },
    value: {
      fileId: 'f_storyStoryStoryStory0',
      name: 'договор-ДП-2025-015.pdf',
      size: storedPdf.size,
      type: 'application/pdf',
      sha256: '0'.repeat(64),
    },
  },
  render: (a) => {
    const card = renderWidget(a);
    return html`<div
      @kc-file-request=${(e: CustomEvent<{ fileId: string; blob?: Promise<Blob> }>) => {
        e.detail.blob = Promise.resolve(storedPdf);
      }}
    >
      ${card}
    </div>`;
  },
};

/** A file as older cards held it: inline, a `data:` URL in the JSON. It links and previews the same; the next save to a file store uploads it. */
export const LegacyInlineFile: WidgetStory = {
  args: {
    field: { type: 'object', title: 'Contract', 'x-widget': 'file', contentMediaType: 'application/pdf' },
    value: { name: 'old-contract.pdf', type: 'application/pdf', size: 15, url: `data:application/pdf;base64,${btoa('%PDF-1.7 sample')}` },
    locale: 'en',
  },
};
