// Event-stream attacks on the real server process: many streams from one client, streams that
// never read while cards are saved. Loopback only; 127.0.0.2 and 127.0.0.3 (also loopback on
// Linux) stand in for other clients.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

interface OpenStream {
  status: number;
  req: ClientRequest;
  /** Stops reading: the socket's buffers fill and the server must not buffer for us. */
  stall(): void;
  close(): void;
}

function openStream(server: ServerProcess, localAddress = '127.0.0.1'): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', localAddress }, (res) => {
      resolve({
        status: res.statusCode ?? 0,
        req,
        stall: () => res.pause(),
        close: () => req.destroy(),
      });
      if (res.statusCode !== 200) res.resume();
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.end();
  });
}

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

describe('event streams', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  const open: OpenStream[] = [];
  before(async () => {
    server = await startServer({ db: tmp.db, args: ['--max-streams', '4', '--max-streams-per-key', '3', '--rate-limit', '0'] });
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
  });
  after(async () => {
    for (const s of open) s.close();
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it('caps streams per client (429, Retry-After) and in total (503)', async () => {
    for (let i = 0; i < 3; i++) open.push(await openStream(server));
    assert.deepEqual(
      open.map((s) => s.status),
      [200, 200, 200],
    );
    const fourth = await openStream(server);
    assert.equal(fourth.status, 429);
    open.push(await openStream(server, '127.0.0.2'));
    assert.equal(open.at(-1)!.status, 200, 'another client still gets one');
    const overTotal = await openStream(server, '127.0.0.3');
    assert.equal(overTotal.status, 503);
  });

  it('streams that never read do not slow saves or grow memory; closing them frees their slots', async () => {
    for (const s of open) s.stall();
    const before = rssMb(server.child.pid!);
    const started = performance.now();
    const big = 'x'.repeat(180);
    for (let round = 0; round < 40; round++) {
      await Promise.all(
        Array.from({ length: 25 }, async (_, i) => {
          const id = `${big}-${i}`;
          const res = await fetch(`${server.api}/cards/${id}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(card(id, { data: { n: round } })),
          });
          assert.ok(res.status === 200 || res.status === 201, `save ${res.status}`);
          await res.body?.cancel();
        }),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    const grown = rssMb(server.child.pid!) - before;
    assert.ok(grown < 150, `1,000 saves with 4 stalled streams grew the server by ${grown.toFixed(0)} MB`);
    assert.ok(seconds < 60, `1,000 saves took ${seconds.toFixed(1)} s`);
    const list = (await (await fetch(`${server.api}/cards?limit=100`)).json()) as { total: number };
    assert.equal(list.total, 25);
    for (const s of open.splice(0)) s.close();
    // Slots come back as the server notices the closed sockets.
    for (let attempt = 0; ; attempt++) {
      const again = await openStream(server);
      open.push(again);
      if (again.status === 200) break;
      again.close();
      assert.ok(attempt < 100, 'slots were never released');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
});
