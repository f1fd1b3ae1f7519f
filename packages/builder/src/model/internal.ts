/** Low-level immutable edits shared by the operations: schema nodes, layout lists, renames. */
import type { JsonSchemaObject, LayoutDocument, LayoutItem } from '@kartochka/core';
import { escapeToken, isWithin, lastToken, moveSchemaCardSettings } from '@kartochka/core/internal';
import { fieldById, findGroup, findSection, getIn, layoutPath, schemaAt, schemaPath, updateIn, type FieldInfo } from './doc.js';
import { rewriteLayout, rewriteMessages, rewriteSchemaRules } from './rewrite.js';
import { uniqueKey } from './translit.js';
import { ID_KEYWORD, type BuilderDocument, type NodeRef } from './types.js';

type Obj = Record<string, unknown>;

/** The schema path of an object container (`''`, `/general`, `/general/phones/*`). */
export const containerPath = (pointer: string): string[] => schemaPath(pointer);

export function requireField(doc: BuilderDocument, id: string): FieldInfo {
  const f = fieldById(doc, id);
  if (!f) throw new RangeError(`Builder: no field with x-kc-id "${id}" in the schema.`);
  return f;
}

/** Replaces the schema of a field. */
export function editFieldSchema(doc: BuilderDocument, id: string, fn: (s: JsonSchemaObject) => JsonSchemaObject): BuilderDocument {
  const f = requireField(doc, id);
  return { ...doc, schema: updateIn(doc.schema, schemaPath(f.pointer), (s) => fn(s as JsonSchemaObject)) };
}

/** Sets or removes (`undefined`) one keyword of a schema, returning a copy. */
export function withKeyword(s: JsonSchemaObject, keyword: string, value: unknown): JsonSchemaObject {
  const out: JsonSchemaObject = { ...s };
  if (value === undefined) delete out[keyword];
  else out[keyword] = value;
  return out;
}

/** Property keys of the object at a container pointer. */
export function siblingKeys(doc: BuilderDocument, container: string): string[] {
  return Object.keys(schemaAt(doc.schema, container)?.properties ?? (container === '' ? (doc.schema.properties ?? {}) : {}));
}

/** Inserts a property into the container object at `index` of its keys (end by default). */
export function insertProperty(
  doc: BuilderDocument,
  container: string,
  key: string,
  node: JsonSchemaObject,
  index?: number,
  required = false,
): BuilderDocument {
  const schema = updateIn(doc.schema, containerPath(container), (c) => {
    const obj = { ...((c as JsonSchemaObject | undefined) ?? { type: 'object' }) } as JsonSchemaObject;
    const entries = Object.entries(obj.properties ?? {});
    const at = index === undefined ? entries.length : Math.max(0, Math.min(index, entries.length));
    entries.splice(at, 0, [key, node]);
    obj.properties = Object.fromEntries(entries);
    if (required) obj.required = [...(obj.required ?? []).filter((r) => r !== key), key];
    return obj;
  });
  return { ...doc, schema };
}

/** Removes a property from its container; returns the new document and whether it was required. */
export function removeProperty(
  doc: BuilderDocument,
  pointer: string,
): { doc: BuilderDocument; node?: JsonSchemaObject; required: boolean } {
  const container = pointer.slice(0, pointer.lastIndexOf('/'));
  const key = lastToken(pointer);
  let node: JsonSchemaObject | undefined;
  let required = false;
  const schema = updateIn(doc.schema, containerPath(container), (c) => {
    const obj = { ...(c as JsonSchemaObject) };
    const props = { ...(obj.properties ?? {}) };
    node = props[key] as JsonSchemaObject | undefined;
    delete props[key];
    obj.properties = props;
    if (obj.required?.includes(key)) {
      required = true;
      const r = obj.required.filter((x) => x !== key);
      if (r.length) obj.required = r;
      else delete obj.required;
    }
    return obj;
  });
  return { doc: { ...doc, schema }, node, required };
}

/**
 * Moves a field's schema to another container and/or key, then rewrites every pointer naming it
 * (layout, messages, rules). Returns the new pointer.
 */
export function relocateField(
  doc: BuilderDocument,
  id: string,
  container: string,
  wantedKey: string,
  index?: number,
): { doc: BuilderDocument; pointer: string } {
  const f = requireField(doc, id);
  const sameParent = f.parent === container;
  let keys = siblingKeys(doc, container);
  const oldIndex = keys.indexOf(f.key);
  if (sameParent) keys = keys.filter((k) => k !== f.key);
  const key = uniqueKey(wantedKey, keys);
  const pointer = `${container}/${escapeToken(key)}`;
  if (pointer === f.pointer && index === undefined) return { doc, pointer };
  const removed = removeProperty(doc, f.pointer);
  let next = insertProperty(removed.doc, container, key, removed.node!, index ?? (sameParent ? oldIndex : undefined), removed.required);
  if (pointer !== f.pointer) next = rewriteAll(next, f.pointer, pointer);
  return { doc: next, pointer };
}

/** Rewrites every pointer at or below `from` to sit below `to`. */
export function rewriteAll(doc: BuilderDocument, from: string, to: string): BuilderDocument {
  return {
    // The card's title, list columns, filters and chips (x-card) name fields by pointer too.
    schema: moveSchemaCardSettings(rewriteSchemaRules(doc.schema, from, to), from, to),
    layout: rewriteLayout(doc.layout, from, to),
    messages: rewriteMessages(doc.messages, from, to),
  };
}

/** The layout `items` list path of a section or group container. */
export function layoutListPath(doc: BuilderDocument, ref: NodeRef): string[] | undefined {
  if (ref.kind === 'section') {
    const s = findSection(doc, ref.id);
    return s < 0 ? undefined : ['items', String(s), 'items'];
  }
  if (ref.kind === 'group') {
    const g = findGroup(doc, ref.id);
    return g ? [...layoutPath(g), 'items'] : undefined;
  }
  return undefined;
}

export function insertLayoutItem(layout: LayoutDocument, listPath: string[], item: LayoutItem, index?: number): LayoutDocument {
  return updateIn(layout, listPath, (list) => {
    const arr = [...((list as LayoutItem[] | undefined) ?? [])];
    arr.splice(index === undefined ? arr.length : Math.max(0, Math.min(index, arr.length)), 0, item);
    return arr;
  });
}

/** Removes layout items matching `pred` anywhere (groups are searched, not removed). */
export function removeLayoutItems(layout: LayoutDocument, pred: (item: LayoutItem) => boolean): LayoutDocument {
  const walk = (items: LayoutItem[]): LayoutItem[] =>
    items.filter((it) => !pred(it)).map((it) => (typeof it === 'object' && it.type === 'group' ? { ...it, items: walk(it.items) } : it));
  return { ...layout, items: layout.items.map((s) => ({ ...s, items: walk(s.items) })) };
}

/** Removes the placements of a pointer and everything below it. */
export function unplace(layout: LayoutDocument, pointer: string): LayoutDocument {
  return removeLayoutItems(layout, (it) => {
    const p = typeof it === 'string' ? it : it.type === 'field' ? it.pointer : undefined;
    return p !== undefined && isWithin(p, pointer);
  });
}

/** A deep copy of a schema with fresh `x-kc-id`s (for duplicates). */
export function cloneWithFreshIds(node: JsonSchemaObject, newId: () => string): JsonSchemaObject {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === ID_KEYWORD ? newId() : walk(x);
    return out;
  };
  return walk(node) as JsonSchemaObject;
}

/** The raw value at a path in the schema (re-exported for operations). */
export { getIn };
