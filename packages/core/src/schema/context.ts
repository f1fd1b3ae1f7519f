/**
 * The schema context: the root document plus its dialect, and a lazily built index of the
 * document (`$id` resources, anchors, the JSON Pointer and base URI of every subschema) that
 * `$ref` resolution and the ajv matcher need.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { escapeToken } from '../pointer.js';
import { hasOwn, isRecord } from './util.js';
import { isOlderDraft, schemaDialect, type Dialect } from './dialect.js';

/** The validator family used: draft-04/06/07 → `draft-07`, 2019-09/2020-12 → `2020-12`. */
export type Draft = '2020-12' | 'draft-07';

export type { Dialect } from './dialect.js';
export { detectDialect } from './dialect.js';

export interface SchemaContext {
  /** The root schema document (refs resolve against it). */
  readonly root: JsonSchemaObject;
  readonly draft: Draft;
  /** The dialect named by the root's `$schema`, else read from its syntax (dialect.ts); 2020-12 by default. */
  readonly dialect?: Dialect;
}

/**
 * Creates the context for one root schema. Create it once per schema document: the caches
 * (resolved schemas, compiled `if` validators) live as long as the context.
 */
export function createSchemaContext(root: JsonSchema, opts: { draft?: Draft } = {}): SchemaContext {
  if (typeof root !== 'boolean' && !isRecord(root)) {
    throw new TypeError(
      `createSchemaContext: the root schema must be an object or a boolean, got ${root === null ? 'null' : typeof root}.`,
    );
  }
  const obj: JsonSchemaObject = typeof root === 'boolean' ? (root ? {} : { not: {} }) : root;
  const dialect = schemaDialect(obj);
  const draft: Draft = opts.draft ?? (isOlderDraft(dialect) ? 'draft-07' : '2020-12');
  return { root: obj, draft, dialect };
}

/** Base URI used for a root without `$id`. */
export const DEFAULT_BASE = 'kartochka://schema/root.json';

export interface SchemaIndex {
  /** Absolute `$id` (fragment stripped) → schema resource. */
  readonly resources: Map<string, JsonSchemaObject>;
  /** `absoluteBase#anchor` → schema (2020-12 `$anchor`/`$dynamicAnchor`, draft-07 `$id: "#x"`). */
  readonly anchors: Map<string, JsonSchemaObject>;
  /** Plain anchor name → schema, for anchors referenced from another resource by name only. */
  readonly anchorNames: Map<string, JsonSchemaObject>;
  /** Schema object → base URI of the resource it belongs to. */
  readonly baseOf: WeakMap<object, string>;
  /** Schema object → JSON Pointer from the root (first occurrence). */
  readonly pointerOf: WeakMap<object, string>;
  readonly rootBase: string;
}

/** Keywords whose values are data, never subschemas: the index does not descend into them. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

export function resolveUri(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

export const stripFragment = (uri: string): string => {
  const i = uri.indexOf('#');
  return i < 0 ? uri : uri.slice(0, i);
};

/** Keywords whose value is a map of name → subschema. */
const MAP_KEYWORDS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);

const indexes = new WeakMap<SchemaContext, SchemaIndex>();

/** The index of `ctx.root`, built once (iteratively, so deep documents cannot overflow the stack). */
export function schemaIndex(ctx: SchemaContext): SchemaIndex {
  let index = indexes.get(ctx);
  if (index) return index;
  const rootId =
    typeof ctx.root.$id === 'string'
      ? ctx.root.$id
      : ctx.dialect === 'draft-04' && typeof ctx.root.id === 'string'
        ? ctx.root.id
        : undefined;
  // `new URL` is only used when the document names resources: its first call is costly in Node.
  const rootBase = rootId ? stripFragment(resolveUri(rootId, DEFAULT_BASE) ?? DEFAULT_BASE) : DEFAULT_BASE;
  index = {
    resources: new Map(),
    anchors: new Map(),
    anchorNames: new Map(),
    baseOf: new WeakMap(),
    pointerOf: new WeakMap(),
    rootBase,
  };
  index.resources.set(rootBase, ctx.root);
  const idKey = ctx.dialect === 'draft-04' ? 'id' : '$id';
  const stack: { node: unknown; pointer: string; base: string; isSchema: boolean }[] = [
    { node: ctx.root, pointer: '', base: rootBase, isSchema: true },
  ];
  let visited = 0;
  while (stack.length > 0 && visited < 1_000_000) {
    const { node, pointer, base: parentBase, isSchema } = stack.pop()!;
    visited++;
    if (typeof node !== 'object' || node === null) continue;
    if (index.pointerOf.has(node)) continue; // shared object: first occurrence wins
    let base = parentBase;
    if (!Array.isArray(node)) {
      index.pointerOf.set(node, pointer);
      const rec = node as Record<string, unknown>;
      const id = isSchema && hasOwn(rec, idKey) ? rec[idKey] : undefined;
      if (typeof id === 'string' && id !== '') {
        if (id.startsWith('#')) {
          registerAnchor(index, base, id.slice(1), rec);
        } else {
          const abs = resolveUri(id, base);
          if (abs) {
            const hash = abs.indexOf('#');
            base = stripFragment(abs);
            if (!index.resources.has(base)) index.resources.set(base, rec as JsonSchemaObject);
            if (hash >= 0 && hash < abs.length - 1) registerAnchor(index, base, abs.slice(hash + 1), rec);
          }
        }
      }
      if (isSchema) {
        for (const key of ['$anchor', '$dynamicAnchor']) {
          const a = hasOwn(rec, key) ? rec[key] : undefined;
          if (typeof a === 'string') registerAnchor(index, base, a, rec);
        }
      }
      index.baseOf.set(node, base);
      for (const key of Object.keys(rec)) {
        if (isSchema && DATA_KEYWORDS.has(key)) continue;
        const child = rec[key];
        if (typeof child === 'object' && child !== null) {
          // Values of `properties`, `$defs`... are schemas whatever their key (`enum`, `const` included).
          const childIsSchema = isSchema ? !MAP_KEYWORDS.has(key) : true;
          stack.push({ node: child, pointer: pointer + '/' + escapeToken(key), base, isSchema: childIsSchema });
        }
      }
    } else {
      node.forEach((child, i) => {
        if (typeof child === 'object' && child !== null) {
          stack.push({ node: child, pointer: pointer + '/' + i, base, isSchema: true });
        }
      });
    }
  }
  indexes.set(ctx, index);
  return index;
}

function registerAnchor(index: SchemaIndex, base: string, name: string, schema: Record<string, unknown>): void {
  const key = base + '#' + name;
  if (!index.anchors.has(key)) index.anchors.set(key, schema as JsonSchemaObject);
  if (!index.anchorNames.has(name)) index.anchorNames.set(name, schema as JsonSchemaObject);
}
