// PostgreSQL specifics (run in the PostgreSQL pass only): migrations under the advisory lock when
// instances start at once, a newer database refused, and writers of one card on two connections
// pools (as two instances would be) serialised by the put transaction.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConflictError, UnavailableError } from '@kartochka/storage';
import { PgCardStore, pgMigrations } from './pg-store.js';
import { onPostgres, rawSql } from './test-support/backend.js';
import { repoRoot, startServer, tempDb } from './test-support/process.js';

const card = (id: string, name: string) => ({ id, schemaId: 's', schemaVersion: 1, title: name, data: { name }, indexed: {} });

describe('PgCardStore', { skip: !onPostgres && 'PostgreSQL pass only (KARTOCHKA_TEST_BACKEND=postgres)' }, () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());

  it('two server processes started at once on a new database migrate it once, and both serve', async () => {
    const db = `${tmp.db}-twin`;
    const [a, b] = await Promise.all([startServer({ db }), startServer({ db })]);
    try {
      const versions = await rawSql(db, 'SELECT version FROM kartochka_migrations ORDER BY version');
      assert.deepEqual(
        versions.map((r) => r.version),
        pgMigrations.map((_, i) => i + 1),
      );
      const published = await fetch(`${b.api}/schemas/s/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schema: { type: 'object' } }),
      });
      assert.equal(published.status, 201);
      const put = await fetch(`${a.api}/cards/c-1`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(card('c-1', 'x')),
      });
      assert.equal(put.status, 201);
      assert.equal((await fetch(`${b.api}/cards/c-1`)).status, 200);
    } finally {
      await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
    }
  });

  it('the database dropping every connection of a running server: it reconnects, no request answers 500', async () => {
    const db = `${tmp.db}-cut`;
    const server = await startServer({ db });
    const json = { 'Content-Type': 'application/json' };
    try {
      assert.equal(
        (
          await fetch(`${server.api}/schemas/s/versions`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ schema: { type: 'object' } }),
          })
        ).status,
        201,
      );
      assert.equal(
        (await fetch(`${server.api}/cards/c-1`, { method: 'PUT', headers: json, body: JSON.stringify(card('c-1', 'x')) })).status,
        201,
      );
      const schema = new URL(db).searchParams.get('schema')!;
      const cut = await rawSql(db, 'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name IN (?, ?)', [
        `kartochka:${schema}`,
        `kartochka-listen:${schema}`,
      ]);
      assert.ok(cut.length >= 2, 'the pool and the listener were connected');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(`${server.api}/cards/c-1`)).status);
        statuses.push(
          (await fetch(`${server.api}/cards/c-1`, { method: 'PUT', headers: json, body: JSON.stringify(card('c-1', `v${i}`)) })).status,
        );
      }
      assert.ok(
        statuses.every((s) => s === 200 || s === 503),
        `only successes or 503 unavailable: ${statuses.join(' ')}`,
      );
      assert.deepEqual(statuses.slice(-2), [200, 200], 'serving again');
      assert.doesNotMatch(server.stderr(), /Internal server error|\[kartochka-server\]/);
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('DATABASE_URL selects PostgreSQL when --db is not given (kartochka-server keys, the real CLI)', async () => {
    const db = `${tmp.db}-env`;
    const cli = join(repoRoot, 'packages/server/src/cli.ts');
    // Run from an empty folder (tsx by its full URL), so a SQLite default would show as a new file.
    const run = spawnSync(
      process.execPath,
      ['--conditions=@kartochka/source', '--import', import.meta.resolve('tsx'), cli, 'keys', 'create', '--role', 'viewer'],
      {
        cwd: tmp.dir,
        env: { ...process.env, DATABASE_URL: db },
        encoding: 'utf8',
      },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal((await rawSql(db, 'SELECT roles FROM api_keys'))[0]?.roles, '["viewer"]');
    assert.deepEqual(readdirSync(tmp.dir), [], 'no SQLite file was made');
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
      const created = await Promise.allSettled([
        one.put(card('r', 'a'), { expectedRevision: 0 }, now),
        two.put(card('r', 'b'), { expectedRevision: 0 }, now),
      ]);
      assert.equal(created.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(created.some((r) => r.status === 'rejected' && r.reason instanceof ConflictError));
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).put(card('r', `v${i}`), {}, now)));
      const history = await one.history('r');
      assert.deepEqual(
        history.map((h) => h.revision),
        Array.from({ length: 21 }, (_, i) => i + 1),
      );
      assert.equal((await two.get('r'))?.revision, 21);
      const audit = await one.audit({ limit: 1000 });
      assert.equal(audit.filter((e) => e.action === 'card.put').length, 21, 'one audit row per committed write');
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
