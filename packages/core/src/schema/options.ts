/**
 * Options of enum-like schemas, for selects, radio groups and multi-selects.
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { SchemaContext } from './context.js';
import { deref } from './ref.js';
import { staticResolve } from './static.js';
import { hasOwn, isRecord } from './util.js';

export interface SchemaOption {
  value: JsonValue;
  title?: string;
  /** From a `oneOf`/`anyOf` branch's `description`. */
  description?: string;
}

/** Keywords holding labels parallel to `enum` (the first present wins). */
const ENUM_TITLE_KEYWORDS = ['x-enumTitles', 'x-enumNames', 'enumNames'] as const;

/**
 * Options of an enum-like schema: `enum` (labels from `x-enumTitles`/`x-enumNames`/`enumNames`),
 * or a `oneOf`/`anyOf` whose every branch is a `const` (or one-value `enum`) with an optional
 * `title`. A `{type: "null"}` branch is skipped (the field is nullable). `undefined` otherwise.
 */
export function optionsOf(ctx: SchemaContext, schema: JsonSchemaObject): SchemaOption[] | undefined {
  try {
    const s = resolved(ctx, schema);
    if (Array.isArray(s.enum)) {
      const labels = ENUM_TITLE_KEYWORDS.map((k) => s[k]).find(Array.isArray) as unknown[] | undefined;
      return s.enum.map((value, i) => {
        const t = labels?.[i];
        return typeof t === 'string' ? { value, title: t } : { value };
      });
    }
    for (const kw of ['oneOf', 'anyOf'] as const) {
      const list = s[kw];
      if (!Array.isArray(list) || list.length === 0) continue;
      const opts = constOptions(ctx, list);
      if (opts) return opts;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * Options for a multi-select: the options of `items` when `schema` is an array whose items are
 * enum-like (`{type: "array", items: {enum: [...]}, uniqueItems: true}`). `undefined` otherwise.
 */
export function itemOptionsOf(ctx: SchemaContext, schema: JsonSchemaObject): SchemaOption[] | undefined {
  try {
    const s = resolved(ctx, schema);
    const items = s.items;
    if (items === undefined || Array.isArray(items) || typeof items === 'boolean') return undefined;
    return optionsOf(ctx, staticResolve(ctx, items).schema);
  } catch {
    return undefined;
  }
}

function resolved(ctx: SchemaContext, schema: JsonSchemaObject): JsonSchemaObject {
  return typeof schema.$ref === 'string' || Array.isArray(schema.allOf) ? staticResolve(ctx, schema).schema : schema;
}

function constOptions(ctx: SchemaContext, list: readonly JsonSchema[]): SchemaOption[] | undefined {
  const opts: SchemaOption[] = [];
  for (const b of list) {
    const d = deref(ctx, b);
    const s = Array.isArray(d.allOf) ? staticResolve(ctx, d).schema : d;
    let value: JsonValue;
    if (hasOwn(s, 'const')) value = s.const as JsonValue;
    else if (Array.isArray(s.enum) && s.enum.length === 1) value = s.enum[0];
    else if (s.type === 'null' && !isRecord(s.properties)) continue;
    else return undefined;
    const o: SchemaOption = { value };
    if (typeof s.title === 'string') o.title = s.title;
    if (typeof s.description === 'string') o.description = s.description;
    opts.push(o);
  }
  return opts.length > 0 ? opts : undefined;
}
