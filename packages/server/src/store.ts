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
  ListQuery,
  ListResult,
  NewOrUpdatedRecord,
  PublishSchemaInput,
  PutOptions,
  Revision,
  SchemaVersion,
} from '@kartochka/storage';

/** What a put did. */
export interface PutResult {
  record: CardRecord;
  /** True when the card did not exist before (the server answers 201). */
  created: boolean;
}

/** Where the reference server keeps cards, their history and schema versions. */
export interface CardStore {
  /** The stored card, or `undefined`. */
  get(id: string): Promise<CardRecord | undefined>;
  /**
   * Checks `expectedRevision` and writes the card and its history entry in **one transaction**;
   * throws the storage package's `ConflictError` / `NotFoundError` on a failed check.
   * `input` is already validated.
   */
  put(input: NewOrUpdatedRecord, options: PutOptions, now: string): Promise<PutResult>;
  /** Deletes a card and its history in one transaction; returns what was deleted. Throws `NotFoundError`/`ConflictError`. */
  delete(id: string, expectedRevision: number | undefined): Promise<CardRecord>;
  /** A page of cards, with `ListQuery` semantics exactly as in `@kartochka/storage`. */
  list(query: ListQuery): Promise<ListResult>;
  /** Oldest first; `[]` for an unknown id. */
  history(id: string): Promise<Revision[]>;
  /** Stores the next version of a schema (1 for a new id). */
  publishSchema(input: PublishSchemaInput, now: string): Promise<SchemaVersion>;
  /** A version, the latest when `version` is omitted; `undefined` when missing. */
  getSchema(schemaId: string, version?: number): Promise<SchemaVersion | undefined>;
  /** Oldest first; `[]` for an unknown id. */
  listSchemaVersions(schemaId: string): Promise<SchemaVersion[]>;
  /** Removes everything (the test-only reset hook uses it). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
