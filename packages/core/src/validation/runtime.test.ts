// The run-time compiler on demand: this file imports FormController without the package root
// (nothing here loads validator.ts up front), as a bundle that tree-shook ajv away does. The
// controller asks for the compiler itself, validates once it has arrived, and meanwhile answers
// with the errors it knows; a precompiled validator needs no compiler at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController } from '../form/controller.js';
import { loadValidationRuntime, matchesSubschema, schemaHasPatterns, schemaNeedsMatcher, validationRuntime } from './runtime.js';
import { createSchemaContext } from '../schema/context.js';
import { effectiveSchema } from '../schema/effective.js';
import type { JsonSchemaObject } from '../types.js';

const schema: JsonSchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2 } } };

test('a precompiled validator needs no run-time compiler', () => {
  assert.equal(validationRuntime(), undefined, 'nothing loaded the compiler yet');
  const validator = Object.assign((d: unknown) => typeof (d as { name?: unknown }).name === 'string', { errors: null });
  const f = new FormController(schema, { value: { name: 'Anna' }, validator });
  assert.equal(f.validationPending, false);
  assert.equal(f.validate().valid, true);
  assert.equal(validationRuntime(), undefined, 'still not loaded');
});

// A conditional card: `extra` exists when kind is "b" (what kc-card loads the compiler for first).
const conditional: JsonSchemaObject = {
  type: 'object',
  properties: { kind: { enum: ['a', 'b'] } },
  if: { properties: { kind: { const: 'b' } }, required: ['kind'] },
  then: { properties: { extra: { type: 'string' } } },
};

test('the schema matcher comes with the compiler: before it is loaded, no subschema but `true` matches', () => {
  assert.equal(validationRuntime(), undefined, 'nothing loaded the compiler yet');
  const ctx = createSchemaContext(conditional);
  assert.equal(matchesSubschema(ctx, { const: 'b' }, 'b'), false);
  assert.equal(matchesSubschema(ctx, true, 'b'), true);
  assert.equal(matchesSubschema(ctx, undefined, 'b'), true);
  assert.equal(Object.keys(effectiveSchema(ctx, conditional, { kind: 'b' }).schema.properties ?? {}).join(), 'kind');
});

test('without the compiler loaded, the controller fetches it and validates when it arrives', async () => {
  const f = new FormController(schema, { value: {} });
  assert.equal(f.validationPending, true, 'pending while the compiler loads');
  assert.equal(f.validatorAvailable, false);
  assert.equal(f.validate().valid, false, 'not "valid" before the validator could run');
  await f.validatorReady;
  assert.notEqual(validationRuntime(), undefined);
  assert.equal(f.validationPending, false);
  assert.deepEqual(
    f.allErrors().map((e) => e.path),
    ['/name'],
  );
});

test('schemaNeedsMatcher: conditionals and alternatives need the matcher, plain schemas do not', () => {
  assert.equal(schemaNeedsMatcher(schema), false);
  assert.equal(schemaNeedsMatcher({ type: 'object', properties: { a: { oneOf: [{ type: 'string' }, { type: 'number' }] } } }), true);
  assert.equal(schemaNeedsMatcher({ if: { properties: { a: { const: 1 } } }, then: { required: ['b'] } }), true);
  assert.equal(schemaNeedsMatcher({ type: 'array', items: { properties: { b: { not: { const: 2 } } } } }), true, 'nested in items');
  // Keyword positions only: a formula's `if` operator, a property named `oneOf` or data in an enum
  // are not conditionals (a formula card with a precompiled validator must not fetch ajv for them).
  assert.equal(schemaNeedsMatcher({ properties: { t: { type: 'number', 'x-formula': { if: [true, 1, 2] } } } }), false, 'x-formula');
  assert.equal(schemaNeedsMatcher({ properties: { oneOf: { type: 'string' }, not: { type: 'string' } } }), false, 'property names');
  assert.equal(schemaNeedsMatcher({ properties: { k: { enum: [{ anyOf: 1 }], default: { if: 1 } } } }), false, 'enum and default data');
});

test('the compiler comes without the RE2 engine; a schema with a pattern waits for both, and its pattern runs on RE2', async () => {
  const plainCard = new FormController(schema, { value: {} });
  await plainCard.validatorReady;
  const withPattern: JsonSchemaObject = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } };
  assert.equal(validationRuntime(withPattern), undefined, 'the compiler alone cannot compile a pattern yet');
  const f = new FormController(withPattern, { value: { code: `${'a'.repeat(40)}!` } });
  assert.equal(f.validationPending, true, 'pending while the RE2 engine loads');
  await f.validatorReady;
  assert.equal(f.schemaError, undefined);
  assert.notEqual(validationRuntime(withPattern), undefined);
  // ^(a+)+$ against 40 a's and a mismatch: catastrophic for a backtracking engine, instant on RE2.
  assert.deepEqual(
    f.allErrors().map((e) => [e.path, e.keyword]),
    [['/code', 'pattern']],
  );
});

test('schemaHasPatterns: pattern and patternProperties anywhere; a property named "pattern" is not one', () => {
  assert.equal(schemaHasPatterns(schema), false);
  assert.equal(schemaHasPatterns({ properties: { pattern: { type: 'string' } } }), false);
  assert.equal(schemaHasPatterns({ $defs: { a: { items: { pattern: '^x' } } } }), true);
  assert.equal(schemaHasPatterns({ patternProperties: { '^x': {} } }), true);
});

test('once the compiler is loaded, conditionals and branches are matched against the data', async () => {
  await loadValidationRuntime();
  const ctx = createSchemaContext(conditional);
  assert.equal(matchesSubschema(ctx, { const: 'b' }, 'b'), true);
  assert.equal(matchesSubschema(ctx, { const: 'b' }, 'a'), false);
  assert.equal(Object.keys(effectiveSchema(ctx, conditional, { kind: 'b' }).schema.properties ?? {}).join(), 'kind,extra');
  const alternatives: JsonSchemaObject = {
    oneOf: [
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { type: 'object', properties: { b: { type: 'number' } }, required: ['b'] },
    ],
  };
  const f = new FormController(alternatives, { value: { b: 1 } });
  assert.equal(f.root.branches?.selected, 1, 'the branch the data is valid against');
});
