/**
 * The data-independent half of resolution, computed once per schema object and cached: refs
 * followed, `allOf` merged, and the keywords that depend on the data (`if`/`then`/`else`,
 * `dependentRequired`, `dependentSchemas`/`dependencies`, `oneOf`/`anyOf` branches) set aside as
 * lists that `effectiveSchema` evaluates. A schema without them is not *dynamic*: its effective
 * schema is this cached result, whatever the data.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import type { SchemaContext } from './context.js';
import { flattenAllOf, mergePlain, mergeSchemas } from './merge.js';
import { deref } from './ref.js';
import { describeType } from './type-info.js';
import { EMPTY_SCHEMA, MAX_DEPTH, defineData, hasOwn, isRecord } from './util.js';

export interface Conditional {
  readonly if: JsonSchema;
  readonly then?: JsonSchema;
  readonly else?: JsonSchema;
}

export interface Alternatives {
  readonly keyword: 'oneOf' | 'anyOf';
  readonly list: readonly JsonSchema[];
  /** OpenAPI-style `discriminator.propertyName` of the schema that holds the list, if any. */
  readonly propertyName?: string;
}

/**
 * A schema whose effective schema does not depend on the data. The entry is the object
 * `effectiveSchema` returns for it (`{schema}`): one object per schema node, not three arrays and
 * two objects (issue 15: ~85 bytes of JS heap per field of a large card).
 */
export interface StaticPlain {
  /** Merged schema. */
  readonly schema: JsonSchemaObject;
  readonly dynamic?: undefined;
  readonly alternatives?: undefined;
}

/** A schema with data-dependent keywords, set aside as lists that `effectiveSchema` evaluates. */
export interface StaticDynamic {
  /** Merged schema without the data-dependent keywords. */
  readonly schema: JsonSchemaObject;
  readonly conditionals: readonly Conditional[];
  readonly dependentRequired: readonly (readonly [string, readonly string[]])[];
  readonly dependentSchemas: readonly (readonly [string, JsonSchema])[];
  /** The `oneOf`/`anyOf` of alternative shapes offered as branches (enum-like lists stay in `schema`). */
  readonly alternatives?: Alternatives;
  /** The effective schema can change with the data. */
  readonly dynamic: true;
}

/** `dynamic` says which: only a dynamic entry has the lists. */
export type StaticEntry = StaticPlain | StaticDynamic;

const caches = new WeakMap<SchemaContext, WeakMap<object, StaticEntry>>();
// Not frozen: it is also the effective schema handed out for `true`/absent schemas, as before.
const EMPTY_ENTRY: StaticPlain = { schema: EMPTY_SCHEMA };

/** The keywords that make a schema's resolution more than the schema itself. */
const RESOLVED_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  'allOf',
  'if',
  'then',
  'else',
  'oneOf',
  'anyOf',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
]);

/**
 * The static resolution of a schema that is its own: no refs, `allOf`, conditionals, dependencies
 * or alternatives (most fields of a card). `staticResolve` would give `{schema}` with this schema
 * (`{}` for one without keywords); this answers without a cache entry and that object per schema
 * node (issue 15). `undefined` for any other schema.
 */
export function plainSchema(schema: JsonSchema | undefined): JsonSchemaObject | undefined {
  if (schema === undefined || schema === true) return EMPTY_SCHEMA;
  if (!isRecord(schema)) return undefined;
  let empty = true;
  for (const k in schema) {
    if (!hasOwn(schema, k)) continue;
    if (RESOLVED_KEYWORDS.has(k)) return undefined;
    empty = false;
  }
  return empty ? EMPTY_SCHEMA : schema;
}

/** The cached static resolution of `schema`. */
export function staticResolve(ctx: SchemaContext, schema: JsonSchema | undefined, depth = 0): StaticEntry {
  if (schema === undefined || schema === true) return EMPTY_ENTRY;
  const key = isRecord(schema) ? schema : undefined;
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new WeakMap()));
  const hit = key && cache.get(key);
  if (hit) return hit;
  const merged = mergePlain(ctx, flattenAllOf(ctx, schema, depth), depth);
  const entry = extract(ctx, merged, depth);
  if (key) cache.set(key, entry);
  return entry;
}

type Kind = { kind: 'options' } | { kind: 'nullable'; other: JsonSchema } | { kind: 'branches' } | { kind: 'ignore' };

const isConstLike = (s: JsonSchemaObject): boolean => hasOwn(s, 'const') || (Array.isArray(s.enum) && s.enum.length === 1);
const isNullOnly = (s: JsonSchemaObject): boolean =>
  (s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null')) && !s.properties;

/** Enum-like lists are options of one field; `[X, {type: null}]` is a nullable X; the rest are branches. */
export function classifyAlternatives(ctx: SchemaContext, list: unknown): Kind {
  if (!Array.isArray(list) || list.length === 0) return { kind: 'ignore' };
  const d = list.map((s) => deref(ctx, s as JsonSchema));
  if (d.every((s) => isConstLike(s) || isNullOnly(s)) && d.some(isConstLike)) return { kind: 'options' };
  if (list.length === 2) {
    const nulls = d.filter(isNullOnly).length;
    if (nulls === 1) return { kind: 'nullable', other: list[isNullOnly(d[0]) ? 1 : 0] as JsonSchema };
  }
  return { kind: 'branches' };
}

function extract(ctx: SchemaContext, merged: JsonSchemaObject, depth: number): StaticEntry {
  const conditionals: Conditional[] = [];
  const dependentRequired: [string, string[]][] = [];
  const dependentSchemas: [string, JsonSchema][] = [];
  const strip = new Set<string>();
  const groups: { keyword: 'oneOf' | 'anyOf'; list: unknown; topLevel: boolean }[] = [];
  let alternatives: Alternatives | undefined;
  const nullable: JsonSchema[] = [];

  if (merged.if !== undefined) conditionals.push(condOf(merged));
  for (const k of ['if', 'then', 'else']) if (hasOwn(merged, k)) strip.add(k);
  for (const kw of ['oneOf', 'anyOf'] as const) if (hasOwn(merged, kw)) groups.push({ keyword: kw, list: merged[kw], topLevel: true });
  if (Array.isArray(merged.allOf)) {
    // Only the residual data-dependent parts of a merge are left here.
    strip.add('allOf');
    for (const part of merged.allOf) {
      const p = deref(ctx, part);
      if (p.if !== undefined) conditionals.push(condOf(p));
      for (const kw of ['oneOf', 'anyOf'] as const) if (hasOwn(p, kw)) groups.push({ keyword: kw, list: p[kw], topLevel: false });
    }
  }
  if (isRecord(merged.dependentRequired)) {
    strip.add('dependentRequired');
    for (const k of Object.keys(merged.dependentRequired)) {
      const req = merged.dependentRequired[k];
      if (Array.isArray(req)) dependentRequired.push([k, req.filter((r): r is string => typeof r === 'string')]);
    }
  }
  if (isRecord(merged.dependentSchemas)) {
    strip.add('dependentSchemas');
    for (const k of Object.keys(merged.dependentSchemas)) dependentSchemas.push([k, merged.dependentSchemas[k]]);
  }
  if (isRecord(merged.dependencies)) {
    strip.add('dependencies');
    for (const k of Object.keys(merged.dependencies)) {
      const v = merged.dependencies[k];
      if (Array.isArray(v)) dependentRequired.push([k, v.filter((r): r is string => typeof r === 'string')]);
      else dependentSchemas.push([k, v as JsonSchema]);
    }
  }
  for (const g of groups) {
    const kind = classifyAlternatives(ctx, g.list);
    if (kind.kind === 'nullable') {
      nullable.push(kind.other);
      if (g.topLevel) strip.add(g.keyword);
    } else if (kind.kind === 'branches' && !alternatives) {
      const d = isRecord(merged.discriminator) ? merged.discriminator.propertyName : undefined;
      alternatives = { keyword: g.keyword, list: g.list as JsonSchema[], propertyName: typeof d === 'string' ? d : undefined };
      if (g.topLevel) strip.add(g.keyword);
    } else if (kind.kind === 'options' && !g.topLevel && !hasOwn(merged, g.keyword)) {
      // An enum-like list from a residual part: surface it so optionsOf() sees it.
      merged = withKey(merged, g.keyword, g.list);
    }
  }
  let schema = strip.size > 0 ? without(merged, strip) : merged;
  if (nullable.length > 0 && depth < MAX_DEPTH) {
    // `anyOf: [X, {type: "null"}]` (e.g. pydantic Optional): one field of X's shape that may be null.
    const inner = staticResolveMerged(ctx, mergeSchemas(ctx, [schema, ...nullable], depth + 1), depth + 1);
    return inner.dynamic ? { ...inner, schema: addNull(inner.schema) } : { schema: addNull(inner.schema) };
  }
  if (Object.keys(schema).length === 0) schema = EMPTY_SCHEMA;
  const dynamic = conditionals.length > 0 || dependentRequired.length > 0 || dependentSchemas.length > 0 || !!alternatives;
  if (!dynamic) return { schema };
  return { schema, conditionals, dependentRequired, dependentSchemas, alternatives, dynamic };
}

function staticResolveMerged(ctx: SchemaContext, merged: JsonSchemaObject, depth: number): StaticEntry {
  return extract(ctx, merged, depth);
}

function condOf(s: JsonSchemaObject): Conditional {
  return { if: s.if as JsonSchema, then: s.then, else: s.else };
}

function without(s: JsonSchemaObject, keys: ReadonlySet<string>): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const k of Object.keys(s)) if (!keys.has(k)) defineData(out, k, s[k]);
  return out;
}

function withKey(s: JsonSchemaObject, key: string, value: unknown): JsonSchemaObject {
  const out: JsonSchemaObject = {};
  for (const k of Object.keys(s)) defineData(out, k, s[k]);
  defineData(out, key, value);
  return out;
}

function addNull(s: JsonSchemaObject): JsonSchemaObject {
  const info = describeType(s);
  const types = info.types.length > 0 ? info.types : info.primary && info.primary !== 'null' ? [info.primary] : [];
  if (types.length === 0 || info.nullable) return s;
  return withKey(s, 'type', [...types, 'null']);
}
