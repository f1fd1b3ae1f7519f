/**
 * Structural operations: add, move, duplicate and delete sections, groups and fields. Each takes a
 * document and returns a new one (only what changed is copied), so every step can be undone by
 * keeping the previous document.
 */
import type { JsonSchemaObject, LayoutGroup, LayoutItem, LayoutSection } from '@kartochka/core';
import { escapeToken, isWithin, moveSchemaCardSettings } from '@kartochka/core/internal';
import {
  childContainerPointer,
  fieldById,
  findGroup,
  findPlacement,
  findSection,
  getIn,
  groupPointer,
  itemPointer,
  layoutPath,
  locate,
  outline,
  schemaPath,
  sectionPointer,
} from './doc.js';
import { fieldTypeInfo, hasOptions } from './field-types.js';
import {
  cloneWithFreshIds,
  insertLayoutItem,
  insertProperty,
  layoutListPath,
  relocateField,
  removeLayoutItems,
  removeProperty,
  requireField,
  siblingKeys,
  unplace,
} from './internal.js';
import { copyMessages, dropMessages, rewriteLayout } from './rewrite.js';
import { newId, uniqueKey } from './translit.js';
import { ID_KEYWORD, type BuilderDocument, type Created, type FieldType, type NodeRef, type Target, type Texts } from './types.js';

/** A new, empty card: no sections yet, tabs when there are some. */
export function blankDocument(): BuilderDocument {
  return {
    schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: {} },
    layout: { version: 1, sections: 'tabs', items: [] },
    messages: { ru: {}, en: {} },
  };
}

const allLayoutIds = (doc: BuilderDocument): string[] => {
  const ids: string[] = [];
  const walk = (items: readonly LayoutItem[]) =>
    items.forEach((it) => {
      if (typeof it === 'object' && it.type === 'group') {
        if (it.id) ids.push(it.id);
        walk(it.items);
      }
    });
  for (const s of doc.layout.items) {
    ids.push(s.id);
    walk(s.items);
  }
  return ids;
};

const cleanTexts = (t: Texts | undefined) => {
  const out = Object.fromEntries(Object.entries(t ?? {}).filter(([, v]) => v));
  return Object.keys(out).length ? out : undefined;
};

/** Adds a section (a tab) backed by an object in the schema. */
export function addSection(doc: BuilderDocument, title?: Texts, index?: number): Created {
  const key = uniqueKey('section', [...Object.keys(doc.schema.properties ?? {}), ...allLayoutIds(doc)]);
  const pointer = '/' + escapeToken(key);
  let next = insertProperty(doc, '', key, { type: 'object', [ID_KEYWORD]: newId('s'), properties: {} });
  const section: LayoutSection = { type: 'section', id: key, pointer, items: [] };
  const t = cleanTexts(title);
  if (t) section.title = t;
  const items = [...next.layout.items];
  items.splice(index ?? items.length, 0, section);
  next = { ...next, layout: { ...next.layout, items } };
  return { doc: next, ref: { kind: 'section', id: key } };
}

/** Adds a titled group of fields to a section (or inside another group). */
export function addGroup(doc: BuilderDocument, target: Target, title?: Texts): Created {
  const list = layoutListPath(doc, target.container);
  if (!list)
    throw new RangeError(`Builder: groups go into a section or a group, not into ${target.container.kind} "${target.container.id}".`);
  const id = uniqueKey('group', allLayoutIds(doc));
  const group: LayoutGroup = { type: 'group', id, items: [] };
  const t = cleanTexts(title);
  if (t) group.title = t;
  return { doc: { ...doc, layout: insertLayoutItem(doc.layout, list, group, target.index) }, ref: { kind: 'group', id } };
}

/** The data container (object pointer) that fields placed in `ref` belong to. */
export function dataContainerOf(doc: BuilderDocument, ref: NodeRef): string {
  if (ref.kind === 'section') {
    const s = doc.layout.items[findSection(doc, ref.id)];
    if (!s) throw new RangeError(`Builder: no section "${ref.id}".`);
    return sectionPointer(doc, s);
  }
  if (ref.kind === 'group') {
    const place = findGroup(doc, ref.id);
    if (!place) throw new RangeError(`Builder: no group "${ref.id}".`);
    const group = getIn(doc.layout, layoutPath(place)) as LayoutGroup;
    return groupPointer(doc, group, doc.layout.items[place.section]);
  }
  const f = requireField(doc, ref.id);
  if (f.type !== 'repeating' && f.type !== 'object') throw new RangeError(`Builder: field "${f.pointer}" can't hold fields.`);
  return childContainerPointer(f);
}

/** Adds a field of a palette type. Options of select types get one first option. */
export function addField(doc: BuilderDocument, type: FieldType, target: Target): Created {
  const info = fieldTypeInfo(type);
  const container = dataContainerOf(doc, target.container);
  const key = uniqueKey(info.key, siblingKeys(doc, container));
  const id = newId();
  const node: JsonSchemaObject = { ...info.create(), [ID_KEYWORD]: id };
  const inRows = target.container.kind === 'field';
  let next = insertProperty(doc, container, key, node, inRows ? target.index : undefined);
  const pointer = `${container}/${escapeToken(key)}`;
  if (!inRows) next = { ...next, layout: insertLayoutItem(next.layout, layoutListPath(next, target.container)!, pointer, target.index) };
  if (hasOptions(type)) {
    next = {
      ...next,
      messages: {
        ...next.messages,
        ru: { ...next.messages.ru, [pointer]: { options: { option1: 'Вариант 1' } } },
        en: { ...next.messages.en, [pointer]: { options: { option1: 'Option 1' } } },
      },
    };
  }
  return { doc: next, ref: { kind: 'field', id } };
}

/** Moves a field or group into a container at an index (of the final list), or a section to an index. */
export function move(doc: BuilderDocument, ref: NodeRef, target: Target): BuilderDocument {
  if (ref.kind === 'section') {
    const from = findSection(doc, ref.id);
    if (from < 0) return doc;
    const items = [...doc.layout.items];
    const [s] = items.splice(from, 1);
    items.splice(Math.max(0, Math.min(target.index ?? items.length, items.length)), 0, s);
    return { ...doc, layout: { ...doc.layout, items } };
  }
  if (ref.kind === 'group') return moveGroup(doc, ref.id, target);
  return moveField(doc, ref.id, target);
}

function moveField(doc: BuilderDocument, id: string, target: Target): BuilderDocument {
  const f = requireField(doc, id);
  if (target.container.kind === 'field') {
    const host = requireField(doc, target.container.id);
    if (isWithin(host.pointer, f.pointer)) return doc; // into itself
  }
  // Take it out of the layout first, so an index counts in the final list.
  let next: BuilderDocument = { ...doc, layout: unplace(doc.layout, f.pointer) };
  const container = dataContainerOf(next, target.container);
  const inRows = target.container.kind === 'field';
  const r = relocateField(next, id, container, f.key, inRows ? (target.index ?? siblingKeys(next, container).length) : undefined);
  next = r.doc;
  if (!inRows) next = { ...next, layout: insertLayoutItem(next.layout, layoutListPath(next, target.container)!, r.pointer, target.index) };
  return next;
}

function moveGroup(doc: BuilderDocument, id: string, target: Target): BuilderDocument {
  const place = findGroup(doc, id);
  if (!place) return doc;
  if (target.container.kind === 'group' && (target.container.id === id || isInsideGroup(doc, target.container.id, id))) return doc;
  const group = getIn(doc.layout, layoutPath(place)) as LayoutGroup;
  const oldSection = doc.layout.items[place.section];
  let next: BuilderDocument = { ...doc, layout: removeLayoutItems(doc.layout, (it) => it === group) };
  const list = layoutListPath(next, target.container);
  if (!list) return doc;
  next = { ...next, layout: insertLayoutItem(next.layout, list, group, target.index) };
  // Fields that lived in the old section's object follow the group into the new section's object.
  const newSectionIdx = next.layout.items.findIndex((s) => JSON.stringify(s.items).includes(JSON.stringify(group)));
  const from = sectionPointer(doc, oldSection);
  const to = newSectionIdx >= 0 ? sectionPointer(next, next.layout.items[newSectionIdx]) : from;
  if (from !== to) {
    for (const p of groupPointers(group)) {
      const fi = [...outlineFields(next)].find((x) => x.pointer === p);
      if (fi && fi.parent === from) next = relocateField(next, fi.id, to, fi.key).doc;
    }
  }
  return next;
}

function isInsideGroup(doc: BuilderDocument, inner: string, outer: string): boolean {
  const a = findGroup(doc, inner);
  const b = findGroup(doc, outer);
  return !!a && !!b && a.section === b.section && a.path.length > b.path.length && b.path.every((x, i) => a.path[i] === x);
}

function groupPointers(g: LayoutGroup): string[] {
  const out: string[] = [];
  const walk = (items: readonly LayoutItem[]) =>
    items.forEach((it) => {
      const p = itemPointer(it);
      if (p !== undefined) out.push(p);
      else if (typeof it === 'object' && it.type === 'group') walk(it.items);
    });
  walk(g.items);
  return out;
}

function* outlineFields(doc: BuilderDocument) {
  for (const s of outline(doc)) {
    const walk = function* (items: readonly import('./doc.js').OutlineItem[]): Generator<import('./doc.js').FieldInfo> {
      for (const it of items) {
        if (it.kind === 'field') {
          yield it.field;
          yield* walk(it.children);
        } else yield* walk(it.items);
      }
    };
    yield* walk(s.items);
  }
}

/** Moves a node one place up (`-1`) or down (`+1`) among its siblings; unchanged at either end. */
export function moveBy(doc: BuilderDocument, ref: NodeRef, delta: -1 | 1): BuilderDocument {
  if (ref.kind === 'section') {
    const i = findSection(doc, ref.id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= doc.layout.items.length) return doc;
    return move(doc, ref, { container: ref, index: j });
  }
  const at = locate(doc, ref);
  if (!at) return doc;
  const j = at.index + delta;
  if (j < 0 || j >= at.size) return doc;
  // Unplaced fields (appended by the outline) get a place when moved.
  return move(doc, ref, { container: at.container, index: j });
}

/** Deletes a section (with its object and fields), a group (with its fields) or a field. */
export function remove(doc: BuilderDocument, ref: NodeRef): BuilderDocument {
  if (ref.kind === 'field') {
    const f = fieldById(doc, ref.id);
    if (!f) return doc;
    const r = removeProperty(doc, f.pointer);
    return {
      schema: moveSchemaCardSettings(r.doc.schema, f.pointer, undefined),
      layout: unplace(r.doc.layout, f.pointer),
      messages: dropMessages(r.doc.messages, f.pointer),
    };
  }
  if (ref.kind === 'group') {
    const place = findGroup(doc, ref.id);
    if (!place) return doc;
    const group = getIn(doc.layout, layoutPath(place)) as LayoutGroup;
    let next = doc;
    for (const p of groupPointers(group)) {
      const f = [...outlineFields(next)].find((x) => x.pointer === p);
      if (f) next = remove(next, { kind: 'field', id: f.id });
    }
    return { ...next, layout: removeLayoutItems(next.layout, (it) => typeof it === 'object' && it.type === 'group' && it.id === ref.id) };
  }
  const si = findSection(doc, ref.id);
  if (si < 0) return doc;
  const pointer = sectionPointer(doc, doc.layout.items[si]);
  let next = doc;
  if (pointer === '') {
    for (const item of outline(doc)[si].items) next = remove(next, item);
  } else {
    const r = removeProperty(doc, pointer);
    next = {
      schema: moveSchemaCardSettings(r.doc.schema, pointer, undefined),
      layout: unplace(r.doc.layout, pointer),
      messages: dropMessages(r.doc.messages, pointer),
    };
  }
  return { ...next, layout: { ...next.layout, items: next.layout.items.filter((s) => s.id !== ref.id) } };
}

const COPY = { ru: ' (копия)', en: ' (copy)' } as const;

function suffixTitles(messages: BuilderDocument['messages'], pointer: string): BuilderDocument['messages'] {
  const out = { ...messages };
  for (const locale of ['ru', 'en'] as const) {
    const entries = out[locale];
    const e = entries?.[pointer];
    if (!e) continue;
    const m = typeof e === 'string' ? { title: e } : { ...e };
    if (m.title) m.title += COPY[locale];
    out[locale] = { ...entries, [pointer]: m };
  }
  return out;
}

/** Duplicates a field, group or section next to the original, with fresh ids and keys. */
export function duplicate(doc: BuilderDocument, ref: NodeRef): Created {
  if (ref.kind === 'field') {
    const f = requireField(doc, ref.id);
    const keys = siblingKeys(doc, f.parent);
    const key = uniqueKey(f.key, keys);
    const id = newId();
    const node = { ...cloneWithFreshIds(f.schema, newId), [ID_KEYWORD]: id };
    const required = (getIn(doc.schema, [...schemaPath(f.parent), 'required']) as string[] | undefined)?.includes(f.key) ?? false;
    let next = insertProperty(doc, f.parent, key, node, keys.indexOf(f.key) + 1, required);
    const pointer = `${f.parent}/${escapeToken(key)}`;
    next = { ...next, messages: suffixTitles(copyMessages(next.messages, f.pointer, pointer), pointer) };
    const place = findPlacement(doc, f.pointer);
    if (place) {
      const list = [...layoutPath(place)].slice(0, -1);
      next = { ...next, layout: insertLayoutItem(next.layout, list, pointer, place.path[place.path.length - 1] + 1) };
    }
    return { doc: next, ref: { kind: 'field', id } };
  }
  if (ref.kind === 'group') {
    const place = findGroup(doc, ref.id);
    if (!place) throw new RangeError(`Builder: no group "${ref.id}".`);
    const group = getIn(doc.layout, layoutPath(place)) as LayoutGroup;
    const id = uniqueKey(group.id ?? 'group', allLayoutIds(doc));
    let next = doc;
    const map = new Map<string, string>();
    for (const p of groupPointers(group)) {
      const f = [...outlineFields(next)].find((x) => x.pointer === p);
      if (!f) continue;
      const c = duplicate(next, { kind: 'field', id: f.id });
      // Remove the copy's placement next to the original: it goes into the new group.
      const copy = fieldById(c.doc, c.ref.id)!;
      next = { ...c.doc, layout: unplace(c.doc.layout, copy.pointer) };
      map.set(p, copy.pointer);
    }
    const clone = JSON.parse(JSON.stringify(group)) as LayoutGroup;
    let copyLayout = { version: 1 as const, items: [{ type: 'section' as const, id: 'x', items: [clone] as LayoutItem[] }] };
    for (const [from, to] of map) copyLayout = rewriteLayout(copyLayout, from, to) as typeof copyLayout;
    const newGroup = { ...(copyLayout.items[0].items[0] as LayoutGroup), id };
    const list = layoutPath(place).slice(0, -1);
    next = { ...next, layout: insertLayoutItem(next.layout, list, newGroup, place.path[place.path.length - 1] + 1) };
    return { doc: next, ref: { kind: 'group', id } };
  }
  const si = findSection(doc, ref.id);
  if (si < 0) throw new RangeError(`Builder: no section "${ref.id}".`);
  const section = doc.layout.items[si];
  const pointer = sectionPointer(doc, section);
  if (pointer === '') throw new RangeError("Builder: a section without its own object can't be duplicated.");
  const key = uniqueKey(section.id, [...Object.keys(doc.schema.properties ?? {}), ...allLayoutIds(doc)]);
  const to = '/' + escapeToken(key);
  const node = cloneWithFreshIds(getIn(doc.schema, schemaPath(pointer)) as JsonSchemaObject, newId);
  let next = insertProperty(doc, '', key, node, Object.keys(doc.schema.properties ?? {}).indexOf(pointer.slice(1)) + 1);
  next = { ...next, messages: copyMessages(next.messages, pointer, to) };
  const single = rewriteLayout({ version: 1, items: [JSON.parse(JSON.stringify(section))] }, pointer, to).items[0];
  const ids = new Set(allLayoutIds(next));
  const renameGroups = (items: LayoutItem[]): LayoutItem[] =>
    items.map((it) =>
      typeof it === 'object' && it.type === 'group' ? { ...it, id: uniqueKey(it.id ?? 'group', ids), items: renameGroups(it.items) } : it,
    );
  const newSection: LayoutSection = { ...single, id: key, pointer: to, items: renameGroups(single.items) };
  if (section.title && typeof section.title === 'object') {
    newSection.title = Object.fromEntries(Object.entries(section.title).map(([l, t]) => [l, t + (COPY[l as 'ru' | 'en'] ?? '')]));
  }
  const items = [...next.layout.items];
  items.splice(si + 1, 0, newSection);
  return { doc: { ...next, layout: { ...next.layout, items } }, ref: { kind: 'section', id: key } };
}
