// Node-side tests: the conformance suite on MemoryAdapter and on IndexedDbAdapter over
// fake-indexeddb, plus unit tests of the pure parts. The real IndexedDB runs in the browser suite.
import 'fake-indexeddb/auto'; // idb checks `instanceof IDBRequest` etc. against globals
import { IDBFactory } from 'fake-indexeddb';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { runStorageConformance, card } from './conformance.js';
import { changedPaths, diff, escapePointerToken, unescapePointerToken } from './diff.js';
import {
  ConflictError,
  IndexedDbAdapter,
  MemoryAdapter,
  NotFoundError,
  QuotaExceededError,
  UnavailableError,
  formatStorageMessage,
  storageMessages,
} from './index.js';

runStorageConformance({ describe, it, beforeEach, afterEach }, 'MemoryAdapter', async () => new MemoryAdapter(), {
  keepsHistoryOnDelete: true,
});

let n = 0;
runStorageConformance(
  { describe, it, beforeEach, afterEach },
  'IndexedDbAdapter (fake-indexeddb)',
  () => IndexedDbAdapter.open({ name: `conformance-${++n}`, indexedDB: new IDBFactory() }),
  { keepsHistoryOnDelete: true },
);

describe('diff', () => {
  it('escapes and unescapes pointer tokens per RFC 6901', () => {
    assert.equal(escapePointerToken('a/b'), 'a~1b');
    assert.equal(escapePointerToken('~1'), '~01');
    assert.equal(escapePointerToken('plain'), 'plain');
    assert.equal(unescapePointerToken('~01'), '~1');
    assert.equal(unescapePointerToken(escapePointerToken('~/~0/')), '~/~0/');
  });

  it('reports the deepest changed locations in document order', () => {
    const before = { a: { b: 1, c: [1, 2, 3] }, gone: true, same: { x: [1] } };
    const after = { a: { b: 2, c: [1, 2] }, added: null, same: { x: [1] } };
    assert.deepEqual(diff(before, after), [
      { path: '/a/b', before: 1, after: 2 },
      { path: '/a/c/2', before: 3 },
      { path: '/gone', before: true },
      { path: '/added', after: null },
    ]);
  });

  it('treats odd keys as plain data', () => {
    const before = JSON.parse('{"__proto__":{"x":1},"a/b":1,"~":1,"":1}');
    const after = JSON.parse('{"__proto__":{"x":2},"a/b":2,"~":2,"":2}');
    assert.deepEqual(changedPaths(before, after), ['/__proto__/x', '/a~1b', '/~0', '/']);
  });

  it('reports a change of type at the location itself', () => {
    assert.deepEqual(changedPaths({ a: [1] }, { a: { 0: 1 } }), ['/a']);
    assert.deepEqual(changedPaths({ a: 1 }, { a: '1' }), ['/a']);
    assert.deepEqual(changedPaths('x', 'y'), ['']);
    assert.deepEqual(changedPaths({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), []);
  });
});

describe('errors', () => {
  it('carry a code, a message key and parameters for both locales', () => {
    const e = new ConflictError({ ...card('c-42'), revision: 5, createdAt: '', updatedAt: '' } as never, 4);
    assert.equal(e.message, 'Card "c-42" was changed by someone else (stored revision 5, yours 4).');
    assert.equal(formatStorageMessage(e, 'en'), e.message);
    assert.equal(formatStorageMessage(e, 'ru'), 'Карточку «c-42» уже изменил кто-то другой (сохранена ревизия 5, у вас 4).');
    assert.deepEqual(Object.keys(storageMessages.ru).sort(), Object.keys(storageMessages.en).sort());
    assert.equal(NotFoundError.card('x').name, 'NotFoundError');
  });
});

describe('IndexedDbAdapter specifics (fake-indexeddb)', () => {
  it('keeps data across close and reopen', async () => {
    const factory = new IDBFactory();
    const a = await IndexedDbAdapter.open({ name: 'persist', indexedDB: factory });
    await a.put(card('c-1', { indexed: { segment: 'b2b' } }));
    await a.close();
    await assert.rejects(a.get('c-1'), UnavailableError);
    const b = await IndexedDbAdapter.open({ name: 'persist', indexedDB: factory });
    assert.equal((await b.get('c-1')).revision, 1);
    assert.equal((await b.list({ filter: { segment: 'b2b' } })).total, 1);
    await b.close();
  });

  it('has a stable id (the database name, not a class name) and carries the user', async () => {
    const factory = new IDBFactory();
    const a = await IndexedDbAdapter.open({ name: 'id-a', indexedDB: factory, user: 'alice' });
    const again = await IndexedDbAdapter.open({ name: 'id-a', indexedDB: factory });
    const b = await IndexedDbAdapter.open({ name: 'id-b', indexedDB: factory });
    assert.equal(a.id, 'indexeddb:id-a');
    assert.equal(again.id, a.id);
    assert.notEqual(b.id, a.id);
    assert.equal(a.user, 'alice');
    assert.notEqual(new MemoryAdapter().id, new MemoryAdapter().id, 'memory adapters are separate stores');
    assert.equal(new MemoryAdapter({ id: 'm', user: 'bob' }).id, 'm');
    await Promise.all([a.close(), again.close(), b.close()]);
  });

  it('notifies another instance on the same database', async () => {
    const factory = new IDBFactory();
    const a = await IndexedDbAdapter.open({ name: 'shared-node', indexedDB: factory });
    const b = await IndexedDbAdapter.open({ name: 'shared-node', indexedDB: factory });
    const seen: string[] = [];
    b.watch('*', (e) => seen.push(`${e.type}:${e.id}:${e.remote}`));
    await a.put(card('c-1'));
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(seen, ['put:c-1:true']);
    await a.close();
    await b.close();
  });

  it('maps a QuotaExceededError DOMException and writes nothing', async () => {
    // Simulated through the beforeWrite hook: a real quota cannot be filled quickly.
    const db = await IndexedDbAdapter.open({
      name: 'quota',
      indexedDB: new IDBFactory(),
      beforeWrite: (id) => {
        if (id === 'big') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
    });
    await assert.rejects(db.put(card('big')), (e: unknown) => {
      assert.ok(e instanceof QuotaExceededError);
      assert.equal(e.code, 'quota-exceeded');
      assert.match(e.message, /Card "big" was not saved/);
      return true;
    });
    await assert.rejects(db.get('big'), NotFoundError);
    assert.deepEqual(await db.history('big'), []);
    await db.close();
  });

  it('reports a factory that refuses to open as UnavailableError', async () => {
    const refusing = {
      open() {
        throw new DOMException('Access to IndexedDB is denied in this context', 'SecurityError');
      },
    } as unknown as IDBFactory;
    await assert.rejects(IndexedDbAdapter.open({ name: 'x', indexedDB: refusing }), (e: unknown) => {
      assert.ok(e instanceof UnavailableError);
      assert.match(e.message, /Storage "x" is unavailable: IndexedDB refused to open it \(SecurityError/);
      return true;
    });
  });
});
