// Tenants against the real server process: two companies with the same card and schema ids, each
// trying the other's data on every route; and the SQLite migration of a database the
// single-tenant code wrote.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { card } from '@kartochka/storage/conformance';
import { SqliteCardStore, migrations } from './sqlite-store.js';
import { as, createKey, CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type Call, type ServerProcess } from './test-support/process.js';
import { sqliteOnly } from './test-support/backend.js';

/** Reads server-sent events from `/api/events` until `done` says stop; returns the `change` payloads. */
async function changes(server: ServerProcess, key: string, ready: () => Promise<void>, done: (seen: { id: string }[]) => boolean) {
  const ctrl = new AbortController();
  const res = await fetch(`${server.api}/events`, { headers: { Authorization: `Bearer ${key}` }, signal: ctrl.signal });
  assert.equal(res.status, 200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const seen: { id: string; tenant?: string }[] = [];
  let buffer = '';
  let started = false;
  try {
    while (!done(seen)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (block.includes('event: ready') && !started) {
          started = true;
          await ready();
        }
        const data = /^event: change\ndata: (.*)$/m.exec(block)?.[1];
        if (data) seen.push(JSON.parse(data) as { id: string });
      }
    }
  } finally {
    ctrl.abort();
  }
  return seen;
}

describe('tenants (real server process)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let acme: Call, globex: Call, acmeViewer: Call;
  let acmeKey: string;
  before(async () => {
    acmeKey = await createKey(tmp.db, ['admin'], 'acme', 'Acme admin');
    const globexKey = await createKey(tmp.db, ['admin'], 'globex', 'Globex admin');
    const acmeViewerKey = await createKey(tmp.db, ['viewer'], 'acme');
    server = await startServer({ db: tmp.db });
    [acme, globex, acmeViewer] = [acmeKey, globexKey, acmeViewerKey].map((k) => as(server, k));
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(() => hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS, tenants: ['acme', 'globex'] }));

  it('keeps ids per tenant: the same id is two cards, each tenant sees only its own', async () => {
    assert.equal((await acme('/cards/c-1', { method: 'PUT', json: card('c-1', { title: 'Acme secret' }) })).status, 201);
    assert.equal(
      (await globex('/cards/c-1', { method: 'PUT', json: card('c-1', { title: 'Globex card' }) })).status,
      201,
      'created, not a conflict',
    );
    await acme('/cards/only-acme', { method: 'PUT', json: card('only-acme', { title: 'Acme only' }) });
    assert.equal((await acme('/cards/c-1')).body.title, 'Acme secret');
    assert.equal((await globex('/cards/c-1')).body.title, 'Globex card');
    assert.equal((await globex('/cards/only-acme')).status, 404);
    const list = (await globex('/cards')).body;
    assert.deepEqual([list.total, list.items.map((r: { title: string }) => r.title)], [1, ['Globex card']]);
    assert.equal((await globex('/cards?search=acme')).body.total, 0, 'search never crosses');
    assert.equal((await globex('/cards?filter.segment=b2b&schemaId=client')).body.total, 0);
    assert.deepEqual((await globex('/cards/only-acme/history')).body.items, []);
  });

  it("refuses every write to another tenant's id without touching it", async () => {
    await acme('/cards/a-1', { method: 'PUT', json: card('a-1', { title: 'Acme' }) });
    assert.equal((await globex('/cards/a-1', { method: 'PUT', json: card('a-1'), headers: { 'If-Match': '"1"' } })).status, 404);
    assert.equal((await globex('/cards/a-1', { method: 'DELETE' })).status, 404);
    const stored = (await acme('/cards/a-1')).body;
    assert.deepEqual([stored.revision, stored.title], [1, 'Acme']);
    assert.equal((await acme('/cards/a-1/history')).body.items.length, 1);
  });

  it('keeps schemas, their versions and the audit log per tenant', async () => {
    await hook(server, 'reset'); // no test schemas: this test publishes its own, and reads the audit log
    await acme('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object', title: 'acme' } } });
    assert.equal((await globex('/schemas/client/latest')).status, 404);
    assert.deepEqual((await globex('/schemas/client/versions')).body.items, []);
    assert.equal((await globex('/schemas/client/versions/1')).status, 404);
    const v = await globex('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object', title: 'globex' } } });
    assert.equal(v.body.version, 1, 'versions count per tenant');
    assert.equal((await acme('/schemas/client/latest')).body.schema.title, 'acme');
    assert.deepEqual(
      (await globex('/audit')).body.items.map((e: { actor: string }) => e.actor),
      ['Globex admin'],
    );
    assert.equal((await globex('/keys')).body.items.length, 1, "an admin sees its own tenant's keys");
    const acmeKeyId = (await acme('/keys')).body.items[0].id as string;
    assert.equal((await globex(`/keys/${acmeKeyId}`, { method: 'DELETE' })).status, 404);
    assert.equal((await acme('/cards')).status, 200, "the other tenant's key still works");
  });

  it("sends each event stream its own tenant's changes only", async () => {
    const seen = await changes(
      server,
      acmeKey,
      async () => {
        await globex('/cards/g-1', { method: 'PUT', json: card('g-1') });
        await globex('/cards/g-1', { method: 'DELETE' });
        await acme('/cards/a-1', { method: 'PUT', json: card('a-1') });
      },
      (s) => s.some((n) => n.id === 'a-1'),
    );
    // The stream is ordered: had globex's two changes leaked, they would have come first.
    assert.deepEqual(seen, [{ type: 'put', id: 'a-1', revision: 1 }]);
    assert.equal((await acmeViewer('/cards/a-1')).status, 200);
  });
});

describe('SQLite migration 3 (tenants)', { skip: sqliteOnly }, () => {
  it('moves every row of a single-tenant database (made by the old code) to the default tenant', async () => {
    const tmp = tempDb();
    try {
      const raw = new Database(tmp.db);
      raw.exec('CREATE TABLE kartochka_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const [i, step] of migrations.slice(0, 2).entries()) {
        raw.exec(step);
        raw.prepare('INSERT INTO kartochka_migrations (version, applied_at) VALUES (?, ?)').run(i + 1, 'earlier');
      }
      const record = {
        id: 'old',
        schemaId: 'client',
        schemaVersion: 1,
        revision: 2,
        title: 'Old card',
        data: { name: 'B' },
        indexed: { segment: 'b2b' },
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-02T00:00:00.000Z',
        author: 'someone',
      };
      raw
        .prepare(
          'INSERT INTO cards (id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          'old',
          'client',
          2,
          record.title,
          'old card',
          JSON.stringify(record.indexed),
          record.createdAt,
          record.updatedAt,
          JSON.stringify(record),
        );
      const rev = (n: number) => JSON.stringify({ recordId: 'old', revision: n, at: record.createdAt, changedPaths: [''] });
      raw.prepare('INSERT INTO revisions (record_id, revision, entry) VALUES (?, ?, ?)').run('old', 1, rev(1));
      raw.prepare('INSERT INTO revisions (record_id, revision, entry) VALUES (?, ?, ?)').run('old', 2, rev(2));
      raw
        .prepare('INSERT INTO schemas (schema_id, version, entry) VALUES (?, ?, ?)')
        .run('client', 1, JSON.stringify({ schemaId: 'client', version: 1, schema: { type: 'object' }, publishedAt: record.createdAt }));
      raw.close();

      const store = new SqliteCardStore(tmp.db);
      assert.deepEqual(await store.get('old'), record);
      assert.deepEqual(
        (await store.list({ search: 'old', filter: { segment: 'b2b' } })).items.map((r) => r.id),
        ['old'],
      );
      assert.deepEqual(
        (await store.history('old')).map((r) => r.revision),
        [1, 2],
      );
      assert.equal((await store.getSchema('client'))?.version, 1);
      assert.equal(await store.forTenant('acme').get('old'), undefined, 'not in any other tenant');
      // The next write continues the card; a new tenant may reuse the id.
      assert.equal(
        (await store.put({ ...record, data: { name: 'C' } }, { expectedRevision: 2 }, '2026-01-01T00:00:00.000Z')).record.revision,
        3,
      );
      assert.equal(
        (await store.forTenant('acme').put({ ...record }, { expectedRevision: 0 }, '2026-01-01T00:00:00.000Z')).record.revision,
        1,
      );
      await store.close();
    } finally {
      await tmp.cleanup();
    }
  });
});
