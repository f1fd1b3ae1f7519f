/**
 * Initial values for a new blank form or array item. Only what the schema states is produced
 * (`default`, `const`, nested defaults): no empty strings or zeros are invented, so data the user
 * never edits comes back exactly as it went in.
 */
import type { JsonSchema, JsonValue } from '../types.js';
import type { SchemaContext } from './context.js';
import { effectiveSchemaOf } from './effective.js';
import { deref } from './ref.js';
import { describeType } from './type-info.js';
import { cloneJson, defineData, hasOwn, isRecord } from './util.js';

const MAX_DEFAULT_DEPTH = 32;

/**
 * The value for a new blank instance of `schema`: its `default` (copied), else its `const`, else
 * for an object the defaults of its properties (recursively; omitted when none), else `undefined`.
 * Conditionals and branches are applied to the values gathered so far, so the defaults of an
 * active `then` or of the first branch (with its discriminator `const`) are included.
 */
export function defaultValue(ctx: SchemaContext, schema: JsonSchema | undefined): JsonValue | undefined {
  try {
    return build(ctx, schema, new Set(), 0);
  } catch {
    return undefined;
  }
}

function build(ctx: SchemaContext, schema: JsonSchema | undefined, stack: Set<object>, depth: number): JsonValue | undefined {
  if (!isRecord(schema) || depth > MAX_DEFAULT_DEPTH) return undefined;
  // A schema already being filled (recursive definitions) adds nothing: stop there.
  const target = deref(ctx, schema);
  if (stack.has(schema) || stack.has(target)) return undefined;
  stack.add(schema).add(target);
  try {
    let eff = effectiveSchemaOf(ctx, schema, undefined);
    if (hasOwn(eff, 'default')) return cloneJson(eff.default as JsonValue);
    if (hasOwn(eff, 'const')) return cloneJson(eff.const as JsonValue);
    if (describeType(eff).primary !== 'object') return undefined;
    let obj = fill(ctx, eff, {}, stack, depth);
    // Conditionals evaluated against the defaults may add fields with defaults of their own.
    for (let round = 0; round < 3; round++) {
      const next = effectiveSchemaOf(ctx, schema, obj);
      if (next === eff) break;
      eff = next;
      obj = fill(ctx, eff, obj, stack, depth);
    }
    return Object.keys(obj).length > 0 ? obj : undefined;
  } finally {
    stack.delete(schema);
    stack.delete(target);
  }
}

function fill(
  ctx: SchemaContext,
  eff: { properties?: Record<string, JsonSchema> },
  into: Record<string, JsonValue>,
  stack: Set<object>,
  depth: number,
): Record<string, JsonValue> {
  const props = eff.properties;
  if (!isRecord(props)) return into;
  let out = into;
  for (const k of Object.keys(props)) {
    if (hasOwn(out, k)) continue;
    const v = build(ctx, props[k] as JsonSchema, stack, depth + 1);
    if (v === undefined) continue;
    if (out === into) out = copy(into);
    defineData(out, k, v);
  }
  return out;
}

function copy(o: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(o)) defineData(out, k, o[k]);
  return out;
}
