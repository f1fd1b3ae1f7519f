/**
 * The server's data layer, behind one small interface so a PostgreSQL store can follow the SQLite
 * one without touching the HTTP code. Methods are async for that reason, even though
 * better-sqlite3 is synchronous.
 *
 * Contract: the write rules are the storage package's own (`validateRecord`, `checkRevision`,
 * `nextRecord`) and list answers go through its `applyQuery`, so the server stores and lists
 * exactly like `MemoryAdapter` and `IndexedDbAdapter` do.
 */
import type {
  CardRecord,
  NewOrUpdatedRecord,
  PublishSchemaInput,
  PutOptions,
  Revision,
  SchemaInfo,
  SchemaSummary,
  SchemaVersion,
  UniqueMatch,
} from '@kartochka/storage';
import type { KeyRows } from './auth/keys.js';
import type { FileRows } from './file-store.js';
import type { StoreListQuery, StoreListResult } from './sql-list.js';

/**
 * Runs inside a put's transaction with the card as stored now (`undefined` when new); returns the
 * record to write, or throws to refuse (field access and schema validation use it, so what they
 * merge and compare cannot change underneath them).
 */
export type PutCheck = (stored: CardRecord | undefined) => NewOrUpdatedRecord;

/** Who made a change and when, for deletes (puts carry it in `StorePutOptions`). */
export interface WriteMeta {
  at?: string;
  author?: string;
  /**
   * The writing client's id (`X-Kartochka-Client`), carried in the change notice other instances
   * hear (pg-feed.ts), so the client can skip its own write whichever instance streams it back.
   */
  client?: string;
}

/** `PutOptions` plus the writing client's id, as in {@link WriteMeta}. */
export interface StorePutOptions extends PutOptions {
  client?: string;
}

/** What the audit log records. */
export type AuditAction = 'card.put' | 'card.delete' | 'schema.publish' | 'key.create' | 'key.revoke';

/** One line of the append-only audit log: who did what to which card, schema or key. Never data. */
export interface AuditEntry {
  /** Grows by one per entry (across tenants); page with `after`. */
  seq: number;
  at: string;
  /** The authenticated author (a key's name, a token's subject, `admin` for KARTOCHKA_TOKEN). */
  actor: string;
  action: AuditAction;
  /** The card id, schema id or key id. */
  target: string;
  /** The card revision written or deleted, or the schema version published. */
  revision?: number;
}

export interface AuditQuery {
  /** Entries after this `seq` (default 0: from the start). */
  after?: number;
  /** At most this many (default 100, at most 1000). */
  limit?: number;
}

/** What a put did. */
export interface PutResult {
  record: CardRecord;
  /** True when the card did not exist before (the server answers 201). */
  created: boolean;
}

/**
 * Where the reference server keeps cards, their history and schema versions — for one tenant:
 * every method sees the rows of {@link CardStore.tenant} only; {@link CardStore.forTenant} gives
 * another tenant's view of the same database.
 */
export interface CardStore {
  readonly tenant: string;
  /** The same store, scoped to `tenant`. */
  forTenant(tenant: string): CardStore;
  /** The stored card, or `undefined`. */
  get(id: string): Promise<CardRecord | undefined>;
  /**
   * Checks `expectedRevision` and writes the card and its history entry in **one transaction**;
   * throws the storage package's `ConflictError` / `NotFoundError` on a failed check.
   * `input` is already validated as a record; `check` (if any) runs inside the transaction. A card
   * re-created after a delete continues its history (revision = tombstone + 1). Appends to the audit log.
   * The record `check` returns (else `input`) brings its unique keys (`unique`); another card of
   * the schema holding one throws `DuplicateError`, atomically with the write (docs/duplicates.md).
   */
  put(input: NewOrUpdatedRecord, options: StorePutOptions, now: string, check?: PutCheck): Promise<PutResult>;
  /**
   * Deletes a card in one transaction, keeping its history closed by a tombstone revision
   * (`deleted: true`); returns what was deleted. Throws `NotFoundError`/`ConflictError`. Audited.
   */
  delete(id: string, expectedRevision: number | undefined, meta?: WriteMeta): Promise<CardRecord>;
  /**
   * A page of cards, with `ListQuery` semantics exactly as in `@kartochka/storage`, run in SQL
   * (sql-list.ts); `after` continues from a previous page's `nextCursor` (column sorts).
   */
  list(query: StoreListQuery): Promise<StoreListResult>;
  /** The cards of `schemaId` holding any of `keys`, by the unique-key index (this tenant only). */
  findUnique(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]>;
  /** Oldest first; `[]` for an unknown id. */
  history(id: string): Promise<Revision[]>;
  /**
   * Stores the next version of a schema (1 for a new id) and, in the same transaction, re-derives
   * the title and indexed values of the schema's stored cards when the version has card settings
   * (`reindexed` of @kartochka/storage: a renamed indexed field takes its new name on old cards).
   */
  publishSchema(input: PublishSchemaInput, now: string): Promise<SchemaVersion>;
  /** A version, the latest when `version` is omitted; `undefined` when missing. */
  getSchema(schemaId: string, version?: number): Promise<SchemaVersion | undefined>;
  /** Oldest first; `[]` for an unknown id. */
  listSchemaVersions(schemaId: string): Promise<SchemaVersion[]>;
  /** The latest published version number, without reading the schema. */
  latestSchemaVersion(schemaId: string): Promise<number | undefined>;
  /** The tenant's card types: published ids and ids with info, internal ones left out (`catalogue`). */
  listSchemas(): Promise<SchemaSummary[]>;
  /** Merges already checked `info` into the type's info. */
  putSchemaInfo(schemaId: string, info: SchemaInfo, now: string): Promise<SchemaSummary>;
  /** A user's setting (`undefined` when not set); users are principals' names, per tenant. */
  getSetting(user: string, key: string): Promise<unknown>;
  putSetting(user: string, key: string, value: unknown, now: string): Promise<void>;
  deleteSetting(user: string, key: string): Promise<void>;
  /** The tenant's audit log, oldest first (entries of pre-settings builder drafts left out). */
  audit(query?: AuditQuery): Promise<AuditEntry[]>;
  /** The API keys table of the same database (server-managed keys, auth/keys.ts). */
  keyRows(): KeyRows;
  /** The tenant's stored files (file fields, file-store.ts). */
  files(): FileRows;
  /** Removes everything, every tenant's (the test-only reset hook uses it). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
