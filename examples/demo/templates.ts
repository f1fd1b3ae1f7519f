/** The cards the demo offers: the two ready templates and the small client card of the first slice. */
import { b2bClientCard, beautySalonCard, type CardTemplate } from '@kartochka/templates';
import type { FieldMessages, Locale, MessageCatalogue } from '@kartochka/core';
import type { CardListColumn, CardListFilter } from '@kartochka/elements';
import { clientMessages, clientSchema } from './client-schema.js';

export const simpleClientCard: CardTemplate<unknown> = {
  id: 'demo-client',
  title: { ru: 'Простая карточка', en: 'Simple card' },
  description: { ru: 'Небольшая карточка клиента', en: 'A small client card' },
  schema: clientSchema,
  layout: { version: 1, sections: 'tabs', items: [{ type: 'section', id: 'main', title: { ru: 'Клиент', en: 'Client' }, columns: 2, items: ['/companyName', '/email', '/segment', '/headcount', '/contractDate', '/address'] }] },
  messages: clientMessages,
  sample: { companyName: 'ООО «Ромашка»', segment: 'dealer', headcount: 120, address: { city: 'Казань' } },
  listing: { title: '/companyName', indexed: { segment: '/segment' }, summary: ['/segment', '/contractDate'] },
};

export const demoTemplates: CardTemplate<unknown>[] = [b2bClientCard as CardTemplate<unknown>, beautySalonCard as CardTemplate<unknown>, simpleClientCard];

export const templateFor = (id: string) => demoTemplates.find((t) => t.id === id) ?? demoTemplates[0];

/** The sample record of a template: the card the demo opens with. */
export const sampleId = (t: CardTemplate<unknown>) => `${t.id}-sample`;

function entry(messages: MessageCatalogue, locale: Locale, pointer: string): FieldMessages | undefined {
  const e = messages[locale]?.[pointer];
  return typeof e === 'string' ? { title: e } : e;
}

/** List columns and filters from the template's indexed fields, labelled in both languages. */
export function listConfig(t: CardTemplate<unknown>): { columns: CardListColumn[]; filters: CardListFilter[] } {
  const indexed = Object.entries(t.listing.indexed);
  const labelled = indexed.map(([field, pointer]) => {
    const ru = entry(t.messages, 'ru', pointer);
    const en = entry(t.messages, 'en', pointer);
    const values = new Set([...Object.keys(ru?.options ?? {}), ...Object.keys(en?.options ?? {})]);
    const options = values.size ? Object.fromEntries([...values].map((v) => [v, { ru: ru?.options?.[v] ?? v, en: en?.options?.[v] ?? v }])) : undefined;
    return { field, label: { ru: ru?.title ?? field, en: en?.title ?? field }, options };
  });
  return {
    columns: [{ field: 'title', label: { ru: 'Название', en: 'Name' } }, ...labelled.slice(0, 4), { field: 'updatedAt' }],
    filters: labelled.filter((c) => c.options).slice(0, 4),
  };
}
