// SQLite specifics: migrations of the file, and the test hooks being off by default. (The
// conformance suite runs against the store of either backend in store-conformance.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { UnavailableError } from '@kartochka/storage';
import { request } from 'node:http';
import { createApp } from './app.js';
import { createServer } from './server.js';
import { SqliteCardStore, migrations } from './sqlite-store.js';
import { sqliteOnly } from './test-support/backend.js';
import { tempDb } from './test-support/process.js';

describe('SqliteCardStore migrations', { skip: sqliteOnly }, () => {
  it('records applied steps, keeps data on reopen, and refuses a newer database', async () => {
    const tmp = tempDb();
    try {
      const a = new SqliteCardStore(tmp.db);
      assert.equal(a.db.pragma('journal_mode', { simple: true }), 'wal');
      await a.put({ id: 'c-1', schemaId: 's', schemaVersion: 1, title: 't', data: {}, indexed: {} }, {}, new Date().toISOString());
      await a.close();
      const b = new SqliteCardStore(tmp.db);
      assert.equal((await b.get('c-1'))?.revision, 1);
      assert.deepEqual(
        (b.db.prepare('SELECT version FROM kartochka_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version),
        migrations.map((_, i) => i + 1),
      );
      await b.close();
      const raw = new Database(tmp.db);
      raw.prepare('INSERT INTO kartochka_migrations (version, applied_at) VALUES (?, ?)').run(migrations.length + 1, 'later');
      raw.close();
      assert.throws(
        () => new SqliteCardStore(tmp.db),
        (e: unknown) => e instanceof UnavailableError && /newer than this server/.test(e.message),
      );
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('SqliteCardStore migration 2 (ё folding)', { skip: sqliteOnly }, () => {
  it('re-folds titles stored by migration 1, so either spelling finds them', async () => {
    const tmp = tempDb();
    try {
      // A database as the first release left it: migration 1 only, the title folded the old way.
      const raw = new Database(tmp.db);
      raw.exec(migrations[0]!);
      raw.exec('CREATE TABLE kartochka_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
      raw.prepare('INSERT INTO kartochka_migrations (version, applied_at) VALUES (1, ?)').run('earlier');
      const record = {
        id: 'yo',
        schemaId: 's',
        schemaVersion: 1,
        revision: 1,
        title: 'Ёлка и Ко',
        data: {},
        indexed: {},
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      };
      raw
        .prepare(
          'INSERT INTO cards (id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run('yo', 's', 1, record.title, 'ёлка и ко', '{}', record.createdAt, record.updatedAt, JSON.stringify(record));
      raw.close();
      const store = new SqliteCardStore(tmp.db);
      for (const search of ['елка', 'ЁЛКА'])
        assert.deepEqual(
          (await store.list({ search })).items.map((r) => r.id),
          ['yo'],
          search,
        );
      await store.close();
    } finally {
      await tmp.cleanup();
    }
  });
});

describe('createApp', () => {
  it('mounts no test hooks unless asked', async () => {
    const app = createApp({ store: new SqliteCardStore(':memory:') });
    assert.equal((await app.request('/__test/reset', { method: 'POST' })).status, 404);
    assert.equal((await app.request('/__test/faults', { method: 'POST', body: '{}' })).status, 404);
  });
});

describe('createServer (in-process)', () => {
  it('counts chunked bodies (no Content-Length) against the limit too', async () => {
    const server = await createServer({ db: ':memory:', bodyLimit: 1000 });
    try {
      const send = (chunks: string[]): Promise<number> =>
        new Promise((resolve, reject) => {
          const req = request(`${server.url}/api/cards/c-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' } }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode!));
          });
          req.on('error', reject);
          for (const c of chunks) req.write(c);
          req.end();
        });
      const published = await fetch(`${server.url}/api/schemas/s/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"schema":{"type":"object"}}',
      });
      assert.equal(published.status, 201);
      const small = JSON.stringify({ schemaId: 's', schemaVersion: 1, title: 't', data: {}, indexed: {} });
      assert.equal(await send([small.slice(0, 10), small.slice(10)]), 201);
      const big = JSON.stringify({ schemaId: 's', schemaVersion: 1, title: 't', data: { x: 'y'.repeat(2000) }, indexed: {} });
      assert.equal(await send([big.slice(0, 500), big.slice(500)]), 413);
    } finally {
      await server.close();
    }
  });
});
