// The reference server as a real process: the shared storage conformance suite through
// RestAdapter, then the HTTP contract (413, 401, 422, 400, CORS, static files, persistence).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { validate } from '@kartochka/core';
import { RestAdapter, UnauthorizedError, UnavailableError, ValidationError, NotFoundError } from '@kartochka/storage';
import { card, runStorageConformance } from '@kartochka/storage/conformance';
import { CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const clientSchema = {
  type: 'object',
  required: ['name', 'inn'],
  properties: {
    name: { type: 'string', minLength: 2 },
    inn: { type: 'string', pattern: '^[0-9]{10}$' },
    email: { type: 'string', format: 'email' },
  },
};

describe('RestAdapter against the server process', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => {
    server = await startServer({ db: tmp.db });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  runStorageConformance(
    { describe, it, beforeEach, afterEach },
    'RestAdapter (real server)',
    async () => {
      await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
      return new RestAdapter({ baseUrl: server.api });
    },
    { authenticatedAuthor: 'anonymous', keepsHistoryOnDelete: true },
  );

  describe('validation against published schemas', () => {
    let db: RestAdapter;
    beforeEach(async () => {
      await hook(server, 'reset');
      db = new RestAdapter({ baseUrl: server.api });
      await db.publishSchema({ schemaId: 'client', schema: clientSchema });
    });

    it('answers 422 with the same field errors core gives, marked source "server"', async () => {
      const data = { name: 'A', inn: '12', email: 'not-an-email' };
      const error = await db.put(card('c-1', { data })).then(
        () => assert.fail('saved invalid data'),
        (x: unknown) => x as ValidationError,
      );
      assert.ok(error instanceof ValidationError);
      assert.equal(error.code, 'validation');
      const expected = validate(clientSchema, data, 'en').errors.map((x) => ({ ...x, source: 'server' }));
      assert.ok(expected.length >= 3);
      assert.deepEqual(error.errors, expected);
      await assert.rejects(db.get('c-1'), NotFoundError);
      // Valid data goes through.
      const ok = await db.put(card('c-1', { data: { name: 'ООО Ромашка', inn: '7701234567' } }));
      assert.equal(ok.revision, 1);
    });

    it('uses the Accept-Language locale for messages', async () => {
      const ru = new RestAdapter({ baseUrl: server.api, headers: () => ({ 'Accept-Language': 'ru-RU,ru;q=0.9' }) });
      const error = await ru.put(card('c-1', { data: { name: 'ООО', inn: '1' } })).catch((x: unknown) => x);
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(
        error.errors.map((x) => x.message),
        validate(clientSchema, { name: 'ООО', inn: '1' }, 'ru').errors.map((x) => x.message),
      );
    });

    it('rejects an unpublished version of a published schema with a clear 422', async () => {
      const error = await db
        .put(card('c-1', { schemaVersion: 7, data: { name: 'Acme', inn: '7701234567' } }))
        .catch((x: unknown) => x as ValidationError);
      assert.ok(error instanceof ValidationError);
      assert.equal(error.errors[0]!.keyword, 'schemaVersion');
      assert.match(error.errors[0]!.message, /Schema "client" has no version 7 \(the latest is 1\)/);
    });

    it('validates against the version the card names, not the latest', async () => {
      await db.put(card('c-1', { schemaVersion: 1, data: { name: 'Acme', inn: '7701234567' } }));
      await db.publishSchema({ schemaId: 'client', schema: { ...clientSchema, required: ['name', 'inn', 'email'] } });
      const v1 = await db.put(card('c-1', { schemaVersion: 1, data: { name: 'Acme 2', inn: '7701234567' } }));
      assert.equal(v1.schemaVersion, 1, 'a card not yet migrated is saved on its own version');
      const e = await db.put(card('c-2', { schemaVersion: 2, data: { name: 'Acme', inn: '7701234567' } })).catch((x: unknown) => x);
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.errors.map((x) => [x.path, x.keyword]),
        [['/email', 'required']],
      );
    });

    it('refuses a save on an older version than the latest, unless the card already has it', async () => {
      await db.publishSchema({ schemaId: 'client', schema: { ...clientSchema, required: ['name', 'inn', 'email'] } });
      const fresh = await db.put(card('c-new', { schemaVersion: 1, data: { name: 'Acme', inn: '7701234567' } })).catch((x: unknown) => x);
      assert.ok(fresh instanceof ValidationError);
      assert.deepEqual(
        fresh.errors.map((x) => [x.path, x.keyword]),
        [['/schemaVersion', 'schemaVersionNotLatest']],
      );
      assert.match(fresh.errors[0]!.message, /latest version of schema "client" \(2\)/);
      await db.put(card('c-moved', { schemaVersion: 2, data: { name: 'Acme', inn: '7701234567', email: 'a@b.co' } }));
      const back = await db.put(card('c-moved', { schemaVersion: 1, data: { name: 'Acme', inn: '7701234567' } })).catch((x: unknown) => x);
      assert.ok(back instanceof ValidationError, 'a card already on v2 cannot go back to v1');
      await assert.rejects(db.get('c-new'), NotFoundError);
      assert.equal((await db.get('c-moved')).schemaVersion, 2);
    });

    it('refuses to publish a schema ajv cannot compile', async () => {
      const e = await db
        .publishSchema({ schemaId: 'broken', schema: { type: 'object', properties: { a: { type: 12 } } } })
        .catch((x: unknown) => x);
      assert.ok(e instanceof ValidationError);
      assert.equal(e.errors[0]!.keyword, 'compile');
      assert.deepEqual(await db.listSchemaVersions('broken'), []);
    });
  });

  describe('HTTP details', () => {
    beforeEach(() => hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS }));
    const put = (id: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${server.api}/cards/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    it('sends ETag = revision, and maps If-Match / If-None-Match to expectedRevision', async () => {
      let res = await put('c-1', card('c-1'), { 'If-None-Match': '*' });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.equal(res.headers.get('location'), '/api/cards/c-1');
      res = await put('c-1', card('c-1'), { 'If-None-Match': '*' });
      assert.equal(res.status, 412);
      const conflict = (await res.json()) as { error: { code: string }; current: { revision: number } };
      assert.equal(conflict.error.code, 'conflict');
      assert.equal(conflict.current.revision, 1);
      res = await put('c-1', card('c-1'), { 'If-Match': 'W/"1"' });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('etag'), '"2"');
      res = await fetch(`${server.api}/cards/c-1`);
      assert.equal(res.headers.get('etag'), '"2"');
      res = await fetch(`${server.api}/cards/c-1`, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
      assert.equal(res.status, 412);
      res = await fetch(`${server.api}/cards/c-1`, { method: 'DELETE', headers: { 'If-Match': '"2"' } });
      assert.deepEqual([res.status, await res.json()], [200, { id: 'c-1', revision: 2 }]);
    });

    it('answers 400 for malformed JSON, a mismatched id, a malformed record and bad headers', async () => {
      const cases: [Response, string][] = [
        [await put('c-1', '{"id":'), 'json'],
        [await put('c-1', '[1]'), 'type'],
        [await put('c-1', card('other')), 'const'],
        [await put('c-1', { ...card('c-1'), schemaId: '' }), 'type'],
        [await put('c-1', card('c-1'), { 'If-Match': '"1", "2"' }), 'If-Match'],
        [await fetch(`${server.api}/cards?offset=-1`), 'offset'],
      ];
      for (const [res, keyword] of cases) {
        assert.equal(res.status, 400, keyword);
        const body = (await res.json()) as { error: { code: string }; errors: { keyword: string; source: string }[] };
        assert.equal(body.error.code, 'validation');
        assert.equal(body.errors[0]!.keyword, keyword);
        assert.equal(body.errors[0]!.source, 'server');
      }
    });

    it('answers 413 for a body over the limit (default 1 MiB), and RestAdapter reports it as ValidationError', async () => {
      const big = card('c-big', { data: { blob: 'x'.repeat(1024 * 1024) } });
      const res = await put('c-big', big);
      assert.equal(res.status, 413);
      const body = (await res.json()) as { error: { code: string; params: { limit: number } }; errors: { keyword: string }[] };
      assert.equal(body.error.code, 'validation');
      assert.equal(body.error.params.limit, 1024 * 1024);
      assert.equal(body.errors[0]!.keyword, 'maxBodySize');
      const e = await new RestAdapter({ baseUrl: server.api }).put(big).catch((x: unknown) => x);
      assert.ok(e instanceof ValidationError);
      assert.equal(e.errors[0]!.keyword, 'maxBodySize');
      assert.equal((await put('c-ok', card('c-ok', { data: { blob: 'x'.repeat(1000 * 1000) } }))).status, 201, 'just under the limit');
    });

    it('filters with typed values, sorts, pages and searches over the query string', async () => {
      const db = new RestAdapter({ baseUrl: server.api });
      await db.put(card('a', { title: 'Альфа', indexed: { n: 1, s: '1', b: true } }));
      await db.put(card('b', { title: 'Бета', indexed: { n: 2, s: '2', b: false } }));
      const get = async (qs: string): Promise<string[]> =>
        ((await (await fetch(`${server.api}/cards?${qs}`)).json()) as { items: { id: string }[] }).items.map((r) => r.id);
      assert.deepEqual(await get('filter.n=1'), ['a']);
      assert.deepEqual(await get('filter.s=%221%22'), ['a'], 'a JSON string');
      assert.deepEqual(await get('filter.s=1'), [], '1 is the number 1, not the string');
      assert.deepEqual(await get('filter.b=false'), ['b']);
      assert.deepEqual(await get('sort=title&order=desc'), ['b', 'a']);
      assert.deepEqual(await get('search=%D0%B0%D0%BB%D1%8C%D1%84'), ['a']);
      const page = (await (await fetch(`${server.api}/cards?sort=title&limit=1&offset=1`)).json()) as object;
      assert.deepEqual({ ...page, items: undefined }, { items: undefined, total: 2, offset: 1, limit: 1 });
    });

    it('answers CORS preflights for the demo origin only', async () => {
      const pre = (origin: string): Promise<Response> =>
        fetch(`${server.api}/cards/c-1`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'if-match,content-type' },
        });
      const ok = await pre('http://127.0.0.1:5173');
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /If-Match/);
      const other = await pre('http://evil.example');
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });

    it('answers /health and unknown API routes', async () => {
      assert.deepEqual(await (await fetch(`${server.url}/health`)).json(), { status: 'ok' });
      const res = await fetch(`${server.api}/nothing`);
      assert.equal(res.status, 404);
      const e = await new RestAdapter({ baseUrl: server.url }).get('c-1').catch((x: unknown) => x);
      assert.ok(e instanceof UnavailableError, 'a wrong baseUrl is not a missing card');
      assert.match(e.message, /baseUrl/);
    });
  });
});

describe('server options as a process', () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());

  it('requires the bearer token when KARTOCHKA_TOKEN is set (401), /health stays open', async () => {
    const server = await startServer({ db: tmp.db + '-auth', env: { KARTOCHKA_TOKEN: 's3cret-token' } });
    try {
      const none = await fetch(`${server.api}/cards`);
      assert.equal(none.status, 401);
      assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(((await none.json()) as { error: { code: string } }).error.code, 'unauthorized');
      assert.equal((await fetch(`${server.api}/cards`, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
      assert.equal((await fetch(`${server.api}/cards`, { headers: { Authorization: 'Bearer s3cret-token-x' } })).status, 401);
      assert.equal((await fetch(`${server.url}/health`)).status, 200);
      const anonymous = new RestAdapter({ baseUrl: server.api });
      const e = await anonymous.get('c-1').catch((x: unknown) => x);
      assert.ok(e instanceof UnauthorizedError, 'a 401 is "sign in again", not "offline"');
      assert.match(e.message, /credentials/);
      const authed = new RestAdapter({ baseUrl: server.api, headers: async () => ({ Authorization: 'Bearer s3cret-token' }) });
      await authed.publishSchema({ schemaId: 'client', schema: { type: 'object' } });
      assert.equal((await authed.put(card('c-1'))).revision, 1);
      assert.equal((await authed.get('c-1')).id, 'c-1');
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('refuses cards of a schema id with no published version, and stores nothing', async () => {
    const server = await startServer({ db: tmp.db + '-strict' });
    try {
      const db = new RestAdapter({ baseUrl: server.api });
      const e = await db.put(card('c-1')).catch((x: unknown) => x);
      assert.ok(e instanceof ValidationError, String(e));
      assert.deepEqual(
        e.errors.map((x) => [x.path, x.keyword]),
        [['/schemaId', 'schemaNotPublished']],
      );
      assert.match(e.errors[0]!.message, /"client" is not published/);
      const ru = await fetch(`${server.api}/cards/c-1`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'ru' },
        body: JSON.stringify(card('c-1')),
      });
      assert.equal(ru.status, 422);
      assert.match(((await ru.json()) as { errors: { message: string }[] }).errors[0]!.message, /«client» не опубликован/);
      assert.equal((await db.list()).total, 0, 'nothing stored');
      assert.deepEqual(await db.history('c-1'), []);
      await db.publishSchema({ schemaId: 'client', schema: { type: 'object' } });
      assert.equal((await db.put(card('c-1'))).revision, 1);
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('serves static files from --static next to the API', async () => {
    const dir = join(tmp.dir, 'static');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
    const server = await startServer({ db: tmp.db + '-s', args: ['--static', dir] });
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<title>demo<\/title>/);
      assert.equal((await fetch(`${server.url}/index.html`)).status, 200);
      assert.equal((await fetch(`${server.url}/missing.js`)).status, 404);
      assert.equal((await fetch(`${server.api}/cards`)).status, 200);
    } finally {
      await server.kill('SIGTERM');
    }
  });

  it('keeps data across a restart (SIGTERM, then the same file)', async () => {
    let server = await startServer({ db: tmp.db });
    const db = new RestAdapter({ baseUrl: server.api });
    await db.publishSchema({ schemaId: 'client', schema: { type: 'object' } });
    await db.put(card('c-1', { data: { name: 'kept' } }));
    await server.kill('SIGTERM');
    assert.equal(server.child.exitCode, 0, 'SIGTERM closes cleanly');
    server = await startServer({ db: tmp.db });
    try {
      const again = new RestAdapter({ baseUrl: server.api });
      assert.deepEqual((await again.get('c-1')).data, { name: 'kept' });
      assert.equal((await again.history('c-1')).length, 1);
    } finally {
      await server.kill('SIGTERM');
    }
  });
});
