// Live changes (GET /api/events) between two RestAdapters and the real server process: another
// client's writes reach a watcher with remote: true, one's own writes are not echoed, and the
// stream comes back after the server is killed and restarted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RestAdapter, type ChangeEvent } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { createServer } from './server.js';
import { CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

/** Resolves once `probe` is true (polling), or fails after `ms`. */
async function eventually(probe: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live changes over GET /api/events (real server process)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => {
    server = await startServer({ db: tmp.db });
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it("tells a watcher about another client's puts and deletes (remote), and never echoes one's own", async () => {
    const a = new RestAdapter({ baseUrl: server.api });
    const b = new RestAdapter({ baseUrl: server.api });
    const seenByA: ChangeEvent[] = [];
    const seenByB: ChangeEvent[] = [];
    const offA = a.watch('*', (e) => seenByA.push(e));
    const offB = b.watch('live-1', (e) => seenByB.push(e));
    // The streams open asynchronously; a write before b listens would be missed (not replayed).
    await new Promise((r) => setTimeout(r, 300));
    await a.put(card('live-1'));
    await a.put(card('live-1', { title: 'second' }), { expectedRevision: 1 });
    await a.put(card('other'));
    await a.delete('live-1');
    await eventually(() => seenByB.length === 3, 'b hears two puts and a delete of live-1');
    assert.deepEqual(
      seenByB.map((e) => [e.type, e.id, e.revision, e.remote]),
      [
        ['put', 'live-1', 1, true],
        ['put', 'live-1', 2, true],
        ['delete', 'live-1', 2, true],
      ],
    );
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(
      seenByA.map((e) => [e.type, e.id, e.remote]),
      [
        ['put', 'live-1', false],
        ['put', 'live-1', false],
        ['put', 'other', false],
        ['delete', 'live-1', false],
      ],
      'a sees its own writes once, locally, not again from the stream',
    );
    offA();
    offB();
    await a.close();
    await b.close();
  });

  it('reconnects after the server is killed and restarted', async () => {
    const b = new RestAdapter({ baseUrl: server.api, backoff: { baseMs: 50, maxMs: 200 } });
    const seen: ChangeEvent[] = [];
    b.watch('*', (e) => seen.push(e));
    await new Promise((r) => setTimeout(r, 300));
    const port = server.port;
    await server.kill('SIGKILL');
    server = await startServer({ db: tmp.db, port });
    const a = new RestAdapter({ baseUrl: server.api });
    // Writes keep going until one arrives through the re-opened stream.
    for (let i = 0; !seen.some((e) => e.id.startsWith('after-restart')); i++) {
      assert.ok(i < 50, 'the stream came back within ~5 s');
      await a.put(card(`after-restart-${i}`));
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(seen.find((e) => e.id.startsWith('after-restart'))!.remote, true);
    await a.close();
    await b.close();
  });

  it('is behind the bearer token like the rest of the API', async () => {
    const secured = await startServer({ db: tmp.db + '-token', env: { KARTOCHKA_TOKEN: 's3cret-token' } });
    try {
      const anonymous = await fetch(`${secured.api}/events`);
      assert.equal(anonymous.status, 401);
      await anonymous.body?.cancel();
      const headers = async () => ({ Authorization: 'Bearer s3cret-token' });
      const a = new RestAdapter({ baseUrl: secured.api, headers });
      await a.publishSchema({ schemaId: 'client', schema: { type: 'object' } });
      const b = new RestAdapter({ baseUrl: secured.api, headers });
      const seen: ChangeEvent[] = [];
      b.watch('*', (e) => seen.push(e));
      await new Promise((r) => setTimeout(r, 300));
      await a.put(card('tok-1'));
      await eventually(() => seen.length === 1, 'b hears the put through the authenticated stream');
      await a.close();
      await b.close();
    } finally {
      await secured.kill('SIGTERM');
    }
  });
});

describe('createServer: open event streams do not keep the server from closing', () => {
  it('close() ends the streams', async () => {
    const server = await createServer({ db: ':memory:', keepAliveMs: 60_000 });
    const res = await fetch(`${server.url}/api/events`);
    assert.equal(res.headers.get('content-type'), 'text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    assert.match(first, /event: ready/);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 5_000, 'closed without waiting for the keep-alive');
    await reader.cancel().catch(() => undefined);
  });
});
