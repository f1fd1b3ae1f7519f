// Browser tests in Chromium's real IndexedDB: the conformance suite on both adapters, plus what
// only a real browser can show (persistence, upgrades of an existing database, cross-instance
// notification through BroadcastChannel). Each test uses its own database and deletes it after.
import { card, runStorageConformance, type TestApi } from './conformance.js';
import { assert } from './test-support/assert.js';
import { DB_VERSION, IndexedDbAdapter, MemoryAdapter, NotFoundError, QuotaExceededError, UnavailableError } from './index.js';
import type { CardRecord, ChangeEvent } from './index.js';
import { openDB } from 'idb';
import { migrations, toStored } from './indexeddb-schema.js';

// Mocha's globals, read through globalThis so this file type-checks with or without @types/mocha.
const { describe, it, beforeEach, afterEach } = globalThis as unknown as TestApi;

const created: string[] = [];
let counter = 0;
function freshName(): string {
  const name = `kc-test-${Date.now()}-${++counter}`;
  created.push(name);
  return name;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // A connection left open by a failing test would block; don't hang the suite on it.
    request.onblocked = () => resolve();
  });
}

// Outer hook: runs after each suite's own afterEach has closed its adapters.
afterEach(async () => {
  await Promise.all(created.splice(0).map(deleteDatabase));
});

runStorageConformance(
  { describe, it, beforeEach, afterEach },
  'IndexedDbAdapter (Chromium)',
  () => IndexedDbAdapter.open({ name: freshName() }),
  { keepsHistoryOnDelete: true },
);
runStorageConformance({ describe, it, beforeEach, afterEach }, 'MemoryAdapter (Chromium)', async () => new MemoryAdapter(), {
  keepsHistoryOnDelete: true,
});

describe('IndexedDbAdapter in Chromium', () => {
  it('keeps data when the database is closed and reopened', async () => {
    const name = freshName();
    const a = await IndexedDbAdapter.open({ name });
    await a.put(card('c-1', { title: 'ООО Ромашка', indexed: { segment: 'b2b' } }));
    await a.publishSchema({ schemaId: 'client', schema: { type: 'object' } });
    await a.close();
    await assert.rejects(a.get('c-1'), UnavailableError);
    const b = await IndexedDbAdapter.open({ name });
    assert.equal((await b.get('c-1')).title, 'ООО Ромашка');
    assert.equal((await b.list({ search: 'ромашка', filter: { segment: 'b2b' } })).total, 1);
    assert.equal((await b.getSchema('client')).version, 1);
    await b.close();
  });

  it('upgrades a version 1 database made with raw IndexedDB and keeps its records', async () => {
    const name = freshName();
    const old: CardRecord = {
      ...card('legacy', { title: 'ИП Старый', indexed: { segment: 'b2c', vip: true } }),
      revision: 3,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-02-01T00:00:00.000Z',
    } as CardRecord;
    // The version 1 layout, written by hand as an old release of the app would have left it.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        const records = db.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('schemaId', 'schemaId');
        records.createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('revisions', { keyPath: ['recordId', 'revision'] });
        db.createObjectStore('schemas', { keyPath: ['schemaId', 'version'] });
        records.put(old);
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    assert.ok(DB_VERSION > 1, 'the adapter is at a later version than the hand-made database');
    const db = await IndexedDbAdapter.open({ name });
    assert.deepEqual(await db.get('legacy'), old);
    // The new indexes were backfilled: filter, search and title order find the old record.
    assert.deepEqual(
      (await db.list({ filter: { vip: true } })).items.map((r) => r.id),
      ['legacy'],
    );
    assert.equal((await db.list({ schemaId: 'client', sort: { field: 'title', direction: 'asc' } })).total, 1);
    assert.equal((await db.list({ search: 'старый' })).total, 1);
    const next = await db.put(card('legacy', { title: 'ИП Новый' }), { expectedRevision: 3 });
    assert.equal(next.revision, 4);
    await db.close();
  });

  it('upgrades a version 2 database: titles stored before ё folding are found by either spelling', async () => {
    const name = freshName();
    const old = {
      ...card('yo', { title: 'Ёлка и Ко' }),
      revision: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    } as CardRecord;
    // Version 2 as the previous release built it (its steps), with the title folded the old way.
    const db2 = await openDB(name, 2, {
      upgrade: (db, oldVersion, _newVersion, tx) => {
        for (let v = oldVersion; v < 2; v++) migrations[v]!(db as never, tx as never);
      },
    });
    await db2.put('records' as never, { ...toStored(old), _title: 'ёлка и ко' } as never);
    db2.close();
    assert.ok(DB_VERSION >= 3);
    const db = await IndexedDbAdapter.open({ name });
    assert.deepEqual(
      (await db.list({ search: 'елка' })).items.map((r) => r.id),
      ['yo'],
    );
    assert.deepEqual(
      (await db.list({ search: 'ЁЛКА' })).items.map((r) => r.id),
      ['yo'],
    );
    assert.deepEqual(await db.get('yo'), old, 'the record itself is untouched');
    await db.close();
  });

  it('upgrades a version 3 database: builder drafts kept as cards move into settings, nothing else changes', async () => {
    const name = freshName();
    const at = '2025-01-01T00:00:00.000Z';
    const draftData = { schemaId: 'type-x', basedOn: null, document: { schema: { type: 'object' } }, savedAt: at };
    const draft = {
      ...card('kc-builder-draft:type-x:ann', { schemaId: 'kc-builder-draft', data: draftData }),
      revision: 2,
      createdAt: at,
      updatedAt: at,
    } as CardRecord;
    const kept = { ...card('c-1'), revision: 1, createdAt: at, updatedAt: at } as CardRecord;
    const db3 = await openDB(name, 3, {
      upgrade: (db, oldVersion, _newVersion, tx) => {
        for (let v = oldVersion; v < 3; v++) migrations[v]!(db as never, tx as never);
      },
    });
    await db3.put('records' as never, toStored(draft) as never);
    await db3.put('records' as never, toStored(kept) as never);
    await db3.put('revisions' as never, { recordId: draft.id, revision: 1, at, changedPaths: [''] } as never);
    await db3.put('revisions' as never, { recordId: draft.id, revision: 2, at, changedPaths: [''] } as never);
    db3.close();
    assert.ok(DB_VERSION >= 4);
    const db = await IndexedDbAdapter.open({ name });
    assert.deepEqual(await db.getSetting('builder-draft:type-x:ann'), draftData);
    const all = await db.list();
    assert.deepEqual([all.total, all.items.map((r) => r.id)], [1, ['c-1']]);
    assert.deepEqual(await db.history(draft.id), []);
    assert.deepEqual(await db.get('c-1'), kept);
    await db.close();
  });

  it('tells another adapter instance on the same database about changes', async () => {
    const name = freshName();
    const a = await IndexedDbAdapter.open({ name });
    const b = await IndexedDbAdapter.open({ name });
    const seen: ChangeEvent[] = [];
    b.watch('c-1', (e) => seen.push(e));
    await a.put(card('c-1'));
    await a.delete('c-1');
    await assert.eventually(() => seen.length === 2, 'b hears both changes');
    assert.deepEqual(
      seen.map((e) => [e.type, e.id, e.revision, e.remote]),
      [
        ['put', 'c-1', 1, true],
        ['delete', 'c-1', 1, true],
      ],
    );
    await a.close();
    await b.close();
  });

  it('maps a QuotaExceededError to QuotaExceededError and stores nothing', async () => {
    // SIMULATION: Chromium's quota cannot be filled quickly in a test, so the beforeWrite hook
    // throws the DOMException a full quota produces; the adapter's abort-and-map path is real.
    const db = await IndexedDbAdapter.open({
      name: freshName(),
      beforeWrite: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const e = await assert.rejects(db.put(card('big')), QuotaExceededError);
    assert.equal(e.messageKey, 'quotaExceeded');
    await assert.rejects(db.get('big'), NotFoundError);
    await db.close();
  });

  it('steps aside when another tab upgrades the database', async () => {
    const name = freshName();
    const db = await IndexedDbAdapter.open({ name });
    // A newer release opening the database at a higher version.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, DB_VERSION + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const e = await assert.rejects(db.get('c-1'), UnavailableError);
    assert.ok(e.message.includes('reload'), e.message);
    await db.close();
    // And this (older) code refuses the newer database plainly.
    const stale = await assert.rejects(IndexedDbAdapter.open({ name }), UnavailableError);
    assert.ok(stale.message.includes('newer'), stale.message);
  });
});
