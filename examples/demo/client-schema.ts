import type { JsonSchemaObject, MessageCatalogue } from '@kartochka/core';

/** The small client card of the first slice; the full B2B template comes with @kartochka/templates. */
export const clientSchema: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:kartochka:demo:client',
  title: 'Client',
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2, maxLength: 200 },
    // Unique among the simple cards (docs/duplicates.md): the card warns while typing, the store refuses.
    email: { type: 'string', format: 'email', title: 'Email', 'x-unique': true },
    segment: { type: 'string', title: 'Segment', enum: ['dealer', 'corporate', 'chain'] },
    headcount: { type: 'integer', minimum: 0, title: 'Headcount' },
    contractDate: { type: 'string', format: 'date', title: 'Contract date' },
    address: {
      type: 'object',
      title: 'Address',
      properties: {
        city: { type: 'string', title: 'City' },
        street: { type: 'string', title: 'Street' },
        postcode: { type: 'string', title: 'Postcode', pattern: '^[0-9]{5,6}$' },
      },
    },
  },
};

export const clientMessages: MessageCatalogue = {
  ru: {
    '/companyName': { title: 'Название организации', description: 'Как в уставе, с формой собственности.' },
    '/email': 'Имэйл',
    '/segment': { title: 'Сегмент', options: { dealer: 'Дилер', corporate: 'Корпоративный', chain: 'Сети' } },
    '/headcount': 'Штат',
    '/contractDate': 'Дата договора',
    '/address': 'Адрес',
    '/address/city': 'Город',
    '/address/street': 'Улица',
    '/address/postcode': { title: 'Индекс', description: '5–6 цифр.' },
  },
  en: {
    '/companyName': { title: 'Company name', description: 'As registered, with the legal form.' },
    '/segment': { title: 'Segment', options: { dealer: 'Dealer', corporate: 'Corporate', chain: 'Retail chain' } },
    '/address/postcode': { title: 'Postcode', description: '5–6 digits.' },
  },
};
