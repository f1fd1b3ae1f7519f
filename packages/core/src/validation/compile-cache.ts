/**
 * The cache of compiled validators. Two things made the old `WeakMap` keyed by schema object free
 * nothing: ajv keeps every schema it compiled (and the code-generation scope grows with each
 * compile, which `removeSchema` does not undo), and equal schemas that arrive as new objects (a
 * parsed request, a builder edit) missed the cache and compiled again.
 *
 * Now each validator is compiled by its own ajv instance (see validator.ts), so dropping the
 * function drops everything ajv built for it, and validators are found by the schema's object
 * first (a WeakMap to its content key: no hashing for the same object) and by its content second
 * (a hash of its JSON text), in a least-recently-used map of {@link VALIDATOR_CACHE_SIZE} entries.
 * A validator evicted from the map lives on only while someone (a form controller) holds it.
 */
import type { ValidateFunction } from 'ajv';
import type { JsonSchema } from '../types.js';

/** How many compiled validators the cache keeps (each one can weigh a few hundred KB). */
export const VALIDATOR_CACHE_SIZE = 16;

const keyOf = new WeakMap<object, string>();
const lru = new Map<string, ValidateFunction>();
const counters = { hits: 0, compiles: 0 };

/**
 * The content key of a schema: its JSON text hashed (two 32-bit lanes and the length). Key order
 * is kept, not sorted: it decides the order of errors, so two orders are two validators.
 * `undefined` for a schema that has no JSON text (a cycle): such a schema is cached by identity.
 */
export function contentKey(schema: JsonSchema): string | undefined {
  let text: string;
  try {
    text = JSON.stringify(schema);
  } catch {
    return undefined;
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return `${text.length.toString(36)}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

const identityOnly = new WeakMap<object, ValidateFunction>();

/** The validator of `schema` from the cache, or `compile()`d and cached. */
export function cachedValidator(schema: JsonSchema, compile: () => ValidateFunction): ValidateFunction {
  const obj = typeof schema === 'object' && schema !== null ? schema : undefined;
  let key = obj ? keyOf.get(obj) : undefined;
  if (key === undefined) {
    if (obj && identityOnly.has(obj)) return hit(identityOnly.get(obj)!);
    key = contentKey(schema);
    if (key === undefined) {
      const fn = compileCounted(compile);
      identityOnly.set(obj!, fn);
      return fn;
    }
    if (obj) keyOf.set(obj, key);
  }
  const found = lru.get(key);
  if (found) {
    // Most recently used goes last; the first entry is the one to evict.
    lru.delete(key);
    lru.set(key, found);
    return hit(found);
  }
  const fn = compileCounted(compile);
  lru.set(key, fn);
  if (lru.size > VALIDATOR_CACHE_SIZE) lru.delete(lru.keys().next().value!);
  return fn;
}

function hit(fn: ValidateFunction): ValidateFunction {
  counters.hits++;
  return fn;
}

function compileCounted(compile: () => ValidateFunction): ValidateFunction {
  const fn = compile();
  counters.compiles++;
  return fn;
}

/** What the cache holds and has done: for tests and diagnostics. */
export function validatorCacheStats(): { size: number; hits: number; compiles: number } {
  return { size: lru.size, ...counters };
}

/** Empties the cache (validators held elsewhere keep working). */
export function clearValidatorCache(): void {
  lru.clear();
}
