// The data layer on its own (in-process, fast): the shared conformance suite run directly against
// the CardStore of the test backend (SQLite, or PostgreSQL under KARTOCHKA_TEST_BACKEND=postgres)
// through a thin StorageAdapter wrapper doing what the HTTP layer does around it.
import { afterEach, beforeEach, describe, it } from 'node:test';
import { NotFoundError, type ChangeEvent, type StorageAdapter, type WatchCallback } from '@kartochka/storage';
import { checkSchemaInfo, validateRecord } from '@kartochka/storage/backend';
import { runStorageConformance } from '@kartochka/storage/conformance';
import type { CardStore } from './store.js';
import { backendName, openTestStore } from './test-support/backend.js';

/** A StorageAdapter over a CardStore, doing what the HTTP layer does around it. */
function asAdapter(store: CardStore): StorageAdapter {
  const listeners = new Set<[string, WatchCallback]>();
  const watchers = {
    emit: (e: ChangeEvent) => listeners.forEach(([id, cb]) => (id === e.id || id === '*') && cb(e)),
    add: (id: string, cb: WatchCallback) => {
      const entry: [string, WatchCallback] = [id, cb];
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
  const now = (): string => new Date().toISOString();
  return {
    async get(id) {
      const r = await store.get(id);
      if (!r) throw NotFoundError.card(id);
      return r as never;
    },
    async put(input, options = {}) {
      validateRecord(input);
      const { record } = await store.put(structuredClone(input), options, now());
      watchers.emit({ type: 'put', id: record.id, revision: record.revision, remote: false });
      return record as never;
    },
    async delete(id, options) {
      const gone = await store.delete(id, options?.expectedRevision);
      watchers.emit({ type: 'delete', id, revision: gone.revision, remote: false });
    },
    list: (query = {}) => store.list(query) as never,
    history: (id) => store.history(id),
    findUnique: (schemaId, keys) => store.findUnique(schemaId, keys),
    publishSchema: (input) => store.publishSchema(structuredClone(input), now()),
    async getSchema(schemaId, version) {
      const found = await store.getSchema(schemaId, version);
      if (!found) throw NotFoundError.schema(schemaId, version);
      return found;
    },
    listSchemaVersions: (schemaId) => store.listSchemaVersions(schemaId),
    listSchemas: () => store.listSchemas(),
    putSchemaInfo: async (schemaId, info) => store.putSchemaInfo(schemaId, checkSchemaInfo(schemaId, info), now()),
    getSetting: async (key) => (await store.getSetting('tester', key)) as never,
    putSetting: (key, value) => store.putSetting('tester', key, structuredClone(value), now()),
    deleteSetting: (key) => store.deleteSetting('tester', key),
    watch: (id, cb) => watchers.add(id, cb),
    close: () => store.close(),
  };
}

runStorageConformance(
  { describe, it, beforeEach, afterEach },
  `${backendName} CardStore (in-process)`,
  async () => asAdapter(await openTestStore()),
  { keepsHistoryOnDelete: true },
);
