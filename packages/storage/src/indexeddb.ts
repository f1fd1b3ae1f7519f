/**
 * The browser adapter: cards, history and schema versions in IndexedDB through idb, one
 * connection per adapter (opened once, never per call), one transaction per operation.
 * Changes are announced to other tabs on `BroadcastChannel('kartochka:' + name)`.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { DuplicateError, NotFoundError, QuotaExceededError, StorageError, UnavailableError, ValidationError } from './errors.js';
import { listRecords } from './indexeddb-list.js';
import { errorText, openDatabase } from './indexeddb-open.js';
import { fromStored, toStored, type KartochkaDB } from './indexeddb-schema.js';
import { checkRevision, nextRecord, tombstoneOf, uniqueOf, validateRecord } from './record.js';
import type {
  CardRecord,
  ChangeEvent,
  DeleteOptions,
  ListQuery,
  ListResult,
  NewOrUpdatedRecord,
  PublishSchemaInput,
  PutOptions,
  Revision,
  SchemaInfo,
  SchemaSummary,
  SchemaVersion,
  StorageAdapter,
  UniqueMatch,
  WatchCallback,
} from './types.js';
import { Watchers } from './watchers.js';
import { catalogue, checkSchemaInfo, checkSettingKey, mergeSchemaInfo, reindexed, schemaSummary } from './catalogue.js';

/** Options of {@link IndexedDbAdapter.open}. */
export interface IndexedDbAdapterOptions {
  /** Database name; also names the BroadcastChannel. Default `kartochka`. */
  name?: string;
  /** The IndexedDB factory; default `globalThis.indexedDB`. Pass fake-indexeddb's in Node tests. */
  indexedDB?: IDBFactory;
  /** Announce changes to other tabs and listen for theirs. Default `true`. */
  broadcast?: boolean;
  /** How long to wait for other tabs to release an older version before giving up. Default 5000 ms. */
  blockedTimeoutMs?: number;
  /** The clock, for deterministic tests. Default: `() => new Date()`. */
  now?: () => Date;
  /**
   * Test hook, called inside the write transaction just before the writes are issued; whatever
   * it throws goes through the same abort and error mapping as a real write failure. Lets tests
   * simulate a full quota, which cannot be produced quickly in a real browser.
   */
  beforeWrite?: (id: string) => void;
  /** The signed-in user, when the app has one: cards keep drafts and queued saves per user. */
  user?: string;
}

type CardTx = IDBPTransaction<KartochkaDB, ('records' | 'revisions')[], 'readwrite'>;
type Message = Omit<ChangeEvent, 'remote'>;

const noop = (): void => {};

/** All entries of one record's history (or one schema's versions): a compound-key range. */
const rangeOf = (id: string): IDBKeyRange => IDBKeyRange.bound([id, -Infinity], [id, Infinity]);

/** A {@link StorageAdapter} on IndexedDB. Create it with {@link IndexedDbAdapter.open}. */
export class IndexedDbAdapter implements StorageAdapter {
  private readonly watchers = new Watchers();
  private readonly channel: BroadcastChannel | undefined;
  private readonly now: () => Date;
  private readonly beforeWrite: ((id: string) => void) | undefined;
  /** `indexeddb:` + the database name: stable across builds and tabs. */
  readonly id: string;
  readonly user: string | undefined;
  /** Why the adapter can no longer be used, once it cannot. */
  private lost: string | undefined;

  /** Opens (creating or upgrading) the database; rejects with `UnavailableError` when it cannot. */
  static async open(options: IndexedDbAdapterOptions = {}): Promise<IndexedDbAdapter> {
    const name = options.name ?? 'kartochka';
    return new IndexedDbAdapter(await openDatabase(name, options), name, options);
  }

  private constructor(
    private readonly db: IDBPDatabase<KartochkaDB>,
    /** The database name. */
    readonly name: string,
    options: IndexedDbAdapterOptions,
  ) {
    this.id = `indexeddb:${name}`;
    this.user = options.user;
    this.now = options.now ?? (() => new Date());
    this.beforeWrite = options.beforeWrite;
    // Another tab wants a newer version: step aside instead of blocking its upgrade forever.
    db.addEventListener('versionchange', () => {
      db.close();
      this.lost = 'a newer version of the app upgraded the database in another tab; reload this page.';
    });
    db.addEventListener('close', () => {
      this.lost ??= 'the browser closed the database (storage cleared or disk error); reload this page.';
    });
    if (options.broadcast !== false && typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel('kartochka:' + name);
      this.channel.onmessage = (event: MessageEvent<Message>) => {
        const m = event.data;
        if (m && typeof m.id === 'string') this.watchers.emit({ type: m.type, id: m.id, revision: m.revision, remote: true });
      };
      // In Node an open channel would keep the process alive; tabs don't care.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  private use(): IDBPDatabase<KartochkaDB> {
    if (this.lost) throw new UnavailableError(this.name, this.lost);
    return this.db;
  }

  private mapError(error: unknown, id: string): unknown {
    if (error instanceof StorageError) return error;
    const name = (error as { name?: unknown } | null)?.name;
    if (name === 'QuotaExceededError') return new QuotaExceededError(this.name, id, { cause: error });
    if (name === 'DataCloneError') {
      const problem = { path: '/data', keyword: 'clone', message: errorText(error), source: 'app' } as const;
      return new ValidationError(id, [problem], { cause: error });
    }
    if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'AbortError') {
      return new UnavailableError(this.name, `IndexedDB failed (${errorText(error)}).`, { cause: error });
    }
    return error;
  }

  /** Runs `body` in one readwrite transaction over records and revisions; aborts on any error. */
  private async write<R>(id: string, body: (tx: CardTx) => Promise<R>): Promise<R> {
    let tx: CardTx | undefined;
    try {
      tx = this.use().transaction(['records', 'revisions'], 'readwrite');
      tx.done.catch(noop); // awaited in body; this only keeps an abort from being "unhandled"
      return await body(tx);
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted.
      }
      throw this.mapError(error, id);
    }
  }

  private announce(message: Message): void {
    this.watchers.emit({ ...message, remote: false });
    this.channel?.postMessage(message);
  }

  async get<T = unknown>(id: string): Promise<CardRecord<T>> {
    let row;
    try {
      row = await this.use().get('records', id);
    } catch (error) {
      throw this.mapError(error, id);
    }
    if (!row) throw NotFoundError.card(id);
    return fromStored<T>(row);
  }

  async put<T = unknown>(input: NewOrUpdatedRecord<T>, options?: PutOptions): Promise<CardRecord<T>> {
    validateRecord(input);
    const record = await this.write(input.id, async (tx) => {
      const records = tx.objectStore('records');
      // The check and the writes share this transaction, so no other writer can slip between.
      const row = await records.get(input.id);
      const stored = row && fromStored(row);
      checkRevision(input.id, stored, options?.expectedRevision);
      // In the same transaction as the write: two tabs creating the same client cannot both pass.
      const keys = uniqueOf(input);
      const unique = records.index('unique');
      const holders = await Promise.all(keys.map((key) => unique.getKey([input.schemaId, key])));
      const taken = holders.findIndex((holder) => holder !== undefined && holder !== input.id);
      if (taken >= 0) throw new DuplicateError(input.id, holders[taken]!, keys[taken]!);
      // A card created again after a delete continues its kept history (after the tombstone).
      const previous = stored ? undefined : await tx.objectStore('revisions').openCursor(rangeOf(input.id), 'prev');
      const next = nextRecord(input, stored, options, this.now().toISOString(), previous?.value.revision ?? 0);
      this.beforeWrite?.(input.id);
      await Promise.all([records.put(toStored(next.record, keys)), tx.objectStore('revisions').put(next.revision), tx.done]);
      return next.record;
    });
    this.announce({ type: 'put', id: record.id, revision: record.revision });
    return record;
  }

  async delete(id: string, options?: DeleteOptions): Promise<void> {
    const revision = await this.write(id, async (tx) => {
      const records = tx.objectStore('records');
      const row = await records.get(id);
      if (!row) throw NotFoundError.card(id);
      checkRevision(id, fromStored(row), options?.expectedRevision);
      this.beforeWrite?.(id);
      // The history stays, closed by a tombstone, as on the server.
      const tombstone = tombstoneOf(row, this.now().toISOString(), this.user);
      await Promise.all([records.delete(id), tx.objectStore('revisions').put(tombstone), tx.done]);
      return row.revision;
    });
    this.announce({ type: 'delete', id, revision });
  }

  async list<T = unknown>(query: ListQuery = {}): Promise<ListResult<T>> {
    try {
      return await listRecords<T>(this.use().transaction('records').store, query);
    } catch (error) {
      throw this.mapError(error, '*');
    }
  }

  async findUnique(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]> {
    try {
      const tx = this.use().transaction('records');
      const index = tx.store.index('unique');
      const distinct = [...new Set(keys)];
      const rows = await Promise.all(distinct.map((key) => index.get([schemaId, key])));
      const out: UniqueMatch[] = [];
      rows.forEach((row, i) => row && out.push({ key: distinct[i]!, id: row.id, title: row.title }));
      return out;
    } catch (error) {
      throw this.mapError(error, schemaId);
    }
  }

  async history(id: string): Promise<Revision[]> {
    try {
      return await this.use().getAll('revisions', rangeOf(id));
    } catch (error) {
      throw this.mapError(error, id);
    }
  }

  async publishSchema(input: PublishSchemaInput): Promise<SchemaVersion> {
    if (typeof input.schemaId !== 'string' || input.schemaId === '') {
      throw new TypeError('publishSchema(): schemaId must be a non-empty string.');
    }
    let tx;
    try {
      // Schemas and records in one transaction: the new version and the cards it reindexes
      // (catalogue.ts) land together or not at all.
      tx = this.use().transaction(['schemas', 'records'], 'readwrite');
      tx.done.catch(noop);
      const schemas = tx.objectStore('schemas');
      // Reading the latest version and adding the next in one transaction keeps versions unique.
      const latest = await schemas.openCursor(rangeOf(input.schemaId), 'prev');
      const published: SchemaVersion = {
        ...input,
        version: (latest?.value.version ?? 0) + 1,
        publishedAt: this.now().toISOString(),
      };
      await schemas.add(published);
      const versions = await schemas.getAll(rangeOf(input.schemaId));
      const cards = IDBKeyRange.bound([input.schemaId, ''], [input.schemaId, '\uffff']);
      for (
        let cursor = await tx.objectStore('records').index('schemaUpdated').openCursor(cards);
        cursor;
        cursor = await cursor.continue()
      ) {
        const next = reindexed(fromStored(cursor.value), published, versions);
        if (next) await cursor.update(toStored(next));
      }
      await tx.done;
      return published;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished.
      }
      throw this.mapError(error, input.schemaId);
    }
  }

  async listSchemas(): Promise<SchemaSummary[]> {
    try {
      const tx = this.use().transaction(['schemas', 'schemaInfo']);
      const latest = new Map<string, SchemaVersion>();
      // Versions are keyed [schemaId, version]: walking in key order leaves each id's latest last.
      for (let cursor = await tx.objectStore('schemas').openCursor(); cursor; cursor = await cursor.continue()) {
        latest.set(cursor.value.schemaId, cursor.value);
      }
      const info = new Map<string, SchemaInfo>();
      for (let cursor = await tx.objectStore('schemaInfo').openCursor(); cursor; cursor = await cursor.continue()) {
        info.set(cursor.key, cursor.value);
      }
      return catalogue(
        [...latest.keys(), ...info.keys()],
        (id) => latest.get(id),
        (id) => info.get(id),
      );
    } catch (error) {
      throw this.mapError(error, '*');
    }
  }

  async putSchemaInfo(schemaId: string, info: SchemaInfo): Promise<SchemaSummary> {
    const change = checkSchemaInfo(schemaId, info);
    let tx;
    try {
      tx = this.use().transaction(['schemas', 'schemaInfo'], 'readwrite');
      tx.done.catch(noop);
      const store = tx.objectStore('schemaInfo');
      const merged = mergeSchemaInfo(await store.get(schemaId), change);
      await store.put(merged, schemaId);
      const latest = await tx.objectStore('schemas').openCursor(rangeOf(schemaId), 'prev');
      await tx.done;
      return schemaSummary(schemaId, latest?.value, merged);
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished.
      }
      throw this.mapError(error, schemaId);
    }
  }

  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    checkSettingKey(key);
    try {
      return (await this.use().get('settings', key)) as T | undefined;
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    checkSettingKey(key);
    try {
      await this.use().put('settings', value, key);
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async deleteSetting(key: string): Promise<void> {
    checkSettingKey(key);
    try {
      await this.use().delete('settings', key);
    } catch (error) {
      throw this.mapError(error, key);
    }
  }

  async getSchema(schemaId: string, version?: number): Promise<SchemaVersion> {
    let found: SchemaVersion | undefined;
    try {
      const db = this.use();
      found =
        version === undefined
          ? (await db.transaction('schemas').store.openCursor(rangeOf(schemaId), 'prev'))?.value
          : await db.get('schemas', [schemaId, version]);
    } catch (error) {
      throw this.mapError(error, schemaId);
    }
    if (!found) throw NotFoundError.schema(schemaId, version);
    return found;
  }

  async listSchemaVersions(schemaId: string): Promise<SchemaVersion[]> {
    try {
      return await this.use().getAll('schemas', rangeOf(schemaId));
    } catch (error) {
      throw this.mapError(error, schemaId);
    }
  }

  watch(id: string | '*', callback: WatchCallback): () => void {
    return this.watchers.add(id, callback);
  }

  async close(): Promise<void> {
    this.lost ??= 'the adapter was closed.';
    this.watchers.clear();
    this.channel?.close();
    this.db.close();
  }
}
