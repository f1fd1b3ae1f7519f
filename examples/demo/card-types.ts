/**
 * The demo's card types: the ready templates plus the types an admin creates, renames, duplicates
 * and archives. Which types exist (name, archived, the template it came from) is kept in this
 * browser (localStorage; the storage adapters have no list of schemas); what a type *is* — its
 * fields, layout, labels and its card settings (title, columns, filters, chips: `x-card`) — is its
 * published schema in the storage, so the list, search and summary read it from there.
 */
import { NotFoundError, type SchemaVersion, type StorageAdapter } from '@kartochka/storage';
import { templateCardSettings, type CardTemplate, type LocalizedText } from '@kartochka/templates';
import { cardSettingsOf, defaultCardSettings, withCardSettings, type CardSettings, type FieldMessages, type Locale, type MessageCatalogue } from '@kartochka/core';
import type { CardListColumn, CardListFilter } from '@kartochka/elements';
import { demoTemplates } from './templates.js';

export interface CardType {
  /** The storage `schemaId` of the type's cards. */
  id: string;
  title: LocalizedText;
  /** The template it was made from, if any. */
  template?: string;
  /** Hidden from "new card" and the type menu; its cards still open. */
  archived?: boolean;
}

const KEY = 'kc-demo-card-types';

type Saved = { types: CardType[]; changed: Record<string, Partial<CardType>> };
function load(): Saved {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '') as Saved;
    return { types: Array.isArray(v.types) ? v.types : [], changed: v.changed ?? {} };
  } catch {
    return { types: [], changed: {} };
  }
}
const save = (v: Saved) => localStorage.setItem(KEY, JSON.stringify(v));

/** Every card type, the templates first, archived ones included. */
export function cardTypes(): CardType[] {
  const saved = load();
  const builtIn = demoTemplates.map((t): CardType => ({ id: t.id, title: t.title, template: t.id }));
  return [...builtIn, ...saved.types].map((t) => ({ ...t, ...saved.changed[t.id] }));
}

export const activeCardTypes = () => cardTypes().filter((t) => !t.archived);

/** The type of `id`; an unknown id (a card of a type made in another browser) gets a type named by its id. */
export function cardTypeFor(id: string): CardType {
  return cardTypes().find((t) => t.id === id) ?? { id, title: { ru: id, en: id } };
}

/** The template a type is backed by: the same id (a ready template as it ships), else none. */
export const templateOfType = (t: CardType): CardTemplate<unknown> | undefined => demoTemplates.find((x) => x.id === t.id);

function update(id: string, change: Partial<CardType>): void {
  const saved = load();
  const own = saved.types.find((t) => t.id === id);
  if (own) Object.assign(own, change);
  else saved.changed[id] = { ...saved.changed[id], ...change };
  save(saved);
}

export const renameCardType = (id: string, title: LocalizedText) => update(id, { title });
export const archiveCardType = (id: string, archived: boolean) => update(id, { archived });

const newId = () => `type-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * A new card type named `title`: blank (its fields are made in the builder, published there), or a
 * copy of a template or of another type, published at once as version 1 with its card settings.
 */
export async function createCardType(storage: StorageAdapter, title: LocalizedText, from?: string): Promise<CardType> {
  const type: CardType = { id: newId(), title, template: from && demoTemplates.some((t) => t.id === from) ? from : undefined };
  if (from) {
    const source = await latestTypeSchema(storage, cardTypeFor(from));
    if (source) {
      const settings = cardSettingsOf(source.schema) ?? settingsFor(cardTypeFor(from), source);
      await storage.publishSchema({ schemaId: type.id, schema: withCardSettings(source.schema, settings), layout: source.layout, messages: source.messages, note: `from ${from}` });
    }
  }
  const saved = load();
  saved.types.push(type);
  save(saved);
  return type;
}

/** A copy of a type under a new name (its latest schema, settings included). */
export const duplicateCardType = (storage: StorageAdapter, id: string, title: LocalizedText) => createCardType(storage, title, id);

/** The latest published schema of a type: a ready template publishes its own first; undefined before the first publish. */
export async function latestTypeSchema(storage: StorageAdapter, t: CardType): Promise<SchemaVersion | undefined> {
  try {
    return await storage.getSchema(t.id);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    const tpl = templateOfType(t);
    if (!tpl) return undefined;
    return storage.publishSchema({ schemaId: tpl.id, schema: tpl.schema, layout: tpl.layout as object, messages: tpl.messages as object, note: 'template' });
  }
}

/** The type's card settings: the published schema's own (`x-card`), else its template's, else a default. */
export function settingsFor(t: CardType, version: SchemaVersion): CardSettings {
  const own = cardSettingsOf(version.schema);
  if (own) return own;
  const tpl = templateOfType(t);
  return tpl ? templateCardSettings(tpl) : defaultCardSettings(version.schema);
}

function entry(messages: MessageCatalogue | undefined, locale: Locale, pointer: string): FieldMessages | undefined {
  const e = messages?.[locale]?.[pointer];
  return typeof e === 'string' ? { title: e } : e;
}

/** The schema of the field at `pointer` (plain properties only), for its own title and options. */
function fieldSchema(schema: unknown, pointer: string): { title?: string; enum?: unknown[] } | undefined {
  let at = schema as { properties?: Record<string, unknown> } | undefined;
  for (const token of pointer.split('/').slice(1)) at = at?.properties?.[token.replace(/~1/g, '/').replace(/~0/g, '~')] as typeof at;
  return at as { title?: string; enum?: unknown[] } | undefined;
}

/** List columns and filters from the type's settings, labelled from its messages in both languages. */
export function listConfig(settings: CardSettings, version: SchemaVersion): { columns: CardListColumn[]; filters: CardListFilter[] } {
  const messages = version.messages as MessageCatalogue | undefined;
  const label = (pointer: string) => {
    const ru = entry(messages, 'ru', pointer);
    const en = entry(messages, 'en', pointer);
    const own = fieldSchema(version.schema, pointer);
    const fallback = own?.title ?? pointer.split('/').pop() ?? pointer;
    const values = new Set([...Object.keys(ru?.options ?? {}), ...Object.keys(en?.options ?? {}), ...(own?.enum ?? []).map(String)]);
    const options = values.size ? Object.fromEntries([...values].map((v) => [v, { ru: ru?.options?.[v] ?? v, en: en?.options?.[v] ?? v }])) : undefined;
    return { field: pointer, label: { ru: ru?.title ?? fallback, en: en?.title ?? fallback }, options };
  };
  return {
    columns: [{ field: 'title', label: { ru: 'Название', en: 'Name' } }, ...settings.columns.map(label), { field: 'updatedAt' }],
    filters: settings.filters.map(label).filter((c) => c.options),
  };
}
