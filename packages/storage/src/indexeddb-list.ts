/**
 * How the IndexedDB adapter answers a `ListQuery`: pick the index that reads the fewest rows,
 * then hand the rows to the shared `applyQuery`, so the answer is the same as every backend's.
 */
import type { IDBPObjectStore } from 'idb';
import { fromStored, termFor, type KartochkaDB, type Term } from './indexeddb-schema.js';
import { DEFAULT_SORT, applyQuery, pageBounds } from './query.js';
import type { CardRecord, ListQuery, ListResult } from './types.js';

type RecordStore = IDBPObjectStore<KartochkaDB, ['records'], 'records', 'readonly'>;

/** Runs `query` against the records store of one readonly transaction. */
export async function listRecords<T>(store: RecordStore, query: ListQuery): Promise<ListResult<T>> {
  const { offset, limit } = pageBounds(query);
  const { field, direction } = query.sort ?? DEFAULT_SORT;
  const filter = Object.entries(query.filter ?? {});
  const { schemaId } = query;
  const sortIndexed = field === 'updatedAt' || field === 'title';
  if (filter.length === 0 && !query.range && !query.search && sortIndexed && limit !== Infinity) {
    // Fast path for a page: the sort index gives the order, and only the page is read.
    // Without a limit every row is read anyway; the general path below does that with the
    // store's getAll (no index lookups) and sorts in memory.
    const name =
      field === 'title' ? (schemaId === undefined ? 'title' : 'schemaTitle') : schemaId === undefined ? 'updatedAt' : 'schemaUpdated';
    const index = store.index(name);
    // [schemaId] sorts before every [schemaId, x] and [schemaId, []] after every string x.
    const range = schemaId === undefined ? null : IDBKeyRange.bound([schemaId], [schemaId, []]);
    if (direction === 'asc') {
      // A count of 0 means "all" to getAll, hence the limit guard.
      const [total, rows] = await Promise.all([index.count(range), limit === 0 ? [] : index.getAll(range, offset + limit)]);
      return { items: rows.slice(offset).map((r) => fromStored<T>(r)), total };
    }
    // getAll only runs ascending, so step a 'prev' cursor. (Reading all primary keys and
    // then the page with parallel gets measured about 3x slower: Chromium prefetches cursors.)
    const page = async (): Promise<CardRecord<T>[]> => {
      const items: CardRecord<T>[] = [];
      if (limit === 0) return items;
      let cursor = await index.openCursor(range, 'prev');
      if (cursor && offset > 0) cursor = await cursor.advance(offset);
      while (cursor) {
        items.push(fromStored<T>(cursor.value));
        if (items.length >= limit) break;
        cursor = await cursor.continue();
      }
      return items;
    };
    const [total, items] = await Promise.all([index.count(range), page()]);
    return { items, total };
  }
  // Otherwise narrow by the most selective term (schema or filter value) the index knows,
  // then let applyQuery do the exact filtering, sorting and paging.
  const terms: Term[] = schemaId === undefined ? [] : [[schemaId]];
  for (const [f, v] of filter) {
    const term = termFor(f, v);
    if (term) terms.push(term);
  }
  let rows;
  if (terms.length === 0) rows = await store.getAll();
  else {
    const index = store.index('terms');
    let best = terms[0]!;
    if (terms.length > 1) {
      const counts = await Promise.all(terms.map((t) => index.count(t)));
      best = terms[counts.indexOf(Math.min(...counts))]!;
    }
    rows = await index.getAll(best);
  }
  const result = applyQuery(rows, query);
  return { items: result.items.map((r) => fromStored<T>(r as (typeof rows)[number])), total: result.total };
}
