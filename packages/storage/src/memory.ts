/**
 * An in-memory adapter for tests, examples and Storybook. It copies every value in and out with
 * `structuredClone`, so it behaves like a real backend: a caller that mutates a record it passed
 * in or got back cannot change what is stored.
 */
import { DuplicateError, NotFoundError, UnavailableError, ValidationError } from './errors.js';
import { applyQuery } from './query.js';
import { checkRevision, nextRecord, tombstoneOf, uniqueOf, validateRecord } from './record.js';
import type {
  CardRecord,
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

/** Options of {@link MemoryAdapter}. */
export interface MemoryAdapterOptions {
  /** The clock, for deterministic tests. Default: `() => new Date()`. */
  now?: () => Date;
  /** The adapter's {@link StorageAdapter.id}; default `memory:N`, unique per instance (nothing in memory outlives the page). */
  id?: string;
  /** The signed-in user, when the app has one. */
  user?: string;
}

let instances = 0;

const copy: <T>(value: T) => T = structuredClone;

/** A {@link StorageAdapter} that keeps everything in this JavaScript realm's memory. */
export class MemoryAdapter implements StorageAdapter {
  private readonly records = new Map<string, CardRecord>();
  private readonly revisions = new Map<string, Revision[]>();
  private readonly schemas = new Map<string, SchemaVersion[]>();
  private readonly info = new Map<string, SchemaInfo>();
  private readonly settings = new Map<string, unknown>();
  /** Unique keys: `schemaId \0 key` → card id; and each card's own keys, to drop them on the next put. */
  private readonly uniqueIndex = new Map<string, string>();
  private readonly keysOf = new Map<string, string[]>();
  private readonly watchers = new Watchers();
  private readonly now: () => Date;
  private closed = false;
  readonly id: string;
  readonly user: string | undefined;

  constructor(options: MemoryAdapterOptions = {}) {
    this.id = options.id ?? `memory:${++instances}`;
    this.user = options.user;
    this.now = options.now ?? (() => new Date());
  }

  private check(): void {
    if (this.closed) throw new UnavailableError('memory', 'the adapter was closed.');
  }

  async get<T = unknown>(id: string): Promise<CardRecord<T>> {
    this.check();
    const stored = this.records.get(id);
    if (!stored) throw NotFoundError.card(id);
    return copy(stored) as CardRecord<T>;
  }

  async put<T = unknown>(input: NewOrUpdatedRecord<T>, options?: PutOptions): Promise<CardRecord<T>> {
    this.check();
    validateRecord(input);
    const stored = this.records.get(input.id);
    checkRevision(input.id, stored, options?.expectedRevision);
    let cloned: NewOrUpdatedRecord<T>;
    try {
      cloned = copy(input);
    } catch (error) {
      // Mirrors IndexedDB, which rejects uncloneable data (functions, DOM nodes) the same way.
      throw new ValidationError(input.id, [{ path: '/data', keyword: 'clone', message: String(error), source: 'app' }], {
        cause: error,
      });
    }
    const keys = uniqueOf(input).map((k) => `${input.schemaId}\0${k}`);
    for (const k of keys) {
      const holder = this.uniqueIndex.get(k);
      if (holder !== undefined && holder !== input.id) throw new DuplicateError(input.id, holder, k.slice(k.indexOf('\0') + 1));
    }
    // A card created again after a delete continues its kept history (after its tombstone).
    const previous = stored ? 0 : (this.revisions.get(input.id)?.at(-1)?.revision ?? 0);
    const { record, revision } = nextRecord(cloned, stored, options, this.now().toISOString(), previous);
    this.dropKeys(record.id);
    for (const k of keys) this.uniqueIndex.set(k, record.id);
    this.keysOf.set(record.id, keys);
    this.records.set(record.id, record);
    const list = this.revisions.get(record.id);
    if (list) list.push(revision);
    else this.revisions.set(record.id, [revision]);
    this.watchers.emit({ type: 'put', id: record.id, revision: record.revision, remote: false });
    return copy(record);
  }

  async delete(id: string, options?: DeleteOptions): Promise<void> {
    this.check();
    const stored = this.records.get(id);
    if (!stored) throw NotFoundError.card(id);
    checkRevision(id, stored, options?.expectedRevision);
    this.records.delete(id);
    // The history stays, closed by a tombstone, as in IndexedDB and on the server.
    const tombstone = tombstoneOf(stored, this.now().toISOString(), this.user);
    const list = this.revisions.get(id);
    if (list) list.push(tombstone);
    else this.revisions.set(id, [tombstone]);
    this.dropKeys(id);
    this.watchers.emit({ type: 'delete', id, revision: stored.revision, remote: false });
  }

  private dropKeys(id: string): void {
    for (const k of this.keysOf.get(id) ?? []) if (this.uniqueIndex.get(k) === id) this.uniqueIndex.delete(k);
    this.keysOf.delete(id);
  }

  async findUnique(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]> {
    this.check();
    const out: UniqueMatch[] = [];
    for (const key of new Set(keys)) {
      const id = this.uniqueIndex.get(`${schemaId}\0${key}`);
      const record = id === undefined ? undefined : this.records.get(id);
      if (record) out.push({ key, id: record.id, title: record.title });
    }
    return out;
  }

  async list<T = unknown>(query: ListQuery = {}): Promise<ListResult<T>> {
    this.check();
    // Filter and page the stored objects first, then copy only the page.
    const result = applyQuery([...this.records.values()], query);
    return { items: result.items.map((r) => copy(r)), total: result.total } as ListResult<T>;
  }

  async history(id: string): Promise<Revision[]> {
    this.check();
    return copy(this.revisions.get(id) ?? []);
  }

  async publishSchema(input: PublishSchemaInput): Promise<SchemaVersion> {
    this.check();
    if (typeof input.schemaId !== 'string' || input.schemaId === '') {
      throw new TypeError('publishSchema(): schemaId must be a non-empty string.');
    }
    const versions = this.schemas.get(input.schemaId) ?? [];
    const published: SchemaVersion = {
      ...copy(input),
      version: versions.length + 1,
      publishedAt: this.now().toISOString(),
    };
    versions.push(published);
    this.schemas.set(input.schemaId, versions);
    // Cards saved earlier take the new version's indexed names and title (catalogue.ts).
    for (const [id, card] of this.records) {
      if (card.schemaId !== input.schemaId) continue;
      const next = reindexed(card, published, versions);
      if (next) this.records.set(id, next);
    }
    return copy(published);
  }

  async listSchemas(): Promise<SchemaSummary[]> {
    this.check();
    return copy(
      catalogue(
        [...this.schemas.keys(), ...this.info.keys()],
        (id) => this.schemas.get(id)?.at(-1),
        (id) => this.info.get(id),
      ),
    );
  }

  async putSchemaInfo(schemaId: string, info: SchemaInfo): Promise<SchemaSummary> {
    this.check();
    const merged = mergeSchemaInfo(this.info.get(schemaId), checkSchemaInfo(schemaId, info));
    this.info.set(schemaId, merged);
    return copy(schemaSummary(schemaId, this.schemas.get(schemaId)?.at(-1), merged));
  }

  async getSetting<T = unknown>(key: string): Promise<T | undefined> {
    this.check();
    checkSettingKey(key);
    return this.settings.has(key) ? (copy(this.settings.get(key)) as T) : undefined;
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    this.check();
    checkSettingKey(key);
    this.settings.set(key, copy(value));
  }

  async deleteSetting(key: string): Promise<void> {
    this.check();
    checkSettingKey(key);
    this.settings.delete(key);
  }

  async getSchema(schemaId: string, version?: number): Promise<SchemaVersion> {
    this.check();
    const versions = this.schemas.get(schemaId);
    const found = version === undefined ? versions?.at(-1) : versions?.[version - 1];
    if (!found) throw NotFoundError.schema(schemaId, version);
    return copy(found);
  }

  async listSchemaVersions(schemaId: string): Promise<SchemaVersion[]> {
    this.check();
    return copy(this.schemas.get(schemaId) ?? []);
  }

  watch(id: string | '*', callback: WatchCallback): () => void {
    return this.watchers.add(id, callback);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watchers.clear();
  }
}
