/**
 * The effective schema at one data location: the static resolution (cached per schema object)
 * plus the conditionals, dependencies and branch that are active for the current data. Results are
 * memoised per "which conditions hold" signature, so equal situations return the same object and
 * the model can compare by identity.
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { BranchOption } from './branches.js';
import { branchInfo, selectBranch } from './branches.js';
import type { SchemaContext } from './context.js';
import { matchesSubschema } from '../validation/runtime.js';
import { mergePlain } from './merge.js';
import type { StaticDynamic, StaticEntry } from './static.js';
import { plainSchema, staticResolve } from './static.js';
import { MAX_DEPTH, fallbackSchema, hasOwn, isRecord } from './util.js';

/** Result of resolving the schema at one data location for the current data. */
export interface EffectiveSchema {
  /** The merged schema: refs followed, allOf merged, active conditionals applied. */
  schema: JsonSchemaObject;
  /** Set when the schema offers alternative shapes (oneOf/anyOf). */
  branches?: {
    keyword: 'oneOf' | 'anyOf';
    options: BranchOption[];
    selected: number;
    /** The property whose `const` tells the branches apart, when there is one. */
    discriminator?: string;
  };
  /** True when the result may change with the data (see `isDynamic`). */
  dynamic?: boolean;
}

export interface EffectiveOptions {
  /** The branch the user picked; overrides the one inferred from the data. */
  branch?: number;
}

interface Evaluated {
  readonly result: EffectiveSchema;
  /** Which conditions held; equal signatures give equal results. */
  readonly sig: string;
}

/** The static result of a dynamic entry (a plain entry is its own result). */
const staticResults = new WeakMap<StaticDynamic, EffectiveSchema>();
const memos = new WeakMap<StaticEntry, Map<string, EffectiveSchema>>();

/** The effective schema at a location given the data there. Never throws on a bad schema. */
export function effectiveSchema(
  ctx: SchemaContext,
  schema: JsonSchema | undefined,
  data: JsonValue | undefined,
  opts: EffectiveOptions = {},
): EffectiveSchema {
  try {
    // Fast path: most locations are static, and their result is one cached lookup.
    const entry = staticResolve(ctx, schema);
    if (!entry.dynamic) return staticResult(entry);
    return evaluate(ctx, schema, data, opts.branch, 0, new Set()).result;
  } catch (e) {
    // Only a stack overflow on an absurdly deep document can get here.
    return { schema: fallbackSchema(`schema could not be resolved: ${(e as Error)?.message ?? String(e)}`) };
  }
}

/**
 * The effective schema's `schema` alone, as `effectiveSchema(...).schema`: for the model's own
 * walks, which keep no result object. A plain schema (`plainSchema`) is its own effective schema
 * and leaves nothing cached (issue 15: a cache entry and an object per field of a large card).
 */
export function effectiveSchemaOf(
  ctx: SchemaContext,
  schema: JsonSchema | undefined,
  data: JsonValue | undefined,
  opts?: EffectiveOptions,
): JsonSchemaObject {
  return plainSchema(schema) ?? effectiveSchema(ctx, schema, data, opts).schema;
}

/** Whether the effective schema of `schema` can change with the data (conditionals, dependencies, branches). */
export function isDynamic(ctx: SchemaContext, schema: JsonSchema | undefined): boolean {
  if (plainSchema(schema)) return false;
  try {
    return staticResolve(ctx, schema).dynamic === true;
  } catch {
    return false;
  }
}

function staticResult(entry: StaticEntry): EffectiveSchema {
  // A plain entry is `{schema}`: the effective schema itself, one object per schema node.
  if (!entry.dynamic) return entry;
  let r = staticResults.get(entry);
  if (!r) staticResults.set(entry, (r = { schema: entry.schema }));
  return r;
}

function evaluate(
  ctx: SchemaContext,
  schema: JsonSchema | undefined,
  data: JsonValue | undefined,
  branch: number | undefined,
  depth: number,
  stack: Set<StaticEntry>,
): Evaluated {
  const entry = staticResolve(ctx, schema, depth);
  if (!entry.dynamic) return { result: staticResult(entry), sig: '' };
  // A part that is already being applied (e.g. `then: {$ref: "#"}`) adds nothing new.
  if (stack.has(entry) || depth >= MAX_DEPTH) return { result: staticResult(entry), sig: '!' };
  stack.add(entry);
  try {
    let sig = '';
    const parts: JsonSchemaObject[] = [];
    let nested: EffectiveSchema['branches'];
    const apply = (part: JsonSchema | undefined, b?: number) => {
      if (part === undefined) return;
      const sub = evaluate(ctx, part, data, b, depth + 1, stack);
      sig += '(' + sub.sig + ')';
      parts.push(sub.result.schema);
      nested ??= sub.result.branches;
    };
    for (const c of entry.conditionals) {
      const ok = matchesSubschema(ctx, c.if, data);
      sig += ok ? 'T' : 'F';
      apply(ok ? c.then : c.else, entry.alternatives ? undefined : branch);
    }
    const present = (k: string) => isRecord(data) && hasOwn(data, k);
    const required: string[] = [];
    for (const [k, req] of entry.dependentRequired) {
      const p = present(k);
      sig += p ? 'R' : 'r';
      if (p) required.push(...req);
    }
    for (const [k, s] of entry.dependentSchemas) {
      const p = present(k);
      sig += p ? 'S' : 's';
      if (p) apply(s, entry.alternatives ? undefined : branch);
    }
    let branches: EffectiveSchema['branches'];
    if (entry.alternatives) {
      const info = branchInfo(ctx, entry.alternatives);
      const selected = selectBranch(ctx, info, data, branch);
      sig += 'B' + selected;
      apply(info.list[selected]);
      branches = {
        keyword: info.keyword,
        options: info.options as BranchOption[],
        selected,
        ...(info.discriminator ? { discriminator: info.discriminator } : {}),
      };
    }
    let memo = memos.get(entry);
    if (!memo) memos.set(entry, (memo = new Map()));
    const hit = memo.get(sig);
    if (hit) return { result: hit, sig };
    if (required.length > 0) parts.push({ required });
    const merged = parts.length > 0 ? mergePlain(ctx, [entry.schema, ...parts], depth + 1) : entry.schema;
    const result: EffectiveSchema = { schema: merged, dynamic: true };
    const b = branches ?? nested;
    if (b) result.branches = b;
    memo.set(sig, result);
    return { result, sig };
  } finally {
    stack.delete(entry);
  }
}
