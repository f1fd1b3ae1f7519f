/**
 * Writes a planned import through the storage adapter — IndexedDB offline, REST online — in
 * batches, each card with its own `put` (so each gets its history entry, authored), retrying what
 * the store could not take for now, and resumable: the job is kept in the browser
 * (`kartochka-import`, IndexedDB) with how far it got, so after a reload the rest goes out and
 * nothing goes twice (a create is `expectedRevision: 0`; one found stored with the same data
 * counts as done). Cancelling stops after the batch in flight; what was written stays.
 */
import { deepEqual, type JsonValue } from '@kartochka/core';
import {
  ConflictError,
  RateLimitedError,
  StorageError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  type IndexedValue,
  type StorageAdapter,
} from '@kartochka/storage';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One card to write. */
export interface ImportItem {
  /** The row of the file it came from. */
  line: number;
  id: string;
  data: JsonValue;
  title: string;
  indexed: Record<string, IndexedValue>;
  /** 0 for a create, the stored revision for an update. */
  expectedRevision: number;
}

/** A whole import: what {@link saveImportJob} keeps (its items in chunks) for {@link runImport}. */
export interface ImportJob {
  id: string;
  /** The store (adapter id) and user it goes to: a job resumes only there. */
  store: string;
  user: string;
  schemaId: string;
  schemaVersion: number;
  author?: string;
  /** The file's name, to say what is being resumed. */
  file: string;
  items: ImportItem[];
  createdAt: string;
}

/** A kept job without its items (what {@link unfinishedImports} lists): `total` cards. */
export type ImportJobInfo = Omit<ImportJob, 'items'> & { total: number };

export interface ImportProgress {
  /** Cards written (created or updated) so far, this run and earlier runs of the job. */
  done: number;
  created: number;
  updated: number;
  /** Cards the store refused (with why). */
  failed: number;
  total: number;
  /** Milliseconds left, estimated from this run's pace; undefined until there is one. */
  remainingMs?: number;
}

/** A card the store refused. */
export interface ImportFailure {
  line: number;
  id: string;
  message: string;
  errors?: { path: string; message: string }[];
}

export interface ImportResult extends ImportProgress {
  cancelled: boolean;
  failures: ImportFailure[];
}

export interface WriteOptions {
  /** Cards per batch: the batch's puts go out together (default 20 over REST, 25 otherwise: a batch's puts start in one task). */
  batchSize?: number;
  /** How many times a card the store cannot take for now (offline, 5xx, 429) is tried (default 5). */
  attempts?: number;
  /** Milliseconds before the first retry, doubling (default 500). */
  retryDelayMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** The job store's database name (default `kartochka-import`). */
  dbName?: string;
}

interface ImportDB extends DBSchema {
  jobs: { key: string; value: ImportJobInfo; indexes: { byStore: [string, string] } };
  /** A job's items, CHUNK at a time: no single clone of 10,000 cards blocks the page. */
  items: { key: [string, number]; value: { job: string; chunk: number; items: ImportItem[] } };
  progress: { key: string; value: { job: string; next: number; created: number; updated: number; failures: ImportFailure[] } };
}

const DEFAULT_DB = 'kartochka-import';
const CHUNK = 250;
const dbs = new Map<string, Promise<IDBPDatabase<ImportDB>>>();
function db(name = DEFAULT_DB): Promise<IDBPDatabase<ImportDB>> {
  let p = dbs.get(name);
  if (!p) {
    p = openDB<ImportDB>(name, 1, {
      upgrade(d) {
        d.createObjectStore('jobs', { keyPath: 'id' }).createIndex('byStore', ['store', 'user']);
        d.createObjectStore('progress', { keyPath: 'job' });
        d.createObjectStore('items', { keyPath: ['job', 'chunk'] });
      },
    });
    dbs.set(name, p);
  }
  return p;
}

/** The store id a job is kept under (`rest:…`, `indexeddb:…`). */
export const storeIdOf = (storage: StorageAdapter): string => storage.id ?? 'unnamed';

/** Keeps a job so it can be written (and resumed after a reload): its items in chunks, one transaction each. */
export async function saveImportJob(job: ImportJob, dbName?: string): Promise<void> {
  const d = await db(dbName);
  const { items, ...info } = job;
  for (let chunk = 0; chunk * CHUNK < items.length; chunk++) {
    await d.put('items', { job: job.id, chunk, items: items.slice(chunk * CHUNK, (chunk + 1) * CHUNK) });
  }
  // The job is listed (and resumable) only once every chunk is kept.
  const tx = d.transaction(['jobs', 'progress'], 'readwrite');
  await tx.objectStore('jobs').put({ ...info, total: items.length });
  await tx.objectStore('progress').put({ job: job.id, next: 0, created: 0, updated: 0, failures: [] });
  await tx.done;
}

/** Unfinished jobs of this store and user, with how far each got. */
export async function unfinishedImports(storage: StorageAdapter, dbName?: string): Promise<{ job: ImportJobInfo; next: number }[]> {
  const d = await db(dbName);
  const jobs = await d.getAllFromIndex('jobs', 'byStore', [storeIdOf(storage), storage.user ?? '']);
  const out: { job: ImportJobInfo; next: number }[] = [];
  for (const job of jobs) {
    const p = await d.get('progress', job.id);
    if (p && p.next < job.total) out.push({ job, next: p.next });
  }
  return out;
}

/** Forgets a job (finished, or dropped by the user). */
export async function forgetImport(jobId: string, dbName?: string): Promise<void> {
  const d = await db(dbName);
  const tx = d.transaction(['jobs', 'progress', 'items'], 'readwrite');
  await tx.objectStore('jobs').delete(jobId);
  await tx.objectStore('progress').delete(jobId);
  await tx.objectStore('items').delete(IDBKeyRange.bound([jobId, 0], [jobId, Infinity]));
  await tx.done;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Writes a kept job from where it stopped. Resolves with the counts when every card is written or
 * refused, or when `signal` aborts (`cancelled: true`: what was written stays, the job stays to resume).
 */
export async function runImport(storage: StorageAdapter, jobId: string, options: WriteOptions = {}): Promise<ImportResult> {
  const d = await db(options.dbName);
  const job = await d.get('jobs', jobId);
  const saved = await d.get('progress', jobId);
  if (!job || !saved) throw new Error(`runImport: no import job "${jobId}" is kept in this browser (saveImportJob first).`);
  if (job.store !== storeIdOf(storage) || job.user !== (storage.user ?? ''))
    throw new Error(`runImport: job "${jobId}" is for ${job.store} (${job.user || 'no user'}), not this adapter.`);
  const total = job.total;
  let chunk: { index: number; items: ImportItem[] } | undefined;
  const itemsAt = async (from: number, count: number): Promise<ImportItem[]> => {
    const index = Math.floor(from / CHUNK);
    if (chunk?.index !== index) chunk = { index, items: (await d.get('items', [jobId, index]))?.items ?? [] };
    const start = from - index * CHUNK;
    return chunk.items.slice(start, Math.min(start + count, CHUNK));
  };
  const batchSize = options.batchSize ?? (job.store.startsWith('rest:') ? 20 : 25);
  const attempts = options.attempts ?? 5;
  const retryDelay = options.retryDelayMs ?? 500;
  let { next, created, updated } = saved;
  const failures = [...saved.failures];
  const started = performance.now();
  const startedAt = next;
  const progress = (): ImportProgress => {
    const doneThisRun = next - startedAt;
    const elapsed = performance.now() - started;
    return {
      done: created + updated,
      created,
      updated,
      failed: failures.length,
      total,
      remainingMs: doneThisRun > 0 ? Math.round((elapsed / doneThisRun) * (total - next)) : undefined,
    };
  };

  const writeOne = async (item: ImportItem): Promise<'created' | 'updated' | ImportFailure> => {
    const record = {
      id: item.id,
      schemaId: job.schemaId,
      schemaVersion: job.schemaVersion,
      data: item.data,
      title: item.title,
      indexed: item.indexed,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await storage.put(record, { expectedRevision: item.expectedRevision, author: job.author });
        return item.expectedRevision === 0 ? 'created' : 'updated';
      } catch (e) {
        // Resumed after a reload: the put went out before the progress was kept.
        if (e instanceof ConflictError && deepEqual(e.current.data, item.data)) return item.expectedRevision === 0 ? 'created' : 'updated';
        const retry =
          (e instanceof UnavailableError || (e instanceof StorageError && e.code === 'unavailable')) && !(e instanceof UnauthorizedError);
        if (retry && attempt < attempts && !options.signal?.aborted) {
          await sleep(e instanceof RateLimitedError ? e.retryAfterMs : retryDelay * 2 ** (attempt - 1), options.signal);
          if (!options.signal?.aborted) continue;
        }
        if (retry || e instanceof UnauthorizedError) throw e;
        const errors = e instanceof ValidationError ? e.errors.map((x) => ({ path: x.path, message: x.message })) : undefined;
        return { line: item.line, id: item.id, message: e instanceof Error ? e.message : String(e), errors };
      }
    }
  };

  options.onProgress?.(progress());
  while (next < total && !options.signal?.aborted) {
    const batch = await itemsAt(next, batchSize);
    if (!batch.length) throw new Error(`runImport: the items of job "${jobId}" from ${next} are missing.`);
    const results = await Promise.allSettled(batch.map(writeOne));
    // The store is out of reach after the retries (or refuses the credentials): stop here; the job resumes later.
    const unreachable = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    let advanced = 0;
    for (const r of results) {
      if (r.status === 'rejected') break;
      advanced++;
      if (r.value === 'created') created++;
      else if (r.value === 'updated') updated++;
      else failures.push(r.value);
    }
    next += advanced;
    await d.put('progress', { job: jobId, next, created, updated, failures });
    options.onProgress?.(progress());
    if (unreachable) throw unreachable.reason;
  }
  if (next >= total) await forgetImport(jobId, options.dbName);
  return { ...progress(), cancelled: next < total, failures };
}
