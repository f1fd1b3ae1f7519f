import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { compileMatcher, createSchemaContext, effectiveSchema, isDynamic, matches } from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const D07 = 'http://json-schema.org/draft-07/schema#';
const keys = (s: JsonSchemaObject) => Object.keys(s.properties ?? {});

for (const [draft, $schema] of [
  ['2020-12', undefined],
  ['draft-07', D07],
] as const) {
  describe(`conditionals (${draft})`, () => {
    const defs = draft === 'draft-07' ? 'definitions' : '$defs';
    const root: JsonSchemaObject = {
      ...($schema ? { $schema } : {}),
      [defs]: { us: { const: 'US' } },
      type: 'object',
      properties: { country: { enum: ['US', 'CA', 'DE'] }, email: { type: 'string' } },
      allOf: [
        {
          if: { properties: { country: { $ref: `#/${defs}/us` } }, required: ['country'] },
          then: { properties: { zip: { type: 'string', pattern: '^\\d{5}$' } }, required: ['zip'] },
          else: { properties: { postcode: { type: 'string' } } },
        },
        {
          if: { properties: { country: { const: 'CA' } }, required: ['country'] },
          then: { properties: { province: { type: 'string' } }, required: ['province'] },
        },
        {
          if: { properties: { email: { format: 'email' } }, required: ['email'] },
          then: { properties: { newsletter: { type: 'boolean' } } },
        },
      ],
    };
    const ctx = createSchemaContext(root);

    it('fields appear, disappear and become required as the data changes', () => {
      let s = effectiveSchema(ctx, root, { country: 'US' }).schema;
      assert.deepEqual(keys(s), ['country', 'email', 'zip']);
      assert.deepEqual(s.required, ['zip']);
      s = effectiveSchema(ctx, root, { country: 'CA' }).schema;
      assert.deepEqual(keys(s), ['country', 'email', 'postcode', 'province']);
      assert.deepEqual(s.required, ['province']);
      s = effectiveSchema(ctx, root, {}).schema;
      assert.deepEqual(keys(s), ['country', 'email', 'postcode']);
      assert.equal(s.required, undefined);
      assert.equal(s.if, undefined);
      assert.equal(s.allOf, undefined);
    });

    it('validates formats with ajv-formats', () => {
      assert.ok(keys(effectiveSchema(ctx, root, { email: 'a@b.co' }).schema).includes('newsletter'));
      assert.ok(!keys(effectiveSchema(ctx, root, { email: 'not an email' }).schema).includes('newsletter'));
    });

    it('returns the same object while the same conditions hold', () => {
      const a = effectiveSchema(ctx, root, { country: 'US', email: 'x' });
      const b = effectiveSchema(ctx, root, { country: 'US', email: 'y', zip: '12345' });
      assert.equal(a, b);
      assert.notEqual(a, effectiveSchema(ctx, root, { country: 'DE' }));
      assert.ok(isDynamic(ctx, root));
      assert.ok(!isDynamic(ctx, root.properties!.email));
    });

    it('dependencies / dependentRequired / dependentSchemas', () => {
      const r: JsonSchemaObject =
        draft === 'draft-07'
          ? {
              $schema: D07,
              properties: { card: { type: 'string' }, name: { type: 'string' } },
              dependencies: { card: ['billing'], name: { properties: { nick: { type: 'string' } }, required: ['nick'] } },
            }
          : {
              properties: { card: { type: 'string' }, name: { type: 'string' } },
              dependentRequired: { card: ['billing'] },
              dependentSchemas: { name: { properties: { nick: { type: 'string' } }, required: ['nick'] } },
            };
      const c = createSchemaContext(r);
      assert.equal(effectiveSchema(c, r, {}).schema.required, undefined);
      assert.deepEqual(effectiveSchema(c, r, { card: '4111' }).schema.required, ['billing']);
      const s = effectiveSchema(c, r, { card: '4111', name: 'Ann' }).schema;
      assert.deepEqual(s.required, ['nick', 'billing']);
      assert.deepEqual(keys(s), ['card', 'name', 'nick']);
      assert.equal(s.dependencies, undefined);
    });
  });
}

describe('conditionals: nesting and references', () => {
  it('evaluates if/then nested in then, and top-level if/then/else', () => {
    const root: JsonSchemaObject = {
      properties: { kind: { type: 'string' } },
      if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
      then: {
        properties: { inn: { type: 'string' }, vat: { type: 'boolean' } },
        if: { properties: { vat: { const: true } }, required: ['vat'] },
        then: { properties: { vatId: { type: 'string' } }, required: ['vatId'] },
      },
      else: { properties: { passport: { type: 'string' } } },
    };
    const ctx = createSchemaContext(root);
    assert.deepEqual(keys(effectiveSchema(ctx, root, { kind: 'person' }).schema), ['kind', 'passport']);
    assert.deepEqual(keys(effectiveSchema(ctx, root, { kind: 'company' }).schema), ['kind', 'inn', 'vat']);
    const s = effectiveSchema(ctx, root, { kind: 'company', vat: true }).schema;
    assert.deepEqual(keys(s), ['kind', 'inn', 'vat', 'vatId']);
    assert.deepEqual(s.required, ['vatId']);
  });

  it('an if that refers to the root (#) is compiled against the whole document', () => {
    const root: JsonSchemaObject = {
      type: 'object',
      properties: { a: { type: 'string' }, child: { $ref: '#' } },
      if: { properties: { child: { $ref: '#' } }, required: ['child'] },
      then: { properties: { hasChild: { const: true } } },
    };
    const ctx = createSchemaContext(root);
    assert.ok(keys(effectiveSchema(ctx, root, { child: { a: 'x' } }).schema).includes('hasChild'));
    assert.ok(!keys(effectiveSchema(ctx, root, { child: { a: 1 } }).schema).includes('hasChild'));
  });

  it('then: {$ref: "#"} does not loop', () => {
    const root: JsonSchemaObject = { properties: { a: { type: 'string' } }, if: true, then: { $ref: '#' } };
    const ctx = createSchemaContext(root);
    assert.deepEqual(keys(effectiveSchema(ctx, root, {}).schema), ['a']);
  });

  it('matcher survives documents ajv rejects (draft-04 booleans, bad regex)', () => {
    const root: JsonSchemaObject = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: { n: { type: 'number', minimum: 0, exclusiveMinimum: true as never }, r: { type: 'string', pattern: '(' } },
      if: { properties: { n: { const: 1 } }, required: ['n'] },
      then: { properties: { one: { type: 'boolean' } } },
    };
    const ctx = createSchemaContext(root);
    assert.ok(keys(effectiveSchema(ctx, root, { n: 1 }).schema).includes('one'));
    assert.ok(!keys(effectiveSchema(ctx, root, { n: 2 }).schema).includes('one'));
    assert.equal(matches(ctx, { pattern: '(' }, 'x'), false);
  });

  it('compiles each subschema once', (t) => {
    const root: JsonSchemaObject = { if: { properties: { a: { const: 1 } } }, then: { properties: { b: {} } } };
    const ctx = createSchemaContext(root);
    const first = compileMatcher(ctx, root.if);
    effectiveSchema(ctx, root, { a: 1 });
    assert.equal(compileMatcher(ctx, root.if), first);
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) effectiveSchema(ctx, root, { a: i % 3 });
    t.diagnostic(`2,000 evaluations: ${(performance.now() - t0).toFixed(1)} ms`);
  });
});
