/**
 * What a layout needs to know about a schema: which properties an object may have (conditional
 * ones included, so a field that appears only for some data still gets a place) and whether a
 * pointer names a place reachable through objects alone.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { parsePointer } from '../pointer.js';
import { deref, describeType, effectiveSchemaOf, type SchemaContext } from '../schema/resolve.js';

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The schema of one place with refs followed and `allOf` merged (no data: conditionals not applied). */
export function plain(ctx: SchemaContext, schema: JsonSchema | undefined): JsonSchemaObject {
  try {
    return effectiveSchemaOf(ctx, schema, undefined);
  } catch {
    return {};
  }
}

/**
 * The properties an object schema may have, in schema order: its own first, then those that only
 * conditionals (`then`/`else`, `dependentSchemas`) or alternatives (`oneOf`/`anyOf`) bring.
 */
export function propertiesOf(ctx: SchemaContext, schema: JsonSchema | undefined): ReadonlyMap<string, JsonSchema> {
  // Cached per schema object: placing n fields walks the same parents n times (schemas are not
  // mutated in place; an edited schema is a new document with a new context).
  if (!schema || typeof schema !== 'object') return collectProperties(ctx, schema);
  let perCtx = propertyCache.get(ctx);
  if (!perCtx) propertyCache.set(ctx, (perCtx = new WeakMap()));
  let out = perCtx.get(schema);
  if (!out) perCtx.set(schema, (out = collectProperties(ctx, schema)));
  return out;
}

const propertyCache = new WeakMap<SchemaContext, WeakMap<object, ReadonlyMap<string, JsonSchema>>>();

function collectProperties(ctx: SchemaContext, schema: JsonSchema | undefined): ReadonlyMap<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const base = plain(ctx, schema);
  const raw = deref(ctx, schema);
  const sources: unknown[] = [
    base,
    raw.then,
    raw.else,
    ...(Array.isArray(raw.oneOf) ? raw.oneOf : []),
    ...(Array.isArray(raw.anyOf) ? raw.anyOf : []),
  ];
  for (const part of Array.isArray(raw.allOf) ? raw.allOf : []) {
    const p = deref(ctx, part as JsonSchema);
    sources.push(p.then, p.else);
  }
  if (raw.dependentSchemas && typeof raw.dependentSchemas === 'object') sources.push(...Object.values(raw.dependentSchemas));
  for (const src of sources) {
    if (!src || typeof src !== 'object') continue;
    const props = plain(ctx, src as JsonSchema).properties;
    if (!props) continue;
    for (const k of Object.keys(props)) if (!out.has(k)) out.set(k, props[k]);
  }
  return out;
}

/** True for an object with named properties (a group a layout can look into). */
export function isGroup(ctx: SchemaContext, schema: JsonSchema | undefined): boolean {
  const s = plain(ctx, schema);
  return describeType(s).primary === 'object' && propertiesOf(ctx, schema).size > 0 && !isMoney(s);
}

/** `{amount, currency}`: one field (a money widget, a currency in view mode), not a group. */
export function isMoney(schema: JsonSchemaObject): boolean {
  if (schema['x-widget'] === 'money') return true;
  const p = schema.properties;
  return !!p && Object.keys(p).length === 2 && hasOwn(p, 'amount') && hasOwn(p, 'currency');
}

export type PlaceCheck = { ok: true; schema: JsonSchema } | { ok: false; reason: 'syntax' | 'root' | 'unknown' | 'inside-array' };

/** Where a layout pointer leads: a place reachable through object properties only. */
export function placeAt(ctx: SchemaContext, pointer: string): PlaceCheck {
  let tokens: string[];
  try {
    tokens = parsePointer(pointer);
  } catch {
    return { ok: false, reason: 'syntax' };
  }
  if (tokens.length === 0) return { ok: false, reason: 'root' };
  let cur: JsonSchema = ctx.root;
  for (const token of tokens) {
    if (describeType(plain(ctx, cur)).primary === 'array') return { ok: false, reason: 'inside-array' };
    const next = propertiesOf(ctx, cur).get(token);
    if (!next) return { ok: false, reason: 'unknown' };
    cur = next;
  }
  return { ok: true, schema: cur };
}
