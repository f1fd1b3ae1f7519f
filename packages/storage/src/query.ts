/**
 * The meaning of a `ListQuery`, in one place: which records match, in which order, which page.
 * Adapters may narrow candidates with indexes first, but the final answer always goes through
 * these functions, so every backend returns the same page for the same query.
 */
import { foldCase } from '@kartochka/core/internal';
import type { CardRecord, IndexedValue, ListQuery, ListResult } from './types.js';

/** The default order: most recently changed first. */
export const DEFAULT_SORT = { field: 'updatedAt', direction: 'desc' } as const;

/** Search and title-order folding (lower case, ё as е): core's, the one used everywhere. */
export { foldCase };

/** A predicate for the query's schemaId, filter and search (not paging). */
export function matcher(query: ListQuery): (r: CardRecord) => boolean {
  const { schemaId, filter } = query;
  const needle = query.search ? foldCase(query.search) : '';
  const entries = filter ? Object.entries(filter) : [];
  const ranges = query.range ? Object.entries(query.range) : [];
  return (r) => {
    if (schemaId !== undefined && r.schemaId !== schemaId) return false;
    for (const [field, value] of entries) {
      // A missing indexed field counts as null.
      const actual = Object.hasOwn(r.indexed, field) ? r.indexed[field] : null;
      if (actual !== value) return false;
    }
    for (const [field, { min, max }] of ranges) {
      const actual = Object.hasOwn(r.indexed, field) ? r.indexed[field] : null;
      if (min !== undefined && !(typeof actual === typeof min && (actual as string | number) >= min)) return false;
      if (max !== undefined && !(typeof actual === typeof max && (actual as string | number) <= max)) return false;
    }
    return needle === '' || foldCase(r.title).includes(needle);
  };
}

function rank(v: IndexedValue | undefined): number {
  switch (typeof v) {
    case 'number':
      return 0;
    case 'string':
      return 1;
    case 'boolean':
      return 2;
    default:
      return 3; // null or missing
  }
}

function compareValues(a: IndexedValue | undefined, b: IndexedValue | undefined): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 3 || a === b) return 0;
  // Code-unit order, the same order IndexedDB keys use, so index scans and this sort agree.
  return (a as string | number | boolean) < (b as string | number | boolean) ? -1 : 1;
}

/** A sort key extractor for a sort field. */
function keyOf(field: string): (r: CardRecord) => IndexedValue | undefined {
  if (field === 'title') return (r) => foldCase(r.title);
  if (field === 'updatedAt') return (r) => r.updatedAt;
  if (field === 'createdAt') return (r) => r.createdAt;
  return (r) => (Object.hasOwn(r.indexed, field) ? r.indexed[field] : null);
}

/** Sorts in place by the query's sort (ties by id) and returns the same array. */
export function sortRecords<T extends CardRecord>(records: T[], query: ListQuery): T[] {
  const { field, direction } = query.sort ?? DEFAULT_SORT;
  const key = keyOf(field);
  const sign = direction === 'desc' ? -1 : 1;
  // Decorate once: computing keys (lower-casing titles) inside the comparator is O(n log n) work.
  const decorated = records.map((r) => ({ k: key(r), r }));
  decorated.sort((x, y) => sign * (compareValues(x.k, y.k) || (x.r.id < y.r.id ? -1 : x.r.id > y.r.id ? 1 : 0)));
  for (let i = 0; i < decorated.length; i++) records[i] = decorated[i]!.r;
  return records;
}

/** Validates paging numbers; misuse is a programming error, so this throws a `RangeError`. */
export function pageBounds(query: ListQuery): { offset: number; limit: number } {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? Infinity;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`list(): offset must be a non-negative integer, got ${String(query.offset)}.`);
  }
  if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) {
    throw new RangeError(`list(): limit must be a non-negative integer, got ${String(query.limit)}.`);
  }
  return { offset, limit };
}

/** Filters, sorts and pages `candidates` (which may be a superset of the matches). */
export function applyQuery<T extends CardRecord>(candidates: T[], query: ListQuery): ListResult {
  const { offset, limit } = pageBounds(query);
  const matches = sortRecords(candidates.filter(matcher(query)), query);
  const end = limit === Infinity ? undefined : offset + limit;
  return { items: matches.slice(offset, end), total: matches.length };
}
