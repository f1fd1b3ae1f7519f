import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { cardRecordFields } from '@kartochka/core';
import { MemoryAdapter } from '@kartochka/storage';
import { b2bClientCard, templateCardSettings } from '@kartochka/templates';
import '@kartochka/elements';
import '@kartochka/elements/import';
import { clientRows, csv, utf8Bom } from '../packages/elements/src/test-support/import-files.js';

// <kc-import> over an in-memory store with the B2B client card: pick a CSV or XLSX file (the link
// makes a sample of fictional clients, UTF-8 with a BOM and `;`, one row with a date that does not
// exist), match the columns, read the dry run, import. <kc-card-export> under a list of stored cards.
const t = b2bClientCard;
const settings = templateCardSettings(t);

function sampleUrl(): string {
  const rows = clientRows(25) as string[][];
  rows[3][4] = '31.02.2020';
  return URL.createObjectURL(new Blob([utf8Bom(csv(rows))], { type: 'text/csv' }));
}

async function filled(): Promise<MemoryAdapter> {
  const storage = new MemoryAdapter({ id: 'story-export', user: 'anna' });
  for (const [i, r] of clientRows(12).slice(1).entries()) {
    const data = {
      general: { companyName: String(r[0]), requisites: { codes: { inn: String(r[1]) } } },
      category: { segment: ['dealer', 'corporate', 'chain', 'distributor'][i % 4] },
    };
    await storage.put({ id: `c-${i}`, schemaId: t.id, schemaVersion: 1, data, ...cardRecordFields(settings, data) });
  }
  return storage;
}

interface Args {
  locale: 'ru' | 'en';
}

const meta: Meta<Args> = {
  title: 'Lists/Import and export',
  args: { locale: 'ru' },
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
};
export default meta;
type Story = StoryObj<Args>;

export const Import: Story = {
  render: ({
    locale,
  }) => html`<p><a href=${sampleUrl()} download="clients.csv">${locale === 'ru' ? 'Пример файла (CSV)' : 'A sample file (CSV)'}</a></p>
    <kc-import .storage=${new MemoryAdapter({ id: 'story-import', user: 'anna' })} .schema=${t.schema} .messages=${t.messages} .settings=${settings}
      schema-id=${t.id} schema-version="1" author="Анна" locale=${locale}></kc-import>`,
};

export const Export: Story = {
  loaders: [async () => ({ storage: await filled() })],
  render: (
    { locale },
    { loaded },
  ) => html`<kc-card-list id="list" .storage=${loaded.storage} schema-id=${t.id} page-size="5" locale=${locale}></kc-card-list>
    <kc-card-export for="list" .storage=${loaded.storage} .schema=${t.schema} .messages=${t.messages} name="clients" locale=${locale}></kc-card-export>`,
};
