import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject } from '@kartochka/core';
import { uniqueKeyStrings } from '@kartochka/core/unique';
import { MemoryAdapter, type StorageAdapter } from '@kartochka/storage';
import '@kartochka/elements';
import '@kartochka/elements/persistence';

// Duplicates (docs/duplicates.md) and saved views with bulk actions (docs/list-views.md), over an
// in-memory store: the INN and phone are `x-unique`.
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  'x-card': { title: '{/name}', columns: ['/segment', '/revenue', '/signed'], filters: ['/segment'], summary: [] },
  properties: {
    name: { type: 'string', title: 'Company name' },
    inn: { type: 'string', title: 'INN', 'x-unique': true },
    phone: { type: 'string', format: 'phone', title: 'Phone', 'x-unique': true },
    segment: { enum: ['dealer', 'chain'], title: 'Segment' },
    revenue: { type: 'number', title: 'Revenue' },
    signed: { type: 'string', format: 'date', title: 'Signed' },
  },
};

const rows = [
  { id: 'c-1', name: 'ООО Ромашка', inn: '7701234567', phone: '8 (916) 123-45-67', segment: 'dealer', revenue: 1200, signed: '2026-01-15' },
  { id: 'c-2', name: 'ИП Васильков', inn: '7707083893', segment: 'chain', revenue: 5400, signed: '2026-03-02' },
  { id: 'c-3', name: 'Ромашка ООО', inn: '7701234567', segment: 'dealer', revenue: 800, signed: '2026-02-20' },
];

function store(): StorageAdapter {
  const db = new MemoryAdapter({ id: 'story-duplicates', user: 'anna' });
  for (const { id, ...data } of rows) {
    const indexed = { '/segment': data.segment, '/revenue': data.revenue, '/signed': data.signed };
    // c-3 was stored before the INN became unique (no keys): the review below finds it.
    const unique = id === 'c-3' ? undefined : uniqueKeyStrings(schema, data);
    void db.put({ id, schemaId: 'client', schemaVersion: 1, title: data.name, indexed, data, ...(unique ? { unique } : {}) });
  }
  return db;
}

interface Args {
  locale: 'en' | 'ru';
}

const meta: Meta<Args> = {
  title: 'Lists/Duplicates and saved views',
  args: { locale: 'ru' },
  argTypes: { locale: { control: 'inline-radio', options: ['en', 'ru'] } },
};
export default meta;
type Story = StoryObj<Args>;

/** A new card: type the INN 7701234567 or the phone +7 916 123 45 67 — a warning with a link comes after a pause; Save is refused. */
export const DuplicateWarning: Story = {
  render: ({ locale }) =>
    html`<kc-card .schema=${schema} .storage=${store()} record-id="new-1" schema-id="client" locale=${locale}
      .storageOptions=${{ localDbName: 'kc-storybook-duplicates' }}></kc-card>`,
};

/** Saved views (columns, ranges, sort), row selection and bulk actions: change the segment, export, delete with undo. */
export const SavedViewsAndBulk: Story = {
  render: ({ locale }) =>
    html`<kc-card-list .storage=${store()} schema-id="client" locale=${locale} saved-views selectable user="anna" .schema=${schema}
      .columns=${[{ field: 'title' }, { field: '/segment', label: { ru: 'Сегмент', en: 'Segment' }, options: { dealer: { ru: 'Дилер', en: 'Dealer' }, chain: { ru: 'Сеть', en: 'Chain' } } }]}
      .available=${[
        { field: '/revenue', label: { ru: 'Выручка', en: 'Revenue' } },
        { field: '/signed', label: { ru: 'Подписан', en: 'Signed' } },
      ]}
      .rangeFields=${[
        { field: '/revenue', label: { ru: 'Выручка', en: 'Revenue' }, type: 'number' },
        { field: '/signed', label: { ru: 'Подписан', en: 'Signed' }, type: 'date' },
      ]}
      .bulkFields=${[{ pointer: '/segment', label: { ru: 'Сегмент', en: 'Segment' }, options: { dealer: { ru: 'Дилер', en: 'Dealer' }, chain: { ru: 'Сеть', en: 'Chain' } } }]}></kc-card-list>`,
};

/** Likely duplicates already stored (the same INN), compared and merged field by field. */
export const ReviewAndMerge: Story = {
  render: ({ locale }) => html`<kc-duplicates .storage=${store()} schema-id="client" .schema=${schema} locale=${locale}></kc-duplicates>`,
};
