/**
 * The list's saved views and bulk actions, without the DOM: what a view holds, where it is kept
 * (the signed-in user's settings in the storage adapter: `getSetting`/`putSetting`, so IndexedDB
 * and REST alike, per user), the query a view means, and the bulk writes (change a field, delete
 * with undo) through the adapter — each card its own put, so each gets its history entry.
 */
import {
  cardRecordFields,
  cardSettingsOf,
  defaultCardSettings,
  loadValidationRuntime,
  type JsonSchema,
  type JsonValue,
  type Locale,
} from '@kartochka/core';
import { setAt } from '@kartochka/core/internal';
import type { CardRecord, IndexRange, IndexedValue, ListQuery, StorageAdapter } from '@kartochka/storage';
import { uniqueKeysOf } from '../internal/unique-keys.js';

/** A named view: columns, filters, ranges, "my cards", search and sort. JSON, kept per user. */
export interface SavedView {
  name: string;
  /** The fields shown as columns, in order. */
  columns: string[];
  /** Exact filters on indexed fields. */
  filter?: Record<string, IndexedValue>;
  /** Inclusive ranges on indexed fields (numbers, ISO dates). */
  range?: Record<string, IndexRange>;
  /** Only the signed-in user's cards (the list's `mine-field` equals the user). */
  mine?: boolean;
  search?: string;
  sort?: { field: string; direction: 'asc' | 'desc' };
}

/** The settings key of a list's views: one list per card type (`*` for a list of every type). */
export const viewsKey = (schemaId: string): string => `list-views:${schemaId || '*'}`;

/** The user's saved views of a list (none when never saved). Malformed entries are dropped. */
export async function loadViews(storage: StorageAdapter, schemaId: string): Promise<SavedView[]> {
  const stored = await storage.getSetting<unknown>(viewsKey(schemaId));
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (v): v is SavedView =>
      !!v && typeof v === 'object' && typeof (v as SavedView).name === 'string' && Array.isArray((v as SavedView).columns),
  );
}

/** Saves `view` under its name (replacing one of that name); returns the new list. */
export async function saveView(storage: StorageAdapter, schemaId: string, view: SavedView): Promise<SavedView[]> {
  const views = (await loadViews(storage, schemaId)).filter((v) => v.name !== view.name);
  views.push(view);
  views.sort((a, b) => a.name.localeCompare(b.name));
  await storage.putSetting(viewsKey(schemaId), views);
  return views;
}

/** Forgets the view named `name`; returns the new list. */
export async function deleteView(storage: StorageAdapter, schemaId: string, name: string): Promise<SavedView[]> {
  const views = (await loadViews(storage, schemaId)).filter((v) => v.name !== name);
  await storage.putSetting(viewsKey(schemaId), views);
  return views;
}

/** A range typed in the list's inputs (text as typed) as a query range of numbers or ISO dates. */
export function rangeOf(type: 'number' | 'date', from: string, to: string): IndexRange | undefined {
  const parse = (s: string): string | number | undefined => {
    const t = s.trim();
    if (!t) return undefined;
    if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
    const n = Number(t.replace(/\s/g, '').replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  };
  const r: IndexRange = {};
  const min = parse(from);
  const max = parse(to);
  if (min !== undefined) r.min = min;
  if (max !== undefined) r.max = max;
  return min === undefined && max === undefined ? undefined : r;
}

/** What a bulk write came to. */
export interface BulkResult {
  done: CardRecord[];
  /** Cards not written, with why (a refused value, someone else's newer save, a duplicate…). */
  failed: { id: string; message: string }[];
}

/** What bulk writes need to know about the card type, so stored titles, indexes and keys stay right. */
export interface BulkContext {
  storage: StorageAdapter;
  /** The card type's schema: validation, title and indexed values (`x-card`), unique keys. */
  schema?: JsonSchema;
  locale?: Locale;
  author?: string;
}

/** The stored form of `data` for a card: title and indexed values as the type's settings say, and its unique keys. */
async function derived(
  ctx: BulkContext,
  record: CardRecord,
  data: JsonValue,
): Promise<Pick<CardRecord, 'title' | 'indexed'> & { unique?: string[] }> {
  if (!ctx.schema) return { title: record.title, indexed: record.indexed };
  const settings = cardSettingsOf(ctx.schema) ?? defaultCardSettings(ctx.schema);
  const fields = cardRecordFields(settings, data);
  const out: Pick<CardRecord, 'title' | 'indexed'> & { unique?: string[] } = {
    title: fields.title || record.title,
    indexed: { ...record.indexed, ...fields.indexed },
  };
  const unique = await uniqueKeysOf(ctx.schema, data);
  if (unique) out.unique = unique;
  return out;
}

/**
 * Sets `pointer` to `value` in each card (`undefined` removes it): read, changed, validated
 * against the schema, and written only if nobody saved the card meanwhile (`expectedRevision`).
 */
export async function changeField(
  ctx: BulkContext,
  ids: readonly string[],
  pointer: string,
  value: JsonValue | undefined,
): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  // The run-time compiler is a chunk of its own, loaded by the first bulk change: a static
  // validate() would put ajv and re2js up front in every page that imports the elements.
  const validate = ctx.schema ? (await loadValidationRuntime(ctx.schema)).validate : undefined;
  for (const id of ids) {
    try {
      const record = await ctx.storage.get<JsonValue>(id);
      const data = setAt(record.data, pointer, value);
      if (ctx.schema && validate) {
        const errors = validate(ctx.schema, data, ctx.locale ?? 'en').errors;
        if (errors.length) {
          result.failed.push({ id, message: errors.map((e) => e.message).join('; ') });
          continue;
        }
      }
      const put = await ctx.storage.put(
        { id, schemaId: record.schemaId, schemaVersion: record.schemaVersion, data, ...(await derived(ctx, record, data)) },
        { expectedRevision: record.revision, author: ctx.author },
      );
      result.done.push(put);
    } catch (e) {
      result.failed.push({ id, message: (e as Error).message });
    }
  }
  return result;
}

/** Deletes each card (if unchanged since it was read); `done` holds what was deleted, for {@link restoreCards}. */
export async function deleteCards(ctx: BulkContext, ids: readonly string[]): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const id of ids) {
    try {
      const record = await ctx.storage.get(id);
      await ctx.storage.delete(id, { expectedRevision: record.revision });
      result.done.push(record);
    } catch (e) {
      result.failed.push({ id, message: (e as Error).message });
    }
  }
  return result;
}

/** Undo of a bulk delete: puts each deleted card back (as a create: a card made meanwhile under its id wins). */
export async function restoreCards(ctx: BulkContext, records: readonly CardRecord[]): Promise<BulkResult> {
  const result: BulkResult = { done: [], failed: [] };
  for (const r of records) {
    try {
      const unique = ctx.schema ? await uniqueKeysOf(ctx.schema, r.data as JsonValue) : undefined;
      const input = {
        id: r.id,
        schemaId: r.schemaId,
        schemaVersion: r.schemaVersion,
        title: r.title,
        indexed: r.indexed,
        data: r.data,
        ...(unique ? { unique } : {}),
      };
      result.done.push(await ctx.storage.put(input, { expectedRevision: 0, author: ctx.author }));
    } catch (e) {
      result.failed.push({ id: r.id, message: (e as Error).message });
    }
  }
  return result;
}

/** The list query of a view's conditions (no paging), the user's own cards when it says "mine". */
export function viewQuery(
  base: ListQuery,
  view: Pick<SavedView, 'filter' | 'range' | 'mine'>,
  mine?: { field: string; user: string },
): ListQuery {
  const q: ListQuery = { ...base };
  const filter = { ...(base.filter ?? {}), ...(view.filter ?? {}) };
  if (view.mine && mine?.field && mine.user) filter[mine.field] = mine.user;
  if (Object.keys(filter).length) q.filter = filter;
  if (view.range && Object.keys(view.range).length) q.range = { ...(base.range ?? {}), ...view.range };
  return q;
}
