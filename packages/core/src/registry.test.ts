import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from './types.js';
import { FormController } from './registered.js';
import { RANK, defaultRegistry, defaultWidgets, kindIs, rankWith, typeIs, WidgetRegistry } from './registry.js';

/** The tag the registry picks for one property, through the real node builder. */
function widgetFor(schema: JsonSchemaObject, registry: WidgetRegistry = defaultRegistry, hint?: string): string {
  const c = new FormController({ type: 'object', properties: { f: schema } }, { registry, widgetHints: hint ? { '/f': hint } : undefined });
  return c.node('/f')!.widget;
}

const cases: [string, JsonSchemaObject, string][] = [
  ['plain string', { type: 'string' }, 'kc-text-field'],
  ['email', { type: 'string', format: 'email' }, 'kc-email-field'],
  ['phone', { type: 'string', format: 'tel' }, 'kc-phone-field'],
  ['url', { type: 'string', format: 'uri' }, 'kc-url-field'],
  ['date', { type: 'string', format: 'date' }, 'kc-date-field'],
  ['date-time', { type: 'string', format: 'date-time' }, 'kc-datetime-field'],
  ['time', { type: 'string', format: 'time' }, 'kc-time-field'],
  ['textarea by name', { type: 'string', 'x-widget': 'textarea' }, 'kc-textarea'],
  ['number', { type: 'number' }, 'kc-number-field'],
  ['integer', { type: 'integer' }, 'kc-number-field'],
  ['percent by x-unit', { type: 'number', 'x-unit': '%' }, 'kc-percent-field'],
  ['percent by name', { type: 'number', 'x-widget': 'percent' }, 'kc-percent-field'],
  ['boolean', { type: 'boolean' }, 'kc-checkbox'],
  ['switch by name', { type: 'boolean', 'x-widget': 'switch' }, 'kc-switch'],
  ['enum', { enum: ['a', 'b'] }, 'kc-select'],
  [
    'oneOf const',
    {
      type: 'integer',
      oneOf: [
        { const: 1, title: 'One' },
        { const: 2, title: 'Two' },
      ],
    },
    'kc-select',
  ],
  ['radio by name', { enum: ['a', 'b'], 'x-widget': 'radio' }, 'kc-radio-group'],
  ['rating by name', { type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating' }, 'kc-rating'],
  ['rating on a wide scale falls back', { type: 'integer', minimum: 0, maximum: 100, 'x-widget': 'rating' }, 'kc-number-field'],
  ['computed', { type: 'number', 'x-formula': { '+': [1, 2] } }, 'kc-computed-field'],
  ['money', { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string' } } }, 'kc-money-field'],
  [
    'not money (a third property)',
    { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string' }, x: { type: 'string' } } },
    'kc-object-group',
  ],
  ['file by name', { type: 'object', 'x-widget': 'file' }, 'kc-file-field'],
  ['file by contentMediaType', { type: 'object', contentMediaType: 'application/pdf' }, 'kc-file-field'],
  [
    'file with declared properties',
    { type: 'object', 'x-widget': 'file', properties: { name: { type: 'string' }, size: { type: 'integer' } } },
    'kc-file-field',
  ],
  ['free-form object stays raw JSON', { type: 'object' }, 'kc-json-field'],
  ['plain object', { type: 'object', properties: { a: { type: 'string' } } }, 'kc-object-group'],
  ['multi-select', { type: 'array', uniqueItems: true, items: { enum: ['a', 'b'] } }, 'kc-multi-select'],
  ['tags', { type: 'array', items: { type: 'string' } }, 'kc-tags-field'],
  ['list on request', { type: 'array', items: { type: 'string' }, 'x-widget': 'list' }, 'kc-array-field'],
  ['array of objects', { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } }, 'kc-array-field'],
  ['array of numbers', { type: 'array', items: { type: 'number' } }, 'kc-array-field'],
  ['tuple falls back', { type: 'array', prefixItems: [{ type: 'string' }] }, 'kc-json-field'],
  ['unknown x-widget is ignored', { type: 'string', 'x-widget': 'no-such-widget' }, 'kc-text-field'],
  ['a widget that does not fit the data is ignored', { type: 'string', 'x-widget': 'rating' }, 'kc-text-field'],
];

for (const [name, schema, tag] of cases) {
  test(`registry: ${name} → ${tag}`, () => {
    assert.equal(widgetFor(schema), tag);
  });
}

test('registry: a layout hint picks a widget by tag too', () => {
  assert.equal(widgetFor({ enum: ['a', 'b'] }, defaultRegistry, 'kc-radio-group'), 'kc-radio-group');
});

test('registry: every default tag is a valid custom element name and names are unique', () => {
  const names = defaultWidgets.map((e) => e.name).filter(Boolean);
  assert.equal(new Set(names).size, names.length);
  for (const e of defaultWidgets) assert.match(e.tag, /^kc-[a-z0-9-]+$/);
});

test('registry: an app entry beats the defaults, even an explicit x-widget, and leaves the defaults untouched', () => {
  const app = defaultRegistry.extend({
    name: 'inn',
    tag: 'app-inn-field',
    tester: rankWith(RANK.app, kindIs('value'), typeIs('string'), (c) => c.schema.format === 'inn'),
  });
  assert.equal(widgetFor({ type: 'string', format: 'inn' }, app), 'app-inn-field');
  assert.equal(widgetFor({ type: 'string', format: 'inn', 'x-widget': 'textarea' }, app), 'app-inn-field');
  assert.equal(widgetFor({ type: 'string' }, app), 'kc-text-field');
  assert.equal(widgetFor({ type: 'string', format: 'inn' }), 'kc-text-field');
});

test('registry: ties go to the entry added last', () => {
  const r = new WidgetRegistry([
    { tag: 'kc-object-group', tester: rankWith(RANK.type, kindIs('object')) },
    { tag: 'x-first', tester: rankWith(RANK.type, kindIs('value')) },
    { tag: 'x-second', tester: rankWith(RANK.type, kindIs('value')) },
  ]);
  assert.equal(widgetFor({ type: 'string' }, r), 'x-second');
});

test('registry: ranks are ordered type < format < special < explicit < app', () => {
  assert.ok(RANK.type < RANK.format && RANK.format < RANK.special && RANK.special < RANK.explicit && RANK.explicit < RANK.app);
});
