/**
 * The beauty-salon client card (Карта клиента салона красоты) sketched at the end of SEED-MAP.md:
 * personal data, anamnesis (sensitive), skin assessment, visits with next-visit reminders,
 * consents and loyalty. The fields are common practice, not the seed's.
 */
import type { JsonSchemaObject } from '@kartochka/core';

const str = (extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'string', ...extra });
const text = (maxLength = 2000): JsonSchemaObject => ({ type: 'string', maxLength, 'x-widget': 'textarea' });
const date: JsonSchemaObject = { type: 'string', format: 'date' };
const ref = (name: string): JsonSchemaObject => ({ $ref: `#/$defs/${name}` });
const obj = (properties: Record<string, JsonSchemaObject>, extra: JsonSchemaObject = {}): JsonSchemaObject => ({
  type: 'object',
  properties,
  ...extra,
});
const list = (items: JsonSchemaObject, extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'array', items, ...extra });
/** Health data: shown only to staff allowed to see it, masked in lists and prints, never exported casually. */
const sensitive = <T extends JsonSchemaObject>(s: T): T => ({ ...s, 'x-sensitive': true });
const restricted = <T extends JsonSchemaObject>(s: T): T => ({
  ...sensitive(s),
  'x-access': { read: ['master', 'admin'], write: ['master'] },
});

export const salonSchema: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:kartochka:template:beauty-salon-card',
  title: 'Beauty salon client card',
  type: 'object',
  required: ['personal'],
  $defs: {
    money: obj({ amount: { type: 'number', minimum: 0 }, currency: str({ pattern: '^[A-Z]{3}$' }) }, { required: ['amount', 'currency'] }),
    tags: list(str({ minLength: 1, maxLength: 100 }), { uniqueItems: true, 'x-widget': 'tags' }),
    rating: { type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating' },
    attachment: obj(
      {
        fileId: str({ pattern: '^f_[A-Za-z0-9_-]{22}$' }),
        name: str({ minLength: 1, maxLength: 255 }),
        type: str(),
        size: { type: 'integer', minimum: 0 },
        sha256: str({ pattern: '^[0-9a-f]{64}$' }),
        lastModified: { type: 'integer', minimum: 0 },
        url: str({ format: 'uri-reference' }),
      },
      { required: ['name'], 'x-widget': 'file', 'x-maxSize': 20 * 1024 * 1024, contentMediaType: 'application/pdf,image/png,image/jpeg' },
    ),
    allergy: obj(
      {
        allergen: str({ minLength: 1, maxLength: 200 }),
        reaction: str({ maxLength: 500 }),
        severity: { type: 'string', enum: ['mild', 'moderate', 'severe'] },
      },
      { required: ['allergen'] },
    ),
    visit: obj(
      {
        date,
        master: str({ maxLength: 200 }),
        procedure: str({ minLength: 1, maxLength: 200 }),
        zone: str({ maxLength: 200 }),
        productsUsed: ref('tags'),
        reaction: str({ maxLength: 500 }),
        result: text(),
        recommendations: text(),
        nextVisit: {
          ...date,
          'x-reminder': {
            offsetDays: -1,
            who: '1/master',
            title: { ru: 'Завтра визит: {record} ({1/procedure})', en: 'Visit tomorrow: {record} ({1/procedure})' },
          },
        },
        price: ref('money'),
        satisfaction: ref('rating'),
      },
      { required: ['date', 'procedure'] },
    ),
    procedureConsent: obj(
      { procedure: str({ minLength: 1, maxLength: 200 }), signedAt: date, file: ref('attachment') },
      { required: ['procedure', 'signedAt'] },
    ),
  },
  properties: {
    personal: obj(
      {
        fullName: str({ minLength: 1, maxLength: 200 }),
        birthDate: {
          ...date,
          'x-reminder': {
            offsetDays: -1,
            repeat: 'yearly',
            who: 'administrator',
            title: { ru: 'День рождения клиента: {record}', en: 'Client’s birthday: {record}' },
          },
        },
        phone: str({ format: 'phone' }),
        email: str({ format: 'email' }),
        preferredMaster: str({ maxLength: 200 }),
        source: {
          type: 'string',
          enum: ['recommendation', 'socialMedia', 'search', 'maps', 'walkIn', 'advertising', 'other'],
          'x-editableOptions': true,
        },
        marketingConsent: { type: 'boolean' },
      },
      { required: ['fullName', 'phone'] },
    ),
    // Health data: the masters who treat the client read and write it, the owner (admin) reads
    // it; the reception desk (editor) sees neither the section nor its values (docs/schema.md,
    // "Field access"; the server strips and refuses by the same rule).
    anamnesis: restricted(
      obj({
        chronicConditions: sensitive(text()),
        allergies: sensitive(list(ref('allergy'))),
        medications: sensitive(text()),
        pregnancyOrLactation: sensitive({ type: 'string', enum: ['no', 'pregnancy', 'lactation'] }),
        contraindications: sensitive(ref('tags')),
        updatedAt: date,
      }),
    ),
    skin: obj({
      type: { type: 'string', enum: ['normal', 'dry', 'oily', 'combination', 'sensitive'] },
      phototype: { type: 'string', enum: ['I', 'II', 'III', 'IV', 'V', 'VI'] },
      conditions: list(
        {
          type: 'string',
          enum: ['acne', 'postAcne', 'rosacea', 'couperose', 'hyperpigmentation', 'dehydration', 'wrinkles', 'enlargedPores'],
          'x-editableOptions': true,
        },
        { uniqueItems: true },
      ),
      notes: text(),
      assessedAt: date,
    }),
    visits: list(ref('visit')),
    consents: obj({
      personalData: obj({ given: { type: 'boolean' }, date }),
      procedures: list(ref('procedureConsent')),
    }),
    loyalty: obj({
      visitsCount: { type: 'integer', minimum: 0, 'x-formula': { count: { var: '/visits' } } },
      totalSpent: { type: 'number', minimum: 0, 'x-formula': { sum: [{ var: '/visits' }, 'price/amount'] } },
      bonusCard: obj({ number: str({ maxLength: 50 }), balance: { type: 'number', minimum: 0 } }),
      discountPercent: { type: 'number', minimum: 0, maximum: 100, 'x-widget': 'percent', 'x-unit': '%' },
    }),
  },
};
