#!/usr/bin/env node
// Throughput of the reference REST server over loopback: card reads/s and writes/s.
//
//   node bench/server.mjs [--json] [--duration 5] [--concurrency 16] [--pg-instances]
//
// --pg-instances: instead, writes/s on PostgreSQL (KARTOCHKA_TEST_PG, a fresh schema) through one
// server instance, then through two instances on the same database (the workers alternate between
// them), with p99 latency; goal: two instances ≥ 1.6× the writes/s of one.
//
// Starts the real server process (from source, through tsx) on 127.0.0.1 with a fresh temp
// database, publishes a schema, seeds cards, then runs two fixed-duration phases with a bounded
// number of requests in flight: GET /api/cards/:id, then PUT /api/cards/:id (validated against the
// schema, one SQLite transaction each). Prints markdown rows, or JSON with --json. Stops by itself.
import { spawn } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    duration: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    'pg-instances': { type: 'boolean', default: false },
  },
});
const PG_URL = process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
let DURATION_MS = Number(values.duration) * 1000;
const CONCURRENCY = Number(values.concurrency);
const CARDS = 500;
const THRESHOLDS = { reads: 1000, writes: 300 };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'kartochka-bench-'));
const log = (...a) => values.json || console.error(...a);

function start(db = join(dir, 'cards.sqlite')) {
  const child = spawn(
    process.execPath,
    ['--conditions=@kartochka/source', '--import', 'tsx', 'packages/server/src/cli.ts', '--db', db, '--port', '0', '--rate-limit', '0'],
    // One client measuring raw throughput: the per-identity rate limit is off (--rate-limit 0).
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KARTOCHKA_TOKEN: '' } },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start: ${err}`)), 30_000);
    child.once('exit', (code) => fail(new Error(`server exited (${code}): ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1] });
      }
    });
  });
}

const schema = {
  type: 'object',
  required: ['general'],
  properties: {
    general: {
      type: 'object',
      required: ['companyName', 'inn'],
      properties: {
        companyName: { type: 'string', minLength: 2, maxLength: 200 },
        inn: { type: 'string', pattern: '^[0-9]{10}([0-9]{2})?$' },
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', format: 'phone' },
      },
    },
    segment: { enum: ['b2b', 'b2c', 'gov'] },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    people: {
      type: 'array',
      items: { type: 'object', required: ['fullName'], properties: { fullName: { type: 'string' }, role: { type: 'string' } } },
    },
  },
};

function cardBody(i, n) {
  const segment = ['b2b', 'b2c', 'gov'][i % 3];
  return JSON.stringify({
    schemaId: 'client',
    schemaVersion: 1,
    title: `ООО Ромашка ${i}`,
    data: {
      general: { companyName: `ООО Ромашка ${i}`, inn: String(7700000000 + i), email: `c${i}@example.com`, phone: '+7 495 123-45-67' },
      segment,
      priority: (n % 5) + 1,
      people: [{ fullName: 'Иван Петров', role: 'CEO' }, { fullName: `Contact ${n}` }],
    },
    indexed: { segment, priority: (n % 5) + 1, manager: 'ivan' },
  });
}

// node:http with a keep-alive pool: a much lighter client than fetch, so more of the two shared
// cores go to the server being measured.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function call(url, method = 'GET', body) {
  return new Promise((ok, fail) => {
    const req = httpRequest(
      url,
      { method, agent, headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => ok(res.statusCode));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** The server's CPU time in ms (Linux /proc), or undefined elsewhere: a load-independent cost figure. */
function serverCpuMs() {
  try {
    let ms = 0;
    for (const s of [server, ...extraServers].filter(Boolean)) {
      const fields = readFileSync(`/proc/${s.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
    }
    return ms;
  } catch {
    return undefined;
  }
}

/** Busy and total jiffies of the whole machine (/proc/stat), or undefined elsewhere. */
function machineTicks() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = f[3] + f[4];
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** CPU ms of the PostgreSQL backends serving the bench's schema (their application_name), via /proc. */
let pgBackendPids = [];
function pgCpuMs() {
  let ms = 0;
  for (const pid of pgBackendPids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    } catch {
      // the backend ended (pool idle timeout): its CPU is lost from the sum
    }
  }
  return ms;
}

async function phase(name, request) {
  const cpuBefore = serverCpuMs();
  const machineBefore = machineTicks();
  const clientBefore = process.cpuUsage();
  const pgBefore = pgCpuMs();
  let ok = 0;
  let failed = 0;
  const latencies = [];
  const end = performance.now() + DURATION_MS;
  async function worker(w) {
    for (let k = 0; performance.now() < end; k++) {
      const t = performance.now();
      try {
        const status = await request(w, k);
        if (status >= 200 && status < 300) ok++;
        else failed++;
      } catch {
        failed++;
      }
      latencies.push(performance.now() - t);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => Number((latencies[Math.floor((latencies.length - 1) * p)] ?? 0).toFixed(2));
  const cpuAfter = serverCpuMs();
  const serverCpuUsPerRequest = cpuBefore === undefined || ok === 0 ? null : Math.round(((cpuAfter - cpuBefore) * 1000) / ok);
  const client = process.cpuUsage(clientBefore);
  const machineAfter = machineTicks();
  const pgAfter = pgCpuMs();
  const result = {
    perSecond: Math.round(ok / seconds),
    ok,
    failed,
    seconds: Number(seconds.toFixed(2)),
    p50ms: pct(0.5),
    p99ms: pct(0.99),
    // CPU the server spent per request: 1e6 / this ≈ requests/s one free core could serve.
    serverCpuUsPerRequest,
    // The load generator's own CPU per request (it shares the cores with what it measures).
    clientCpuUsPerRequest: ok === 0 ? null : Math.round((client.user + client.system) / ok),
    // PostgreSQL's backends for this schema (found by application_name; --pg-instances only).
    pgCpuUsPerRequest: pgBackendPids.length === 0 || ok === 0 ? null : Math.round(((pgAfter - pgBefore) * 1000) / ok),
    // How busy the whole machine was (all cores, every process): near 100 % means no core was left for a second instance.
    machineBusyPercent:
      machineBefore && machineAfter
        ? Math.round((100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total))
        : null,
  };
  log(`${name}: ${JSON.stringify(result)}`);
  return result;
}

let server;
/** The other instances in --pg-instances mode. */
let extraServers = [];
const hardStop = setTimeout(
  () => {
    console.error('bench/server.mjs: took too long, stopping');
    server?.child.kill('SIGKILL');
    process.exit(2);
  },
  DURATION_MS * 4 + 120_000,
);
hardStop.unref();

async function stopAll() {
  for (const s of [server, ...extraServers].filter(Boolean)) {
    const exited = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await exited;
  }
  server = undefined;
  extraServers = [];
}

async function seed(api) {
  const pub = await fetch(`${api}/schemas/client/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ schema }),
  });
  if (pub.status !== 201) throw new Error(`publish failed: HTTP ${pub.status} ${await pub.text()}`);
  for (let i = 0; i < CARDS; i++) {
    const res = await fetch(`${api}/cards/c-${i}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: cardBody(i, 0),
    });
    if (res.status !== 201) throw new Error(`seed failed: HTTP ${res.status} ${await res.text()}`);
  }
}

/** Writes/s through `n` instances on one fresh PostgreSQL schema. */
async function pgWrites(n) {
  const u = new URL(PG_URL);
  const schemaName = `kb_${Math.random().toString(36).slice(2, 10)}`;
  u.searchParams.set('schema', schemaName);
  const all = await Promise.all(Array.from({ length: n }, () => start(u.toString())));
  [server, ...extraServers] = all;
  try {
    const apis = all.map((s) => `${s.url}/api`);
    await seed(apis[0]);
    const saved = DURATION_MS;
    DURATION_MS = Math.min(2000, saved);
    await phase(`warm-up (${n})`, (w, k) => call(`${apis[w % n]}/cards/c-${(w * 7919 + k * 31) % CARDS}`, 'PUT', cardBody(w, k)));
    DURATION_MS = saved;
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    pgBackendPids = (await c.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`kartochka:${schemaName}`])).rows.map(
      (r) => r.pid,
    );
    await c.end();
    return await phase(`writes, ${n} instance(s)`, (w, k) => {
      const i = (w * 7919 + k * 31) % CARDS;
      return call(`${apis[w % n]}/cards/c-${i}`, 'PUT', cardBody(i, k));
    });
  } finally {
    await stopAll();
    const { default: pg } = await import('pg');
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schemaName}" CASCADE`);
    await c.end();
  }
}

if (values['pg-instances']) {
  try {
    const one = await pgWrites(1);
    const two = await pgWrites(2);
    agent.destroy();
    const ratio = Number((two.perSecond / one.perSecond).toFixed(2));
    const rows = [
      {
        metric: `PostgreSQL writes/s, 1 instance (p99 ${one.p99ms} ms)`,
        value: one.perSecond,
        p99ms: one.p99ms,
        threshold: THRESHOLDS.writes,
        pass: one.perSecond >= THRESHOLDS.writes && one.failed === 0,
      },
      {
        metric: `PostgreSQL writes/s, 2 instances (p99 ${two.p99ms} ms)`,
        value: two.perSecond,
        p99ms: two.p99ms,
        threshold: THRESHOLDS.writes,
        pass: two.perSecond >= THRESHOLDS.writes && two.failed === 0,
      },
      // Scaling shows only if one instance left CPU idle: with the machine busy, a second process
      // just takes a larger share of it (or nothing). The busy figures stand beside the ratio.
      {
        metric: `2 instances vs 1, writes/s (machine ${one.machineBusyPercent ?? '?'} % / ${two.machineBusyPercent ?? '?'} % busy; CPU per write: PostgreSQL ${one.pgCpuUsPerRequest ?? '?'} µs, server ${one.serverCpuUsPerRequest ?? '?'} µs, client ${one.clientCpuUsPerRequest ?? '?'} µs with one instance)`,
        value: ratio,
        unit: '×',
        threshold: 1.6,
        pass: ratio >= 1.6,
      },
    ];
    if (values.json)
      process.stdout.write(JSON.stringify({ concurrency: CONCURRENCY, durationSeconds: DURATION_MS / 1000, one, two, rows }) + '\n');
    else for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ≥ ${r.threshold} | ${r.pass ? 'pass' : 'fail'} |`);
    process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
  } finally {
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  try {
    server = await start();
    const api = `${server.url}/api`;
    log(`server at ${server.url}; ${CONCURRENCY} in flight, ${DURATION_MS / 1000} s per phase`);
    await seed(api);
    // Warm-up (not counted): JIT, SQLite page cache, keep-alive sockets.
    const saved = DURATION_MS;
    DURATION_MS = Math.min(2000, saved);
    await phase('warm-up', (w, k) =>
      k % 4 === 0 ? call(`${api}/cards/c-${w}`, 'PUT', cardBody(w, k)) : call(`${api}/cards/c-${(w + k) % CARDS}`),
    );
    DURATION_MS = saved;
    const reads = await phase('reads', (w, k) => call(`${api}/cards/c-${(w * 7919 + k * 31) % CARDS}`));
    const writes = await phase('writes', (w, k) => {
      const i = (w * 7919 + k * 31) % CARDS;
      return call(`${api}/cards/c-${i}`, 'PUT', cardBody(i, k));
    });
    agent.destroy();
    const rows = [
      {
        metric: 'server reads/s',
        value: reads.perSecond,
        threshold: THRESHOLDS.reads,
        pass: reads.perSecond >= THRESHOLDS.reads && reads.failed === 0,
      },
      {
        metric: 'server writes/s',
        value: writes.perSecond,
        threshold: THRESHOLDS.writes,
        pass: writes.perSecond >= THRESHOLDS.writes && writes.failed === 0,
      },
    ];
    if (values.json) {
      process.stdout.write(JSON.stringify({ concurrency: CONCURRENCY, durationSeconds: DURATION_MS / 1000, reads, writes, rows }) + '\n');
    } else {
      for (const r of rows) console.log(`| ${r.metric} | ${r.value} | ≥ ${r.threshold} | ${r.pass ? 'pass' : 'fail'} |`);
    }
    process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
  } finally {
    if (server) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
