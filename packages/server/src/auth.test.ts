// Identity, roles, authors, tombstones and the audit log, against the real server process: keys
// made with the real `kartochka-server keys` CLI, requests over loopback HTTP, and after every
// refusal a check that nothing stored changed.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { as, createKey, hook, keysCli, startServer, tempDb, type Call, type ServerProcess } from './test-support/process.js';
import { rawSql } from './test-support/backend.js';

const BOOT = 'bootstrap-admin-token-for-tests';

describe('identity and roles (real server process)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let admin: Call, editor: Call, viewer: Call, boot: Call, nobody: Call;
  let editorKey: string;
  before(async () => {
    const adminKey = await createKey(tmp.db, ['admin'], 'default', 'Ada Admin');
    editorKey = await createKey(tmp.db, ['editor'], 'default', 'Eddie Editor');
    const viewerKey = await createKey(tmp.db, ['viewer'], 'default', 'Vera Viewer');
    server = await startServer({ db: tmp.db, env: { KARTOCHKA_TOKEN: BOOT } });
    [admin, editor, viewer, boot, nobody] = [adminKey, editorKey, viewerKey, BOOT, undefined].map((k) => as(server, k));
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(() => hook(server, 'reset'));
  /** Cards need a published schema; an admin publishes it (and the audit log records that). */
  const publishClient = async () =>
    assert.equal((await admin('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object' } } })).status, 201);

  it('answers 401 without a key, with a wrong or malformed one; keys are stored only as hashes', async () => {
    assert.equal((await nobody('/cards')).status, 401);
    assert.equal((await as(server, `kc_0123456789abcdef_${'A'.repeat(43)}`)('/cards')).status, 401);
    assert.equal((await as(server, editorKey.slice(0, -1) + (editorKey.endsWith('A') ? 'B' : 'A'))('/cards')).status, 401);
    assert.equal((await as(server, 'not-a-key')('/cards')).status, 401);
    const res = await nobody('/cards');
    assert.equal(res.body.error.code, 'unauthorized');
    const rows = await rawSql(tmp.db, 'SELECT * FROM api_keys');
    assert.equal(rows.length, 3);
    const dump = JSON.stringify(rows, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v));
    assert.ok(!dump.includes(editorKey.slice(20)), 'the secret is not stored');
  });

  it('lets a viewer read but answers 403 forbidden to every write, changing nothing', async () => {
    await publishClient();
    assert.equal((await admin('/cards/c-1', { method: 'PUT', json: card('c-1') })).status, 201);
    assert.equal((await viewer('/cards/c-1')).status, 200);
    assert.equal((await viewer('/cards')).body.total, 1);
    assert.equal((await viewer('/cards/c-1/history')).status, 200);
    for (const [path, init] of [
      ['/cards/c-1', { method: 'PUT', json: card('c-1', { title: 'changed' }) }],
      ['/cards/c-2', { method: 'PUT', json: card('c-2') }],
      ['/cards/c-1', { method: 'DELETE' }],
      ['/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object' } } }],
      ['/audit', {}],
      ['/keys', {}],
    ] as const) {
      const res = await viewer(path, init);
      assert.equal(res.status, 403, `${init.method ?? 'GET'} ${path}`);
      assert.equal(res.body.error.code, 'forbidden');
      assert.match(res.body.error.message, /Your role \(viewer\) may not/);
    }
    const stored = (await admin('/cards/c-1')).body;
    assert.deepEqual([stored.revision, stored.title], [1, 'Card c-1']);
    assert.equal((await admin('/cards/c-2')).status, 404);
    assert.deepEqual(
      (await admin('/schemas/client/versions')).body.items.map((v: { version: number }) => v.version),
      [1],
    );
  });

  it('lets an editor create and edit cards, but not delete or publish (403)', async () => {
    await publishClient();
    assert.equal((await editor('/cards/c-1', { method: 'PUT', json: card('c-1') })).status, 201);
    assert.equal(
      (await editor('/cards/c-1', { method: 'PUT', json: card('c-1', { title: 'B' }), headers: { 'If-Match': '"1"' } })).status,
      200,
    );
    assert.equal((await editor('/cards/c-1', { method: 'DELETE' })).status, 403);
    assert.equal((await editor('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object' } } })).status, 403);
    assert.equal((await admin('/cards/c-1')).body.revision, 2, 'still there');
  });

  it("treats KARTOCHKA_TOKEN as the default tenant's admin: it deletes, publishes and manages keys", async () => {
    assert.equal((await boot('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object' } } })).status, 201);
    assert.equal((await boot('/cards/c-1', { method: 'PUT', json: card('c-1') })).status, 201);
    assert.equal((await admin('/cards/c-1')).body.author, 'admin');
    assert.equal((await boot('/cards/c-1', { method: 'DELETE' })).status, 200);
    const made = await boot('/keys', { method: 'POST', json: { roles: ['viewer'], name: 'Temp' } });
    assert.equal(made.status, 201);
    assert.match(made.body.key, /^kc_[a-f0-9]{16}_/);
    const temp = as(server, made.body.key);
    assert.equal((await temp('/cards')).status, 200);
    const listed = (await boot('/keys')).body.items as { id: string; key?: string }[];
    assert.ok(listed.some((k) => k.id === made.body.id) && listed.every((k) => k.key === undefined), 'listing never shows a key');
    assert.equal((await boot(`/keys/${made.body.id}`, { method: 'DELETE' })).status, 200);
    assert.equal((await temp('/cards')).status, 401, 'a revoked key stops working at once');
  });

  it('records the authenticated author on revisions and schema versions, ignoring any author in the body', async () => {
    await publishClient();
    await editor('/cards/c-1', { method: 'PUT', json: { ...card('c-1'), author: 'CEO' } });
    await editor('/cards/c-1', { method: 'PUT', json: { ...card('c-1', { title: 'x', data: { name: 'y' } }), author: 'CEO' } });
    assert.equal((await viewer('/cards/c-1')).body.author, 'Eddie Editor');
    assert.deepEqual(
      (await viewer('/cards/c-1/history')).body.items.map((r: { author: string }) => r.author),
      ['Eddie Editor', 'Eddie Editor'],
    );
    const v = await admin('/schemas/client/versions', { method: 'POST', json: { schema: { type: 'object' }, author: 'CEO', note: 'n' } });
    assert.deepEqual([v.body.author, v.body.note], ['Ada Admin', 'n']);
  });

  it("keeps a deleted card's history, closed by a tombstone; a re-created card continues it", async () => {
    await publishClient();
    await editor('/cards/c-1', { method: 'PUT', json: card('c-1') });
    await editor('/cards/c-1', { method: 'PUT', json: card('c-1', { data: { name: 'B' } }) });
    assert.equal((await admin('/cards/c-1', { method: 'DELETE' })).status, 200);
    assert.equal((await viewer('/cards/c-1')).status, 404);
    const h = (await viewer('/cards/c-1/history')).body.items as { revision: number; deleted?: boolean; author: string }[];
    assert.deepEqual(
      h.map((r) => [r.revision, r.deleted ?? false, r.author]),
      [
        [1, false, 'Eddie Editor'],
        [2, false, 'Eddie Editor'],
        [3, true, 'Ada Admin'],
      ],
    );
    const again = await editor('/cards/c-1', { method: 'PUT', json: card('c-1'), headers: { 'If-None-Match': '*' } });
    assert.deepEqual([again.status, again.body.revision], [201, 4]);
  });

  it('keeps an append-only audit log of writes, deletes, publications and keys, readable by admins only', async () => {
    await publishClient();
    await editor('/cards/c-1', { method: 'PUT', json: card('c-1') });
    await admin('/cards/c-1', { method: 'DELETE' });
    const made = await admin('/keys', { method: 'POST', json: { roles: ['editor'] } });
    const log = (await admin('/audit')).body.items as { seq: number; actor: string; action: string; target: string; revision?: number }[];
    assert.deepEqual(
      log.map((e) => [e.actor, e.action, e.target, e.revision ?? null]),
      [
        ['Ada Admin', 'schema.publish', 'client', 1],
        ['Eddie Editor', 'card.put', 'c-1', 1],
        ['Ada Admin', 'card.delete', 'c-1', 1],
        ['Ada Admin', 'key.create', made.body.id, null],
      ],
    );
    assert.deepEqual(
      (await admin(`/audit?after=${log[1]!.seq}&limit=1`)).body.items.map((e: { action: string }) => e.action),
      ['card.delete'],
    );
    assert.equal((await editor('/audit')).status, 403);
    await assert.rejects(rawSql(tmp.db, 'UPDATE audit SET actor = ?', ['nobody']), /append-only/);
    await assert.rejects(rawSql(tmp.db, 'DELETE FROM audit'), /append-only/);
  });

  it('keys list and revoke from the CLI; a revoked key is refused on its next request', async () => {
    const key = await createKey(tmp.db, ['viewer', 'doctor'], 'default', 'Dora');
    const dora = as(server, key);
    assert.equal((await dora('/cards')).status, 200, 'a key made while the server runs works at once');
    const listed = await keysCli(tmp.db, ['list']);
    const line = listed.stdout.split('\n').find((l) => l.includes('Dora'))!;
    assert.match(line, /\tdefault\tviewer,doctor\tDora\t.*\tactive$/);
    assert.ok(!listed.stdout.includes(key.slice(20)));
    const id = line.split('\t')[0]!;
    const revoked = await keysCli(tmp.db, ['revoke', id]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.equal((await dora('/cards')).status, 401);
  });
});
