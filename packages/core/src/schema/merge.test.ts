import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { FALLBACK_KEYWORD, createSchemaContext, effectiveSchema, renderable } from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const eff = (root: JsonSchemaObject, data: unknown = {}) => effectiveSchema(createSchemaContext(root), root, data as never).schema;

describe('allOf merge', () => {
  it('merges properties, unions required, first title wins', () => {
    const s = eff({
      title: 'Outer',
      allOf: [
        { title: 'A', type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        { title: 'B', properties: { b: { type: 'number' } }, required: ['b', 'a'] },
      ],
    });
    assert.equal(s.title, 'Outer');
    assert.deepEqual(Object.keys(s.properties!), ['a', 'b']);
    assert.deepEqual(s.required, ['a', 'b']);
    assert.equal(s.type, 'object');
    assert.equal(s.allOf, undefined);
  });

  it('merges the same property recursively', () => {
    const s = eff({
      allOf: [
        { properties: { age: { type: 'number', minimum: 0, maximum: 150, title: 'Age' } } },
        { properties: { age: { type: 'integer', minimum: 18, maximum: 200, exclusiveMaximum: 120 } } },
        { properties: { age: { exclusiveMaximum: 100, multipleOf: 2 } } },
      ],
    });
    assert.deepEqual(s.properties!.age, { type: 'integer', minimum: 18, maximum: 150, title: 'Age', exclusiveMaximum: 100, multipleOf: 2 });
  });

  it('nested objects merge deeply', () => {
    const s = eff({
      allOf: [
        { properties: { addr: { properties: { city: { type: 'string' } }, required: ['city'] } } },
        { properties: { addr: { properties: { zip: { type: 'string' } }, required: ['zip'] } } },
      ],
    });
    const addr = s.properties!.addr as JsonSchemaObject;
    assert.deepEqual(Object.keys(addr.properties!), ['city', 'zip']);
    assert.deepEqual(addr.required, ['city', 'zip']);
  });

  it('intersects enum and type; merges lengths, items, flags and patterns', () => {
    const s = eff({
      allOf: [
        { type: ['string', 'null'], enum: ['a', 'b', 'c', null], minLength: 1, readOnly: false },
        { type: ['string', 'number'], enum: ['b', 'c', 'd'], minLength: 2, maxLength: 9, readOnly: true },
      ],
    });
    assert.equal(s.type, 'string');
    assert.deepEqual(s.enum, ['b', 'c']);
    assert.equal(s.minLength, 2);
    assert.equal(s.readOnly, true);
    const a = eff({
      allOf: [{ items: { properties: { x: { type: 'string' } } } }, { items: { properties: { y: { type: 'string' } } } }],
      type: 'array',
    });
    assert.deepEqual(Object.keys((a.items as JsonSchemaObject).properties!), ['x', 'y']);
    const p = eff({ allOf: [{ pattern: '^a' }, { pattern: 'z$' }] });
    const re = new RegExp(p.pattern!, 'u');
    assert.ok(re.test('abcz'));
    assert.ok(!re.test('abc'));
    assert.ok(!re.test('bcz'));
  });

  it('flattens nested allOf and $ref parts', () => {
    const root: JsonSchemaObject = {
      $defs: { base: { properties: { id: { type: 'string' } }, required: ['id'] } },
      allOf: [
        { $ref: '#/$defs/base' },
        { allOf: [{ properties: { name: { type: 'string' } } }, { allOf: [{ properties: { tag: { type: 'string' } } }] }] },
      ],
    };
    const s = eff(root);
    assert.deepEqual(Object.keys(s.properties!), ['id', 'name', 'tag']);
    assert.deepEqual(s.required, ['id']);
  });

  it('marks impossible merges instead of throwing', () => {
    for (const root of [
      { allOf: [{ const: 1 }, { const: 2 }] },
      { allOf: [{ type: 'string' }, { type: 'number' }] },
      { allOf: [{ enum: [1, 2] }, { enum: [3] }] },
      { allOf: [{ const: 'x' }, { enum: ['y'] }] },
    ] as JsonSchemaObject[]) {
      const s = eff(root);
      assert.ok(s[FALLBACK_KEYWORD], JSON.stringify(root));
      assert.equal(renderable(createSchemaContext(root), s).ok, false);
    }
    // A conflict inside one property only affects that property.
    const root: JsonSchemaObject = {
      type: 'object',
      allOf: [{ properties: { a: { const: 1 }, b: { type: 'string' } } }, { properties: { a: { const: 2 } } }],
    };
    const s = eff(root);
    assert.equal(s[FALLBACK_KEYWORD], undefined);
    const ctx = createSchemaContext(root);
    assert.equal(renderable(ctx, effectiveSchema(ctx, s.properties!.a, undefined).schema).ok, false);
    assert.equal(renderable(ctx, s.properties!.b).ok, true);
  });

  it('integer ∩ number is integer; false parts make the schema false', () => {
    assert.equal(eff({ allOf: [{ type: 'number' }, { type: ['integer', 'string'] }] }).type, 'integer');
    const ctx = createSchemaContext({ allOf: [true, false] });
    assert.equal(renderable(ctx, ctx.root).ok, false);
  });

  it('allOf that refers to itself terminates', () => {
    const root: JsonSchemaObject = { type: 'object', properties: { a: { type: 'string' } }, allOf: [{ $ref: '#' }] };
    const s = eff(root);
    assert.deepEqual(Object.keys(s.properties!), ['a']);
  });

  it('merging two different recursive definitions stays lazy and terminates', () => {
    const root: JsonSchemaObject = {
      $defs: {
        a: { type: 'object', properties: { name: { type: 'string' }, kids: { type: 'array', items: { $ref: '#/$defs/a' } } } },
        b: { type: 'object', properties: { age: { type: 'number' }, kids: { type: 'array', items: { $ref: '#/$defs/b' } } } },
      },
      allOf: [{ $ref: '#/$defs/a' }, { $ref: '#/$defs/b' }],
    };
    const ctx = createSchemaContext(root);
    let s = effectiveSchema(ctx, root, {}).schema;
    for (let i = 0; i < 100; i++) {
      assert.deepEqual(Object.keys(s.properties!), ['name', 'kids', 'age']);
      const kids = effectiveSchema(ctx, s.properties!.kids, []).schema;
      s = effectiveSchema(ctx, kids.items as JsonSchemaObject, {}).schema;
    }
  });

  it('deep allOf nesting is cut off with a fallback, not a stack overflow', () => {
    let root: JsonSchemaObject = { type: 'string' };
    for (let i = 0; i < 5000; i++) root = { allOf: [root] };
    const ctx = createSchemaContext(root);
    const r = renderable(ctx, effectiveSchema(ctx, root, 'x').schema);
    assert.equal(r.ok, false);
  });

  it('does not mutate inputs and returns cached results', () => {
    const root: JsonSchemaObject = { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { a: { minLength: 1 } } }] };
    const before = JSON.stringify(root);
    const ctx = createSchemaContext(root);
    const a = effectiveSchema(ctx, root, {});
    assert.equal(effectiveSchema(ctx, root, { a: 'x' }), a);
    assert.equal(JSON.stringify(root), before);
  });

  it('keeps __proto__ and constructor as property names', () => {
    const root = JSON.parse(
      '{"allOf":[{"properties":{"__proto__":{"type":"string"},"constructor":{"type":"number"}}},{"properties":{"__proto__":{"minLength":2},"toString":{"type":"boolean"}}}]}',
    ) as JsonSchemaObject;
    const s = eff(root);
    assert.deepEqual(Object.keys(s.properties!), ['__proto__', 'constructor', 'toString']);
    assert.equal(Object.getPrototypeOf(s.properties!), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(s.properties!, '__proto__')!.value, { type: 'string', minLength: 2 });
    assert.equal(({} as Record<string, unknown>).type, undefined);
  });
});
