/**
 * `oneOf`/`anyOf` of alternative shapes: option titles, the `const` discriminator, and which
 * branch the current data is in.
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { SchemaContext } from './context.js';
import { matchesSubschema } from '../validation/runtime.js';
import type { Alternatives } from './static.js';
import { staticResolve } from './static.js';
import { hasOwn, isRecord, jsonEqual } from './util.js';

export interface BranchOption {
  /** Display title: the branch `title`, else the discriminator value, else `Option N` (1-based). */
  title: string;
  /** Where `title` came from; `index` means a generated "Option N" the UI may localise. */
  titleFrom: 'title' | 'discriminator' | 'index';
  index: number;
  /** The branch, refs followed and `allOf` merged (not merged with the base schema). */
  schema: JsonSchemaObject;
}

export interface BranchInfo {
  readonly keyword: 'oneOf' | 'anyOf';
  readonly options: readonly BranchOption[];
  /** The property whose `const` tells the branches apart, when there is one. */
  readonly discriminator?: string;
  /** The discriminator value of each branch (parallel to `options`). */
  readonly discriminatorValues?: readonly JsonValue[];
  readonly list: readonly JsonSchema[];
}

const caches = new WeakMap<SchemaContext, WeakMap<object, BranchInfo>>();

/** Static facts about a list of alternatives (cached per list). */
export function branchInfo(ctx: SchemaContext, alt: Alternatives): BranchInfo {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new WeakMap()));
  const hit = cache.get(alt.list);
  if (hit) return hit;
  const schemas = alt.list.map((b) => staticResolve(ctx, b).schema);
  const disc = findDiscriminator(ctx, schemas, alt.propertyName);
  const options = schemas.map((schema, index): BranchOption => {
    if (typeof schema.title === 'string' && schema.title !== '') return { title: schema.title, titleFrom: 'title', index, schema };
    const v = disc?.values[index];
    if (disc && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) {
      return { title: String(v), titleFrom: 'discriminator', index, schema };
    }
    return { title: `Option ${index + 1}`, titleFrom: 'index', index, schema };
  });
  const info: BranchInfo = {
    keyword: alt.keyword,
    options,
    list: alt.list,
    ...(disc ? { discriminator: disc.name, discriminatorValues: disc.values } : {}),
  };
  cache.set(alt.list, info);
  return info;
}

function constOf(s: JsonSchemaObject): { value: JsonValue } | undefined {
  if (hasOwn(s, 'const')) return { value: s.const as JsonValue };
  if (Array.isArray(s.enum) && s.enum.length === 1) return { value: s.enum[0] };
  return undefined;
}

/** A property that has a distinct `const` (or one-value `enum`) in every branch. */
function findDiscriminator(
  ctx: SchemaContext,
  branches: readonly JsonSchemaObject[],
  preferred: string | undefined,
): { name: string; values: JsonValue[] } | undefined {
  if (branches.length < 2) return undefined;
  const first = branches[0].properties;
  if (!isRecord(first)) return undefined;
  const names = Object.keys(first);
  if (preferred && names.includes(preferred)) names.unshift(preferred);
  for (const name of names) {
    const values: JsonValue[] = [];
    let ok = true;
    for (const b of branches) {
      const prop = isRecord(b.properties) && hasOwn(b.properties, name) ? b.properties[name] : undefined;
      const c = prop === undefined ? undefined : constOf(staticResolve(ctx, prop as JsonSchema).schema);
      if (!c || values.some((v) => jsonEqual(v, c.value))) {
        ok = false;
        break;
      }
      values.push(c.value);
    }
    if (ok) return { name, values };
  }
  return undefined;
}

/**
 * The selected branch: `explicit` when valid, else the branch whose discriminator matches the data,
 * else the first branch the data is valid against, else 0.
 */
export function selectBranch(ctx: SchemaContext, info: BranchInfo, data: JsonValue | undefined, explicit?: number): number {
  const n = info.options.length;
  if (explicit !== undefined && Number.isInteger(explicit) && explicit >= 0 && explicit < n) return explicit;
  if (info.discriminator && info.discriminatorValues && isRecord(data) && hasOwn(data, info.discriminator)) {
    const v = data[info.discriminator];
    const i = info.discriminatorValues.findIndex((d) => jsonEqual(d, v));
    if (i >= 0) return i;
  }
  if (data !== undefined) {
    for (let i = 0; i < n; i++) if (matchesSubschema(ctx, info.list[i], data)) return i;
  }
  return 0;
}
