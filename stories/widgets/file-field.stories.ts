import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/File',
  component: 'kc-file-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'object', title: 'Договор', 'x-widget': 'file', 'x-maxSize': 1048576 },
    value: { name: 'договор.pdf', size: 15, type: 'application/pdf', lastModified: 0, blob: new Blob(['%PDF-1.7 sample'], { type: 'application/pdf' }) } as never,
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };
