#!/usr/bin/env node
// Lists at scale, in the server's stores (in process: the SQL is what grows, HTTP is a constant):
// the first page without a filter, a filtered + sorted page of 50, a title search and a deep page
// (keyset cursor), each at a small
// and a large number of cards, on SQLite and on PostgreSQL. Goal: large ≤ 1.5× small.
//
//   node --conditions=@kartochka/source --import tsx bench/lists.mjs [--json] [--cards 200000]
//        [--small 10000] [--backends sqlite,postgres] [--runs 25]
//
// Cards are seeded straight into the tables in batches (5,000 rows per statement; PostgreSQL via
// unnest arrays), not through put: 200,000 puts would take minutes and measure writes. The shape
// scales with the size as a company's data does: one manager per ~50 cards, one name word per ~50
// cards, so the filter and the search find ~50 cards at any size. PostgreSQL runs in its own
// schema of KARTOCHKA_TEST_PG (default postgres://postgres@127.0.0.1:5432/test), dropped after.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { foldCase } from '@kartochka/storage/backend';
import { PgCardStore, pgMigrations } from '../packages/server/src/pg-store.ts';
import { SqliteCardStore } from '../packages/server/src/sqlite-store.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    cards: { type: 'string', default: '200000' },
    small: { type: 'string', default: '10000' },
    backends: { type: 'string', default: 'sqlite,postgres' },
    runs: { type: 'string', default: '25' },
  },
});
const LARGE = Number(values.cards);
const SMALL = Number(values.small);
const RUNS = Number(values.runs);
const PG_URL = process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const log = (...a) => console.error(...a);
const GOAL = 1.5;

// 60 syllables: name words whose trigrams are about as selective as real names' (with 20, words
// share so many trigrams that PostgreSQL's trigram search rechecked 2× the rows at 200,000 cards).
const CONSONANTS = ['б', 'в', 'г', 'д', 'ж', 'з', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ф'];
const VOWELS = ['а', 'е', 'о', 'ё'];
const SYLLABLES = CONSONANTS.flatMap((c) => VOWELS.map((v) => c + v));
const S = SYLLABLES.length;
/** The i-th name word: three syllables, distinct for i < 216,000. */
const word = (i) => SYLLABLES[i % S] + SYLLABLES[Math.floor(i / S) % S] + SYLLABLES[Math.floor(i / (S * S)) % S];

function* records(n) {
  const groups = Math.max(1, Math.floor(n / 50));
  const base = Date.UTC(2025, 0, 1);
  for (let i = 0; i < n; i++) {
    const segment = ['b2b', 'b2c', 'gov'][i % 3];
    const w = word((i * 7919) % groups);
    // ~50 cards at any size carry a «№» in the title (a one-character search) and no region (a null filter).
    const marked = i % groups === 7 % groups;
    const title = `ООО «${w[0].toUpperCase()}${w.slice(1)}» ${marked ? '№' : ''}${i}`;
    const at = new Date(base + i * 1000).toISOString();
    const indexed = { segment, priority: (i % 5) + 1, manager: `m${(i * 31) % groups}`, region: marked ? null : `r${i % 7}` };
    const record = {
      id: `c-${i}`,
      schemaId: 'client',
      schemaVersion: 1,
      revision: 1,
      title,
      data: {
        general: { companyName: title, inn: String(7700000000 + i), email: `c${i}@example.com` },
        segment,
        priority: indexed.priority,
      },
      indexed,
      createdAt: at,
      updatedAt: at,
    };
    yield record;
  }
}

async function seedSqlite(store, n) {
  const insert = store.db.prepare(
    `INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record) VALUES ('default', ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  const batch = store.db.transaction((rows) => {
    for (const r of rows)
      insert.run(r.id, r.schemaId, r.title, foldCase(r.title), JSON.stringify(r.indexed), r.createdAt, r.updatedAt, JSON.stringify(r));
  });
  const rows = [];
  for (const r of records(n)) {
    rows.push(r);
    if (rows.length === 5000) batch(rows.splice(0));
  }
  batch(rows);
  // no ANALYZE: lists must plan well on a database as the server leaves it
}

async function seedPg(store, n) {
  const cols = [[], [], [], [], [], [], [], []];
  // The row triggers (counts, card_values) are off while seeding (one pooled connection, superuser
  // session_replication_role); their tables are filled after, set-based, by the migration's own
  // backfill statements. The title indexes (generated title_grams, GIN) are kept up per row.
  const client = await store.pool.connect();
  await client.query('SET session_replication_role = replica');
  const flush = async () => {
    if (cols[0].length === 0) return;
    await client.query(
      `INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
       SELECT 'default', * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::text[])`,
      [cols[0], cols[1], cols[0].map(() => 1), cols[2], cols[3], cols[4], cols[5], cols[6], cols[7]],
    );
    for (const c of cols) c.length = 0;
  };
  for (const r of records(n)) {
    const row = [r.id, r.schemaId, r.title, foldCase(r.title), JSON.stringify(r.indexed), r.createdAt, r.updatedAt, JSON.stringify(r)];
    row.forEach((v, i) => cols[i].push(v));
    if (cols[0].length === 5000) await flush();
  }
  await flush();
  await client.query('SET session_replication_role = DEFAULT');
  client.release();
  const migration = pgMigrations[6];
  for (const table of ['card_values', 'card_field_counts']) {
    const backfill = new RegExp(`INSERT INTO ${table} [\\s\\S]*?;`).exec(migration)?.[0];
    if (!backfill) throw new Error(`no backfill of ${table} in migration 7`);
    await store.query(backfill);
  }
  await store.query('INSERT INTO card_counts SELECT tenant, schema_id, COUNT(*) FROM cards GROUP BY tenant, schema_id');
  // As autovacuum would have by now: statistics and visibility maps for every table lists read.
  await store.query('VACUUM ANALYZE cards, card_values, card_counts, card_field_counts');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Times `fn` on both sizes, alternating small and large sample by sample (after 3 warm-ups of
 * each), so a change in the machine's load meets both sides alike and the ratio stays honest.
 */
async function timePair(sides, fn) {
  for (let i = 0; i < 3; i++) for (const side of sides) await fn(side, i);
  const samples = sides.map(() => []);
  const found = sides.map(() => 0);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, side] of sides.entries()) {
      const t = performance.now();
      found[k] += (await fn(side, i)) ?? 0;
      samples[k].push(performance.now() - t);
    }
  }
  return sides.map((_, k) => ({ ms: Number(median(samples[k]).toFixed(3)), found: Math.round(found[k] / RUNS) }));
}

/** The measured lists on both sizes (each side: a store holding exactly n cards), interleaved. */
async function measure(sides) {
  for (const side of sides) {
    const groups = Math.max(1, Math.floor(side.n / 50));
    side.managers = Array.from({ length: 16 }, (_, k) => `m${(k * 97) % groups}`);
    side.words = Array.from({ length: 16 }, (_, k) => word((k * 131) % groups));
    // Deep page: the cursor at the middle of the list (made once, not timed), then one page after it.
    side.middle = Math.floor(side.n / 2);
    const before = await side.store.list({
      schemaId: 'client',
      sort: { field: 'updatedAt', direction: 'desc' },
      offset: side.middle - 50,
      limit: 50,
    });
    side.cursor = before.nextCursor;
  }
  const out = sides.map(() => ({}));
  const record = (key, pair, foundKey) =>
    pair.forEach((r, k) => {
      out[k][key] = r.ms;
      if (foundKey) out[k][foundKey] = r.found;
    });
  record(
    'firstPage',
    await timePair(sides, async ({ store, n }) => {
      const r = await store.list({ schemaId: 'client', limit: 50 });
      if (r.items.length !== 50 || r.total !== n) throw new Error('first page wrong');
    }),
  );
  record(
    'filteredSorted',
    await timePair(sides, async ({ store, managers }, i) => {
      const r = await store.list({
        schemaId: 'client',
        filter: { manager: managers[i % 16] },
        sort: { field: 'title', direction: 'asc' },
        limit: 50,
      });
      return r.items.length;
    }),
    'filteredFound',
  );
  record(
    'search',
    await timePair(sides, async ({ store, words }, i) => {
      const r = await store.list({ schemaId: 'client', search: words[i % 16].toUpperCase(), limit: 50 });
      return r.items.length;
    }),
    'searchFound',
  );
  record(
    'deepPage',
    await timePair(sides, async ({ store, cursor }) => {
      const r = await store.list({ schemaId: 'client', sort: { field: 'updatedAt', direction: 'desc' }, limit: 50, after: cursor });
      if (r.items.length !== 50) throw new Error('deep page came back short');
    }),
  );
  // Sorting on an indexed field walks card_values' key (every card holds the field).
  record(
    'fieldSort',
    await timePair(sides, async ({ store }) => {
      const r = await store.list({ schemaId: 'client', sort: { field: 'priority', direction: 'desc' }, limit: 50 });
      if (r.items.length !== 50 || r.items[0].indexed.priority !== 5) throw new Error('field sort wrong');
    }),
  );
  record(
    'nullFilter',
    await timePair(
      sides,
      async ({ store }) => (await store.list({ schemaId: 'client', filter: { region: null }, limit: 50 })).items.length,
    ),
    'nullFound',
  );
  record(
    'shortSearch',
    await timePair(sides, async ({ store }) => (await store.list({ schemaId: 'client', search: '№', limit: 50 })).items.length),
    'shortFound',
  );
  // For contrast (no goal): the same page by offset, which walks every row before it.
  record(
    'deepOffset',
    await timePair(sides, async ({ store, middle }) => {
      await store.list({ schemaId: 'client', sort: { field: 'updatedAt', direction: 'desc' }, offset: middle, limit: 50 });
    }),
  );
  return out;
}

async function openBackend(backend) {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'kartochka-bench-lists-'));
    const store = new SqliteCardStore(join(dir, 'cards.sqlite'));
    return {
      store,
      seed: (n) => seedSqlite(store, n),
      drop: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
    };
  }
  const schema = `kb_${randomBytes(5).toString('hex')}`;
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  const store = await PgCardStore.open(u.toString(), { poolSize: 4 });
  return {
    store,
    seed: (n) => seedPg(store, n),
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

const results = { small: SMALL, large: LARGE, runs: RUNS, backends: {} };
const rows = [];
for (const backend of values.backends.split(',')) {
  const per = {};
  // Both sizes are seeded first and stay open; their samples are then taken alternately.
  const sides = [];
  try {
    for (const n of [SMALL, LARGE]) {
      const b = await openBackend(backend);
      sides.push({ n, store: b.store, drop: b.drop });
      const t0 = performance.now();
      await b.seed(n);
      const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
      log(`${backend}: seeded ${n.toLocaleString('en')} cards in ${seedSeconds} s`);
      per[n] = { seedSeconds };
    }
    const measured = await measure(sides);
    for (const [k, side] of sides.entries()) {
      Object.assign(per[side.n], measured[k]);
      log(`${backend} @ ${side.n}: ${JSON.stringify(per[side.n])}`);
    }
  } finally {
    for (const side of sides) await side.drop();
  }
  results.backends[backend] = per;
  const name = backend === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  for (const [key, label] of [
    ['firstPage', 'first page, no filter (newest first), 50 + total'],
    ['filteredSorted', 'filter (one manager, ~50 cards) + sort by title, page of 50 + total'],
    ['search', 'title search (one name word, ~50 cards; upper case, ё), page of 50 + total'],
    ['deepPage', 'deep page: 50 cards after a cursor at the middle of the list'],
    ['deepOffset', 'the same deep page by offset (for contrast, no goal)'],
    ['fieldSort', 'sort on an indexed field (priority desc), no filter, page of 50 + total'],
    ['nullFilter', 'filter region = null (~50 cards), page of 50 + total'],
    ['shortSearch', 'one-character title search («№», ~50 cards), page of 50 + total'],
  ]) {
    const small = per[SMALL][key];
    const large = per[LARGE][key];
    const growth = Number((large / small).toFixed(2));
    const goal = key === 'deepOffset' ? undefined : GOAL;
    rows.push({ backend: name, metric: label, small, large, growth, goal, pass: goal === undefined ? undefined : growth <= goal });
  }
}
results.rows = rows;
if (values.json) {
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  console.log(`| backend | list | ${SMALL.toLocaleString('en')} cards, ms | ${LARGE.toLocaleString('en')} cards, ms | growth | goal |`);
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.backend} | ${r.metric} | ${r.small} | ${r.large} | ${r.growth}× | ${r.goal ? `≤ ${r.goal}× ${r.pass ? 'pass' : 'FAIL'}` : '—'} |`,
    );
}
process.exitCode = rows.every((r) => r.pass !== false) ? 0 : 1;
