// Faults against the real server process: crashes mid-save, restarts, 5xx answers, slow answers,
// concurrent writers. Faults are injected through the test-only hooks (test-support/test-cli.ts).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ConflictError, RestAdapter, UnavailableError, type CardRecord } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Patient enough to outlast a restart of the server process (~1–2 s with tsx). */
const patient = (api: string): RestAdapter =>
  new RestAdapter({ baseUrl: api, attempts: 25, backoff: { baseMs: 100, maxMs: 500 }, timeoutMs: 8000 });

describe('crash and restart mid-save', () => {
  const tmp = tempDb();
  after(() => tmp.cleanup());
  let n = 0;

  async function crashDuringWrite(phase: 'before' | 'after'): Promise<{ db: string; port: number; server: ServerProcess }> {
    const db = `${tmp.db}-${++n}`;
    const server = await startServer({ db });
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    await hook(server, 'faults', { delay: 1, delayMs: 5000, delayPhase: phase, writesOnly: true });
    return { db, port: server.port, server };
  }

  it('killed before the commit, restarted on the same port: the retried conditional PUT lands once', async () => {
    const { db, port, server } = await crashDuringWrite('before');
    const client = patient(server.api);
    const saving = client.put(card('c-1', { data: { name: 'mine' } }), { expectedRevision: 0 });
    await sleep(300);
    await server.kill('SIGKILL');
    const again = await startServer({ db, port });
    try {
      const saved = await saving;
      assert.equal(saved.revision, 1);
      assert.deepEqual((await client.get('c-1')).data, { name: 'mine' });
      assert.equal((await client.history('c-1')).length, 1);
    } finally {
      await again.kill('SIGTERM');
    }
  });

  it('killed after the commit but before the answer: the retry recognises its own write, no double revision', async () => {
    const { db, port, server } = await crashDuringWrite('after');
    // Create revision 1 first (it consumes no delay: the fault is armed for the next write only after).
    await hook(server, 'faults', {});
    const client = patient(server.api);
    await client.put(card('c-1', { data: { name: 'v1' } }));
    await hook(server, 'faults', { delay: 1, delayMs: 5000, delayPhase: 'after', writesOnly: true });
    const saving = client.put(card('c-1', { data: { name: 'v2' } }), { expectedRevision: 1 });
    await sleep(300);
    await server.kill('SIGKILL');
    const again = await startServer({ db, port });
    try {
      const saved = await saving;
      assert.equal(saved.revision, 2);
      assert.deepEqual(saved.data, { name: 'v2' });
      const history = await client.history('c-1');
      assert.deepEqual(
        history.map((h) => h.revision),
        [1, 2],
        'written exactly once',
      );
    } finally {
      await again.kill('SIGTERM');
    }
  });

  it('an unconditional PUT cut off mid-flight is reported (UnavailableError), not repeated', async () => {
    const { db, port, server } = await crashDuringWrite('before');
    const client = patient(server.api);
    // The outcome is captured at once: the rejection may come while the kill is still being awaited.
    const outcome = client.put(card('c-1', { data: { name: 'lww' } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    await sleep(300);
    await server.kill('SIGKILL');
    const error = await outcome;
    assert.ok(error instanceof UnavailableError, String(error));
    assert.match(error.message, /PUT \/api\/cards\/c-1 failed after 1 attempt/);
    const again = await startServer({ db, port });
    try {
      // The caller was told; the card was never half-written.
      assert.equal((await client.list()).total, 0);
    } finally {
      await again.kill('SIGTERM');
    }
  });

  it('a server that stays down gives UnavailableError after the configured attempts', async () => {
    const { server } = await crashDuringWrite('before');
    await server.kill('SIGKILL');
    const client = new RestAdapter({ baseUrl: server.api, attempts: 3, backoff: { baseMs: 10, maxMs: 20 } });
    const started = Date.now();
    const error = await client.put(card('c-1'), { expectedRevision: 0 }).catch((e: unknown) => e);
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /failed after 3 attempt\(s\).*ECONNREFUSED/);
    assert.ok(Date.now() - started < 2000);
    const read = await client.get('c-1').catch((e: unknown) => e);
    assert.ok(read instanceof UnavailableError);
  });
});

describe('5xx and slow answers', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => {
    server = await startServer({ db: tmp.db });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(() => hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS }));
  const quick = (extra: Partial<ConstructorParameters<typeof RestAdapter>[0]> = {}): RestAdapter =>
    new RestAdapter({ baseUrl: server.api, attempts: 4, backoff: { baseMs: 10, maxMs: 40 }, ...extra });

  it('retries reads and conditional writes through 500s', async () => {
    const db = quick();
    await hook(server, 'faults', { fail: 3 });
    assert.equal((await db.put(card('c-1'), { expectedRevision: 0 })).revision, 1);
    await hook(server, 'faults', { fail: 2, failStatus: 503 });
    assert.equal((await db.get('c-1')).revision, 1);
    assert.equal((await db.history('c-1')).length, 1, 'the retried write landed once');
  });

  it('gives up with UnavailableError when the 500s outlast the attempts', async () => {
    const db = quick({ attempts: 3 });
    await hook(server, 'faults', { fail: 10 });
    const error = await db.list().catch((e: unknown) => e);
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /HTTP 500/);
  });

  it('does not repeat a schema publication after a 500 (it may have been applied)', async () => {
    const db = quick();
    await hook(server, 'faults', { fail: 1 });
    const error = await db.publishSchema({ schemaId: 'visit', schema: { type: 'object' } }).catch((e: unknown) => e);
    assert.ok(error instanceof UnavailableError);
    assert.deepEqual(await db.listSchemaVersions('visit'), [], 'not published twice, nor once by a hidden retry');
  });

  it('times out a slow answer and retries a read', async () => {
    const db = quick({ timeoutMs: 300 });
    await db.put(card('c-1'));
    await hook(server, 'faults', { delay: 1, delayMs: 2000 });
    const started = Date.now();
    assert.equal((await db.get('c-1')).id, 'c-1');
    assert.ok(Date.now() - started < 1500, 'did not wait for the slow answer');
  });

  it('reports UnavailableError when every attempt is too slow', async () => {
    const db = quick({ timeoutMs: 150, attempts: 2 });
    await hook(server, 'faults', { delay: 2, delayMs: 1000 });
    const error = await db.get('c-1').catch((e: unknown) => e);
    assert.ok(error instanceof UnavailableError);
    assert.match(error.message, /no answer within 150 ms/);
  });

  it('a write committed but answered too late: the retry recognises it, one revision', async () => {
    const db = quick({ timeoutMs: 300 });
    await hook(server, 'faults', { delay: 1, delayMs: 1000, delayPhase: 'after', writesOnly: true });
    const saved = await db.put(card('c-1', { data: { name: 'late' } }), { expectedRevision: 0 });
    assert.equal(saved.revision, 1);
    assert.equal((await db.history('c-1')).length, 1);
  });

  it('cancels a slow request with an AbortSignal', async () => {
    const db = quick();
    await hook(server, 'faults', { delay: 1, delayMs: 2000 });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(db.list({}, { signal: controller.signal }), { name: 'AbortError' });
    assert.ok(Date.now() - started < 1000);
  });

  it('lets exactly one of several concurrent writers win; the others get ConflictError with the winner', async () => {
    const writers = Array.from({ length: 6 }, () => quick());
    await writers[0]!.put(card('c-1', { data: { name: 'base' } }));
    const results = await Promise.allSettled(
      writers.map((w, i) => w.put(card('c-1', { data: { name: `writer ${i}` } }), { expectedRevision: 1 })),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<CardRecord> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 5);
    for (const r of lost) {
      assert.ok(r.reason instanceof ConflictError);
      assert.deepEqual(r.reason.current, won[0]!.value, 'the conflict carries the stored (winning) card');
    }
    assert.equal((await writers[0]!.get('c-1')).revision, 2);
  });
});
