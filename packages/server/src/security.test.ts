// Attacks on the real server process (spawned CLI on 127.0.0.1, ephemeral port), as a client
// could make them. Each asserts the refusal, that the stored data is unchanged (read back), and
// that the server is not blocked: a concurrent request completes while the attack runs.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { RestAdapter } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { CONFORMANCE_SCHEMAS, hook, rawRequest, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** A request that must finish within `ms` (generous: the machine is shared), or the test fails. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms: the server is blocked`)), ms)),
  );
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The attack and a health check sent right after it: the health check must not wait for it. */
async function notBlockedBy<T>(server: ServerProcess, attack: Promise<T>): Promise<T> {
  const health = await within(5000, 'GET /health during the attack', fetch(`${server.url}/health`));
  assert.equal(health.status, 200);
  return within(20_000, 'the attack request', attack);
}

const put = (server: ServerProcess, id: string, body: unknown, headers: Record<string, string> = JSON_HEADERS): Promise<Response> =>
  fetch(`${server.api}/cards/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const publish = (
  server: ServerProcess,
  schemaId: string,
  schema: unknown,
  headers: Record<string, string> = JSON_HEADERS,
): Promise<Response> => fetch(`${server.api}/schemas/${schemaId}/versions`, { method: 'POST', headers, body: JSON.stringify({ schema }) });

async function errorsOf(res: Response): Promise<{ keyword: string; message: string; params?: Record<string, unknown> }[]> {
  return ((await res.json()) as { errors: { keyword: string; message: string }[] }).errors;
}

/** `d0: {allOf: [{$ref: d1}, {$ref: d1}]}`, … : 2^n subschemas from ~60 n bytes. */
function doublingSchema(n: number): object {
  const $defs: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) $defs[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
  $defs[`d${n}`] = { type: 'string', minLength: 1 };
  return { type: 'object', properties: { name: { $ref: '#/$defs/d0' } }, $defs };
}

/** A raw HTTP/1.1 request with any Host header (fetch does not let a caller set one). */

describe('hostile schemas and cards', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => (server = await startServer({ db: tmp.db })));
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(() => hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS }));

  it('a catastrophic-backtracking pattern cannot freeze the server (RE2)', async () => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } } };
    assert.equal((await publish(server, 'redos', schema)).status, 201);
    // With a backtracking engine each `a` doubles the work: 40 of them would run for days.
    const attack = put(server, 'c-1', card('c-1', { schemaId: 'redos', data: { code: `${'a'.repeat(40)}!` } }));
    const res = await notBlockedBy(server, attack);
    assert.equal(res.status, 422);
    assert.deepEqual(
      (await errorsOf(res)).map((e) => e.keyword),
      ['pattern'],
    );
    assert.equal((await fetch(`${server.api}/cards/c-1`)).status, 404, 'nothing stored');
    assert.equal((await put(server, 'c-1', card('c-1', { schemaId: 'redos', data: { code: 'aaaa' } }))).status, 201);
  });

  it('a pattern RE2 cannot run (lookahead, backreference) is a 422 at publication', async () => {
    for (const pattern of ['^(?=.*\\d).+$', '^(a)\\1$']) {
      const res = await publish(server, 'lookaround', { type: 'object', properties: { p: { type: 'string', pattern } } });
      assert.equal(res.status, 422, pattern);
      assert.equal((await errorsOf(res))[0]!.keyword, 'compile');
    }
    const versions = (await (await fetch(`${server.api}/schemas/lookaround/versions`)).json()) as { items: unknown[] };
    assert.deepEqual(versions.items, []);
  });

  it('a schema of doubling $refs is refused at publication, naming the limit', async () => {
    const schema = doublingSchema(30);
    assert.ok(JSON.stringify(schema).length < 2500, 'a small schema…');
    const res = await notBlockedBy(server, publish(server, 'bomb', schema));
    assert.equal(res.status, 422);
    const [error] = await errorsOf(res);
    assert.equal(error!.keyword, 'maxSchemaExpansion');
    assert.match(error!.message, /expands .* more than 20000 subschemas/);
    assert.equal((await fetch(`${server.api}/schemas/bomb/latest`)).status, 404, 'not published');
    // The same shape within the budget is fine.
    assert.equal((await publish(server, 'bomb', doublingSchema(5))).status, 201);
  });

  it("an oversized schema is refused with 422 maxSchemaSize (in the caller's language)", async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 6000 }, (_, i) => [`field${i}`, { type: 'string', title: `Field number ${i}` }]),
    );
    const res = await publish(server, 'huge', { type: 'object', properties }, { ...JSON_HEADERS, 'Accept-Language': 'ru' });
    assert.equal(res.status, 422);
    const [error] = await errorsOf(res);
    assert.equal(error!.keyword, 'maxSchemaSize');
    assert.match(error!.message, /Схема занимает \d+ байт, предел — 262144/);
  });

  it('a card nested 4,000 levels deep is a 400 before anything is stored; the card stays usable', async () => {
    assert.equal((await put(server, 'deep', card('deep', { data: { name: 'ok' } }))).status, 201);
    const deep = `{"id":"deep","schemaId":"client","schemaVersion":1,"data":${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}}`;
    const res = await notBlockedBy(server, put(server, 'deep', deep));
    assert.equal(res.status, 400);
    assert.equal((await errorsOf(res))[0]!.keyword, 'maxDepth');
    const stored = (await (await fetch(`${server.api}/cards/deep`)).json()) as { revision: number; data: unknown };
    assert.deepEqual([stored.revision, stored.data], [1, { name: 'ok' }], 'unchanged');
    const again = await put(server, 'deep', card('deep', { data: { name: 'still saves' } }), { ...JSON_HEADERS, 'If-Match': '"1"' });
    assert.equal(again.status, 200);
  });

  it('a cross-site text/plain POST cannot publish a schema (415)', async () => {
    const res = await fetch(`${server.api}/schemas/evil/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'http://attacker.example' },
      body: JSON.stringify({ schema: { type: 'object' } }),
    });
    assert.equal(res.status, 415);
    assert.equal((await errorsOf(res))[0]!.keyword, 'unsupportedMediaType');
    assert.equal((await fetch(`${server.api}/schemas/evil/latest`)).status, 404);
    const noType = await put(server, 'c-1', card('c-1'), {});
    assert.equal(noType.status, 415);
    assert.equal((await fetch(`${server.api}/cards/c-1`)).status, 404);
  });

  it('ids and list bounds are checked: long or control-character ids 400, limit capped, a next link', async () => {
    assert.equal((await put(server, 'x'.repeat(201), card('x'.repeat(201)))).status, 400);
    assert.equal((await put(server, 'a\nb', card('a\nb'))).status, 400);
    assert.equal((await fetch(`${server.api}/cards/${'y'.repeat(300)}`)).status, 400);
    assert.equal((await fetch(`${server.api}/cards?limit=1000000`)).status, 400);
    const list = (await (await fetch(`${server.api}/cards`)).json()) as { items: unknown[]; total: number; limit: number };
    assert.deepEqual([list.items.length, list.total, list.limit], [0, 0, 1000]);
  });
});

describe('who may reach the server', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => (server = await startServer({ db: tmp.db, args: ['--allowed-host', 'cards.internal', '--list-limit', '2'] })));
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it('refuses a foreign Host (DNS rebinding), answers loopback names and --allowed-host', async () => {
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    assert.equal((await put(server, 'c-1', card('c-1', { data: { name: 'mine' } }))).status, 201);
    const evil = await rawRequest(server, '/api/cards/c-1', { Host: 'attacker.example' });
    assert.equal(evil.status, 421);
    assert.doesNotMatch(evil.body, /mine/);
    assert.equal((await rawRequest(server, '/api/cards/c-1', { Host: `attacker.example:${server.port}` })).status, 421);
    assert.equal((await rawRequest(server, '/api/cards/c-1', { Host: `localhost:${server.port + 1}` })).status, 421, 'another port');
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, `cards.internal:${server.port}`]) {
      assert.equal((await rawRequest(server, '/api/cards/c-1', { Host: host })).status, 200, host);
    }
  });

  it('pages a list beyond --list-limit with a next link', async () => {
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    for (const id of ['a', 'b', 'c']) assert.equal((await put(server, id, card(id))).status, 201);
    const first = (await (await fetch(`${server.api}/cards?sort=id`)).json()) as { items: { id: string }[]; total: number; next: string };
    assert.deepEqual([first.items.map((c) => c.id), first.total], [['a', 'b'], 3]);
    const second = (await (await fetch(`${server.url}${first.next}`)).json()) as { items: { id: string }[]; next?: string };
    assert.deepEqual([second.items.map((c) => c.id), second.next], [['c'], undefined]);
    // RestAdapter asked for everything follows the pages.
    const all = await new RestAdapter({ baseUrl: server.api }).list({ sort: { field: 'id', direction: 'asc' } });
    assert.deepEqual([all.items.map((c) => c.id), all.total], [['a', 'b', 'c'], 3]);
  });

  it('test hooks need their token: without it, no reset', async () => {
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    assert.equal((await put(server, 'keep', card('keep'))).status, 201);
    const bare = await fetch(`${server.url}/__test/reset`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    assert.equal(bare.status, 401);
    const wrong = await fetch(`${server.url}/__test/reset`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'X-Kartochka-Test-Token': 'guess' },
      body: '{}',
    });
    assert.equal(wrong.status, 401);
    assert.equal((await fetch(`${server.api}/cards/keep`)).status, 200, 'data unchanged');
  });
});

describe('a normal start', () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());

  it('mounts no test hooks, whatever the environment says', async () => {
    const server = await startServer({ db: tmp.db, testHooks: false, env: { KARTOCHKA_TEST_HOOKS: '1', KARTOCHKA_TEST_HOOKS_TOKEN: 't' } });
    try {
      assert.equal((await publish(server, 'client', { type: 'object' })).status, 201);
      assert.equal((await put(server, 'keep', card('keep'))).status, 201);
      for (const token of ['', 't']) {
        const res = await fetch(`${server.url}/__test/reset`, {
          method: 'POST',
          headers: { ...JSON_HEADERS, 'X-Kartochka-Test-Token': token },
          body: '{}',
        });
        assert.equal(res.status, 404);
      }
      assert.equal((await fetch(`${server.api}/cards/keep`)).status, 200, 'data unchanged');
    } finally {
      await server.kill('SIGTERM');
    }
  });
});

describe('rate limits', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => (server = await startServer({ db: tmp.db, args: ['--rate-limit', '5'] })));
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it('answers 429 with Retry-After past the limit; /health stays open', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await fetch(`${server.api}/cards`);
      statuses.push(last.status);
      if (last.status === 200) await last.body?.cancel();
    }
    assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
    assert.equal(statuses[6], 429);
    assert.ok(Number(last!.headers.get('retry-after')) >= 1);
    assert.equal((await errorsOf(last!))[0]!.keyword, 'rateLimited');
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
  });
});
