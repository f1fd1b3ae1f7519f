/**
 * `allOf` merging: turns a conjunction of schemas into one schema with one set of fields.
 * Properties merge recursively, `required` is a union, bounds take the strictest value, `enum` and
 * `type` intersect. A contradiction (two `const`s, no common type) does not throw: the result is
 * marked with `FALLBACK_KEYWORD` so the form shows a raw JSON editor there.
 *
 * Keywords that depend on the data (`if`/`then`/`else`, `oneOf`/`anyOf`) are kept: the first of
 * each on the result, the others in a residual `allOf` that `staticResolve` collects.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import type { SchemaContext } from './context.js';
import { deref } from './ref.js';
import {
  EMPTY_SCHEMA,
  FALLBACK_KEYWORD,
  MAX_DEPTH,
  copyRecord,
  defineData,
  fallbackReason,
  fallbackSchema,
  hasOwn,
  isRecord,
  jsonEqual,
} from './util.js';

const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains']);
const FLAGS = new Set(['uniqueItems', 'readOnly', 'writeOnly', 'deprecated']);
/** Keywords holding one subschema that constrains (all parts must hold). */
const SUBSCHEMA_AND = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'propertyNames',
  'contains',
]);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Identity keywords of a part: meaningless on a merged copy. */
const DROPPED = new Set(['$id', '$anchor', '$dynamicAnchor', '$schema', '$ref']);

/**
 * Flattens `schema` into its `allOf` parts (refs followed, nested `allOf` expanded, the schema's
 * own keywords first). Cycles are skipped; nesting past `MAX_DEPTH` gives a fallback part.
 */
export function flattenAllOf(ctx: SchemaContext, schema: JsonSchema | undefined, depth = 0, seen = new Set<object>()): JsonSchemaObject[] {
  const s = deref(ctx, schema);
  if (!Array.isArray(s.allOf)) return [s];
  if (seen.has(s)) return [];
  if (depth >= MAX_DEPTH) return [fallbackSchema('allOf nested too deeply')];
  seen.add(s);
  const own: JsonSchemaObject = {};
  for (const k of Object.keys(s)) if (k !== 'allOf') defineData(own, k, s[k]);
  const out: JsonSchemaObject[] = Object.keys(own).length > 0 ? [own] : [];
  for (const part of s.allOf) out.push(...flattenAllOf(ctx, part, depth + 1, seen));
  return out;
}

/** Merges schemas as `allOf` would (refs followed, nested `allOf` flattened). */
export function mergeSchemas(ctx: SchemaContext, parts: readonly (JsonSchema | undefined)[], depth = 0): JsonSchemaObject {
  const flat: JsonSchemaObject[] = [];
  const seen = new Set<object>();
  for (const p of parts) flat.push(...flattenAllOf(ctx, p, depth, seen));
  return mergePlain(ctx, flat, depth);
}

/** Merges schemas that have no `$ref` and no `allOf` of their own. One part is returned as is. */
export function mergePlain(ctx: SchemaContext, parts: readonly JsonSchemaObject[], depth = 0): JsonSchemaObject {
  const nonEmpty = parts.filter((p) => p !== EMPTY_SCHEMA && Object.keys(p).length > 0);
  if (nonEmpty.length === 0) return EMPTY_SCHEMA;
  if (nonEmpty.length === 1 && !needsNormalising(nonEmpty[0])) return nonEmpty[0];
  const out: JsonSchemaObject = {};
  const reasons: string[] = [];
  const residual: JsonSchemaObject[] = [];
  for (const part of nonEmpty) {
    const r = fallbackReason(part);
    if (r && !reasons.includes(r)) reasons.push(r);
    if (part.if !== undefined) {
      if (out.if === undefined) {
        defineData(out, 'if', part.if);
        if (part.then !== undefined) defineData(out, 'then', part.then);
        if (part.else !== undefined) defineData(out, 'else', part.else);
      } else {
        const cond: JsonSchemaObject = { if: part.if };
        if (part.then !== undefined) cond.then = part.then;
        if (part.else !== undefined) cond.else = part.else;
        residual.push(cond);
      }
    }
    for (const key of Object.keys(part)) {
      if (key === FALLBACK_KEYWORD || key === 'if' || key === 'then' || key === 'else' || DROPPED.has(key)) continue;
      mergeKeyword(ctx, out, key, part[key], reasons, residual, depth);
    }
  }
  if (residual.length > 0) defineData(out, 'allOf', [...(Array.isArray(out.allOf) ? out.allOf : []), ...residual]);
  if (hasOwn(out, 'const') && Array.isArray(out.enum) && !out.enum.some((v) => jsonEqual(v, out.const))) {
    reasons.push('const is not one of the enum values');
  }
  if (reasons.length > 0) defineData(out, FALLBACK_KEYWORD, reasons.join('; '));
  return out;
}

/** A single part still needs a pass when it uses the draft-07 `dependencies` keyword. */
const needsNormalising = (s: JsonSchemaObject): boolean => s.dependencies !== undefined;

function mergeKeyword(
  ctx: SchemaContext,
  out: JsonSchemaObject,
  key: string,
  value: unknown,
  reasons: string[],
  residual: JsonSchemaObject[],
  depth: number,
): void {
  if (key === 'dependencies') {
    // draft-07: the array form is dependentRequired, the schema form dependentSchemas.
    if (!isRecord(value)) return;
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (Array.isArray(v)) mergeKeyword(ctx, out, 'dependentRequired', { [k]: v }, reasons, residual, depth);
      else mergeKeyword(ctx, out, 'dependentSchemas', singleEntry(k, v), reasons, residual, depth);
    }
    return;
  }
  const has = hasOwn(out, key);
  const prev = has ? out[key] : undefined;
  if (key === 'type') {
    const next = typeList(value);
    if (!next) return;
    const merged = has ? intersectTypes(typeList(prev) ?? next, next) : next;
    if (merged.length === 0) reasons.push(`no type satisfies every allOf part (${String(prev)} / ${String(value)})`);
    defineData(out, 'type', merged.length === 1 ? merged[0] : merged);
    return;
  }
  if (key === 'required') {
    if (!Array.isArray(value)) return;
    const list = has && Array.isArray(prev) ? [...(prev as string[])] : [];
    for (const r of value) if (typeof r === 'string' && !list.includes(r)) list.push(r);
    defineData(out, 'required', list);
    return;
  }
  if (!has) {
    if (key === 'dependentRequired' || key === 'dependentSchemas' || SCHEMA_MAPS.has(key)) {
      if (isRecord(value)) defineData(out, key, copyRecord(value));
      return;
    }
    if (key === 'allOf' && Array.isArray(value)) return defineData(out, key, [...value]);
    defineData(out, key, value);
    return;
  }
  if (SCHEMA_MAPS.has(key) || key === 'dependentSchemas') {
    if (!isRecord(value) || !isRecord(prev)) return;
    for (const k of Object.keys(value)) {
      const merged = hasOwn(prev, k) ? mergePair(ctx, prev[k] as JsonSchema, value[k] as JsonSchema, depth + 1) : value[k];
      defineData(prev, k, merged);
    }
    return;
  }
  if (key === 'dependentRequired') {
    if (!isRecord(value) || !isRecord(prev)) return;
    for (const k of Object.keys(value)) {
      const add = Array.isArray(value[k]) ? (value[k] as unknown[]) : [];
      const list = Array.isArray(prev[k]) && hasOwn(prev, k) ? [...(prev[k] as string[])] : [];
      for (const r of add) if (typeof r === 'string' && !list.includes(r)) list.push(r);
      defineData(prev, k, list);
    }
    return;
  }
  if (LOWER_BOUNDS.has(key) || UPPER_BOUNDS.has(key)) {
    if (typeof value !== 'number' || typeof prev !== 'number') return; // draft-04 booleans: first wins
    defineData(out, key, LOWER_BOUNDS.has(key) ? Math.max(prev, value) : Math.min(prev, value));
    return;
  }
  if (FLAGS.has(key)) {
    defineData(out, key, prev === true || value === true);
    return;
  }
  switch (key) {
    case 'enum': {
      if (!Array.isArray(value) || !Array.isArray(prev)) return;
      const common = prev.filter((v) => value.some((w) => jsonEqual(v, w)));
      if (common.length === 0) reasons.push('enum values of allOf parts do not intersect');
      defineData(out, 'enum', common);
      return;
    }
    case 'const':
      if (!jsonEqual(prev, value)) reasons.push(`conflicting const values ${JSON.stringify(prev)} and ${JSON.stringify(value)}`);
      return;
    case 'pattern':
      if (typeof value === 'string' && typeof prev === 'string' && prev !== value) {
        // Both must match somewhere: one regex with two lookaheads keeps each pattern's anchoring.
        defineData(out, 'pattern', `^(?=[\\s\\S]*?(?:${prev}))(?=[\\s\\S]*?(?:${value}))`);
      }
      return;
    case 'multipleOf':
      if (typeof value === 'number' && typeof prev === 'number' && value > 0 && prev > 0) {
        if (Number.isInteger(prev) && Number.isInteger(value)) defineData(out, key, (prev * value) / gcd(prev, value));
        else if (Number.isInteger(value / prev)) defineData(out, key, value);
      }
      return;
    case 'not':
      // not A and not B = not (A or B)
      defineData(out, 'not', { anyOf: [prev as JsonSchema, value as JsonSchema] });
      return;
    case 'oneOf':
    case 'anyOf':
      residual.push({ [key]: value });
      return;
    case 'allOf':
      if (Array.isArray(value)) defineData(out, 'allOf', [...(Array.isArray(prev) ? prev : []), ...value]);
      return;
    default:
      break;
  }
  if (SUBSCHEMA_AND.has(key)) {
    if (Array.isArray(prev) || Array.isArray(value)) return; // tuple `items`: first wins
    defineData(out, key, mergePair(ctx, prev as JsonSchema, value as JsonSchema, depth + 1));
  }
  // Everything else (title, description, default, format, x-*...): the first part wins.
}

function singleEntry(key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  defineData(o, key, value);
  return o;
}

function typeList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((t): t is string => typeof t === 'string');
  return undefined;
}

/** Intersects two type lists; `integer` is a subtype of `number`. */
export function intersectTypes(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const pairCaches = new WeakMap<SchemaContext, WeakMap<object, WeakMap<object, JsonSchema>>>();
const inProgress = new WeakMap<SchemaContext, Set<object>>();

/**
 * Merges the two schemas one name has in two parts. Cached per pair; a pair that is already being
 * merged (recursive schemas) stays a lazy `{allOf: [a, b]}` that resolves when its location is.
 */
export function mergePair(ctx: SchemaContext, a: JsonSchema | undefined, b: JsonSchema | undefined, depth: number): JsonSchema {
  if (a === undefined || a === true) return b ?? true;
  if (b === undefined || b === true || a === b) return a;
  if (a === false || b === false) return false;
  if (!isRecord(a) || !isRecord(b)) return isRecord(a) ? a : b;
  let byA = pairCaches.get(ctx);
  if (!byA) pairCaches.set(ctx, (byA = new WeakMap()));
  let byB = byA.get(a);
  if (!byB) byA.set(a, (byB = new WeakMap()));
  const hit = byB.get(b);
  if (hit !== undefined) return hit;
  let busy = inProgress.get(ctx);
  if (!busy) inProgress.set(ctx, (busy = new Set()));
  const lazy: JsonSchemaObject = { allOf: [a, b] };
  if (busy.has(a) || depth >= MAX_DEPTH) return lazy;
  busy.add(a);
  let result: JsonSchema;
  try {
    result = mergeSchemas(ctx, [a, b], depth);
  } finally {
    busy.delete(a);
  }
  byB.set(b, result);
  return result;
}
