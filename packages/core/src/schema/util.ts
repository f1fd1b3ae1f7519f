/**
 * Small helpers shared by the schema resolvers. Schemas and data are treated as untrusted JSON:
 * only own properties are read, and new objects are built with `defineData` so that keys such as
 * `__proto__` stay data.
 */
import type { JsonSchemaObject, JsonValue } from '../types.js';

/**
 * Keyword the resolver adds to a schema it cannot turn into form fields (remote `$ref`, impossible
 * `allOf`, ref cycle...). Its value is the reason; `renderable()` reports it, and the model renders
 * such a place with the raw JSON editor, keeping the data intact.
 */
export const FALLBACK_KEYWORD = 'x-kc-fallback';

/** Limit for every recursion over schemas (allOf nesting, ref chains, nested conditionals). */
export const MAX_DEPTH = 64;

/** Keywords that describe a value without constraining it. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$defs',
  'definitions',
  'discriminator',
]);

export const isAnnotation = (key: string): boolean => ANNOTATION_KEYWORDS.has(key) || key.startsWith('x-');

export const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets an own, enumerable property even when the key is `__proto__`. */
export function defineData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Own-key copy that keeps `__proto__` as data. */
export function copyRecord<T>(src: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(src)) defineData(out, k, src[k]);
  return out;
}

/** A frozen empty schema, returned for `true`/missing schemas so results have a stable identity. */
export const EMPTY_SCHEMA: JsonSchemaObject = Object.freeze({}) as JsonSchemaObject;
/** The `false` schema in object form. */
export const FALSE_SCHEMA: JsonSchemaObject = Object.freeze({ not: Object.freeze({}) }) as JsonSchemaObject;

/** A new schema that carries the annotations of `base` and is marked for the raw JSON editor. */
export function fallbackSchema(reason: string, base?: Record<string, unknown>): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  if (base) for (const k of Object.keys(base)) if (isAnnotation(k) && k !== FALLBACK_KEYWORD) defineData(out, k, base[k]);
  defineData(out, FALLBACK_KEYWORD, reason);
  return out;
}

export function fallbackReason(schema: unknown): string | undefined {
  if (!isRecord(schema) || !hasOwn(schema, FALLBACK_KEYWORD)) return undefined;
  const r = schema[FALLBACK_KEYWORD];
  return typeof r === 'string' ? r : 'unrenderable schema';
}

/** Structural JSON equality (object key order ignored), as `const`/`enum` compare values. */
export function jsonEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > 1000) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => jsonEqual(v, bb[i], depth + 1));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => hasOwn(rb, k) && jsonEqual(ra[k], rb[k], depth + 1));
}

/** JSON type name of a value (`integer` for whole numbers). */
export function jsonTypeOf(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
}

/** Deep copy of JSON data (defaults are copied so callers may not mutate the schema through them). */
export function cloneJson<T extends JsonValue | undefined>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map((x) => cloneJson(x)) as T;
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(v)) defineData(out, k, cloneJson((v as Record<string, JsonValue>)[k]));
  return out as T;
}

/** Whether some key of `v` (at any depth) passes `test`. */
export function hasKey(v: unknown, test: (key: string, value: unknown) => boolean, seen = new Set<object>()): boolean {
  if (!v || typeof v !== 'object' || seen.has(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) return v.some((x) => hasKey(x, test, seen));
  for (const [k, child] of Object.entries(v)) {
    if (test(k, child)) return true;
    if (hasKey(child, test, seen)) return true;
  }
  return false;
}
