// Unique keys (x-unique, docs/duplicates.md) against the real server process, on the test backend
// (SQLite, or PostgreSQL under KARTOCHKA_TEST_BACKEND=postgres): the server computes the keys from
// the published schema (never the client's), answers 409 with the holder's id, keeps stored data
// unchanged, stays atomic under concurrent creates, and never crosses tenants.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DuplicateError, RestAdapter } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { as, createKey, hook, startServer, tempDb, type Call, type ServerProcess } from './test-support/process.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    inn: { type: 'string', 'x-unique': true },
    phone: { type: 'string', format: 'phone', 'x-unique': true },
  },
};
const client = (id: string, data: Record<string, string>) =>
  card(id, { schemaId: 'client', schemaVersion: 1, title: data.name ?? id, data });

describe('duplicates: x-unique on the real server', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let acme: Call, globex: Call, acmeViewer: Call;
  let acmeKey: string;
  before(async () => {
    acmeKey = await createKey(tmp.db, ['admin'], 'acme', 'Acme admin');
    const globexKey = await createKey(tmp.db, ['admin'], 'globex', 'Globex admin');
    const viewerKey = await createKey(tmp.db, ['viewer'], 'acme', 'Acme viewer');
    server = await startServer({ db: tmp.db });
    [acme, globex, acmeViewer] = [acmeKey, globexKey, viewerKey].map((k) => as(server, k));
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(async () => {
    await hook(server, 'reset', { tenants: [] });
    for (const call of [acme, globex])
      assert.equal((await call('/schemas/client/versions', { method: 'POST', json: { schema } })).status, 201);
  });

  it('refuses a duplicate create with 409, the holder id and the key; normalises phones server-side', async () => {
    assert.equal(
      (await acme('/cards/c-1', { method: 'PUT', json: client('c-1', { name: 'Ромашка', phone: '8 (916) 123-45-67' }) })).status,
      201,
    );
    const res = await acme('/cards/c-2', {
      method: 'PUT',
      headers: { 'If-None-Match': '*' },
      json: client('c-2', { name: 'Ромашка 2', phone: '+7 916 123 45 67' }),
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'duplicate');
    assert.deepEqual(res.body.duplicate, { existingId: 'c-1', key: '/phone=["+79161234567"]' });
    assert.deepEqual(
      res.body.errors.map((e: { path: string; keyword: string }) => [e.path, e.keyword]),
      [['/phone', 'x-unique']],
    );
    assert.equal((await acme('/cards/c-2')).status, 404, 'nothing stored');
    assert.deepEqual((await acme('/cards/c-2/history')).body.items, []);
  });

  it('the RestAdapter turns the 409 into DuplicateError; a refused update leaves the stored card and its history unchanged', async () => {
    const db = new RestAdapter({ baseUrl: server.api, token: acmeKey });
    await db.put(client('c-1', { name: 'A', inn: '7701234567' }));
    const b = await db.put(client('c-2', { name: 'B', inn: '7707083893' }));
    const error = await db
      .put(client('c-2', { name: 'B', inn: ' 7701234567 ' }), { expectedRevision: b.revision })
      .catch((e: unknown) => e);
    assert.ok(error instanceof DuplicateError, String(error));
    assert.equal(error.existingId, 'c-1');
    const stored = await db.get('c-2');
    assert.deepEqual([stored.revision, stored.data], [b.revision, { name: 'B', inn: '7707083893' }]);
    assert.equal((await db.history('c-2')).length, 1);
    assert.deepEqual(
      (await db.findUnique('client', ['/inn=["7701234567"]'])).map((m) => [m.id, m.title]),
      [['c-1', 'A']],
    );
    await db.close();
  });

  it('ignores keys a client sends: only the schema decides', async () => {
    await acme('/cards/c-1', { method: 'PUT', json: client('c-1', { name: 'A', inn: '7701234567' }) });
    // A forged key list claiming another card's key, and one hiding its own: both ignored.
    const forged = { ...client('c-2', { name: 'B', inn: '7707083893' }), unique: ['/inn=["7701234567"]'] };
    assert.equal((await acme('/cards/c-2', { method: 'PUT', json: forged })).status, 201);
    const hiding = { ...client('c-3', { name: 'C', inn: '7701234567' }), unique: [] };
    assert.equal((await acme('/cards/c-3', { method: 'PUT', json: hiding })).status, 409);
    assert.equal((await acme('/cards/c-2')).body.unique, undefined, 'keys are never returned');
  });

  it("another tenant's card with the same key is no duplicate, and its id never leaks", async () => {
    await globex('/cards/g-secret', { method: 'PUT', json: client('g-secret', { name: 'Globex client', inn: '7701234567' }) });
    const res = await acme('/cards/a-1', { method: 'PUT', json: client('a-1', { name: 'Acme client', inn: '7701234567' }) });
    assert.equal(res.status, 201, 'the same INN in another tenant is allowed');
    assert.equal(JSON.stringify(res.body).includes('g-secret'), false);
    const lookup = await acme('/unique', { method: 'POST', json: { schemaId: 'client', keys: ['/inn=["7701234567"]'] } });
    assert.deepEqual(
      lookup.body.items.map((m: { id: string }) => m.id),
      ['a-1'],
    );
    await acme('/cards/a-1', { method: 'DELETE' });
    const none = await acme('/unique', { method: 'POST', json: { schemaId: 'client', keys: ['/inn=["7701234567"]'] } });
    assert.deepEqual(none.body.items, [], "globex's holder is invisible to acme");
    const again = await acme('/cards/a-2', { method: 'PUT', json: client('a-2', { name: 'Acme 2', inn: '7701234567' }) });
    assert.equal(again.status, 201);
  });

  it('is atomic under concurrent creates: of eight writers of one key exactly one wins, the rest get its id', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        acme(`/cards/r-${i}`, {
          method: 'PUT',
          headers: { 'If-None-Match': '*' },
          json: client(`r-${i}`, { name: `R${i}`, inn: '7728168971' }),
        }),
      ),
    );
    const won = results.flatMap((r, i) => (r.status === 201 ? [`r-${i}`] : []));
    assert.equal(won.length, 1, `statuses ${results.map((r) => r.status).join(',')}`);
    for (const r of results.filter((x) => x.status !== 201)) {
      assert.equal(r.status, 409);
      assert.equal(r.body.duplicate.existingId, won[0]);
    }
    assert.equal((await acme('/cards?schemaId=client')).body.total, 1);
  });

  it('lookups need read access, take at most 100 keys, and a viewer may ask', async () => {
    await acme('/cards/c-1', { method: 'PUT', json: client('c-1', { name: 'A', inn: '7701234567' }) });
    const ok = await acmeViewer('/unique', { method: 'POST', json: { schemaId: 'client', keys: ['/inn=["7701234567"]', '/inn=["0"]'] } });
    assert.deepEqual(ok.body.items, [{ key: '/inn=["7701234567"]', id: 'c-1', title: 'A' }]);
    assert.equal((await as(server, undefined)('/unique', { method: 'POST', json: { schemaId: 'client', keys: [] } })).status, 401);
    const many = await acme('/unique', {
      method: 'POST',
      json: { schemaId: 'client', keys: Array.from({ length: 101 }, (_, i) => `k${i}`) },
    });
    assert.equal(many.status, 400);
  });
});
