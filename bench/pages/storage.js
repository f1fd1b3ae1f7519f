/**
 * The storage benchmark, in the page: the same cards written, read and listed three ways.
 *
 * - `adapter`: `IndexedDbAdapter` from @kartochka/storage (validate the record, one readwrite
 *   transaction over records + revisions that reads the stored row, checks the revision, writes the
 *   row with its derived index fields and a history row; BroadcastChannel announcement).
 * - `same`: raw idb doing the same IndexedDB work by hand: the adapter's database layout (same
 *   stores, same five indexes), and per put the same transaction with the same read, the same row
 *   (with `_title`, `_terms`) and the same history row. No record validation, no error mapping, no
 *   announcement. Reads strip the derived fields like the adapter does.
 * - `bare`: what a minimal app would write with idb: one store keyed by id with the two indexes
 *   the queries need (`updatedAt`, `indexed.segment`), a blind `put` (no read, no history).
 *
 * Queries: a page of 50 sorted by `updatedAt` descending with the total count; the first 50 (same
 * order) of the cards whose indexed `segment` is `smb`, with the total count.
 */
import { openDB, deleteDB } from 'idb';
import { IndexedDbAdapter } from '@kartochka/storage';

const SEGMENTS = ['smb', 'enterprise', 'public', 'retail'];

function card(i) {
  const segment = SEGMENTS[i % SEGMENTS.length];
  const data = {
    general: {
      companyName: `Company ${i}`,
      inn: String(7700000000 + i),
      segment,
      website: `https://c${i}.example.com`,
      founded: `20${String(i % 24).padStart(2, '0')}-01-15`,
    },
    contacts: [
      { fullName: `Person ${i}`, email: `p${i}@example.com`, phone: '+7 495 000-00-00', role: 'owner' },
      { fullName: `Buyer ${i}`, email: `b${i}@example.com`, phone: '+7 495 111-11-11', role: 'buyer' },
    ],
    finance: { revenue: i * 1000, employees: i % 500, vip: i % 7 === 0 },
    notes: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(2),
  };
  return {
    id: `c-${String(i).padStart(5, '0')}`,
    schemaId: 'client',
    schemaVersion: 1,
    title: `Company ${i}`,
    data,
    indexed: { segment, manager: `m${i % 20}`, vip: i % 7 === 0 },
  };
}

const strip = (row) => {
  const { _title, _terms, ...r } = row;
  return r;
};
const termsOf = (r) => {
  const terms = [[r.schemaId]];
  for (const [f, v] of Object.entries(r.indexed)) if (v !== null) terms.push([f, typeof v === 'boolean' ? [v ? 1 : 0] : v]);
  return terms;
};
const byUpdatedDesc = (a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

async function pageByUpdated(index) {
  const page = async () => {
    const items = [];
    for (let c = await index.openCursor(null, 'prev'); c; c = await c.continue()) {
      items.push(c.value);
      if (items.length >= 50) break;
    }
    return items;
  };
  const [total, items] = await Promise.all([index.count(), page()]);
  return { items, total };
}

const variants = {
  async adapter(name) {
    const a = await IndexedDbAdapter.open({ name });
    return {
      put: (r) => a.put(r),
      get: (id) => a.get(id),
      page: () => a.list({ limit: 50 }),
      filter: () => a.list({ filter: { segment: 'smb' }, limit: 50 }),
      close: () => a.close(),
    };
  },
  async same(name) {
    const db = await openDB(name, 1, {
      upgrade(db) {
        const records = db.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('updatedAt', 'updatedAt');
        records.createIndex('title', '_title');
        records.createIndex('schemaUpdated', ['schemaId', 'updatedAt']);
        records.createIndex('schemaTitle', ['schemaId', '_title']);
        records.createIndex('terms', '_terms', { multiEntry: true });
        db.createObjectStore('revisions', { keyPath: ['recordId', 'revision'] });
        db.createObjectStore('schemas', { keyPath: ['schemaId', 'version'] });
      },
    });
    return {
      async put(r) {
        const tx = db.transaction(['records', 'revisions'], 'readwrite');
        const records = tx.objectStore('records');
        const row = await records.get(r.id);
        const now = new Date().toISOString();
        const revision = (row?.revision ?? 0) + 1;
        const record = { ...r, revision, createdAt: row?.createdAt ?? now, updatedAt: now };
        await Promise.all([
          records.put({ ...record, _title: r.title.toLowerCase(), _terms: termsOf(r) }),
          tx.objectStore('revisions').put({ recordId: r.id, revision, at: now, changedPaths: [''] }),
          tx.done,
        ]);
        return record;
      },
      get: async (id) => strip(await db.get('records', id)),
      async page() {
        const { items, total } = await pageByUpdated(db.transaction('records').store.index('updatedAt'));
        return { items: items.map(strip), total };
      },
      async filter() {
        const rows = await db.transaction('records').store.index('terms').getAll(['segment', 'smb']);
        rows.sort(byUpdatedDesc);
        return { items: rows.slice(0, 50).map(strip), total: rows.length };
      },
      close: () => db.close(),
    };
  },
  async bare(name) {
    const db = await openDB(name, 1, {
      upgrade(db) {
        const records = db.createObjectStore('records', { keyPath: 'id' });
        records.createIndex('updatedAt', 'updatedAt');
        records.createIndex('segment', 'indexed.segment');
      },
    });
    return {
      async put(r) {
        const now = new Date().toISOString();
        const record = { ...r, revision: 1, createdAt: now, updatedAt: now };
        await db.put('records', record);
        return record;
      },
      get: (id) => db.get('records', id),
      page: () => pageByUpdated(db.transaction('records').store.index('updatedAt')),
      async filter() {
        const rows = await db.transaction('records').store.index('segment').getAll('smb');
        rows.sort(byUpdatedDesc);
        return { items: rows.slice(0, 50), total: rows.length };
      },
      close: () => db.close(),
    };
  },
};

/**
 * Runs the three variants side by side on three fresh databases, interleaved in chunks so machine
 * noise hits all three alike: for each chunk of `chunk` cards, each variant (in an order that
 * rotates per chunk) puts them one by one, each put awaited, as an app saving cards one at a time.
 * Then the same for gets (in a shuffled order), then `queries` rounds of each list query.
 * Returns, per variant, the total put and get time and every per-chunk and per-query sample (ms).
 */
window.runStorage = async (count, chunk, queries) => {
  const names = Object.keys(variants);
  const tag = Math.random().toString(36).slice(2);
  const stores = {};
  for (const v of names) stores[v] = await variants[v](`bench-${v}-${tag}`);
  const cards = Array.from({ length: count }, (_, i) => card(i));
  const order = cards.map((c) => c.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1); // a fixed shuffle
    [order[i], order[j]] = [order[j], order[i]];
  }
  const out = Object.fromEntries(names.map((v) => [v, { putChunks: [], getChunks: [], page: [], filter: [] }]));
  const rotate = (k) => names.map((_, i) => names[(i + k) % names.length]);
  for (let from = 0, k = 0; from < count; from += chunk, k++) {
    for (const v of rotate(k)) {
      const t = performance.now();
      for (let i = from; i < Math.min(count, from + chunk); i++) await stores[v].put(cards[i]);
      out[v].putChunks.push(performance.now() - t);
    }
  }
  for (let from = 0, k = 0; from < count; from += chunk, k++) {
    for (const v of rotate(k)) {
      const t = performance.now();
      let check = 0;
      for (let i = from; i < Math.min(count, from + chunk); i++) check += (await stores[v].get(order[i])).revision;
      out[v].getChunks.push(performance.now() - t);
      if (check !== Math.min(count, from + chunk) - from) throw new Error(`${v}: get returned wrong records`);
    }
  }
  for (let q = 0; q < queries; q++) {
    for (const v of rotate(q)) {
      const a = performance.now();
      const p = await stores[v].page();
      const b = performance.now();
      const f = await stores[v].filter();
      out[v].page.push(b - a);
      out[v].filter.push(performance.now() - b);
      out[v].answers = { pageTotal: p.total, pageLen: p.items.length, filterTotal: f.total, filterLen: f.items.length };
    }
  }
  for (const v of names) {
    await stores[v].close();
    await deleteDB(`bench-${v}-${tag}`);
    out[v].put = out[v].putChunks.reduce((x, y) => x + y, 0);
    out[v].get = out[v].getChunks.reduce((x, y) => x + y, 0);
  }
  return out;
};
window.storageReady = true;
