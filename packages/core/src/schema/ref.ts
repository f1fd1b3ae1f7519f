/**
 * `$ref` resolution inside one schema document: JSON Pointer fragments (percent-encoded,
 * `~0`/`~1`-escaped), `$id` resources and `$anchor`s. Nothing is fetched: a reference to another
 * document becomes a fallback schema (see `FALLBACK_KEYWORD`) instead of an exception.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { getAt } from '../pointer.js';
import type { SchemaContext } from './context.js';
import { resolveUri, schemaIndex, stripFragment } from './context.js';
import { mergeSchemas } from './merge.js';
import { EMPTY_SCHEMA, FALSE_SCHEMA, MAX_DEPTH, defineData, fallbackSchema, isAnnotation, isRecord } from './util.js';

export type RefResolution = { schema: JsonSchema } | { error: string };

/** Resolves one `$ref` value, relative to the resource that contains `from` (default: the root). */
export function resolveRef(ctx: SchemaContext, ref: string, from?: object): RefResolution {
  const index = schemaIndex(ctx);
  const base = (from && index.baseOf.get(from)) ?? index.rootBase;
  const hash = ref.indexOf('#');
  const uriPart = hash < 0 ? ref : ref.slice(0, hash);
  const rawFragment = hash < 0 ? '' : ref.slice(hash + 1);
  let resource: JsonSchemaObject | undefined;
  let resourceBase: string;
  if (uriPart === '') {
    resourceBase = base;
    resource = index.resources.get(base) ?? ctx.root;
  } else {
    const abs = resolveUri(uriPart, base);
    resourceBase = abs ? stripFragment(abs) : uriPart;
    resource = index.resources.get(resourceBase);
    if (!resource) {
      return /^[a-z][a-z\d+.-]*:/i.test(uriPart) || !abs?.startsWith('kartochka:')
        ? { error: `remote $ref "${ref}" cannot be loaded` }
        : { error: `$ref "${ref}" names no schema in this document` };
    }
  }
  let fragment: string;
  try {
    fragment = decodeURIComponent(rawFragment);
  } catch {
    return { error: `malformed $ref "${ref}"` };
  }
  let target: unknown;
  if (fragment === '') target = resource;
  else if (fragment.startsWith('/')) target = getAt(resource, fragment);
  else target = index.anchors.get(resourceBase + '#' + fragment) ?? index.anchorNames.get(fragment);
  if (target === undefined) return { error: `$ref "${ref}" points at nothing` };
  if (typeof target !== 'boolean' && !isRecord(target)) return { error: `$ref "${ref}" does not point at a schema` };
  return { schema: target as JsonSchema };
}

const caches = new WeakMap<SchemaContext, WeakMap<object, JsonSchemaObject>>();

/**
 * Follows `$ref` chains; `true`/missing becomes `{}`, `false` becomes `{not: {}}`. Keywords next to
 * a `$ref` are merged with its target (2020-12); for draft-04/06/07, where the spec ignores them,
 * only annotations (`title`, `description`, `x-*`...) are kept, since authors rely on those.
 * Cycles, missing targets and remote refs give a fallback schema. The result is cached per object.
 */
export function deref(ctx: SchemaContext, schema: JsonSchema | undefined): JsonSchemaObject {
  if (schema === undefined || schema === true) return EMPTY_SCHEMA;
  if (schema === false) return FALSE_SCHEMA;
  if (!isRecord(schema)) return fallbackSchema('not a schema');
  if (typeof schema.$ref !== 'string') return schema;
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new WeakMap()));
  const hit = cache.get(schema);
  if (hit) return hit;
  const result = follow(ctx, schema);
  cache.set(schema, result);
  return result;
}

function follow(ctx: SchemaContext, schema: JsonSchemaObject): JsonSchemaObject {
  const siblings: JsonSchemaObject[] = [];
  const seen = new Set<object>();
  let cur: unknown = schema;
  for (let step = 0; ; step++) {
    if (cur === true || cur === undefined) cur = EMPTY_SCHEMA;
    else if (cur === false) cur = FALSE_SCHEMA;
    if (!isRecord(cur)) return fallbackSchema('$ref target is not a schema', schema);
    const ref = cur.$ref;
    if (typeof ref !== 'string') break;
    if (seen.has(cur) || step >= MAX_DEPTH) return fallbackSchema(`$ref cycle at "${ref}"`, schema);
    seen.add(cur);
    const own = siblingKeywords(ctx, cur);
    if (own) siblings.push(own);
    const r = resolveRef(ctx, ref, cur);
    if ('error' in r) return fallbackSchema(r.error, schema);
    cur = r.schema;
  }
  const target = cur as JsonSchemaObject;
  // The keywords beside the `$ref` come first, so a local `title` wins over the target's.
  return siblings.length === 0 ? target : mergeSchemas(ctx, [...siblings, target]);
}

function siblingKeywords(ctx: SchemaContext, schema: JsonSchemaObject): JsonSchemaObject | undefined {
  const keepAll = ctx.draft === '2020-12';
  let out: JsonSchemaObject | undefined;
  for (const k of Object.keys(schema)) {
    if (k === '$ref' || k === '$id' || k === '$schema' || k === '$anchor' || k === '$defs' || k === 'definitions') continue;
    if (!keepAll && !isAnnotation(k)) continue;
    out ??= {};
    defineData(out, k, schema[k]);
  }
  return out;
}
