/**
 * Field, group and section settings: titles and descriptions per language (the key follows the
 * title until the field is published), required, default, constraints, options, widget, type,
 * rules, formula and reminders. All immutable, like the structural operations.
 */
import type { FieldMessages, JsonSchemaObject, JsonValue, LayoutGroup, LayoutSection, Locale, SectionsMode } from '@kartochka/core';
import { escapeToken } from '@kartochka/core/internal';
import { fieldById, fieldIndex, findGroup, findSection, getIn, layoutPath, schemaAt, schemaPath, updateIn } from './doc.js';
import { fieldTypeInfo, hasOptions, isDateType } from './field-types.js';
import { editFieldSchema, relocateField, requireField, siblingKeys, withKeyword } from './internal.js';

import { keyFromTitle, uniqueKey } from './translit.js';
import {
  ID_KEYWORD,
  MANUAL_KEY_KEYWORD,
  REMINDER_KEYWORD,
  type BuilderDocument,
  type EditContext,
  type FieldType,
  type NodeRef,
} from './types.js';

const LOCALES: readonly Locale[] = ['ru', 'en'];

/** A field's messages in one language, always as an object. */
export function fieldMessages(doc: BuilderDocument, pointer: string, locale: Locale): FieldMessages {
  const e = doc.messages[locale]?.[pointer];
  return typeof e === 'string' ? { title: e } : { ...(e ?? {}) };
}

function setFieldMessages(doc: BuilderDocument, pointer: string, locale: Locale, m: FieldMessages): BuilderDocument {
  const clean: FieldMessages = {};
  if (m.title) clean.title = m.title;
  if (m.description) clean.description = m.description;
  if (m.options && Object.keys(m.options).length) clean.options = m.options;
  const entries = { ...(doc.messages[locale] ?? {}) };
  if (Object.keys(clean).length) entries[pointer] = clean;
  else delete entries[pointer];
  return { ...doc, messages: { ...doc.messages, [locale]: entries } };
}

/**
 * Gives every field without a title in a language its type's name there ("Дата" / "Date"), so a
 * published card never shows a field's key, or another language's word, as its label. Keys stay
 * as they are. Run at publication.
 */
export function nameUntitledFields(doc: BuilderDocument): BuilderDocument {
  let next = doc;
  for (const f of fieldIndex(doc.schema).values()) {
    const label = fieldTypeInfo(f.type).label;
    for (const l of LOCALES) {
      const m = fieldMessages(next, f.pointer, l);
      const fallback = l === 'en' && typeof f.schema.title === 'string' ? f.schema.title : undefined;
      if (!m.title && !fallback && label[l]) next = setFieldMessages(next, f.pointer, l, { ...m, title: label[l] });
    }
  }
  return next;
}

const textOf = (t: LayoutSection['title']): Partial<Record<Locale, string>> =>
  typeof t === 'string' ? { en: t, ru: t } : { ...(t ?? {}) };

/** The title of a node in one language (`''` when none). */
export function titleOf(doc: BuilderDocument, ref: NodeRef, locale: Locale): string {
  if (ref.kind === 'field') {
    const f = fieldById(doc, ref.id);
    if (!f) return '';
    return fieldMessages(doc, f.pointer, locale).title ?? (locale === 'en' && typeof f.schema.title === 'string' ? f.schema.title : '');
  }
  const node = layoutNode(doc, ref);
  return node ? (textOf(node.title)[locale] ?? '') : '';
}

function layoutNode(doc: BuilderDocument, ref: NodeRef): LayoutSection | LayoutGroup | undefined {
  if (ref.kind === 'section') return doc.layout.items[findSection(doc, ref.id)];
  const g = findGroup(doc, ref.id);
  return g ? (getIn(doc.layout, layoutPath(g)) as LayoutGroup) : undefined;
}

/** A section or group, loosely: the settings below touch only the keys both can have. */
type AnyNode = {
  title?: LayoutSection['title'];
  description?: LayoutSection['title'];
  rules?: Record<string, unknown>;
  columns?: number;
  id?: string;
  pointer?: string;
};

function editLayoutNode(doc: BuilderDocument, ref: NodeRef, fn: (n: AnyNode) => object): BuilderDocument {
  let path: string[] | undefined;
  if (ref.kind === 'section') {
    const i = findSection(doc, ref.id);
    path = i < 0 ? undefined : ['items', String(i)];
  } else {
    const g = findGroup(doc, ref.id);
    path = g && layoutPath(g);
  }
  if (!path) return doc;
  return { ...doc, layout: updateIn(doc.layout, path, (n) => fn(n as AnyNode)) };
}

/** The key a field's titles ask for: from the Russian title, else the English one. */
function wantedKey(doc: BuilderDocument, pointer: string, fallback: string): string {
  const ru = fieldMessages(doc, pointer, 'ru').title;
  const en = fieldMessages(doc, pointer, 'en').title;
  return keyFromTitle(ru || en || '', fallback);
}

/** Re-derives a field's key from its title unless it is published or was typed by hand. */
function followTitle(doc: BuilderDocument, id: string, ctx: EditContext): BuilderDocument {
  const f = fieldById(doc, id);
  if (!f || ctx.published?.has(id) || f.schema[MANUAL_KEY_KEYWORD] === true) return doc;
  const key = uniqueKey(
    wantedKey(doc, f.pointer, fieldTypeInfo(f.type).key),
    siblingKeys(doc, f.parent).filter((k) => k !== f.key),
  );
  if (key === f.key) return doc;
  return relocateField(doc, id, f.parent, key).doc;
}

/** Sets the title in one language; an unpublished field's key follows it (transliterated, camelCase). */
export function setTitle(doc: BuilderDocument, ref: NodeRef, locale: Locale, title: string, ctx: EditContext = {}): BuilderDocument {
  if (ref.kind === 'field') {
    const f = requireField(doc, ref.id);
    const next = setFieldMessages(doc, f.pointer, locale, { ...fieldMessages(doc, f.pointer, locale), title });
    return followTitle(next, ref.id, ctx);
  }
  let next = editLayoutNode(doc, ref, (n) => {
    const t = { ...textOf(n.title), [locale]: title };
    if (!title) delete t[locale];
    const out: AnyNode = { ...n, title: t };
    if (!Object.keys(t).length) delete out.title;
    return out;
  });
  if (ref.kind === 'section') next = followSectionTitle(next, ref.id, ctx);
  return next;
}

/** A section's object key (and id) follow its title while unpublished. */
function followSectionTitle(doc: BuilderDocument, id: string, ctx: EditContext): BuilderDocument {
  const i = findSection(doc, id);
  const s = doc.layout.items[i];
  if (!s?.pointer || s.pointer.split('/').length !== 2) return doc;
  const obj = schemaAt(doc.schema, s.pointer);
  const objId = obj?.[ID_KEYWORD] as string | undefined;
  if (!obj || (objId && ctx.published?.has(objId)) || obj[MANUAL_KEY_KEYWORD] === true) return doc;
  const t = textOf(s.title);
  const taken = [...Object.keys(doc.schema.properties ?? {}), ...doc.layout.items.map((x) => x.id)].filter(
    (k) => k !== id && '/' + escapeToken(k) !== s.pointer,
  );
  const key = uniqueKey(keyFromTitle(t.ru || t.en || '', 'section'), taken);
  if ('/' + escapeToken(key) === s.pointer && key === s.id) return doc;
  let next = objId ? relocateField(doc, objId, '', key).doc : doc;
  next = editLayoutNode(next, { kind: 'section', id }, (n) => ({ ...n, id: key, pointer: '/' + escapeToken(key) }));
  return next;
}

/** Sets the description (hint) in one language. Groups have none. */
export function setDescription(doc: BuilderDocument, ref: NodeRef, locale: Locale, text: string): BuilderDocument {
  if (ref.kind === 'field') {
    const f = requireField(doc, ref.id);
    return setFieldMessages(doc, f.pointer, locale, { ...fieldMessages(doc, f.pointer, locale), description: text });
  }
  return editLayoutNode(doc, ref, (n) => {
    const d = { ...textOf(n.description), [locale]: text };
    if (!text) delete d[locale];
    const out: AnyNode = { ...n, description: d };
    if (!Object.keys(d).length) delete out.description;
    return out;
  });
}

/**
 * Sets a field's key by hand; from then on it no longer follows the title. Allowed after publishing
 * too (an explicit decision): the next publish records the move and migrates stored data.
 */
export function setKey(doc: BuilderDocument, id: string, key: string): BuilderDocument {
  const f = requireField(doc, id);
  const clean = keyFromTitle(key, f.key);
  const next = relocateField(doc, id, f.parent, clean).doc;
  return editFieldSchema(next, id, (s) => withKeyword(s, MANUAL_KEY_KEYWORD, true));
}

/** Makes a field required or optional (in its parent's `required`). */
export function setRequired(doc: BuilderDocument, id: string, required: boolean): BuilderDocument {
  const f = requireField(doc, id);
  const schema = updateIn(doc.schema, schemaPath(f.parent), (p) => {
    const obj = { ...(p as JsonSchemaObject) };
    const list = (obj.required ?? []).filter((k) => k !== f.key);
    if (required) list.push(f.key);
    if (list.length) obj.required = list;
    else delete obj.required;
    return obj;
  });
  return { ...doc, schema };
}

export function isRequired(doc: BuilderDocument, id: string): boolean {
  const f = fieldById(doc, id);
  if (!f) return false;
  return ((getIn(doc.schema, [...schemaPath(f.parent), 'required']) as string[] | undefined) ?? []).includes(f.key);
}

/** Sets (or clears with `undefined`) the default value. */
export function setDefault(doc: BuilderDocument, id: string, value: JsonValue | undefined): BuilderDocument {
  return editFieldSchema(doc, id, (s) => withKeyword(s, 'default', value));
}

/** Sets (or clears) a constraint keyword: minLength, maxLength, pattern, minimum, maximum, format, minItems… */
export function setConstraint(doc: BuilderDocument, id: string, keyword: string, value: JsonValue | undefined): BuilderDocument {
  return editFieldSchema(doc, id, (s) => withKeyword(s, keyword, value === '' ? undefined : value));
}

/**
 * Marks a field unique among the cards of the type (`"x-unique": true`, docs/duplicates.md): the
 * card warns while typing and the store refuses a second card with the same value.
 */
export function setUnique(doc: BuilderDocument, id: string, unique: boolean): BuilderDocument {
  return editFieldSchema(doc, id, (s) => withKeyword(s, 'x-unique', unique ? true : undefined));
}

/** Chooses a widget by registry name (`"radio"`, `"textarea"`), or the default with `undefined`. */
export function setWidget(doc: BuilderDocument, id: string, widget: string | undefined): BuilderDocument {
  return editFieldSchema(doc, id, (s) => withKeyword(s, 'x-widget', widget || undefined));
}

// ---- options -------------------------------------------------------------------------------

/** Where a field's option values live: `enum`, or `items.enum` for a multi-select. */
function enumPath(s: JsonSchemaObject): string[] {
  return s.type === 'array' ? ['items', 'enum'] : ['enum'];
}

export function optionsOf(doc: BuilderDocument, id: string): { value: string; labels: Partial<Record<Locale, string>> }[] {
  const f = fieldById(doc, id);
  if (!f) return [];
  const values = (getIn(f.schema, enumPath(f.schema)) as JsonValue[] | undefined) ?? [];
  return values.map((v) => {
    const value = typeof v === 'string' ? v : JSON.stringify(v);
    const labels: Partial<Record<Locale, string>> = {};
    for (const l of LOCALES) {
      const label = fieldMessages(doc, f.pointer, l).options?.[value];
      if (label) labels[l] = label;
    }
    return { value, labels };
  });
}

function setOptionLabels(
  doc: BuilderDocument,
  pointer: string,
  value: string,
  labels: Partial<Record<Locale, string | undefined>>,
): BuilderDocument {
  let next = doc;
  for (const l of LOCALES) {
    if (!(l in labels)) continue;
    const m = fieldMessages(next, pointer, l);
    const options = { ...(m.options ?? {}) };
    const label = labels[l];
    if (label) options[value] = label;
    else delete options[value];
    next = setFieldMessages(next, pointer, l, { ...m, options });
  }
  return next;
}

/** Adds an option; its value comes from the label once and then never changes. Returns the value too. */
export function addOption(
  doc: BuilderDocument,
  id: string,
  labels: Partial<Record<Locale, string>> = {},
): { doc: BuilderDocument; value: string } {
  const f = requireField(doc, id);
  const values = optionsOf(doc, id).map((o) => o.value);
  const value = uniqueKey(keyFromTitle(labels.ru || labels.en || '', 'option'), values.length ? values : []);
  const fixed = value === 'option' ? uniqueKey('option1', values) : value;
  let next = editFieldSchema(doc, id, (s) => updateIn(s, enumPath(s), (e) => [...((e as JsonValue[] | undefined) ?? []), fixed]));
  next = setOptionLabels(next, f.pointer, fixed, labels);
  return { doc: next, value: fixed };
}

export function removeOption(doc: BuilderDocument, id: string, value: string): BuilderDocument {
  const f = requireField(doc, id);
  let next = editFieldSchema(doc, id, (s) =>
    updateIn(s, enumPath(s), (e) => {
      const left = ((e as JsonValue[]) ?? []).filter((v) => (typeof v === 'string' ? v : JSON.stringify(v)) !== value);
      return left;
    }),
  );
  next = setOptionLabels(next, f.pointer, value, { ru: undefined, en: undefined });
  return next;
}

export function moveOption(doc: BuilderDocument, id: string, value: string, delta: -1 | 1): BuilderDocument {
  return editFieldSchema(doc, id, (s) =>
    updateIn(s, enumPath(s), (e) => {
      const arr = [...((e as JsonValue[]) ?? [])];
      const i = arr.findIndex((v) => (typeof v === 'string' ? v : JSON.stringify(v)) === value);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= arr.length) return e;
      [arr[i], arr[j]] = [arr[j], arr[i]];
      return arr;
    }),
  );
}

export function setOptionLabel(doc: BuilderDocument, id: string, value: string, locale: Locale, label: string): BuilderDocument {
  const f = requireField(doc, id);
  return setOptionLabels(doc, f.pointer, value, { [locale]: label });
}

// ---- type, rules, formula, reminder --------------------------------------------------------

const CARRY = ['x-rules', 'description', 'title', ID_KEYWORD, MANUAL_KEY_KEYWORD, 'readOnly'];

/**
 * Changes a field's type, keeping what still applies: id, rules, constraints the new type offers,
 * options between option types, a default of the same JSON type. (Publishing records whether the
 * stored data can follow: see versions.ts.)
 */
export function setFieldType(doc: BuilderDocument, id: string, type: FieldType): BuilderDocument {
  const f = requireField(doc, id);
  if (f.type === type) return doc;
  const info = fieldTypeInfo(type);
  return editFieldSchema(doc, id, (old) => {
    const s: JsonSchemaObject = info.create();
    for (const k of CARRY) if (old[k] !== undefined && !(k === 'readOnly' && f.type === 'computed')) s[k] = old[k];
    for (const k of info.constraints) if (old[k] !== undefined && s[k] === undefined) (s as Record<string, unknown>)[k] = old[k];
    if (hasOptions(f.type) && hasOptions(type)) {
      const values = getIn(old, enumPath(old));
      Object.assign(
        s,
        updateIn(s, enumPath(s), () => values),
      );
    }
    if (isDateType(type) && old[REMINDER_KEYWORD] !== undefined) s[REMINDER_KEYWORD] = old[REMINDER_KEYWORD];
    if (old.default !== undefined && (old.default === null || typeof old.default !== 'object') && sameJsonType(old.type, s.type))
      s.default = old.default;
    return s;
  });
}

const sameJsonType = (a: unknown, b: unknown) =>
  a === b || (['number', 'integer'].includes(a as string) && ['number', 'integer'].includes(b as string));

/** Sets (or removes) a rule on a field (`x-rules`), section or group (layout `rules`). */
export function setRule(
  doc: BuilderDocument,
  ref: NodeRef,
  kind: 'visible' | 'required' | 'readOnly',
  expr: JsonValue | undefined,
): BuilderDocument {
  const edit = (holder: Record<string, unknown> | undefined) => {
    const rules = { ...(holder ?? {}) };
    if (expr === undefined) delete rules[kind];
    else rules[kind] = expr;
    return Object.keys(rules).length ? rules : undefined;
  };
  if (ref.kind === 'field')
    return editFieldSchema(doc, ref.id, (s) => withKeyword(s, 'x-rules', edit(s['x-rules'] as Record<string, unknown> | undefined)));
  return editLayoutNode(doc, ref, (n) => {
    const out: AnyNode = { ...n, rules: edit(n.rules) };
    if (!out.rules) delete out.rules;
    return out;
  });
}

export function ruleOf(doc: BuilderDocument, ref: NodeRef, kind: 'visible' | 'required' | 'readOnly'): JsonValue | undefined {
  if (ref.kind === 'field') return (fieldById(doc, ref.id)?.schema['x-rules'] as Record<string, JsonValue> | undefined)?.[kind];
  return (layoutNode(doc, ref)?.rules as Record<string, JsonValue> | undefined)?.[kind];
}

/** Sets a computed field's formula (JSON Logic; check it with `checkFormula`). */
export function setFormula(doc: BuilderDocument, id: string, expr: JsonValue): BuilderDocument {
  return editFieldSchema(doc, id, (s) => ({ ...withKeyword(s, 'x-formula', expr), readOnly: true }));
}

export interface Reminder {
  /** Days before the date (negative: after). */
  readonly offsetDays: number;
  /** Who is reminded: the responsible manager, their supervisor, or everyone who sees the card. */
  readonly who: 'manager' | 'supervisor' | 'all';
}

/** Sets (or removes) a reminder on a date field (`x-reminder`). */
export function setReminder(doc: BuilderDocument, id: string, reminder: Reminder | undefined): BuilderDocument {
  const f = requireField(doc, id);
  if (reminder && !isDateType(f.type)) throw new RangeError(`Builder: reminders need a date field; "${f.pointer}" is ${f.type}.`);
  return editFieldSchema(doc, id, (s) => withKeyword(s, REMINDER_KEYWORD, reminder ? { ...reminder } : undefined));
}

/** Tabs, accordion, steps or plain blocks. */
export function setSectionsMode(doc: BuilderDocument, mode: SectionsMode): BuilderDocument {
  return { ...doc, layout: { ...doc.layout, sections: mode } };
}

/** Grid columns of a section or group (1–4). */
export function setColumns(doc: BuilderDocument, ref: NodeRef, columns: number | undefined): BuilderDocument {
  return editLayoutNode(doc, ref, (n) => {
    const out: AnyNode = { ...n, columns };
    if (!columns) delete out.columns;
    return out;
  });
}
