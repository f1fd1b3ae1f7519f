// Attacks on authentication itself, against the real server process: guessing keys and tokens is
// held to a few tries per client address (and never locks out the owner at another address), and
// a server reachable beyond loopback starts only with some authentication configured — API keys
// in its database included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { createKey, rawRequest, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const TOKEN = 'the-real-bootstrap-token';

describe('failed authentications per client address', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let key: string;
  before(async () => {
    key = await createKey(tmp.db, ['editor'], 'default', 'Owner');
    server = await startServer({ db: tmp.db, env: { KARTOCHKA_TOKEN: TOKEN }, args: ['--auth-failures', '3'] });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  /** A request from `from` (an address of 127.0.0.0/8) with `bearer`. */
  const call = (from: string, bearer: string, method = 'GET', path = '/api/cards/c-1', body?: unknown) =>
    rawRequest(
      server,
      path,
      { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', 'Accept-Language': 'ru' },
      { method, body: body === undefined ? undefined : JSON.stringify(body), localAddress: from },
    );

  it('answers 429 with Retry-After once an address has failed too often, even to a right guess; other addresses and stored data are untouched', async () => {
    const admin = (method: string, path: string, body?: unknown) => call('127.0.0.1', TOKEN, method, path, body);
    assert.equal((await admin('POST', '/api/schemas/client/versions', { schema: { type: 'object' } })).status, 201);
    assert.equal((await admin('PUT', '/api/cards/c-1', card('c-1', { data: { name: 'kept' } }))).status, 201);

    // The attacker, at 127.0.0.3: three wrong guesses (a key, a token, a write) are plain 401s …
    const attacker = '127.0.0.3';
    const guesses = [`kc_0123456789abcdef_${'A'.repeat(43)}`, 'guess-token', 'another-guess'];
    assert.equal((await call(attacker, guesses[0]!)).status, 401);
    assert.equal((await call(attacker, guesses[1]!)).status, 401);
    assert.equal((await call(attacker, guesses[2]!, 'PUT', '/api/cards/c-1', card('c-1', { data: { name: 'evil' } }))).status, 401);
    // … then every credential from that address is refused unchecked, the right one too.
    const held = await call(attacker, 'fourth-guess');
    assert.equal(held.status, 429);
    const retryAfter = Number(held.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const body = JSON.parse(held.body) as { error: { messageKey: string }; errors: { keyword: string; message: string }[] };
    assert.equal(body.errors[0]!.keyword, 'tooManyFailedSignIns');
    assert.match(body.errors[0]!.message, /неудачных входов/);
    assert.equal(
      (await call(attacker, TOKEN, 'PUT', '/api/cards/c-1', card('c-1', { data: { name: 'evil' } }))).status,
      429,
      'a right guess is not even checked',
    );
    assert.equal((await call(attacker, key)).status, 429);

    // The key's owner at another address signs in as usual; the stored card is unchanged.
    const owner = await call('127.0.0.2', key);
    assert.equal(owner.status, 200);
    assert.equal(JSON.parse(owner.body).data.name, 'kept');
    assert.equal(JSON.parse(owner.body).revision, 1);
    const history = JSON.parse((await call('127.0.0.2', key, 'GET', '/api/cards/c-1/history')).body) as { items: unknown[] };
    assert.equal(history.items.length, 1, 'no write went through');
    // /health needs no credential and stays open.
    assert.equal((await rawRequest(server, '/health', {}, { localAddress: attacker })).status, 200);
    // The log says who was held back, never what they sent.
    assert.match(server.stderr(), /too many failed authentications from 127\.0\.0\.3/);
    for (const secret of [...guesses, TOKEN, key]) assert.ok(!server.stderr().includes(secret), 'no credential in the log');
  });

  it('does not count requests without credentials (a page before sign-in is no guesser)', async () => {
    const from = '127.0.0.4';
    for (let i = 0; i < 5; i++) assert.equal((await rawRequest(server, '/api/cards', {}, { localAddress: from })).status, 401);
    assert.equal((await call(from, key, 'GET', '/api/cards')).status, 200);
  });
});

describe('listening beyond loopback', () => {
  it('refuses with nothing configured, and starts with only API keys created by `keys create`', async () => {
    const tmp = tempDb();
    try {
      await assert.rejects(
        startServer({ db: tmp.db, args: ['--host', '0.0.0.0'], testHooks: false }),
        /refusing to listen on 0\.0\.0\.0 without authentication/,
      );
      const key = await createKey(tmp.db, ['viewer'], 'default', 'Reader');
      const server = await startServer({ db: tmp.db, args: ['--host', '0.0.0.0'], testHooks: false });
      try {
        assert.equal((await rawRequest(server, '/api/cards')).status, 401, 'keys exist: the server is not open');
        assert.equal((await rawRequest(server, '/api/cards', { Authorization: `Bearer ${key}` })).status, 200);
      } finally {
        await server.kill('SIGTERM');
      }
    } finally {
      await tmp.cleanup();
    }
  });
});
