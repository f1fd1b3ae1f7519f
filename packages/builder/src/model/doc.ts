/**
 * Reading a builder document: schemas by pointer template, fields by id, the outline the canvas
 * shows (sections → groups → fields). Pointer templates name places in the data as core does
 * (`/general/phones/*\/number`: `*` is any array item).
 */
import type { JsonSchemaObject, LayoutGroup, LayoutItem, LayoutSection } from '@kartochka/core';
import { escapeToken, isWithin, parsePointer } from '@kartochka/core/internal';
import { fieldTypeOf } from './field-types.js';
import { ID_KEYWORD, type BuilderDocument, type FieldType, type NodeRef } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The schema keys leading to a pointer template: `/a/*\/b` → `properties a items properties b`. */
export function schemaPath(template: string): string[] {
  const out: string[] = [];
  for (const t of parsePointer(template)) {
    if (t === '*') out.push('items');
    else out.push('properties', t);
  }
  return out;
}

/** The schema at a path of keys, or undefined. */
export function getIn(root: unknown, path: readonly string[]): unknown {
  let cur = root;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Obj)[k];
  }
  return cur;
}

/** The schema at a pointer template (through `properties` and `items`). */
export function schemaAt(schema: JsonSchemaObject, template: string): JsonSchemaObject | undefined {
  const s = getIn(schema, schemaPath(template));
  return isObj(s) ? (s as JsonSchemaObject) : undefined;
}

/** A copy of `root` with `fn` applied at `path`; only the containers on the path are copied. */
export function updateIn<T>(root: T, path: readonly string[], fn: (v: unknown) => unknown): T {
  if (path.length === 0) return fn(root) as T;
  const [k, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    const next = updateIn(copy[Number(k)], rest, fn);
    if (next === undefined) copy.splice(Number(k), 1);
    else copy[Number(k)] = next;
    return copy as T;
  }
  const base: Obj = isObj(root) ? root : {};
  const next = updateIn(base[k], rest, fn);
  const copy: Obj = {};
  // defineProperty keeps a `__proto__` key as data, never a prototype.
  for (const key of Object.keys(base))
    Object.defineProperty(copy, key, { value: base[key], enumerable: true, writable: true, configurable: true });
  if (next === undefined) delete copy[k];
  else Object.defineProperty(copy, k, { value: next, enumerable: true, writable: true, configurable: true });
  return copy as T;
}

/** A field of the document. */
export interface FieldInfo {
  readonly id: string;
  /** Pointer template of its data. */
  readonly pointer: string;
  readonly key: string;
  /** Pointer template of the object (or array row: ends in `/*`) that holds it. */
  readonly parent: string;
  readonly schema: JsonSchemaObject;
  readonly type: FieldType;
  /** The fields inside it (repeating groups and nested blocks), in schema order. */
  readonly children: readonly string[];
}

/** Where a container's fields live: properties of an object, or of an array's item object. */
export function childContainerPointer(info: { pointer: string; type: FieldType }): string {
  return info.type === 'repeating' ? info.pointer + '/*' : info.pointer;
}

const indexCache = new WeakMap<object, Map<string, FieldInfo>>();

/**
 * Every schema node with an `x-kc-id`, by id: the section objects and their fields, recursively
 * through nested objects and repeating groups (money and file objects are leaves).
 */
export function fieldIndex(schema: JsonSchemaObject): Map<string, FieldInfo> {
  const cached = indexCache.get(schema);
  if (cached) return cached;
  const out = new Map<string, FieldInfo>();
  const walkProps = (obj: JsonSchemaObject, at: string): string[] => {
    const ids: string[] = [];
    for (const [key, child] of Object.entries(obj.properties ?? {})) {
      if (!isObj(child)) continue;
      const s = child as JsonSchemaObject;
      const pointer = `${at}/${escapeToken(key)}`;
      const type = fieldTypeOf(s);
      const children: string[] = [];
      const id = typeof s[ID_KEYWORD] === 'string' ? (s[ID_KEYWORD] as string) : `@${pointer}`;
      // Containers before their fields (document order), so diffs list outer changes first.
      if (!out.has(id)) out.set(id, { id, pointer, key, parent: at, schema: s, type, children });
      if (type === 'object') children.push(...walkProps(s, pointer));
      else if (type === 'repeating') children.push(...walkProps(s.items as JsonSchemaObject, pointer + '/*'));
      ids.push(id);
    }
    return ids;
  };
  walkProps(schema, '');
  indexCache.set(schema, out);
  return out;
}

/** The field at a pointer template, if any. */
export function fieldAt(doc: BuilderDocument, pointer: string): FieldInfo | undefined {
  for (const f of fieldIndex(doc.schema).values()) if (f.pointer === pointer) return f;
  return undefined;
}

export function fieldById(doc: BuilderDocument, id: string): FieldInfo | undefined {
  return fieldIndex(doc.schema).get(id);
}

/** A layout item's field pointer (bare strings and `{type: "field"}`), or undefined for groups. */
export function itemPointer(item: LayoutItem): string | undefined {
  if (typeof item === 'string') return item;
  return item.type === 'field' ? item.pointer : undefined;
}

/** Where a layout node sits: the section index and the chain of item indices down to it. */
export interface LayoutPlace {
  readonly section: number;
  /** Indices inside `items` lists: `[3]` is the section's 4th item, `[3, 0]` the 1st item of that group. */
  readonly path: readonly number[];
}

export function findSection(doc: BuilderDocument, id: string): number {
  return doc.layout.items.findIndex((s) => s.id === id);
}

/** Where the first layout item that `match` accepts is placed (groups are searched depth-first). */
function findPlace(doc: BuilderDocument, match: (item: LayoutItem) => boolean): LayoutPlace | undefined {
  const walk = (items: readonly LayoutItem[], at: number[]): number[] | undefined => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (match(it)) return [...at, i];
      if (typeof it === 'object' && it.type === 'group') {
        const found = walk(it.items, [...at, i]);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (let s = 0; s < doc.layout.items.length; s++) {
    const path = walk(doc.layout.items[s].items, []);
    if (path) return { section: s, path };
  }
  return undefined;
}

/** Finds a group by id. */
export function findGroup(doc: BuilderDocument, id: string): LayoutPlace | undefined {
  return findPlace(doc, (it) => typeof it === 'object' && it.type === 'group' && it.id === id);
}

/** Finds where a field pointer is placed in the layout. */
export function findPlacement(doc: BuilderDocument, pointer: string): LayoutPlace | undefined {
  return findPlace(doc, (it) => itemPointer(it) === pointer);
}

/** The layout items path (`['items', '2', 'items', '0']`) of a place, for {@link updateIn}. */
export function layoutPath(place: LayoutPlace): string[] {
  return ['items', String(place.section), ...place.path.flatMap((i) => ['items', String(i)])];
}

/** The object pointer a section's fields live under. */
export function sectionPointer(doc: BuilderDocument, section: LayoutSection): string {
  if (typeof section.pointer === 'string') return section.pointer;
  const own = schemaAt(doc.schema, '/' + escapeToken(section.id));
  if (own && fieldTypeOf(own) === 'object') return '/' + escapeToken(section.id);
  return '';
}

/** The object pointer new fields of a group go under: the parent of its first field, else its section's. */
export function groupPointer(doc: BuilderDocument, group: LayoutGroup, section: LayoutSection): string {
  const first = firstPointer(group.items);
  if (first !== undefined) return first.slice(0, first.lastIndexOf('/'));
  return sectionPointer(doc, section);
}

function firstPointer(items: readonly LayoutItem[]): string | undefined {
  for (const it of items) {
    const p = itemPointer(it);
    if (p !== undefined) return p;
    if (typeof it === 'object' && it.type === 'group') {
      const q = firstPointer(it.items);
      if (q !== undefined) return q;
    }
  }
  return undefined;
}

// ---- the outline the canvas shows ------------------------------------------------------------

export interface OutlineField {
  readonly kind: 'field';
  readonly id: string;
  readonly field: FieldInfo;
  readonly children: readonly OutlineField[];
  /** In the schema but not in the layout (the card appends such fields at the end). */
  readonly unplaced?: boolean;
}
export interface OutlineGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly group: LayoutGroup;
  readonly items: readonly OutlineItem[];
}
export type OutlineItem = OutlineField | OutlineGroup;
export interface OutlineSection {
  readonly kind: 'section';
  readonly id: string;
  readonly section: LayoutSection;
  readonly pointer: string;
  readonly items: readonly OutlineItem[];
}

const outlineCache = new WeakMap<BuilderDocument, OutlineSection[]>();

/** Sections, groups and fields in layout order, with fields the layout misses appended per section. */
export function outline(doc: BuilderDocument): OutlineSection[] {
  const cached = outlineCache.get(doc);
  if (cached) return cached;
  const index = fieldIndex(doc.schema);
  const byPointer = new Map([...index.values()].map((f) => [f.pointer, f]));
  const placed = new Set<string>();
  const fieldNode = (f: FieldInfo, unplaced = false): OutlineField => ({
    kind: 'field',
    id: f.id,
    field: f,
    unplaced,
    children: f.children.map((c) => fieldNode(index.get(c)!)),
  });
  const items = (list: readonly LayoutItem[]): OutlineItem[] => {
    const out: OutlineItem[] = [];
    for (const it of list) {
      const p = itemPointer(it);
      if (p !== undefined) {
        const f = byPointer.get(p);
        if (!f) continue;
        placed.add(p);
        out.push(fieldNode(f));
      } else if (typeof it === 'object' && it.type === 'group') {
        out.push({ kind: 'group', id: it.id ?? '', group: it, items: items(it.items) });
      }
    }
    return out;
  };
  const sections: OutlineSection[] = doc.layout.items.map((s) => ({
    kind: 'section',
    id: s.id,
    section: s,
    pointer: sectionPointer(doc, s),
    items: items(s.items),
  }));
  // A placed object's fields count as placed; so do a placed field's descendants.
  const covered = (p: string) => [...placed].some((q) => isWithin(p, q));
  // An object some of whose fields the layout places (in groups: the B2B card's «Размер клиента»)
  // is not appended whole — that drew every such field twice — only its fields left unplaced are.
  const holdsPlaced = (p: string) => [...placed].some((q) => q !== p && isWithin(q, p));
  for (const s of sections) {
    const extra: OutlineField[] = [];
    const append = (f: FieldInfo) => {
      if (covered(f.pointer)) return;
      if (holdsPlaced(f.pointer)) {
        for (const c of f.children) append(index.get(c)!);
        return;
      }
      extra.push(fieldNode(f, true));
    };
    for (const f of index.values()) {
      if (f.parent !== s.pointer) continue;
      if (s.pointer === '' && sections.some((o) => o.pointer === f.pointer)) continue;
      append(f);
    }
    for (const f of extra) placed.add(f.field.pointer);
    (s.items as OutlineItem[]).push(...extra);
  }
  outlineCache.set(doc, sections);
  return sections;
}

/** The container a node sits in and its index there (for moves by keyboard). */
export function locate(doc: BuilderDocument, ref: NodeRef): { container: NodeRef; index: number; size: number } | undefined {
  const search = (items: readonly OutlineItem[], container: NodeRef): ReturnType<typeof locate> => {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.kind === ref.kind && it.id === ref.id) return { container, index: i, size: items.length };
      const inner =
        it.kind === 'group' ? search(it.items, { kind: 'group', id: it.id }) : search(it.children, { kind: 'field', id: it.id });
      if (inner) return inner;
    }
    return undefined;
  };
  for (const s of outline(doc)) {
    const r = search(s.items, { kind: 'section', id: s.id });
    if (r) return r;
  }
  return undefined;
}

/** Every field pointer that rules can read (leaves outside repeating groups), in outline order. */
export function ruleFields(doc: BuilderDocument): FieldInfo[] {
  return [...fieldIndex(doc.schema).values()].filter(
    (f) => !f.pointer.includes('/*') && f.type !== 'object' && f.type !== 'repeating' && !outline(doc).some((s) => s.pointer === f.pointer),
  );
}
