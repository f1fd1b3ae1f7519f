/** The validator cache: compiled once per schema (object or equal content), bounded, freed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { VALIDATOR_CACHE_SIZE, clearValidatorCache, contentKey, validatorCacheStats } from './compile-cache.js';
import { compileSchema, validate } from './validator.js';

const schemaN = (n: number): JsonSchemaObject => ({
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', title: `v${n}` } },
});

test('the second compile of the same schema, or of an equal copy, is a cache hit', () => {
  clearValidatorCache();
  const s = schemaN(1);
  const before = validatorCacheStats();
  const fn = compileSchema(s);
  assert.equal(validatorCacheStats().compiles, before.compiles + 1);
  assert.equal(compileSchema(s), fn, 'same object');
  assert.equal(compileSchema(JSON.parse(JSON.stringify(s))), fn, 'equal content in a new object (a parsed request)');
  const after = validatorCacheStats();
  assert.equal(after.compiles, before.compiles + 1, 'compiled once');
  assert.equal(after.hits, before.hits + 2);
  assert.equal(validate(s, {}).valid, false);
});

test('equal schemas with $id compile once and do not collide', () => {
  const s = { $id: 'urn:test:same', type: 'string' } as JsonSchemaObject;
  const fn = compileSchema(s);
  assert.equal(compileSchema({ ...s }), fn);
  assert.equal(validate({ ...s, minLength: 2 }, 'a').valid, false, 'another schema with the same $id compiles too');
});

test('the cache keeps at most VALIDATOR_CACHE_SIZE validators, least recently used out first', () => {
  clearValidatorCache();
  const first = schemaN(0);
  const fn0 = compileSchema(first);
  for (let i = 1; i < VALIDATOR_CACHE_SIZE * 3; i++) {
    compileSchema(schemaN(i));
    compileSchema(first); // kept in use: never the one evicted
  }
  assert.equal(validatorCacheStats().size, VALIDATOR_CACHE_SIZE);
  assert.equal(compileSchema(first), fn0);
  const compiles = validatorCacheStats().compiles;
  compileSchema(schemaN(1)); // evicted long ago: compiled again
  assert.equal(validatorCacheStats().compiles, compiles + 1);
});

test('content keys: key order counts (it orders errors), whitespace of the source does not', () => {
  assert.equal(contentKey({ a: 1, b: [1, 2] }), contentKey(JSON.parse('{ "a": 1,\n "b": [1, 2] }')));
  assert.notEqual(contentKey({ a: 1, b: 2 }), contentKey({ b: 2, a: 1 }));
  assert.notEqual(contentKey({ a: 'x' }), contentKey({ a: 'y' }));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.equal(contentKey(cyclic as JsonSchemaObject), undefined);
});
