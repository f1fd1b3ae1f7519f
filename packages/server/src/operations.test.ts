// Operations against the real server process: `--static` serves its folder and nothing else, and
// `kartochka-server backup` copies a live database that a new server then serves.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { CONFORMANCE_SCHEMAS, hook, rawRequest, repoRoot, startServer, tempDb, type ServerProcess } from './test-support/process.js';
import { sqliteOnly } from './test-support/backend.js';

describe('--static', () => {
  const tmp = tempDb();
  const site = join(tmp.dir, 'site');
  let server: ServerProcess;
  before(async () => {
    mkdirSync(join(site, 'assets'), { recursive: true });
    mkdirSync(join(site, '.git'));
    writeFileSync(join(site, 'index.html'), '<h1>card</h1>');
    writeFileSync(join(site, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(site, '.env'), 'SECRET=1');
    writeFileSync(join(site, '.git', 'config'), 'SECRET=2');
    writeFileSync(join(tmp.dir, 'outside.txt'), 'SECRET=3');
    symlinkSync(join(tmp.dir, 'outside.txt'), join(site, 'link.txt'));
    symlinkSync(tmp.dir, join(site, 'up'));
    server = await startServer({ db: tmp.db, args: ['--static', site] });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it("serves the folder's files", async () => {
    const { status, body } = await rawRequest(server, '/');
    assert.deepEqual({ status, body }, { status: 200, body: '<h1>card</h1>' });
    assert.equal((await rawRequest(server, '/assets/app.js')).status, 200);
  });

  it('serves no dotfiles, no traversal (plain or encoded) and no link out of the folder', async () => {
    for (const path of [
      '/.env',
      '/.git/config',
      '/%2Eenv',
      '/assets/../.env',
      '/..%2Foutside.txt',
      '/%2E%2E/outside.txt',
      '/assets/..%5C..%5Coutside.txt',
      '/link.txt',
      '/up/outside.txt',
      '/up/cards.sqlite',
    ]) {
      const res = await rawRequest(server, path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.body, /SECRET/, path);
    }
  });
});

describe('backup (SQLite online backup)', { skip: sqliteOnly }, () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());

  it('copies a live database; a server on the copy serves the same cards', async () => {
    const server = await startServer({ db: tmp.db });
    const copy = `${tmp.db}.backup`;
    try {
      await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
      for (const id of ['a', 'b']) {
        const res = await fetch(`${server.api}/cards/${id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(card(id, { data: { name: id } })),
        });
        assert.equal(res.status, 201);
      }
      const run = spawnSync(
        process.execPath,
        [
          '--conditions=@kartochka/source',
          '--import',
          'tsx',
          join(repoRoot, 'packages/server/src/cli.ts'),
          'backup',
          '--db',
          tmp.db,
          '--to',
          copy,
        ],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Backed up .* to .*\.backup/);
      const again = spawnSync(
        process.execPath,
        [
          '--conditions=@kartochka/source',
          '--import',
          'tsx',
          join(repoRoot, 'packages/server/src/cli.ts'),
          'backup',
          '--db',
          tmp.db,
          '--to',
          copy,
        ],
        { cwd: repoRoot, encoding: 'utf8' },
      );
      assert.notEqual(again.status, 0, 'never overwrites');
      assert.match(again.stderr, /exists/);
    } finally {
      await server.kill('SIGTERM');
    }
    const restored = await startServer({ db: copy });
    try {
      const list = (await (await fetch(`${restored.api}/cards?sort=id`)).json()) as { items: { id: string; data: unknown }[] };
      assert.deepEqual(
        list.items.map((c) => [c.id, c.data]),
        [
          ['a', { name: 'a' }],
          ['b', { name: 'b' }],
        ],
      );
    } finally {
      await restored.kill('SIGTERM');
    }
  });
});
