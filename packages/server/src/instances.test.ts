// Several server instances on one PostgreSQL database (PostgreSQL pass only): two real server
// processes; a save through one reaches the other's event stream (LISTEN/NOTIFY, pg-feed.ts);
// killing one (SIGKILL, mid-writes) loses no acknowledged write and the other keeps serving.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { onPostgres, rawSql } from './test-support/backend.js';
import { startServer, tempDb, type ServerProcess } from './test-support/process.js';

interface Change {
  type: string;
  id: string;
  revision: number;
  client?: string;
}

/** Opens `GET /api/events` and resolves once the stream said `ready`; `changes` fills as frames arrive. */
async function openStream(
  server: ServerProcess,
): Promise<{ changes: Change[]; next(n: number, ms?: number): Promise<void>; done: Promise<void>; close(): void }> {
  const abort = new AbortController();
  const res = await fetch(`${server.api}/events`, { signal: abort.signal });
  assert.equal(res.status, 200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const changes: Change[] = [];
  let buffer = '';
  let wake: (() => void) | undefined;
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return wake?.();
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'ready') ready();
        if (event === 'change' && data) changes.push(JSON.parse(data) as Change);
      }
      wake?.();
    }
  })();
  await isReady;
  return {
    changes,
    done,
    async next(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (changes.length < n) {
        if (Date.now() > until) throw new Error(`only ${changes.length} of ${n} changes arrived`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 200);
        });
      }
    },
    close: () => abort.abort(),
  };
}

const put = (server: ServerProcess, id: string, body: object, revision?: number, client?: string): Promise<Response> =>
  fetch(`${server.api}/cards/${id}`, {
    method: 'PUT',
    headers: {
      'Content-Type': 'application/json',
      ...(revision === undefined ? {} : { 'If-Match': `"${revision}"` }),
      ...(client === undefined ? {} : { 'X-Kartochka-Client': client }),
    },
    body: JSON.stringify(body),
  });

describe(
  'two server instances on one PostgreSQL database',
  { skip: !onPostgres && 'PostgreSQL pass only (KARTOCHKA_TEST_BACKEND=postgres)' },
  () => {
    const tmp = tempDb();
    let a: ServerProcess;
    let b: ServerProcess;
    before(async () => {
      [a, b] = await Promise.all([startServer({ db: tmp.db }), startServer({ db: tmp.db })]);
      const published = await fetch(`${a.api}/schemas/client/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schema: { type: 'object' } }),
      });
      assert.equal(published.status, 201);
    });
    after(async () => {
      await Promise.all([a.kill('SIGTERM'), b.kill('SIGTERM')]);
      await tmp.cleanup();
    });

    it("a save through one instance appears on the other's event stream (ids and revisions)", async () => {
      const onB = await openStream(b);
      const onA = await openStream(a);
      // A deployment in another schema of the same database hears nothing of these.
      const [elsewhere, elsewhere2] = await Promise.all([
        startServer({ db: `${tmp.db}-elsewhere` }),
        startServer({ db: `${tmp.db}-elsewhere` }),
      ]);
      const onElsewhere = await openStream(elsewhere);
      try {
        assert.equal((await put(a, 'x-1', card('x-1'))).status, 201);
        assert.equal((await put(b, 'x-1', card('x-1', { title: 'second' }), 1)).status, 200);
        const del = await fetch(`${a.api}/cards/x-1`, { method: 'DELETE', headers: { 'If-Match': '"2"' } });
        assert.equal(del.status, 200);
        await onB.next(3);
        await onA.next(3);
        const seen = (s: { changes: Change[] }) => s.changes.map((c) => [c.type, c.id, c.revision]);
        const expected = [
          ['put', 'x-1', 1],
          ['put', 'x-1', 2],
          ['delete', 'x-1', 2],
        ];
        assert.deepEqual(seen(onB), expected, 'b hears a’s writes and its own, in order, each once');
        assert.deepEqual(seen(onA), expected);
        assert.deepEqual(Object.keys(onB.changes[0]!).sort(), ['id', 'revision', 'type'], 'no card data in a notice');
        // PostgreSQL delivers notifications in commit order: once a save through the other schema's
        // second instance reaches `elsewhere`, ours would have reached it before, had they leaked.
        const schema = await fetch(`${elsewhere2.api}/schemas/client/versions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ schema: { type: 'object' } }),
        });
        assert.equal(schema.status, 201);
        assert.equal((await put(elsewhere2, 'mine', card('mine'))).status, 201);
        await onElsewhere.next(1);
        assert.deepEqual(
          onElsewhere.changes.map((c) => c.id),
          ['mine'],
          'channels are per schema',
        );
      } finally {
        onA.close();
        onB.close();
        onElsewhere.close();
        await Promise.all([elsewhere.kill('SIGTERM'), elsewhere2.kill('SIGTERM')]);
      }
    });

    it("a change heard from the other instance carries the writing client's id, so the client skips its own echo", async () => {
      const onB = await openStream(b);
      const onA = await openStream(a);
      try {
        assert.equal((await put(a, 'own-1', card('own-1'), undefined, 'tab-1')).status, 201);
        assert.equal((await put(a, 'own-1', card('own-1', { title: 'again' }), 1)).status, 200);
        const del = await fetch(`${a.api}/cards/own-1`, {
          method: 'DELETE',
          headers: { 'If-Match': '"2"', 'X-Kartochka-Client': 'tab-2' },
        });
        assert.equal(del.status, 200);
        await onB.next(3);
        await onA.next(3);
        const expected = [
          { type: 'put', id: 'own-1', revision: 1, client: 'tab-1' },
          { type: 'put', id: 'own-1', revision: 2 },
          { type: 'delete', id: 'own-1', revision: 2, client: 'tab-2' },
        ];
        assert.deepEqual(onB.changes, expected, 'the other instance (LISTEN/NOTIFY) passes the client id on, and only when one was sent');
        assert.deepEqual(onA.changes, expected, 'the writing instance says the same');
      } finally {
        onA.close();
        onB.close();
      }
    });

    it("a listener connection cut by the database ends the other instance's streams; new ones hear changes again", async () => {
      const onB = await openStream(b);
      let ended = false;
      void onB.done.then(() => (ended = true));
      // Cut every listener of this test's schema (both instances'), as a database restart would.
      const schema = new URL(tmp.db).searchParams.get('schema')!;
      const cut = await rawSql(tmp.db, 'SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = ?', [
        `kartochka-listen:${schema}`,
      ]);
      assert.ok(cut.length >= 2, 'both instances listen');
      await onB.done;
      assert.ok(ended, 'the open stream ended: its client reconnects and re-reads');
      // Reconnected (with backoff): a save through a reaches a new stream on b.
      const until = Date.now() + 15_000;
      for (let n = 0; ; n++) {
        const again = await openStream(b);
        assert.equal((await put(a, `after-cut-${n}`, card(`after-cut-${n}`))).status, 201);
        // A stream opened before the listener was back is ended too (it may have missed notices).
        const heard = await again.next(1, 1000).then(
          () => true,
          () => false,
        );
        again.close();
        if (heard) break;
        assert.ok(Date.now() < until, 'b hears a again after reconnecting');
      }
    });

    it('killing one instance mid-writes loses no acknowledged write; the other keeps serving', async () => {
      const acked = new Map<string, number>();
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop; i++) {
          const id = `k-${i % 5}`;
          try {
            const res = await put(a, id, card(id, { data: { n: i } }));
            if (res.ok) acked.set(id, ((await res.json()) as { revision: number }).revision);
          } catch {
            return; // the instance is gone: this write was never acknowledged
          }
        }
      })();
      while (acked.size < 5 || [...acked.values()].reduce((x, y) => x + y, 0) < 15) await new Promise((r) => setTimeout(r, 10));
      await a.kill('SIGKILL');
      stop = true;
      await writer;
      for (const [id, revision] of acked) {
        const res = await fetch(`${b.api}/cards/${id}`);
        assert.equal(res.status, 200, id);
        const stored = (await res.json()) as { revision: number };
        assert.ok(stored.revision >= revision, `${id}: acknowledged revision ${revision}, stored ${stored.revision}`);
      }
      assert.equal((await put(b, 'after', card('after'))).status, 201, 'the survivor still writes');
      assert.equal((await fetch(`${b.api}/cards/after`)).status, 200);
    });
  },
);
