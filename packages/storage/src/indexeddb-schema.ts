/**
 * The IndexedDB layout: a typed `DBSchema` (so every store read and write is checked by tsc) and
 * the list of migration steps that build it. Steps are append-only: a released step is never
 * edited, a new layout is a new step, so a database at any older version upgrades step by step
 * and keeps its data.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { foldCase } from './query.js';
import { LEGACY_DRAFT_SCHEMA, legacyDraftKey } from './catalogue.js';
import type { CardRecord, IndexedValue, Revision, SchemaInfo, SchemaVersion } from './types.js';

/**
 * One entry of the multi-entry `terms` index. `[schemaId]` for the schema; `[field, value]` per
 * indexed field, with booleans as `[0|1]` because booleans are not valid IndexedDB keys, and the
 * array wrapper keeps `true` apart from the number 1. Null values get no term (a missing field
 * also counts as null, and missing fields have no entry), so null filters are checked in memory.
 */
export type Term = [string] | [string, string | number | [0 | 1]];

/** A card as stored: the record plus the derived fields its indexes need. */
export interface StoredCard extends CardRecord {
  /** `foldCase(title)`, for case-insensitive title order and search. */
  _title: string;
  /** Filter terms, see {@link Term}. */
  _terms: Term[];
  /** The card's unique keys as `[schemaId, key]`, for the multi-entry `unique` index (absent: none). */
  _unique?: [string, string][];
}

/** The typed layout of the current version. */
export interface KartochkaDB extends DBSchema {
  records: {
    key: string;
    value: StoredCard;
    indexes: {
      updatedAt: string;
      title: string;
      schemaUpdated: [string, string];
      schemaTitle: [string, string];
      terms: Term;
      unique: [string, string];
    };
  };
  revisions: { key: [string, number]; value: Revision };
  schemas: { key: [string, number]; value: SchemaVersion };
  /** Card types' info (`putSchemaInfo`), keyed by schema id. */
  schemaInfo: { key: string; value: SchemaInfo };
  /** Settings (`putSetting`): any JSON, keyed by the setting key. */
  settings: { key: string; value: unknown };
}

/** The term for one indexed value, or undefined when it cannot be a key (null). */
export function termFor(field: string, value: IndexedValue): Term | undefined {
  if (value === null) return undefined;
  if (typeof value === 'boolean') return [field, [value ? 1 : 0]];
  return [field, value];
}

/** The stored form of a record. Shallow: `data` is shared, IndexedDB clones it on write. */
export function toStored(record: CardRecord, unique: readonly string[] = []): StoredCard {
  const terms: Term[] = [[record.schemaId]];
  for (const field of Object.keys(record.indexed)) {
    const term = termFor(field, record.indexed[field]!);
    if (term) terms.push(term);
  }
  const stored: StoredCard = { ...record, _title: foldCase(record.title), _terms: terms };
  if (unique.length > 0) stored._unique = unique.map((key) => [record.schemaId, key]);
  return stored;
}

/** The record without the derived fields. The row is a fresh clone from IndexedDB, so no copy. */
export function fromStored<T>(row: StoredCard): CardRecord<T> {
  const { _title, _terms, _unique, ...record } = row;
  return record as CardRecord<T>;
}

/* ------------------------------------------------------------------------------------------ */

/** Migrations see an untyped database: older layouts are not the current `KartochkaDB`. */
type AnyDB = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Migration = (db: AnyDB, tx: UpgradeTx) => void;

/**
 * Migration `i` takes the database from version `i` to `i + 1`.
 * Never edit a step after release; append a new one.
 */
export const migrations: readonly Migration[] = [
  // 0 → 1: the first layout. Records keyed by id, indexed by schema and time; history and
  // schema versions keyed by compound keys so one record's or schema's entries are one key range.
  (db) => {
    const records = db.createObjectStore('records', { keyPath: 'id' });
    records.createIndex('schemaId', 'schemaId');
    records.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('revisions', { keyPath: ['recordId', 'revision'] });
    db.createObjectStore('schemas', { keyPath: ['schemaId', 'version'] });
  },
  // 1 → 2: search, title order and filters by index. Adds derived fields to every row, a
  // case-folded title index, per-schema compound sort indexes (which make the plain schemaId
  // index redundant, so it goes: an unused index only slows writes), and the multi-entry terms.
  (db, tx) => {
    const records = tx.objectStore('records');
    records.deleteIndex('schemaId');
    records.createIndex('title', '_title');
    records.createIndex('schemaUpdated', ['schemaId', 'updatedAt']);
    records.createIndex('schemaTitle', ['schemaId', '_title']);
    records.createIndex('terms', '_terms', { multiEntry: true });
    // Backfill inside the upgrade transaction: the database opens only once every row is
    // rewritten, and a failure aborts the whole upgrade instead of leaving half-migrated rows.
    void (async () => {
      for (let cursor = await records.openCursor(); cursor; cursor = await cursor.continue()) {
        await cursor.update(toStored(cursor.value as CardRecord));
      }
    })().catch(() => abortUpgrade(tx));
  },
  // 2 → 3: `foldCase` now folds ё into е; re-derive every row's folded title so search and
  // title order treat old and new rows alike.
  (_db, tx) => {
    const records = tx.objectStore('records');
    void (async () => {
      for (let cursor = await records.openCursor(); cursor; cursor = await cursor.continue()) {
        await cursor.update(toStored(fromStored(cursor.value as StoredCard)));
      }
    })().catch(() => abortUpgrade(tx));
  },
  // 3 → 4: settings and card types' info get stores of their own. Builder drafts were cards of
  // `kc-builder-draft` (seen by every unfiltered list and count): they move into settings, their
  // cards and history go.
  (db, tx) => {
    db.createObjectStore('schemaInfo');
    const settings = db.createObjectStore('settings');
    const records = tx.objectStore('records');
    const revisions = tx.objectStore('revisions');
    const drafts = IDBKeyRange.bound([LEGACY_DRAFT_SCHEMA, ''], [LEGACY_DRAFT_SCHEMA, '\uffff']);
    void (async () => {
      for (let cursor = await records.index('schemaUpdated').openCursor(drafts); cursor; cursor = await cursor.continue()) {
        const card = cursor.value as CardRecord;
        await settings.put(card.data, legacyDraftKey(card.id));
        await revisions.delete(IDBKeyRange.bound([card.id, -Infinity], [card.id, Infinity]));
        await cursor.delete();
      }
    })().catch(() => abortUpgrade(tx));
  },
  // 4 → 5: unique keys (x-unique, docs/duplicates.md): a multi-entry index of `[schemaId, key]`,
  // so a put and a lookup while typing find the holder of a key without reading other rows.
  // Nothing to backfill: rows written before have no keys until their next save.
  (_db, tx) => {
    tx.objectStore('records').createIndex('unique', '_unique', { multiEntry: true });
  },
];

/** A failed backfill aborts the whole upgrade instead of leaving half-migrated rows. */
function abortUpgrade(tx: UpgradeTx): void {
  try {
    tx.abort();
  } catch {
    // Already aborted: the open request reports the original error.
  }
}

/** The version the adapter opens: one per migration step. */
export const DB_VERSION = migrations.length;

/** Runs the steps from `oldVersion` up to {@link DB_VERSION}. */
export function upgrade(db: AnyDB, oldVersion: number, tx: UpgradeTx): void {
  for (let v = oldVersion; v < migrations.length; v++) migrations[v]!(db, tx);
}
