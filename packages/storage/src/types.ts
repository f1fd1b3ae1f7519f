/**
 * The storage contract of Kartochka. Every adapter (memory, IndexedDB, and the planned REST
 * adapter) implements {@link StorageAdapter} and passes the same conformance suite, so the
 * elements package can depend on this file alone and never on a backend.
 *
 * Data is JSON: adapters must round-trip any JSON value exactly (keys such as `__proto__`, `a/b`,
 * `~`, any Unicode), and need not support anything beyond JSON (no `Date`, `undefined`, `-0`),
 * because the REST adapter will not.
 */

import type { FileRef, FileUpload } from './files.js';

/** A value that can be filtered and sorted on: what an indexed field may hold. */
export type IndexedValue = string | number | boolean | null;

/** One stored client card. */
export interface CardRecord<T = unknown> {
  /** Unique card id, chosen by the caller (e.g. `c-42`). */
  id: string;
  /** Which schema the card's data follows. */
  schemaId: string;
  /** The version of that schema the data was last saved with. */
  schemaVersion: number;
  /** Starts at 1 on create and grows by 1 on every put; the basis of optimistic locking. */
  revision: number;
  /** Human title (e.g. the company name); the only text that `list({search})` looks at. */
  title: string;
  /** The card's data, a JSON value shaped by the schema. */
  data: T;
  /** Values of indexed fields (`segment`, `manager`, …) copied out of `data` by the caller. */
  indexed: Record<string, IndexedValue>;
  /** ISO 8601 time of the first put. */
  createdAt: string;
  /** ISO 8601 time of the latest put. */
  updatedAt: string;
  /** Who made the latest change, when known. */
  author?: string;
}

/**
 * What a caller passes to `put`: a card without the fields the adapter owns. Any `revision`,
 * `createdAt` or `updatedAt` given are ignored; the stored values win.
 */
export type NewOrUpdatedRecord<T = unknown> = Omit<CardRecord<T>, 'revision' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<CardRecord<T>, 'revision' | 'createdAt' | 'updatedAt'>> & {
    /**
     * The card's normalised unique keys (`uniqueKeyStrings(schema, data)` of `@kartochka/core/unique`,
     * docs/duplicates.md). Another card of the same `schemaId` holding one of them makes the put
     * fail with `DuplicateError`. Write-only: adapters index the keys but never return them (they
     * are values of fields a reader may not be allowed to see). The reference server ignores what
     * a client sends and computes them from the published schema.
     */
    unique?: readonly string[];
  };

/** A card that already holds a unique key (see {@link StorageAdapter.findUnique}). */
export interface UniqueMatch {
  /** The key, as given. */
  key: string;
  /** The card holding it. */
  id: string;
  /** That card's title, for a link to it. */
  title: string;
}

/** Options of `put`. */
export interface PutOptions {
  /**
   * The revision the caller last saw: 0 for "create, must not exist yet"; `undefined` for an
   * unconditional write (last write wins). A mismatch throws `ConflictError`.
   */
  expectedRevision?: number;
  /** Recorded as the record's `author` and in its history. */
  author?: string;
}

/** Options of `delete`. */
export interface DeleteOptions {
  /** When given, the delete only happens if the stored revision is this one. */
  expectedRevision?: number;
}

/** One entry of a card's history: what changed in one put. */
export interface Revision {
  recordId: string;
  /** The revision this put produced. */
  revision: number;
  /** ISO 8601 time of the put. */
  at: string;
  author?: string;
  /** A tombstone: this revision deleted the card (servers that keep history past a delete). */
  deleted?: true;
  /** On a tombstone: the deleted card's schema (its field-access rules still govern the history). */
  schemaId?: string;
  /**
   * JSON Pointers (RFC 6901) into `data` of the values that changed. `['']` (the whole document)
   * for the first revision. Only `data` is diffed; title and indexed values are derived from it.
   */
  changedPaths: string[];
  /** For each changed path, its value before the put (absent when the path did not exist). */
  before?: Record<string, unknown>;
  /** For each changed path, its value after the put (absent when the path was removed). */
  after?: Record<string, unknown>;
}

/** One published, immutable version of a card schema, with its layout and messages. */
export interface SchemaVersion {
  schemaId: string;
  /** 1, 2, 3… per `schemaId`, assigned by `publishSchema`. */
  version: number;
  schema: object;
  layout?: object;
  messages?: object;
  /** ISO 8601 time of publication. */
  publishedAt: string;
  author?: string;
  note?: string;
}

/** What `publishSchema` takes: a schema version without the fields the adapter assigns. */
export interface PublishSchemaInput {
  schemaId: string;
  schema: object;
  layout?: object;
  messages?: object;
  author?: string;
  note?: string;
}

/**
 * What an app keeps about a card type besides its schema versions: its name per language, whether
 * it is archived, and which template it came from. Set with `putSchemaInfo`, before or after the
 * first publish (a blank type has a name before it has fields).
 */
export interface SchemaInfo {
  /** The type's name per language (`{ru: 'Поставщики', en: 'Suppliers'}`). */
  title?: Record<string, string>;
  /** Archived types are hidden from "new card" menus; their cards still open. */
  archived?: boolean;
  /** The template the type was made from, if any. */
  template?: string;
}

/** One card type as `listSchemas` lists it. */
export interface SchemaSummary extends SchemaInfo {
  schemaId: string;
  /** The latest published version; 0 while the type has info but nothing is published yet. */
  latestVersion: number;
  /** ISO 8601 time of the latest publication (absent before the first). */
  publishedAt?: string;
  archived: boolean;
}

/**
 * Schema ids starting with this are the library's own (older builder drafts were cards of
 * `kc-builder-draft`): `listSchemas` leaves them out.
 */
export const INTERNAL_SCHEMA_PREFIX = 'kc-';

/** The field a list is sorted by: `title`, `updatedAt`, `createdAt`, or an indexed field name. */
export type SortField = 'title' | 'updatedAt' | 'createdAt' | (string & {});

/** A query for `list`. All conditions are combined with AND. */
export interface ListQuery {
  /** Only cards of this schema. */
  schemaId?: string;
  /** Exact matches on indexed fields; a missing indexed field counts as `null`. */
  filter?: Record<string, IndexedValue>;
  /**
   * Ranges on indexed fields, both ends inclusive (`{'/finance/revenue': {min: 1000}}`,
   * `{'/contract/signedOn': {min: '2026-01-01', max: '2026-03-31'}}`): a number bound matches
   * numbers only, a text bound text only (ISO dates compare as text); a missing field never matches.
   */
  range?: Record<string, IndexRange>;
  /** Case-insensitive substring of `title` (Unicode-aware lower-casing, so Cyrillic works). */
  search?: string;
  /**
   * Sort order; default `updatedAt` descending. Titles compare case-insensitively; indexed values
   * order numbers, then strings, then booleans, then null/missing; ties are broken by `id`.
   */
  sort?: { field: SortField; direction: 'asc' | 'desc' };
  /** How many matches to skip (default 0). */
  offset?: number;
  /** At most this many items (default: all). */
  limit?: number;
}

/** One range of {@link ListQuery.range}; give `min`, `max` or both, of one type. */
export interface IndexRange {
  min?: string | number;
  max?: string | number;
}

/** The page `list` returns. */
export interface ListResult<T = unknown> {
  items: CardRecord<T>[];
  /** How many cards match the query in all, ignoring `offset` and `limit`. */
  total: number;
}

/** What `watch` callbacks receive. */
export interface ChangeEvent {
  type: 'put' | 'delete';
  id: string;
  /** The revision written by the put, or the revision that was deleted. */
  revision: number;
  /** True when the change came from another adapter instance (another tab; with REST, another client). */
  remote: boolean;
}

/** Called by `watch`. Errors thrown by it are reported, never passed back to the writer. */
export type WatchCallback = (event: ChangeEvent) => void;

/** The interface every storage backend implements. All methods are async and reject with `StorageError`s. */
export interface StorageAdapter {
  /**
   * A stable id of the store this adapter reads and writes: for REST `rest:` + its base URL, for
   * IndexedDB `indexeddb:` + the database name. The same store gives the same id in every build
   * and every tab, so local drafts and queued saves kept for it survive reloads and never go to
   * another store. Optional for adapters written before it existed (then give the card a `scope`).
   */
  readonly id?: string;
  /**
   * The signed-in user whose credentials this adapter sends, when the app says (`user` option).
   * Drafts and queued saves are kept per user, and a user's queued saves go out only through an
   * adapter of that same user.
   */
  readonly user?: string;
  /** The stored card; rejects with `NotFoundError` when there is none. */
  get<T = unknown>(id: string): Promise<CardRecord<T>>;
  /**
   * Creates or updates a card in one atomic step and returns what was stored (revision + 1, new
   * `updatedAt`). Rejects with `ConflictError` on a stale `expectedRevision`, `NotFoundError`
   * when `expectedRevision > 0` but the card is gone, `ValidationError` on a malformed record.
   */
  put<T = unknown>(record: NewOrUpdatedRecord<T>, options?: PutOptions): Promise<CardRecord<T>>;
  /** Deletes a card and its history; `NotFoundError` when missing, `ConflictError` when stale. */
  delete(id: string, options?: DeleteOptions): Promise<void>;
  /** A filtered, sorted page of cards and the total number of matches. */
  list<T = unknown>(query?: ListQuery): Promise<ListResult<T>>;
  /** The card's history, oldest first; `[]` for an unknown id. */
  history(id: string): Promise<Revision[]>;
  /** Stores the next version of a schema (1 for a new `schemaId`). */
  publishSchema(input: PublishSchemaInput): Promise<SchemaVersion>;
  /** A schema version, the latest when `version` is omitted; `NotFoundError` when missing. */
  getSchema(schemaId: string, version?: number): Promise<SchemaVersion>;
  /** All versions of a schema, oldest first; `[]` for an unknown id. */
  listSchemaVersions(schemaId: string): Promise<SchemaVersion[]>;
  /**
   * Every card type of the store — each published schema id and each id given info with
   * `putSchemaInfo` — ordered by id; internal ids ({@link INTERNAL_SCHEMA_PREFIX}) left out.
   */
  listSchemas(): Promise<SchemaSummary[]>;
  /** Merges `info` into the type's info (a key set to `undefined` stays) and returns its summary. */
  putSchemaInfo(schemaId: string, info: SchemaInfo): Promise<SchemaSummary>;
  /**
   * A setting of the signed-in user (a builder draft, a preference): JSON kept beside the cards,
   * never one of them — no list, count, search, history or audit entry sees it. `undefined` when
   * not set. Per user: the server's signed-in user, the local adapters' `user` option.
   */
  getSetting<T = unknown>(key: string): Promise<T | undefined>;
  /** Keeps a setting (replacing it); any JSON value. */
  putSetting(key: string, value: unknown): Promise<void>;
  /** Forgets a setting; no error when it is not set. */
  deleteSetting(key: string): Promise<void>;
  /**
   * Stores a file apart from the card and returns the reference the card's data then holds
   * (docs/files.md). Only stores that keep files apart have it (REST); the others keep a picked
   * file as a Blob inside the data (IndexedDB stores Blobs natively).
   */
  putFile?(upload: FileUpload): Promise<FileRef>;
  /** A stored file's bytes; `NotFoundError` when it is not there for this caller. */
  getFile?(cardId: string, fileId: string): Promise<Blob>;
  /**
   * The cards of `schemaId` that hold any of `keys` (normalised unique keys, docs/duplicates.md):
   * an indexed lookup, never a scan, so a card can ask while the user types. Cards of other
   * schemas (and, on a server, of other tenants) are never returned. Optional for adapters
   * written before it existed; the card then only learns of a duplicate when the save is refused.
   */
  findUnique?(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]>;
  /** Calls `callback` when card `id` (or any card, for `'*'`) changes; returns the unsubscribe function. */
  watch(id: string | '*', callback: WatchCallback): () => void;
  /** Releases the connection; later calls reject with `UnavailableError`. */
  close(): Promise<void>;
}
