#!/usr/bin/env node
// What one PostgreSQL put costs, in process (no HTTP): the optimistic put (two round trips, no
// transaction held across JavaScript) against the locking transaction it replaced for cards
// without unique keys (BEGIN, SELECT … FOR UPDATE, DELETE of the card's unique keys, the write,
// COMMIT: five), which the store still uses for cards with unique keys. Rounds alternate between
// the two, 16 writers of 500 cards each, and report writes/s with the CPU this process and the
// database's backends spent per write, so a busy machine slows both sides alike.
//
//   node --conditions=@kartochka/source --import tsx bench/pg-put.mjs [--rounds 6] [--seconds 2]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgCardStore } from '../packages/server/src/pg-store.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '6' }, seconds: { type: 'string', default: '2' } } });
const PG_URL = process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const schema = `kb_${Math.random().toString(36).slice(2, 10)}`;
const u = new URL(PG_URL);
u.searchParams.set('schema', schema);
const store = await PgCardStore.open(u.toString(), { poolSize: 10 });
const CARDS = 500;
const card = (i, n) => ({
  id: `c-${i}`,
  schemaId: 'client',
  schemaVersion: 1,
  title: `ООО Ромашка ${i}`,
  data: { general: { companyName: `ООО Ромашка ${i}`, inn: String(7700000000 + i) }, priority: (n % 5) + 1 },
  indexed: { segment: ['b2b', 'b2c', 'gov'][i % 3], priority: (n % 5) + 1, manager: 'ivan' },
});
for (let i = 0; i < CARDS; i++) await store.put(card(i, 0), {}, new Date().toISOString());

const pgPids = async () => (await store.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [`kartochka:${schema}`])).map((r) => r.pid);
const ticks = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // ms
  } catch {
    return 0;
  }
};
const ways = {
  optimistic: (i, n) => store.put(card(i, n), {}, new Date().toISOString()),
  // The path before: the store's locking transaction (private; reached by name for this comparison).
  locking: (i, n) => store.transaction(`c-${i}`, (client) => store['putOnce'](client, card(i, n), {}, new Date().toISOString())),
};
const totals = Object.fromEntries(Object.keys(ways).map((k) => [k, { writes: 0, ms: 0, nodeMs: 0, pgMs: 0 }]));
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [name, put] of round % 2 ? Object.entries(ways).reverse() : Object.entries(ways)) {
    const pids = await pgPids();
    const pgBefore = pids.reduce((a, p) => a + ticks(p), 0);
    const cpu = process.cpuUsage();
    const start = performance.now();
    const end = start + Number(values.seconds) * 1000;
    let writes = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let k = 0; performance.now() < end; k++) {
          await put((w * 7919 + k * 31) % CARDS, k);
          writes++;
        }
      }),
    );
    const t = totals[name];
    t.ms += performance.now() - start;
    t.writes += writes;
    const used = process.cpuUsage(cpu);
    t.nodeMs += (used.user + used.system) / 1000;
    t.pgMs += pids.reduce((a, p) => a + ticks(p), 0) - pgBefore;
  }
}
const rows = Object.entries(totals).map(([name, t]) => ({
  put: name,
  writesPerSecond: Math.round((t.writes * 1000) / t.ms),
  nodeCpuUsPerWrite: Math.round((t.nodeMs * 1000) / t.writes),
  pgCpuUsPerWrite: Math.round((t.pgMs * 1000) / t.writes),
}));
console.log(JSON.stringify({ rounds: Number(values.rounds), seconds: Number(values.seconds), rows }));
for (const r of rows) console.log(`| ${r.put} | ${r.writesPerSecond} | ${r.nodeCpuUsPerWrite} | ${r.pgCpuUsPerWrite} |`);
await store.close();
const c = new pg.Client({ connectionString: PG_URL });
await c.connect();
await c.query(`DROP SCHEMA "${schema}" CASCADE`);
await c.end();
