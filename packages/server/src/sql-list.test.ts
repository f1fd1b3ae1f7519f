// Lists in SQL against the meaning in @kartochka/storage (query.ts): random cards with mixed-type
// indexed values, many queries, the store's page compared with applyQuery over every card — on the
// test backend (SQLite, or PostgreSQL in the PostgreSQL pass). Plus keyset cursors and the plan:
// a first page must not read every row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyQuery, type CardRecord, type IndexedValue, type ListQuery } from '@kartochka/storage';
import { createApp } from './app.js';
import type { CardStore } from './store.js';
import { backendName, openTestStore } from './test-support/backend.js';

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const TITLES = ['Ёлка', 'елка и Ко', 'ООО Ромашка', 'Acme Corp', 'acme', 'Зебра', 'ЯБЛОКО', 'яблоко', 'Über', 'über', '100% скидка', 'a_b', 'a\\b'];
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
      const input = { id: `c${String(i).padStart(3, '0')}`, schemaId: pick(['a', 'b']), schemaVersion: 1, title: pick(TITLES), data: {}, indexed };
      const { record } = await store.put(input, {}, at);
      all.push(record);
    }
    // Updates and deletes too, so whatever index follows the rows (SQLite's triggers) is exercised.
    for (let i = 0; i < 30; i++) {
      const old = all[i * 3]!;
      const indexed: Record<string, IndexedValue> = r() < 0.5 ? { [P]: pick(VALUES) } : { s: pick(['x', 'y']) };
      const { record } = await store.put({ ...old, schemaId: pick(['a', 'b']), title: pick(TITLES), indexed }, { expectedRevision: old.revision }, old.updatedAt);
      all[i * 3] = record;
    }
    for (let i = 0; i < 10; i++) {
      const [gone] = all.splice(i * 7 + 1, 1);
      await store.delete(gone!.id, gone!.revision);
    }
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
  ];
  for (const query of queries) {
    it(`answers ${JSON.stringify(query)} as query.ts does`, async () => {
      const expected = applyQuery(structuredClone(all), query);
      const got = await store.list(query);
      assert.equal(got.total, expected.total, 'total');
      assert.deepEqual(got.items.map((r) => r.id), expected.items.map((r) => r.id));
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
        assert.deepEqual(seen, expected.items.map((r) => r.id), `${field} ${direction}`);
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
    assert.deepEqual(seen, expected.items.map((r) => r.id));
    assert.equal((await app.request('/api/cards?cursor=nonsense')).status, 400);
  });

  it('refuses a cursor made for another sort', async () => {
    const first = await store.list({ sort: { field: 'title', direction: 'asc' }, limit: 2 });
    await assert.rejects(store.list({ sort: { field: 'updatedAt', direction: 'asc' }, limit: 2, after: first.nextCursor! }), /another sort/);
    await assert.rejects(store.list({ limit: 2, after: 'garbage' }), /cursor/);
  });
});
