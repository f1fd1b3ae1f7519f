/**
 * Server-side validation of a card's `data` against the published schema version it names, with
 * `@kartochka/core`'s `validate` — the same function the form runs, so the server's 422 field
 * errors have the same paths, keywords and messages the user saw in the browser (source `server`).
 *
 * Policy for a `schemaId` with **no** published versions: accepted unvalidated by default (a
 * storage-only deployment, and the shared conformance suite, store cards without publishing);
 * rejected with 422 when the server runs with `requireSchemas`. A schema that *is* published but
 * lacks the card's `schemaVersion` is always a 422.
 */
import { compileSchema, validate, type JsonSchema, type Locale } from '@kartochka/core';
import type { SchemaVersion, StorageFieldError } from '@kartochka/storage';
import type { CardStore } from './store.js';

export interface SchemaCheckOptions {
  requireSchemas: boolean;
  locale: Locale;
}

/**
 * Published versions are immutable, so the parsed schema object (and with it core's compiled
 * validator, cached per object) can be kept for the life of the process. Keyed by `id@version`.
 */
export class SchemaCache {
  private readonly byKey = new Map<string, SchemaVersion>();

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
  }
}

function serverError(path: string, keyword: string, message: string, params?: Record<string, unknown>): StorageFieldError {
  const e: StorageFieldError & { params?: Record<string, unknown> } = { path, keyword, message, source: 'server' };
  if (params) e.params = params;
  return e;
}

/** The field errors of `data` against `schemaId@version`; `[]` when valid (or when unvalidated by policy). */
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
      if (!options.requireSchemas) return () => [];
      const e = serverError('', 'schemaId', `Schema "${schemaId}" has no published versions; publish it first (POST /api/schemas/${schemaId}/versions).`);
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
  return (data) =>
    validate(published.schema as JsonSchema, data, options.locale).errors.map((e) => serverError(e.path, e.keyword, e.message, e.params));
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
