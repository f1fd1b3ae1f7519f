/**
 * The shared conformance suite, run for every built-in widget. Each entry is the schema that
 * selects the widget, two valid values and (where the schema can reject one) an invalid value.
 */
import type { JsonSchemaObject } from '@kartochka/core';
import './index.js';
import { runWidgetConformance } from './test-support/widget-conformance.js';
import { cities } from './test-support/cities.js';

runWidgetConformance({
  tag: 'kc-text-field',
  schema: { type: 'string', minLength: 2 },
  sample: 'ООО Ромашка',
  other: 'Acme Ltd',
  invalid: { value: 'A', keyword: 'minLength' },
});
runWidgetConformance({
  tag: 'kc-email-field',
  schema: { type: 'string', format: 'email' },
  sample: 'info@romashka.example',
  other: 'sales@acme.example',
  invalid: { value: 'nope', keyword: 'format' },
});
runWidgetConformance({
  tag: 'kc-phone-field',
  schema: { type: 'string', format: 'tel', pattern: '^\\+?[0-9 ()-]{5,}$' },
  sample: '+7 495 123-45-67',
  other: '+1 (555) 010-0100',
  invalid: { value: 'call me', keyword: 'pattern' },
});
runWidgetConformance({
  tag: 'kc-url-field',
  schema: { type: 'string', format: 'uri' },
  sample: 'https://romashka.example/',
  other: 'https://acme.example/about',
  invalid: { value: 'not a url', keyword: 'format' },
});
runWidgetConformance({
  tag: 'kc-date-field',
  schema: { type: 'string', format: 'date' },
  sample: '2026-03-01',
  other: '2025-12-31',
  invalid: { value: '2026-13-45', keyword: 'format' },
});
runWidgetConformance({
  tag: 'kc-datetime-field',
  schema: { type: 'string', format: 'date-time' },
  sample: '2026-03-01T09:30:00.000Z',
  other: '2025-12-31T18:05:00.000Z',
  invalid: { value: 'yesterday', keyword: 'format' },
});
runWidgetConformance({
  tag: 'kc-time-field',
  schema: { type: 'string', format: 'time' },
  sample: '10:30:00Z',
  other: '16:45:00Z',
  invalid: { value: '25:99', keyword: 'format' },
});
runWidgetConformance({
  tag: 'kc-textarea',
  schema: { type: 'string', 'x-widget': 'textarea', maxLength: 200 },
  sample: 'Первая строка\nвторая',
  other: 'Line one\nline two',
  invalid: { value: 'x'.repeat(201), keyword: 'maxLength' },
});
runWidgetConformance({
  tag: 'kc-number-field',
  schema: { type: 'number', minimum: 0 },
  sample: 1500.5,
  other: 42.25,
  invalid: { value: -1, keyword: 'minimum' },
});
runWidgetConformance({
  tag: 'kc-checkbox',
  schema: { type: 'boolean', const: true },
  sample: true,
  other: false,
  invalid: { value: false, keyword: 'const' },
});
runWidgetConformance({
  tag: 'kc-switch',
  schema: { type: 'boolean', 'x-widget': 'switch' },
  sample: true,
  other: false,
  invalid: { value: 'yes' as never, keyword: 'type' },
});
runWidgetConformance({
  name: 'kc-select (≤10 options: native select)',
  tag: 'kc-select',
  schema: { type: 'string', enum: ['dealer', 'corporate', 'retail'], 'x-enumTitles': ['Dealer', 'Corporate', 'Retail'] },
  sample: 'dealer',
  other: 'retail',
  invalid: { value: 'alien', keyword: 'enum' },
});
runWidgetConformance({
  name: 'kc-select (>10 options: combobox)',
  tag: 'kc-select',
  schema: { type: 'string', enum: cities },
  sample: 'Казань',
  other: 'Ростов-на-Дону',
  invalid: { value: 'Атлантида', keyword: 'enum' },
});
runWidgetConformance({
  tag: 'kc-radio-group',
  schema: { type: 'string', enum: ['low', 'mid', 'high'], 'x-enumTitles': ['Low', 'Medium', 'High'], 'x-widget': 'radio' },
  sample: 'mid',
  other: 'high',
  invalid: { value: 'alien', keyword: 'enum' },
});
runWidgetConformance({
  tag: 'kc-multi-select',
  schema: {
    type: 'array',
    uniqueItems: true,
    minItems: 1,
    items: { enum: ['ru', 'kz', 'by', 'am'], 'x-enumTitles': ['Russia', 'Kazakhstan', 'Belarus', 'Armenia'] },
  },
  sample: ['ru', 'by'],
  other: ['kz', 'am'],
  invalid: { value: [], keyword: 'minItems' },
});
runWidgetConformance({
  tag: 'kc-tags-field',
  schema: { type: 'array', uniqueItems: true, items: { type: 'string', maxLength: 12 } },
  sample: ['опт', 'VIP'],
  other: ['new', 'розница'],
  invalid: { value: ['this tag is far too long'], keyword: 'maxLength' },
});
runWidgetConformance({
  tag: 'kc-rating',
  schema: {
    type: 'integer',
    minimum: 1,
    maximum: 5,
    'x-widget': 'rating',
    'x-enumTitles': ['hostile', 'cold', 'neutral', 'friendly', 'promotes and recommends us, cooperates actively, grows our share'],
  },
  sample: 5,
  other: 2,
  invalid: { value: 7, keyword: 'maximum' },
});
runWidgetConformance({
  tag: 'kc-money-field',
  schema: {
    type: 'object',
    properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', enum: ['RUB', 'USD', 'EUR', 'CNY'] } },
  },
  sample: { amount: 1500.5, currency: 'RUB' },
  other: { amount: 20, currency: 'USD' },
  invalid: { value: { amount: -5, currency: 'RUB' }, keyword: 'minimum' },
});
runWidgetConformance({
  tag: 'kc-percent-field',
  schema: { type: 'number', minimum: 0, maximum: 100, 'x-unit': '%' },
  sample: 12.5,
  other: 80,
  invalid: { value: 150, keyword: 'maximum' },
});

const computedCard: JsonSchemaObject = {
  type: 'object',
  properties: {
    actual: { type: 'number', title: 'Actual' },
    potential: { type: 'number', title: 'Potential' },
    share: {
      type: 'number',
      title: 'Our share',
      'x-unit': '%',
      maximum: 100,
      'x-formula': { round: [{ '*': [{ '/': [{ var: '/actual' }, { var: '/potential' }] }, 100] }, 1] },
    },
  },
};
runWidgetConformance({
  name: 'kc-computed-field (read-only)',
  tag: 'kc-computed-field',
  schema: computedCard.properties!.share as JsonSchemaObject,
  readOnly: true,
  card: { schema: computedCard, path: '/share', valueFor: (v) => ({ actual: v as number, potential: 100 }) },
  sample: 12.5,
  other: 40,
  invalid: { value: 150, keyword: 'maximum' },
});

const fileSchema: JsonSchemaObject = { type: 'object', 'x-widget': 'file', 'x-maxSize': 1024 * 1024 };
const fileValue = (name: string, type: string, text: string) => {
  const blob = new Blob([text], { type });
  return { name, size: blob.size, type, lastModified: 1767225600000, blob } as never;
};
runWidgetConformance({
  tag: 'kc-file-field',
  schema: fileSchema,
  sample: fileValue('contract.pdf', 'application/pdf', '%PDF-1.7 sample'),
  other: fileValue('price-list.csv', 'text/csv', 'sku;price\n1;100'),
  normalize: (v) => (v && typeof v === 'object' ? { name: (v as { name: string }).name, type: (v as { type: string }).type } : v),
});

runWidgetConformance({
  name: 'kc-json-field (fallback)',
  tag: 'kc-json-field',
  schema: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
  sample: ['x', 1],
  other: ['y', 2],
  invalid: { value: ['x', 'y'], keyword: 'type' },
});
