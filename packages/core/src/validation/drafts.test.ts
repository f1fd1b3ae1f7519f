/**
 * Schemas without `$schema` written in an older draft's syntax keep that draft's meaning. Each case
 * has data that the two readings judge differently, and checks the 2020-12 reading still applies
 * when the document says so (`$schema`) or uses a 2020-12 keyword.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { schemaDialect } from '../schema/dialect.js';
import { createSchemaContext } from '../schema/context.js';
import { compileSchema, metaSchemaErrors, validate } from './validator.js';
import { precompileValidator } from './precompile.js';

const D2020 = 'https://json-schema.org/draft/2020-12/schema';
const valid = (schema: JsonSchemaObject, data: unknown) => validate(schema, data).valid;

test('tuple items with additionalItems: validated as a draft-07 tuple, not as 2020-12 (where an array "items" is no schema)', () => {
  const schema: JsonSchemaObject = { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false };
  assert.equal(schemaDialect(schema), 'draft-07');
  assert.equal(valid(schema, ['a', 1]), true);
  assert.equal(valid(schema, [1, 'a']), false, 'each position has its own schema');
  assert.equal(valid(schema, ['a', 1, true]), false, 'additionalItems: false forbids a third item');
  // Read as 2020-12 the same document is not a schema at all.
  assert.throws(() => compileSchema({ $schema: D2020, ...schema }), /SchemaCompileError|cannot be compiled/);
});

test('additionalItems alone (items a schema) marks draft-07: nested tuples inside properties are found', () => {
  const schema: JsonSchemaObject = {
    type: 'object',
    properties: { pair: { type: 'array', items: [{ const: 'x' }], additionalItems: { type: 'integer' } } },
  };
  assert.equal(schemaDialect(schema), 'draft-07');
  assert.equal(valid(schema, { pair: ['x', 1, 2] }), true);
  assert.equal(valid(schema, { pair: ['x', 1.5] }), false, 'additionalItems applies after the tuple (2020-12 would ignore it)');
});

test('draft-04 boolean exclusive bounds: {minimum: 5, exclusiveMinimum: true} excludes 5 (converted on a copy)', () => {
  // Our JsonSchemaObject type is 2020-12's (numeric bounds): the draft-04 document comes in as JSON.
  const schema = {
    type: 'object',
    properties: {
      qty: { type: 'number', minimum: 5, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true },
      age: { type: 'integer', minimum: 18, exclusiveMinimum: false },
    },
  } as unknown as JsonSchemaObject;
  const before = JSON.stringify(schema);
  assert.equal(schemaDialect(schema), 'draft-04');
  assert.equal(valid(schema, { qty: 5 }), false, 'the bound itself is excluded');
  assert.equal(valid(schema, { qty: 10 }), false);
  assert.equal(valid(schema, { qty: 7 }), true);
  assert.equal(valid(schema, { age: 18 }), true, 'exclusiveMinimum: false keeps the bound inclusive');
  assert.equal(valid(schema, { age: 17 }), false);
  assert.equal(JSON.stringify(schema), before, "the caller's schema is not changed");
  assert.deepEqual(metaSchemaErrors(schema), [], 'checked against the meta-schema in its converted form');
  // Declared draft-04 works too (ajv 8 has no draft-04 meta-schema: the copy says draft-07).
  assert.equal(valid({ $schema: 'http://json-schema.org/draft-04/schema#', ...schema }, { qty: 5 }), false);
  // The precompiler gets the same conversion (ajv rejects boolean bounds as they are).
  assert.doesNotThrow(() => precompileValidator(schema));
});

test('definitions: $ref siblings are ignored as in draft-07 (2020-12 applies them), annotations still count', () => {
  const schema: JsonSchemaObject = {
    definitions: { code: { type: 'string' } },
    type: 'object',
    properties: { code: { $ref: '#/definitions/code', maxLength: 3, title: 'Code' } },
  };
  assert.equal(schemaDialect(schema), 'draft-07');
  assert.equal(valid(schema, { code: 'abcdef' }), true, 'maxLength beside $ref is ignored in draft-07');
  assert.equal(valid(schema, { code: 5 }), false, 'the referenced schema applies');
  assert.equal(valid({ $schema: D2020, ...schema }, { code: 'abcdef' }), false, 'declared 2020-12: the sibling applies');
  // The form model reads the document in the same draft.
  assert.equal(createSchemaContext(schema).draft, 'draft-07');
});

test('a document that also uses a 2020-12 keyword, or declares $schema, keeps 2020-12', () => {
  assert.equal(schemaDialect({ definitions: {}, $defs: {} }), '2020-12');
  assert.equal(schemaDialect({ prefixItems: [{}], properties: { a: { additionalItems: false } } }), '2020-12');
  assert.equal(schemaDialect({ $schema: D2020, definitions: {} }), '2020-12');
  assert.equal(schemaDialect({ type: 'object', properties: { items: { type: 'array', items: { type: 'string' } } } }), '2020-12');
  // Keyword names used as property names are data, not syntax.
  assert.equal(schemaDialect({ properties: { definitions: { type: 'string' }, additionalItems: { type: 'number' } } }), '2020-12');
  assert.equal(createSchemaContext({ type: 'object' }).draft, '2020-12');
});
