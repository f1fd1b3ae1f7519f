import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { createSchemaContext, defaultValue, describeType, effectiveSchema, itemOptionsOf, optionsOf, renderable } from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const ctx = createSchemaContext({});

describe('optionsOf / itemOptionsOf', () => {
  it('enum with x-enumTitles / x-enumNames / enumNames', () => {
    assert.deepEqual(optionsOf(ctx, { enum: ['a', 'b'] }), [{ value: 'a' }, { value: 'b' }]);
    assert.deepEqual(optionsOf(ctx, { enum: ['a', 'b'], 'x-enumTitles': ['A', 'B'] }), [
      { value: 'a', title: 'A' },
      { value: 'b', title: 'B' },
    ]);
    assert.deepEqual(optionsOf(ctx, { enum: [1, 2], 'x-enumNames': ['One'] }), [{ value: 1, title: 'One' }, { value: 2 }]);
    assert.deepEqual(optionsOf(ctx, { enum: [true], enumNames: ['Yes'] }), [{ value: true, title: 'Yes' }]);
  });
  it('oneOf/anyOf of const or one-value enum, null branch skipped', () => {
    assert.deepEqual(
      optionsOf(ctx, { anyOf: [{ const: 'lead', title: 'Lead', description: 'new' }, { enum: ['client'] }, { type: 'null' }] }),
      [{ value: 'lead', title: 'Lead', description: 'new' }, { value: 'client' }],
    );
    assert.equal(optionsOf(ctx, { oneOf: [{ const: 1 }, { type: 'string' }] }), undefined);
    assert.equal(optionsOf(ctx, { type: 'string' }), undefined);
  });
  it('multi-select items, through $ref', () => {
    const root: JsonSchemaObject = {
      $defs: { tag: { enum: ['vip', 'b2b'], 'x-enumTitles': ['VIP', 'B2B'] } },
      type: 'array',
      uniqueItems: true,
      items: { $ref: '#/$defs/tag' },
    };
    assert.deepEqual(itemOptionsOf(createSchemaContext(root), root), [
      { value: 'vip', title: 'VIP' },
      { value: 'b2b', title: 'B2B' },
    ]);
    assert.equal(itemOptionsOf(ctx, { type: 'array', items: { type: 'string' } }), undefined);
    assert.equal(itemOptionsOf(ctx, { type: 'string' }), undefined);
  });
});

describe('describeType', () => {
  it('declared, arrays, nullable', () => {
    assert.deepEqual(describeType({ type: 'string' }), { types: ['string'], primary: 'string', nullable: false });
    assert.deepEqual(describeType({ type: ['string', 'null'] }), { types: ['string'], primary: 'string', nullable: true });
    assert.deepEqual(describeType({ type: 'null' }), { types: [], primary: 'null', nullable: true });
    assert.deepEqual(describeType({ type: ['integer', 'number'] }).types, ['number']);
    assert.deepEqual(describeType({ type: ['string', 'bogus'] }).unknownTypes, ['bogus']);
  });
  it('inferred from keywords', () => {
    const p = (s: JsonSchemaObject) => describeType(s).primary;
    assert.equal(p({ properties: {} }), 'object');
    assert.equal(p({ items: {} }), 'array');
    assert.equal(p({ format: 'date' }), 'string');
    assert.equal(p({ pattern: 'x' }), 'string');
    assert.equal(p({ minLength: 1 }), 'string');
    assert.equal(p({ minimum: 0 }), 'number');
    assert.equal(p({ enum: ['a', 'b'] }), 'string');
    assert.equal(p({ enum: [1, 2.5] }), 'number');
    assert.deepEqual(describeType({ enum: ['a', null] }), { types: ['string'], primary: 'string', nullable: true, inferred: true });
    assert.equal(p({}), undefined);
    assert.equal(describeType({ minimum: 0 }).inferred, true);
  });
  it('const', () => {
    assert.deepEqual(describeType({ const: 'x' }), {
      types: ['string'],
      primary: 'string',
      nullable: false,
      inferred: true,
      const: { value: 'x' },
    });
    assert.deepEqual(describeType({ type: 'integer', enum: [3] }).const, { value: 3 });
  });
});

describe('defaultValue', () => {
  it('default, const, nested property defaults; nothing invented', () => {
    assert.equal(defaultValue(ctx, { type: 'string' }), undefined);
    assert.equal(defaultValue(ctx, { type: 'string', default: 'x' }), 'x');
    assert.equal(defaultValue(ctx, { const: 5 }), 5);
    const root: JsonSchemaObject = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        status: { enum: ['new', 'won'], default: 'new' },
        kind: { const: 'client' },
        addr: { type: 'object', properties: { country: { type: 'string', default: 'RU' }, city: { type: 'string' } } },
        empty: { type: 'object', properties: { a: { type: 'string' } } },
        tags: { type: 'array', items: { type: 'string' } },
      },
    };
    assert.deepEqual(defaultValue(createSchemaContext(root), root), { status: 'new', kind: 'client', addr: { country: 'RU' } });
    assert.equal(defaultValue(ctx, { type: 'object', properties: { a: { type: 'string' } } }), undefined);
  });
  it('object default wins and is a copy', () => {
    const s: JsonSchemaObject = { type: 'object', default: { a: [1] }, properties: { a: { default: [2] } } };
    const v = defaultValue(ctx, s) as { a: number[] };
    assert.deepEqual(v, { a: [1] });
    v.a.push(9);
    assert.deepEqual(s.default, { a: [1] });
  });
  it('recursive schemas, conditionals and branches', () => {
    const rec: JsonSchemaObject = { type: 'object', properties: { name: { default: 'n' }, parent: { $ref: '#' } } };
    assert.deepEqual(defaultValue(createSchemaContext(rec), rec), { name: 'n' });
    const cond: JsonSchemaObject = {
      type: 'object',
      properties: { country: { default: 'US' } },
      if: { properties: { country: { const: 'US' } }, required: ['country'] },
      then: { properties: { currency: { default: 'USD' } } },
    };
    assert.deepEqual(defaultValue(createSchemaContext(cond), cond), { country: 'US', currency: 'USD' });
    const br: JsonSchemaObject = {
      oneOf: [{ properties: { t: { const: 'a' }, x: { default: 1 } } }, { properties: { t: { const: 'b' } } }],
    };
    assert.deepEqual(defaultValue(createSchemaContext(br), br), { t: 'a', x: 1 });
  });
});

describe('renderable', () => {
  const cases: [string, JsonSchemaObject, boolean][] = [
    ['string', { type: 'string' }, true],
    ['object', { type: 'object', properties: { a: { type: 'string' } } }, true],
    ['array of objects', { type: 'array', items: { type: 'object', properties: { a: {} } } }, true],
    ['enum without type', { enum: [1, 2] }, true],
    ['const', { const: 'x' }, true],
    ['nullable string', { type: ['string', 'null'] }, true],
    ['not alone', { not: { type: 'string' } }, false],
    ['not with type', { type: 'string', not: { const: '' } }, true],
    ['prefixItems', { type: 'array', prefixItems: [{ type: 'string' }] }, false],
    ['draft-07 tuple', { type: 'array', items: [{ type: 'string' }] }, false],
    ['contains', { type: 'array', items: { type: 'string' }, contains: { const: 'x' } }, false],
    ['array without items', { type: 'array' }, false],
    ['patternProperties only', { type: 'object', patternProperties: { '^x': { type: 'string' } } }, false],
    ['map', { type: 'object', additionalProperties: { type: 'string' } }, false],
    ['free-form object', { type: 'object' }, false],
    ['unknown type', { type: 'date' }, false],
    ['several types', { type: ['string', 'number'] }, false],
    ['no type', {}, false],
    ['false', { not: {} }, false],
  ];
  for (const [name, s, ok] of cases) {
    it(name, () => {
      const r = renderable(ctx, s);
      assert.equal(r.ok, ok, JSON.stringify(r));
      if (!r.ok) assert.ok(r.reason.length > 0);
    });
  }
  it('branch-only objects are renderable', () => {
    const s: JsonSchemaObject = {
      type: 'object',
      oneOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }],
    };
    assert.equal(renderable(ctx, s).ok, true);
    assert.equal(renderable(ctx, effectiveSchema(ctx, s, {}).schema).ok, true);
  });
});
