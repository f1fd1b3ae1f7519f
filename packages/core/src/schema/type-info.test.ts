import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { FALLBACK_KEYWORD, createSchemaContext, effectiveSchema, effectiveSchemaOf, isDynamic, plainSchema } from './resolve.js';
import { staticResolve } from './static.js';
import { describeType } from './type-info.js';
import '../validation/validator.js';

describe('describeType', () => {
  it('describes declared, nullable, inferred, const and unknown types', () => {
    assert.deepEqual({ ...describeType({ type: 'string' }) }, { types: ['string'], primary: 'string', nullable: false });
    assert.deepEqual({ ...describeType({ type: ['integer', 'null'] }) }, { types: ['integer'], primary: 'integer', nullable: true });
    assert.deepEqual({ ...describeType({ type: ['integer', 'number'] }) }, { types: ['number'], primary: 'number', nullable: false });
    assert.deepEqual({ ...describeType({ type: 'null' }) }, { types: [], primary: 'null', nullable: true });
    assert.deepEqual({ ...describeType({}) }, { types: [], primary: undefined, nullable: false });
    assert.deepEqual(describeType({ properties: {} }), { types: ['object'], primary: 'object', nullable: false, inferred: true });
    assert.deepEqual(describeType({ type: 'string', const: 'x' }), {
      types: ['string'],
      primary: 'string',
      nullable: false,
      const: { value: 'x' },
    });
    assert.deepEqual(describeType({ type: 'string', enum: ['x'] }).const, { value: 'x' });
    assert.deepEqual(describeType({ type: ['string', 'money'] }).unknownTypes, ['money']);
    assert.deepEqual(describeType({ type: 'money' }), { types: ['money'], primary: 'money', nullable: false, unknownTypes: ['money'] });
  });

  it('shares one frozen description between schemas of the same plain type (issue 15: per-field heap)', () => {
    const a = describeType({ type: 'string', title: 'A' });
    const b = describeType({ type: 'string', format: 'email', enum: ['x', 'y'] });
    const c = describeType({ type: ['string'] });
    assert.equal(a, b);
    assert.equal(a, c);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.types));
    assert.equal(describeType({ type: ['null', 'boolean'] }), describeType({ type: ['boolean', 'null'] }));
    assert.notEqual(describeType({ type: 'string' }), describeType({ type: ['string', 'null'] }));
    // Inferred and const descriptions are the schema's own, as before.
    const inferred: JsonSchemaObject = { minLength: 1 };
    assert.equal(describeType(inferred), describeType(inferred));
    assert.notEqual(describeType(inferred), describeType({ minLength: 2 }));
  });
});

describe('static resolution (issue 15: per-field heap)', () => {
  it('a schema without data-dependent keywords resolves to one {schema} object per schema node', () => {
    const root: JsonSchemaObject = {
      type: 'object',
      properties: { a: { type: 'string' }, b: { $ref: '#/$defs/b' } },
      $defs: { b: { type: 'number' } },
    };
    const ctx = createSchemaContext(root);
    const a = root.properties!.a as JsonSchemaObject;
    const first = effectiveSchema(ctx, a, 'x');
    assert.deepEqual(Object.keys(first), ['schema']);
    assert.equal(first.schema, a);
    assert.equal(effectiveSchema(ctx, a, 'y'), first);
    assert.equal(isDynamic(ctx, a), false);
    assert.equal(effectiveSchema(ctx, root.properties!.b, 1).schema.type, 'number');
    assert.deepEqual(Object.keys(effectiveSchema(ctx, undefined, 1)), ['schema']);
  });

  it('a dynamic schema still evaluates its conditionals and says so', () => {
    const root: JsonSchemaObject = {
      type: 'object',
      properties: { kind: { type: 'string' } },
      if: { properties: { kind: { const: 'x' } }, required: ['kind'] },
      then: { properties: { extra: { type: 'string' } } },
    };
    const ctx = createSchemaContext(root);
    assert.equal(isDynamic(ctx, root), true);
    const on = effectiveSchema(ctx, root, { kind: 'x' });
    assert.equal(on.dynamic, true);
    assert.ok(on.schema.properties!.extra);
    assert.equal(effectiveSchema(ctx, root, { kind: 'y' }).schema.properties!.extra, undefined);
    // A nullable (`anyOf: [X, null]`) of a static X is static.
    const opt: JsonSchemaObject = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    const octx = createSchemaContext(opt);
    assert.equal(isDynamic(octx, opt), false);
    assert.deepEqual(effectiveSchema(octx, opt, null).schema.type, ['string', 'null']);
  });

  it('a plain schema is its own resolution, the same as staticResolve gives, without a cache entry', () => {
    const root: JsonSchemaObject = {
      type: 'object',
      properties: {
        a: { type: 'string', title: 'A' },
        e: {},
        r: { $ref: '#/$defs/b' },
        all: { allOf: [{ type: 'string' }, { maxLength: 3 }] },
        cond: { type: 'object', if: { required: ['x'] }, then: { required: ['y'] } },
        alt: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        dep: { type: 'object', dependencies: { x: ['y'] } },
        fb: { type: 'string', [FALLBACK_KEYWORD]: 'no' },
      },
      $defs: { b: { type: 'number' } },
    };
    const ctx = createSchemaContext(root);
    const props = root.properties as Record<string, JsonSchemaObject>;
    for (const [name, s] of Object.entries(props)) {
      const plain = plainSchema(s);
      const expected = staticResolve(ctx, s).schema;
      if (plain) assert.equal(plain, expected, name);
      assert.equal(effectiveSchemaOf(ctx, s, undefined), effectiveSchema(ctx, s, undefined).schema, name);
    }
    assert.equal(plainSchema(props.a), props.a);
    assert.equal(plainSchema(props.e), staticResolve(ctx, props.e).schema);
    for (const name of ['r', 'all', 'cond', 'alt', 'dep']) assert.equal(plainSchema(props[name]), undefined, name);
    assert.equal(plainSchema(undefined), plainSchema(true));
    assert.equal(plainSchema(false), undefined);
  });
});
