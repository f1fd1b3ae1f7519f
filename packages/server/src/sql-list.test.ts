// Lists in SQL against the meaning in @kartochka/storage (query.ts): random cards with mixed-type
// indexed values, many queries, the store's page compared with applyQuery over every card — on the
// test backend (SQLite, or PostgreSQL in the PostgreSQL pass). Plus keyset cursors and the plan:
// a first page must not read every row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CardRecord, type IndexedValue, type ListQuery } from '@kartochka/storage';
import { applyQuery } from '@kartochka/storage/backend';
import { createApp } from './app.js';
import { listInSql, type SqlListSource } from './sql-list.js';
import type { CardStore } from './store.js';
import { backendName, onPostgres, openTestStore } from './test-support/backend.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const TITLES = [
  'Сверхдлинноеназваниекомпании-без-пробелов и ещё',
  'Ёлка',
  'елка и Ко',
  'ООО Ромашка',
  'Acme Corp',
  'acme',
  'Зебра',
  'ЯБЛОКО',
  'яблоко',
  'Über',
  'über',
  '100% скидка',
  'a_b',
  'a\\b',
];
// Indexed names are field pointers since card types name their fields so (core card/settings.ts).
const P = '/general/p';
const VALUES: IndexedValue[] = [1, 2, 2.5, -1, 0, 'a', 'B', 'b', 'ё', 'е', '', true, false, null];

describe(`lists in SQL (${backendName})`, () => {
  let store: CardStore;
  const all: CardRecord[] = [];
  before(async () => {
    store = await openTestStore();
    const r = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (let i = 0; i < 120; i++) {
      const indexed: Record<string, IndexedValue> = {};
      if (r() < 0.8) indexed[P] = pick(VALUES);
      if (r() < 0.6) indexed.s = pick(['x', 'y', 'z']);
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(r() * 50))).toISOString();
      const input = {
        id: `c${String(i).padStart(3, '0')}`,
        schemaId: pick(['a', 'b']),
        schemaVersion: 1,
        title: pick(TITLES),
        data: {},
        indexed,
      };
      const { record } = await store.put(input, {}, at);
      all.push(record);
    }
    // Updates and deletes too, so whatever index follows the rows (SQLite's triggers) is exercised.
    for (let i = 0; i < 30; i++) {
      const old = all[i * 3]!;
      const indexed: Record<string, IndexedValue> = r() < 0.5 ? { [P]: pick(VALUES) } : { s: pick(['x', 'y']) };
      const { record } = await store.put(
        { ...old, schemaId: pick(['a', 'b']), title: pick(TITLES), indexed },
        { expectedRevision: old.revision },
        old.updatedAt,
      );
      all[i * 3] = record;
    }
    for (let i = 0; i < 10; i++) {
      const [gone] = all.splice(i * 7 + 1, 1);
      await store.delete(gone!.id, gone!.revision);
    }
    // Schema c: every card holds both fields (null included), as a card type writes them, so its
    // null filters and field sorts are answered from card_values' key. One card loses a field and
    // gets it back, one moves in from b and one out to a, so the per-field counts are exercised.
    for (let i = 0; i < 40; i++) {
      const indexed: Record<string, IndexedValue> = { [P]: pick(VALUES), s: pick(['x', 'y', null]) };
      const at = new Date(Date.UTC(2026, 0, 2, 0, 0, Math.floor(r() * 50))).toISOString();
      const { record } = await store.put(
        { id: `d${String(i).padStart(3, '0')}`, schemaId: 'c', schemaVersion: 1, title: pick(TITLES), data: {}, indexed },
        {},
        at,
      );
      all.push(record);
    }
    const replace = async (id: string, change: Partial<CardRecord>): Promise<void> => {
      const at = all.findIndex((c) => c.id === id);
      const old = all[at]!;
      all[at] = (await store.put({ ...old, ...change }, { expectedRevision: old.revision }, old.updatedAt)).record;
    };
    await replace('d003', { indexed: { [P]: 1 } });
    await replace('d003', { indexed: { [P]: 1, s: 'y' } });
    await replace('d007', { schemaId: 'a' });
    const fromB = all.find((c) => c.schemaId === 'b')!;
    await replace(fromB.id, { schemaId: 'c', indexed: { [P]: 2, s: null } });
    const gone = all.findIndex((c) => c.id === 'd011');
    await store.delete('d011', all[gone]!.revision);
    all.splice(gone, 1);
  });
  after(() => store.close());

  const queries: ListQuery[] = [
    {},
    { schemaId: 'a' },
    { sort: { field: P, direction: 'asc' } },
    { sort: { field: P, direction: 'desc' }, schemaId: 'b' },
    { sort: { field: 'title', direction: 'asc' } },
    { sort: { field: 'title', direction: 'desc' }, offset: 7, limit: 11 },
    { sort: { field: 'createdAt', direction: 'asc' }, limit: 5 },
    { sort: { field: 'updatedAt', direction: 'desc' }, offset: 100, limit: 50 },
    { sort: { field: 'missing', direction: 'asc' }, limit: 9 },
    { filter: { [P]: null } },
    { filter: { [P]: 2 } },
    { filter: { [P]: 2.5, s: 'x' } },
    { filter: { [P]: 'b' } },
    { filter: { [P]: true } },
    { filter: { [P]: false }, sort: { field: 's', direction: 'desc' } },
    { filter: { [P]: '' } },
    { filter: { s: null }, schemaId: 'a', sort: { field: P, direction: 'asc' }, limit: 10, offset: 3 },
    { search: 'ЁЛКА' },
    { search: 'елк', sort: { field: 'title', direction: 'asc' } },
    { search: 'acme' },
    { search: 'ÜB' },
    { search: '%' },
    { search: '_' },
    { search: '\\' },
    { search: 'яблоко', filter: { s: 'y' } },
    { limit: 0 },
    // Schema c holds every field: answered from card_values (null filters, field sorts).
    { schemaId: 'c', sort: { field: P, direction: 'asc' } },
    { schemaId: 'c', sort: { field: P, direction: 'desc' }, offset: 3, limit: 7 },
    { schemaId: 'c', sort: { field: 's', direction: 'desc' }, limit: 12 },
    { schemaId: 'c', sort: { field: 's', direction: 'asc' }, offset: 30 },
    { schemaId: 'c', filter: { [P]: null } },
    { schemaId: 'c', filter: { s: null }, sort: { field: P, direction: 'asc' } },
    { schemaId: 'c', filter: { [P]: null, s: 'x' } },
    { schemaId: 'c', filter: { s: 'y', [P]: null } },
    { schemaId: 'c', filter: { s: null }, limit: 3 },
    // Searches of 1–2 characters (the title's 1- and 2-character substrings).
    { search: 'а' },
    { search: 'Ё', sort: { field: 'title', direction: 'asc' } },
    { search: 'ка', schemaId: 'c' },
    { search: 'ü', filter: { s: null }, schemaId: 'c' },
    { search: ' ', limit: 5 },
    { search: 'o%' },
    { search: '0', sort: { field: P, direction: 'desc' } },
    // 3+ characters: without a space, suffix prefixes; with one, trigrams.
    { search: 'ЛОК' },
    { search: 'ооо р', schemaId: 'a' },
    { search: 'корп', sort: { field: 'title', direction: 'desc' } },
    { search: '% ск' },
    { search: 'скидка' },
    { search: 'ДЛИННОЕНАЗВАНИЕКОМПАНИИ-БЕЗ-П' },
    { search: 'длинноеназваниекомпании-без-пробелов и' },
  ];
  for (const query of queries) {
    it(`answers ${JSON.stringify(query)} as query.ts does`, async () => {
      const expected = applyQuery(structuredClone(all), query);
      const got = await store.list(query);
      assert.equal(got.total, expected.total, 'total');
      assert.deepEqual(
        got.items.map((r) => r.id),
        expected.items.map((r) => r.id),
      );
    });
  }

  it('pages with keyset cursors exactly as with offsets, total on every page', async () => {
    for (const field of ['updatedAt', 'createdAt', 'title'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const query: ListQuery = { schemaId: 'a', sort: { field, direction } };
        const expected = applyQuery(structuredClone(all), query);
        const seen: string[] = [];
        let after: string | undefined;
        do {
          const page = await store.list({ ...query, limit: 7, ...(after ? { after } : {}) });
          assert.equal(page.total, expected.total);
          seen.push(...page.items.map((r) => r.id));
          after = page.nextCursor;
        } while (after);
        assert.deepEqual(
          seen,
          expected.items.map((r) => r.id),
          `${field} ${direction}`,
        );
      }
    }
  });

  it('GET /api/cards follows `next` links (keyset cursors) to the end, and answers 400 to a bad cursor', async () => {
    const app = createApp({ store });
    const expected = applyQuery(structuredClone(all), { schemaId: 'b', sort: { field: 'title', direction: 'desc' } });
    const seen: string[] = [];
    let next: string | undefined = '/api/cards?schemaId=b&sort=title&order=desc&limit=9';
    let pages = 0;
    while (next) {
      const body = (await (await app.request(next)).json()) as { items: CardRecord[]; total: number; next?: string };
      assert.equal(body.total, expected.total);
      seen.push(...body.items.map((r) => r.id));
      if (pages++ > 0) assert.match(next, /[?&]cursor=/);
      next = body.next;
    }
    assert.deepEqual(
      seen,
      expected.items.map((r) => r.id),
    );
    assert.equal((await app.request('/api/cards?cursor=nonsense')).status, 400);
  });

  it('refuses a cursor made for another sort', async () => {
    const first = await store.list({ sort: { field: 'title', direction: 'asc' }, limit: 2 });
    await assert.rejects(
      store.list({ sort: { field: 'updatedAt', direction: 'asc' }, limit: 2, after: first.nextCursor! }),
      /another sort/,
    );
    await assert.rejects(store.list({ limit: 2, after: 'garbage' }), /cursor/);
  });
});

// The plan of each statement a list runs, on enough cards that PostgreSQL's planner (after ANALYZE)
// prefers indexes where they pay: a sort on an indexed field, a null filter and a search of 1–2
// characters must neither scan the cards table nor read more rows than the page or the matches.
describe(`list plans read no schema whole (${backendName})`, () => {
  const N = 20_000;
  let store: CardStore & SqlListSource;
  before(async () => {
    store = (await openTestStore()) as CardStore & SqlListSource;
    // Seeded in one statement (the triggers fill card_values, the counts and the title indexes):
    // p is null on every 25th card, text on every 7th, else a number; q a boolean; every 100th
    // title holds "ъя".
    const row = (i: string, cat: (...parts: string[]) => string) => ({
      p: `CASE WHEN ${i} % 25 = 0 THEN 'null' WHEN ${i} % 7 = 0 THEN ${cat(`'"t'`, `${i} % 13`, `'"'`)} ELSE ${cat(`${i} % 30`, "''")} END`,
      title: `CASE WHEN ${i} % 100 = 0 THEN 'Объявление ' ELSE 'Карточка ' END || ${i}`,
    });
    if (onPostgres) {
      const { p, title } = row('i', (...parts) => `(${parts.join(' || ')})`);
      await store.select(
        `INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
         SELECT 'default', 'n' || i, 'big', 1, t, lower(t), x, a, a, jsonb_build_object('id', 'n' || i, 'schemaId', 'big', 'schemaVersion', 1, 'revision', 1, 'title', t, 'data', '{}'::jsonb, 'indexed', x, 'createdAt', a, 'updatedAt', a)::text
         FROM (SELECT i, ${title} AS t, jsonb_build_object('p', (${p})::jsonb, 'q', i % 2 = 0) AS x, to_char(timestamp '2026-01-01' + i * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') AS a
               FROM generate_series(0, ${N - 1}) AS i) AS g`,
        [],
      );
      await store.select('ANALYZE', []);
    } else {
      const { p, title } = row('i', (...parts) => `(${parts.join(' || ')})`);
      (store as unknown as { db: { exec(sql: string): void } }).db.exec(
        `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${N - 1})
         INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
         SELECT 'default', 'n' || i, 'big', 1, t, lower(t), x, a, a, json_object('id', 'n' || i, 'schemaId', 'big', 'schemaVersion', 1, 'revision', 1, 'title', t, 'data', json('{}'), 'indexed', json(x), 'createdAt', a, 'updatedAt', a)
         FROM (SELECT i, ${title} AS t, json_object('p', json(${p}), 'q', json(CASE WHEN i % 2 = 0 THEN 'true' ELSE 'false' END)) AS x, strftime('%Y-%m-%dT%H:%M:%S.000Z', '2026-01-01', '+' || i || ' seconds') AS a FROM s)`,
      );
    }
  });
  after(() => store.close());

  /** Runs `query` through listInSql, recording each statement, then explains each one. */
  async function plans(query: ListQuery): Promise<{ sql: string; lines: string[]; rowsRead: number }[]> {
    const recorded: { sql: string; params: unknown[] }[] = [];
    const source: SqlListSource = {
      dialect: store.dialect,
      tenant: store.tenant,
      select: (sql, params) => (recorded.push({ sql, params }), store.select(sql, params)),
    };
    const result = await listInSql(source, query);
    assert.ok(result.items.length > 0, 'the query finds cards');
    const out = [];
    for (const { sql, params } of recorded) {
      if (store.dialect === 'sqlite') {
        const rows = await store.select<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
        out.push({ sql, lines: rows.map((r) => r.detail), rowsRead: 0 });
        continue;
      }
      const [row] = await store.select<{ 'QUERY PLAN': [{ Plan: PgPlan }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      const lines: string[] = [];
      let rowsRead = 0;
      const walk = (node: PgPlan): void => {
        lines.push(
          `${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`,
        );
        if (node['Relation Name'] === 'cards' || node['Relation Name'] === 'card_values')
          rowsRead += (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(row!['QUERY PLAN'][0].Plan);
      out.push({ sql, lines, rowsRead });
    }
    return out;
  }

  // The bound: rows read from cards and card_values together (each page row is read from both).
  const cases: [string, ListQuery, number][] = [
    ['a sort on an indexed field (desc)', { schemaId: 'big', sort: { field: 'p', direction: 'desc' }, limit: 50 }, 2 * 51 + 10],
    [
      'a sort on an indexed field (asc, offset)',
      { schemaId: 'big', sort: { field: 'q', direction: 'asc' }, offset: 100, limit: 50 },
      2 * 151 + 10,
    ],
    // Either from the matches (in the key) or walking a list index until the page is full: ∝ the
    // matches or ∝ page ÷ selectivity, never ∝ the schema (here: at most a quarter of it).
    ['a null filter', { schemaId: 'big', filter: { p: null }, limit: 50 }, N / 4],
    [
      'a null filter with a sort by title',
      { schemaId: 'big', filter: { p: null }, sort: { field: 'title', direction: 'asc' }, limit: 20 },
      N / 4,
    ],
    ['a one-character search', { schemaId: 'big', search: 'Ъ', limit: 50 }, N / 4],
    ['a two-character search', { search: 'ъя', limit: 10 }, N / 4],
    ['a three-character search', { schemaId: 'big', search: 'ЪЯВ', limit: 10 }, N / 4],
  ];
  for (const [name, query, bound] of cases) {
    it(`${name}: no full scan, no sort of the schema`, async () => {
      for (const { sql, lines, rowsRead } of await plans(query)) {
        const plan = `${sql}\n  ${lines.join('\n  ')}`;
        if (store.dialect === 'sqlite') {
          assert.ok(!lines.some((l) => /^SCAN (cards|card_values)\b/.test(l)), `a full scan:\n${plan}`);
          if (query.sort && !query.filter) assert.ok(!lines.some((l) => /TEMP B-TREE FOR ORDER BY/.test(l)), `sorts the schema:\n${plan}`);
        } else {
          assert.ok(!lines.some((l) => /^Seq Scan on (cards|card_values)/.test(l)), `a full scan:\n${plan}`);
          assert.ok(rowsRead <= bound, `read ${rowsRead} rows of ${N} (at most ${bound}):\n${plan}`);
        }
      }
    });
  }
});

interface PgPlan {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PgPlan[];
}
