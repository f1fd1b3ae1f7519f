// PostgreSQL specifics (run in the PostgreSQL pass only): migrations under the advisory lock when
// instances start at once, a newer database refused, and writers of one card on two connections
// pools (as two instances would be) serialised by the put transaction.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ConflictError, UnavailableError } from '@kartochka/storage';
import { PgCardStore, pgMigrations } from './pg-store.js';
import { onPostgres, rawSql } from './test-support/backend.js';
import { startServer, tempDb } from './test-support/process.js';

const card = (id: string, name: string) => ({ id, schemaId: 's', schemaVersion: 1, title: name, data: { name }, indexed: {} });

describe('PgCardStore', { skip: !onPostgres && 'PostgreSQL pass only (KARTOCHKA_TEST_BACKEND=postgres)' }, () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());

  it('two server processes started at once on a new database migrate it once, and both serve', async () => {
    const db = `${tmp.db}-twin`;
    const [a, b] = await Promise.all([startServer({ db }), startServer({ db })]);
    try {
      const versions = await rawSql(db, 'SELECT version FROM kartochka_migrations ORDER BY version');
      assert.deepEqual(versions.map((r) => r.version), pgMigrations.map((_, i) => i + 1));
      const published = await fetch(`${b.api}/schemas/s/versions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ schema: { type: 'object' } }) });
      assert.equal(published.status, 201);
      const put = await fetch(`${a.api}/cards/c-1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(card('c-1', 'x')) });
      assert.equal(put.status, 201);
      assert.equal((await fetch(`${b.api}/cards/c-1`)).status, 200);
    } finally {
      await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    }
  });

  it('refuses a database migrated by newer code', async () => {
    const db = `${tmp.db}-newer`;
    await (await PgCardStore.open(db)).close();
    await rawSql(db, 'INSERT INTO kartochka_migrations (version, applied_at) VALUES (?, ?)', [pgMigrations.length + 1, 'later']);
    await assert.rejects(PgCardStore.open(db), (e: unknown) => e instanceof UnavailableError && /newer than this server/.test(e.message));
  });

  it('writers on two pools: exactly one of two creations wins, unconditional saves never lose a revision', async () => {
    const db = `${tmp.db}-race`;
    const [one, two] = await Promise.all([PgCardStore.open(db), PgCardStore.open(db)]);
    try {
      const now = new Date().toISOString();
      const created = await Promise.allSettled([one.put(card('r', 'a'), { expectedRevision: 0 }, now), two.put(card('r', 'b'), { expectedRevision: 0 }, now)]);
      assert.equal(created.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(created.some((r) => r.status === 'rejected' && r.reason instanceof ConflictError));
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).put(card('r', `v${i}`), {}, now)));
      const history = await one.history('r');
      assert.deepEqual(history.map((h) => h.revision), Array.from({ length: 21 }, (_, i) => i + 1));
      assert.equal((await two.get('r'))?.revision, 21);
      const audit = await one.audit({ limit: 1000 });
      assert.equal(audit.filter((e) => e.action === 'card.put').length, 21, 'one audit row per committed write');
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
