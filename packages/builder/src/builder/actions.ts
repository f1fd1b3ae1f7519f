/** Edits the parts share: adding at the selection, moving, duplicating and deleting, with announcements. */
import { localize, type Locale } from '@kartochka/core';
import {
  addField,
  addGroup,
  addSection,
  duplicate,
  fieldById,
  fieldTypeInfo,
  locate,
  move,
  moveBy,
  outline,
  remove,
  titleOf,
  type BuilderDocument,
  type FieldType,
  type NodeRef,
  type Target,
} from '../model/index.js';
import type { BuilderStore } from './store.js';
import { s } from './strings.js';

/** A node's title in the UI language, else in the other one of ru/en, else `''`. */
export function nodeTitle(doc: BuilderDocument, ref: NodeRef, locale: Locale): string {
  return titleOf(doc, ref, locale) || titleOf(doc, ref, locale === 'ru' ? 'en' : 'ru');
}

/** A node's name for people: its title in the UI language, else a placeholder. */
export function nodeName(doc: BuilderDocument, ref: NodeRef, locale: Locale): string {
  const title = nodeTitle(doc, ref, locale);
  if (title) return title;
  if (ref.kind === 'section') return s(locale, 'untitledSection', { n: doc.layout.items.findIndex((x) => x.id === ref.id) + 1 });
  if (ref.kind === 'group') return s(locale, 'untitledGroup');
  const f = fieldById(doc, ref.id);
  return s(locale, 'untitledField', { type: f ? localize(fieldTypeInfo(f.type).label, locale)! : '?' });
}

/** Where a new field goes: after the selected field, into a selected group/section/repeating group, else the active section. */
export function insertionTarget(
  doc: BuilderDocument,
  selection: NodeRef | undefined,
  activeSection: string | undefined,
): Target | undefined {
  if (selection?.kind === 'field') {
    const f = fieldById(doc, selection.id);
    if (f?.type === 'repeating') return { container: selection };
    const at = locate(doc, selection);
    if (at) return { container: at.container, index: at.index + 1 };
  }
  if (selection?.kind === 'group' || selection?.kind === 'section') return { container: selection };
  const section = activeSection ?? doc.layout.items[0]?.id;
  return section ? { container: { kind: 'section', id: section } } : undefined;
}

/** The section a node belongs to. */
export function sectionOf(doc: BuilderDocument, ref: NodeRef | undefined): string | undefined {
  if (!ref) return undefined;
  if (ref.kind === 'section') return ref.id;
  const has = (items: readonly import('../model/index.js').OutlineItem[]): boolean =>
    items.some((it) => (it.kind === ref.kind && it.id === ref.id) || (it.kind === 'group' ? has(it.items) : has(it.children)));
  return outline(doc).find((sec) => has(sec.items))?.id;
}

export function addAtSelection(
  store: BuilderStore,
  what: FieldType | 'section' | 'group',
  activeSection?: string,
  target?: Target,
): NodeRef {
  const locale = store.locale;
  let created: NodeRef | undefined;
  store.edit((doc) => {
    if (what === 'section') {
      const r = addSection(doc, undefined, target?.index);
      created = r.ref;
      return r.doc;
    }
    let d = doc;
    let t = target ?? insertionTarget(d, store.selection, activeSection);
    if (!t) {
      const r = addSection(d);
      d = r.doc;
      t = { container: r.ref };
    }
    if (what === 'group') {
      // Groups sit in sections or groups, never in a repeating group's rows.
      if (t.container.kind === 'field') t = { container: { kind: 'section', id: sectionOf(d, t.container) ?? d.layout.items[0].id } };
      const r = addGroup(d, t);
      created = r.ref;
      return r.doc;
    }
    const r = addField(d, what, t);
    created = r.ref;
    return r.doc;
  });
  const name =
    what === 'section' ? s(locale, 'section') : what === 'group' ? s(locale, 'group') : localize(fieldTypeInfo(what).label, locale)!;
  store.select(created, s(locale, 'added', { name }));
  return created!;
}

export function moveSelected(store: BuilderStore, ref: NodeRef, delta: -1 | 1): void {
  const before = store.doc;
  let next: BuilderDocument;
  try {
    next = moveBy(before, ref, delta);
  } catch (e) {
    return store.refuse(e);
  }
  if (next === before) return;
  const at =
    ref.kind === 'section'
      ? { index: next.layout.items.findIndex((x) => x.id === ref.id), size: next.layout.items.length }
      : locate(next, ref);
  store.edit(() => next, {
    select: ref,
    announce: s(store.locale, 'moved', { name: nodeName(next, ref, store.locale), pos: (at?.index ?? 0) + 1, size: at?.size ?? 0 }),
  });
}

export function moveTo(store: BuilderStore, ref: NodeRef, target: Target): void {
  let next: BuilderDocument;
  try {
    next = move(store.doc, ref, target);
  } catch (e) {
    return store.refuse(e);
  }
  if (next === store.doc) return;
  store.edit(() => next, {
    select: ref,
    announce: s(store.locale, 'movedInto', {
      name: nodeName(next, ref, store.locale),
      target: nodeName(next, target.container, store.locale),
    }),
  });
}

export function duplicateNode(store: BuilderStore, ref: NodeRef): void {
  let created: NodeRef | undefined;
  store.edit((doc) => {
    const r = duplicate(doc, ref);
    created = r.ref;
    return r.doc;
  });
  store.select(created, s(store.locale, 'added', { name: nodeName(store.doc, created!, store.locale) }));
}

export function deleteNode(store: BuilderStore, ref: NodeRef): void {
  const name = nodeName(store.doc, ref, store.locale);
  store.edit((doc) => remove(doc, ref), { select: null, announce: s(store.locale, 'deleted', { name }) });
}

/** Containers a node can move into (for the inspector's "Move to" list). */
export function moveTargets(doc: BuilderDocument, ref: NodeRef, locale: Locale): { ref: NodeRef; label: string }[] {
  const out: { ref: NodeRef; label: string }[] = [];
  const walk = (items: readonly import('../model/index.js').OutlineItem[], prefix: string) => {
    for (const it of items) {
      if (it.kind === 'group') {
        if (it.id === ref.id && ref.kind === 'group') continue;
        const label = `${prefix} › ${nodeName(doc, it, locale)}`;
        out.push({ ref: { kind: 'group', id: it.id }, label });
        walk(it.items, label);
      } else if (it.field.type === 'repeating' && ref.kind === 'field' && it.id !== ref.id) {
        const label = `${prefix} › ${nodeName(doc, it, locale)}`;
        out.push({ ref: { kind: 'field', id: it.id }, label });
      }
    }
  };
  for (const sec of outline(doc)) {
    const label = nodeName(doc, sec, locale);
    out.push({ ref: { kind: 'section', id: sec.id }, label });
    walk(sec.items, label);
  }
  return out;
}
