/**
 * The demo's card types: the ready templates plus the types an admin creates, renames, duplicates
 * and archives. Which types exist (name per language, archived, the template it came from) is kept
 * by the storage adapter (`listSchemas` / `putSchemaInfo`), so it follows the admin to another
 * browser on the REST server; what a type *is* — its fields, layout, labels and its card settings
 * (title, columns, filters, chips: `x-card`) — is its published schema, so the list, search and
 * summary read it from there. {@link loadCardTypes} reads the list once per page render; the rest
 * of the demo reads that copy synchronously.
 */
import { NotFoundError, type SchemaSummary, type SchemaVersion, type StorageAdapter } from '@kartochka/storage';
import { templateCardSettings, type CardTemplate, type LocalizedText } from '@kartochka/templates';
import {
  cardSettingsOf,
  defaultCardSettings,
  withCardSettings,
  type CardSettings,
  type FieldMessages,
  type Locale,
  type MessageCatalogue,
} from '@kartochka/core';
import type { CardListColumn, CardListFilter, CardListRange } from '@kartochka/elements';
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

/** Where earlier demos kept the list in this browser; moved into the adapter once (nothing lost). */
const LEGACY_KEY = 'kc-demo-card-types';

let known: CardType[] = [];

const titleOf = (t: SchemaSummary, fallback: LocalizedText | undefined): LocalizedText => {
  const ru = t.title?.ru ?? t.title?.en ?? fallback?.ru ?? t.schemaId;
  const en = t.title?.en ?? t.title?.ru ?? fallback?.en ?? t.schemaId;
  return { ru, en };
};

/** Moves a list kept in localStorage by an earlier demo into the adapter, then forgets it. */
async function moveLegacyList(storage: StorageAdapter): Promise<void> {
  const raw = localStorage.getItem(LEGACY_KEY);
  if (raw === null) return;
  try {
    const v = JSON.parse(raw) as { types?: CardType[]; changed?: Record<string, Partial<CardType>> };
    for (const t of Array.isArray(v.types) ? v.types : []) {
      await storage.putSchemaInfo(t.id, { title: { ...t.title }, archived: !!t.archived, ...(t.template ? { template: t.template } : {}) });
    }
    for (const [id, c] of Object.entries(v.changed ?? {})) {
      await storage.putSchemaInfo(id, {
        ...(c.title ? { title: { ...c.title } } : {}),
        ...(c.archived !== undefined ? { archived: c.archived } : {}),
      });
    }
  } catch {
    // A malformed old list: nothing to move.
  }
  localStorage.removeItem(LEGACY_KEY);
}

/** Reads the card types from the adapter (templates first, then the rest by name). */
export async function loadCardTypes(storage: StorageAdapter): Promise<CardType[]> {
  await moveLegacyList(storage);
  const listed = new Map((await storage.listSchemas()).map((t) => [t.schemaId, t]));
  const builtIn = demoTemplates.map((tpl): CardType => {
    const own = listed.get(tpl.id);
    return { id: tpl.id, title: own?.title ? titleOf(own, tpl.title) : tpl.title, template: tpl.id, archived: own?.archived || undefined };
  });
  const made = [...listed.values()]
    .filter((t) => !demoTemplates.some((tpl) => tpl.id === t.schemaId))
    .map((t): CardType => ({ id: t.schemaId, title: titleOf(t, undefined), template: t.template, archived: t.archived || undefined }))
    .sort((a, b) => a.title.ru.localeCompare(b.title.ru, 'ru'));
  known = [...builtIn, ...made];
  return known;
}

/** Every card type as last loaded, the templates first, archived ones included. */
export const cardTypes = (): CardType[] =>
  known.length ? known : demoTemplates.map((t): CardType => ({ id: t.id, title: t.title, template: t.id }));

export const activeCardTypes = () => cardTypes().filter((t) => !t.archived);

/** The type of `id`; an unknown id (a card of a type made in another browser) gets a type named by its id. */
export function cardTypeFor(id: string): CardType {
  return cardTypes().find((t) => t.id === id) ?? { id, title: { ru: id, en: id } };
}

/** The template a type is backed by: the same id (a ready template as it ships), else none. */
export const templateOfType = (t: CardType): CardTemplate<unknown> | undefined => demoTemplates.find((x) => x.id === t.id);

export const renameCardType = async (storage: StorageAdapter, id: string, title: LocalizedText) => {
  await storage.putSchemaInfo(id, { title: { ...title } });
  await loadCardTypes(storage);
};
export const archiveCardType = async (storage: StorageAdapter, id: string, archived: boolean) => {
  await storage.putSchemaInfo(id, { archived });
  await loadCardTypes(storage);
};

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
      await storage.publishSchema({
        schemaId: type.id,
        schema: withCardSettings(source.schema, settings),
        layout: source.layout,
        messages: source.messages,
        note: `from ${from}`,
      });
    }
  }
  await storage.putSchemaInfo(type.id, { title: { ...title }, ...(type.template ? { template: type.template } : {}) });
  await loadCardTypes(storage);
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
    return storage.publishSchema({
      schemaId: tpl.id,
      schema: tpl.schema,
      layout: tpl.layout as object,
      messages: tpl.messages as object,
      note: 'template',
    });
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
type FieldShape = { title?: string; enum?: unknown[]; type?: unknown; format?: unknown };
function fieldSchema(schema: unknown, pointer: string): FieldShape | undefined {
  let at = schema as { properties?: Record<string, unknown> } | undefined;
  for (const token of pointer.split('/').slice(1)) at = at?.properties?.[token.replace(/~1/g, '/').replace(/~0/g, '~')] as typeof at;
  return at as FieldShape | undefined;
}

/** List columns and filters from the type's settings, labelled from its messages in both languages. */
export function listConfig(
  settings: CardSettings,
  version: SchemaVersion,
): { columns: CardListColumn[]; filters: CardListFilter[]; ranges: CardListRange[] } {
  const messages = version.messages as MessageCatalogue | undefined;
  const label = (pointer: string) => {
    const ru = entry(messages, 'ru', pointer);
    const en = entry(messages, 'en', pointer);
    const own = fieldSchema(version.schema, pointer);
    const fallback = own?.title ?? pointer.split('/').pop() ?? pointer;
    const values = new Set([...Object.keys(ru?.options ?? {}), ...Object.keys(en?.options ?? {}), ...(own?.enum ?? []).map(String)]);
    const options = values.size
      ? Object.fromEntries([...values].map((v) => [v, { ru: ru?.options?.[v] ?? v, en: en?.options?.[v] ?? v }]))
      : undefined;
    return { field: pointer, label: { ru: ru?.title ?? fallback, en: en?.title ?? fallback }, options };
  };
  return {
    columns: [{ field: 'title', label: { ru: 'Название', en: 'Name' } }, ...settings.columns.map(label), { field: 'updatedAt' }],
    filters: settings.filters.map(label).filter((c) => c.options),
    // From–to inputs for the list's number and date columns (saved views, docs/list-views.md).
    ranges: settings.columns.flatMap((pointer): CardListRange[] => {
      const own = fieldSchema(version.schema, pointer);
      const type = own?.type === 'number' || own?.type === 'integer' ? 'number' : own?.format === 'date' ? 'date' : undefined;
      return type ? [{ field: pointer, label: label(pointer).label, type }] : [];
    }),
  };
}
