/**
 * Server-side validation of a card's `data` against the published schema version it names, with
 * `@kartochka/core`'s `validate` — the same function the form runs, so the server's 422 field
 * errors have the same paths, keywords and messages the user saw in the browser (source `server`).
 *
 * A card naming a `schemaId` with **no** published version is always refused (422, keyword
 * `schemaNotPublished`): a card the server cannot validate is a card anyone could fill with
 * anything, so there is no opt-out. A schema that *is* published but
 * lacks the card's `schemaVersion` is always a 422, and so is a save with an older version than the
 * latest unless the stored card already has that version (a card not yet migrated may still be
 * saved as it is; a new card, or one already moved on, may not go back).
 */
import { compileSchema, validate, type JsonSchema, type Locale } from '@kartochka/core';
import { serverMessage } from '@kartochka/core/internal';
import { uniqueKeyStrings } from '@kartochka/core/unique';
import type { SchemaVersion, StorageFieldError } from '@kartochka/storage';
import type { CardStore } from './store.js';

export interface SchemaCheckOptions {
  locale: Locale;
  /** The schema version of the card as stored now (read only when the save names an older version). */
  storedVersion?: () => Promise<number | undefined>;
}

/**
 * Published versions are immutable, so the parsed schema object (and with it core's compiled
 * validator, cached per object) can be kept for the life of the process. Keyed by `id@version`.
 */
export class SchemaCache {
  private readonly byKey = new Map<string, SchemaVersion>();
  /** The latest version number per tenant and schema id; publication (in this process) updates it. */
  private readonly latestOf = new Map<string, number>();

  async latest(store: CardStore, schemaId: string): Promise<number | undefined> {
    const key = `${store.tenant}\0${schemaId}`;
    let version = this.latestOf.get(key);
    if (version === undefined) {
      version = (await store.getSchema(schemaId))?.version;
      if (version !== undefined) this.latestOf.set(key, version);
    }
    return version;
  }

  published(store: CardStore, schemaId: string, version: number): void {
    const key = `${store.tenant}\0${schemaId}`;
    this.latestOf.set(key, Math.max(version, this.latestOf.get(key) ?? 0));
  }

  async get(store: CardStore, schemaId: string, version: number): Promise<SchemaVersion | undefined> {
    const key = `${store.tenant}\0${schemaId}@${version}`;
    let found = this.byKey.get(key);
    if (!found) {
      found = await store.getSchema(schemaId, version);
      if (found) this.byKey.set(key, found);
    }
    return found;
  }

  clear(): void {
    this.byKey.clear();
    this.latestOf.clear();
  }
}

function serverError(path: string, keyword: string, message: string, params?: Record<string, unknown>): StorageFieldError {
  const e: StorageFieldError & { params?: Record<string, unknown> } = { path, keyword, message, source: 'server' };
  if (params) e.params = params;
  return e;
}

/** The field errors of `data` against `schemaId@version`; `[]` when valid. */
export async function checkAgainstSchema(
  store: CardStore,
  cache: SchemaCache,
  record: { schemaId: string; schemaVersion: number; data: unknown },
  options: SchemaCheckOptions,
): Promise<StorageFieldError[]> {
  return (await dataChecker(store, cache, record, options))(record.data);
}

/**
 * The same check in two steps: the schema lookup (async) now, the validation (sync) later — so
 * it can run inside the write's transaction, on the data as merged with what is stored.
 */
export async function dataChecker(
  store: CardStore,
  cache: SchemaCache,
  record: { schemaId: string; schemaVersion: number },
  options: SchemaCheckOptions,
): Promise<(data: unknown) => StorageFieldError[]> {
  const { schemaId, schemaVersion } = record;
  const published = await cache.get(store, schemaId, schemaVersion);
  if (!published) {
    const latest = await store.getSchema(schemaId);
    if (!latest) {
      const params = { schemaId };
      const e = serverError('/schemaId', 'schemaNotPublished', serverMessage(options.locale, 'schemaNotPublished', params), params);
      return () => [e];
    }
    const e = serverError(
      '',
      'schemaVersion',
      `Schema "${schemaId}" has no version ${schemaVersion} (the latest is ${latest.version}); save with a published version.`,
      { schemaId, schemaVersion, latest: latest.version },
    );
    return () => [e];
  }
  const latest = await cache.latest(store, schemaId);
  const stored = latest !== undefined && schemaVersion < latest ? await options.storedVersion?.() : schemaVersion;
  if (stored !== schemaVersion) {
    const params = { schemaId, schemaVersion, latest, current: stored ?? null };
    const e = serverError(
      '/schemaVersion',
      'schemaVersionNotLatest',
      serverMessage(options.locale, 'schemaVersionNotLatest', params),
      params,
    );
    return () => [e];
  }
  return (data) =>
    validate(published.schema as JsonSchema, data, options.locale).errors.map((e) => serverError(e.path, e.keyword, e.message, e.params));
}

/**
 * The unique keys (`x-unique`, docs/duplicates.md) of data under the published version the record
 * names, computed here from the schema: whatever keys a client sends are ignored. No keys when the
 * version is not published (the data check refuses such a save anyway) or the schema's `x-unique`
 * is malformed (publication refuses that; an older store may hold one).
 */
export async function uniqueKeyer(
  store: CardStore,
  cache: SchemaCache,
  record: { schemaId: string; schemaVersion: number },
): Promise<(data: unknown) => string[]> {
  const published = await cache.get(store, record.schemaId, record.schemaVersion);
  if (!published) return () => [];
  return (data) => {
    try {
      return uniqueKeyStrings(published.schema as JsonSchema, data);
    } catch {
      return [];
    }
  };
}

/** The compile problem of a schema about to be published, or `undefined` when ajv accepts it. */
export function compileProblem(schema: unknown): string | undefined {
  try {
    compileSchema(schema as JsonSchema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
