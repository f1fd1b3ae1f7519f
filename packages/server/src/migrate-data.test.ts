// `kartochka-server migrate --from cards.sqlite --to postgres://…` (PostgreSQL pass only): the real
// CLI copies schemas, cards, history (tombstones too), keys and the audit log of two tenants; a
// server on the copy serves them and accepts the copied key; an interrupted copy resumes; a target
// that differs fails the checksum.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { KeyStore } from './auth/keys.js';
import { SqliteCardStore } from './sqlite-store.js';
import { onPostgres, rawSql } from './test-support/backend.js';
import { as, repoRoot, startServer, tempDb } from './test-support/process.js';

function migrate(from: string, to: string): { status: number | null; stdout: string; stderr: string } {
  const cli = join(repoRoot, 'packages/server/src/cli.ts');
  return spawnSync(process.execPath, ['--conditions=@kartochka/source', '--import', 'tsx', cli, 'migrate', '--from', from, '--to', to], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
}

describe('migrate SQLite → PostgreSQL', { skip: !onPostgres && 'PostgreSQL pass only (KARTOCHKA_TEST_BACKEND=postgres)' }, () => {
  const tmp = tempDb();
  const from = join(tmp.dir, 'source.sqlite');
  let key = '';
  before(async () => {
    const source = new SqliteCardStore(from);
    const at = '2026-12-01T10:00:00.000Z';
    for (const tenant of ['default', 'acme']) {
      const store = source.forTenant(tenant);
      await store.publishSchema({ schemaId: 'client', schema: { type: 'object' }, author: 'ada' }, at);
      for (let i = 0; i < 2500; i++) {
        const id = `c-${i}`;
        await store.put(
          { id, schemaId: 'client', schemaVersion: 1, title: `Клиент ${i}`, data: { n: i }, indexed: { n: i } },
          { author: 'ada' },
          at,
        );
      }
      await store.put(
        { id: 'c-1', schemaId: 'client', schemaVersion: 1, title: 'Ёлка', data: { n: -1 }, indexed: {} },
        { author: 'bob' },
        at,
      );
      await store.delete('c-2', 1, { author: 'ada', at });
    }
    key = (await new KeyStore(source.keyRows()).create({ tenant: 'acme', roles: ['viewer'], name: 'Vera' })).key;
    await source.close();
  });
  after(() => tmp.cleanup());

  it('copies everything, verified; a server on the copy serves it and takes the copied key', async () => {
    const to = `${tmp.db}-full`;
    const run = migrate(from, to);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^cards\t4998 rows\t4998 copied now/m);
    assert.match(run.stdout, /^revisions\t5004 rows/m);
    assert.match(run.stdout, /Migrated and verified/);
    assert.match(run.stderr, /cards: 1000\/4998/, 'progress');
    const server = await startServer({ db: to });
    try {
      const vera = as(server, key);
      const one = await vera('/cards/c-1');
      assert.equal(one.status, 200);
      assert.equal(one.body.title, 'Ёлка');
      assert.equal((await vera('/cards?search=елка')).body.total, 1);
      assert.deepEqual(
        (await vera('/cards/c-2/history')).body.items.map((r: { revision: number; deleted?: boolean }) => [r.revision, r.deleted ?? false]),
        [
          [1, false],
          [2, true],
        ],
      );
      assert.equal((await vera('/cards?limit=1')).body.total, 2499, 'the tenant of the key only');
      const audit = await rawSql(to, "SELECT COUNT(*) AS n FROM audit WHERE action = 'key.create'");
      assert.equal(Number(audit[0]!.n), 1);
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('resumes an interrupted copy, and refuses a target whose rows differ', async () => {
    const to = `${tmp.db}-resume`;
    assert.equal(migrate(from, to).status, 0);
    // As if interrupted: the last rows of history and everything after it missing.
    await rawSql(to, "DELETE FROM revisions WHERE tenant = 'default' AND record_id >= 'c-5'");
    await rawSql(to, 'TRUNCATE api_keys, audit');
    const again = migrate(from, to);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /revisions: resuming after \d+ rows already copied/);
    assert.match(again.stdout, /^revisions\t5004 rows\t[1-9]\d* copied now/m);
    assert.match(again.stdout, /^cards\t4998 rows\t0 copied now/m);
    await rawSql(to, "UPDATE cards SET record = replace(record, 'Ёлка', 'Елка') WHERE id = 'c-1'");
    const tampered = migrate(from, to);
    assert.notEqual(tampered.status, 0);
    assert.match(tampered.stderr, /cards: checksums differ/);
  });
});
