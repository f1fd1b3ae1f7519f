/**
 * `list` in SQL, for both backends: the `ListQuery` meaning of `@kartochka/storage` (query.ts —
 * `matcher`, `sortRecords`, `applyQuery`), translated to one page query plus one count, so no
 * request reads a schema's rows into JavaScript. The storage conformance suite runs against both
 * stores to keep the two meanings the same.
 *
 * - filter: exact, type-strict equality on `indexed` fields; a missing field counts as null
 *   (PostgreSQL: `indexed @> {"f": v}`, served by a GIN index; SQLite: the `card_fields` index
 *   table; a null filter also matches a missing field, so it reads the JSON).
 * - search: substring of the folded title (`foldCase`: lower case, ё = е), stored as `title_folded`
 *   (PostgreSQL: `LIKE '%…%'`, served by a pg_trgm GIN index; SQLite: an FTS5 trigram index,
 *   confirmed by `instr`; under 3 characters, `instr` alone).
 * - sort: `updatedAt`, `createdAt`, `title` (folded) are columns with (tenant, schema, key, id)
 *   indexes; an indexed field sorts numbers, then strings, then booleans, then null/missing, ties by
 *   id — all reversed for `desc`. Text compares by code point (collation "C" / SQLite's BINARY),
 *   which is the JS code-unit order except for characters beyond U+FFFF against U+E000–U+FFFF.
 * - paging: `offset`/`limit`, or a keyset cursor (`after`) for column sorts, so a deep page costs
 *   as much as the first; `total` counts every match — on a cursor's pages, as counted for the
 *   page that made the first cursor (counting again would cost a scan of the matches per page);
 *   without filter or search it is read from `card_counts`, kept by triggers.
 */
import { DEFAULT_SORT, foldCase, pageBounds, type CardRecord, type IndexRange, type IndexedValue, type ListQuery, type ListResult } from '@kartochka/storage';

/** A list query as the server's stores take it: `ListQuery` plus an optional keyset cursor. */
export interface StoreListQuery extends ListQuery {
  /** The `nextCursor` of the previous page (column sorts only); `offset` then counts from it. */
  after?: string;
}

export interface StoreListResult extends ListResult {
  /** Where the next page starts, when there is one and the sort allows a cursor. */
  nextCursor?: string;
}

/** What sql-list needs of a store: its dialect, its tenant, and a way to run a SELECT (`?` placeholders). */
export interface SqlListSource {
  readonly dialect: 'sqlite' | 'postgres';
  readonly tenant: string;
  select<R>(sql: string, params: unknown[]): Promise<R[]>;
}

/** A malformed or foreign cursor (the server answers 400). */
export class CursorError extends Error {}

const COLUMNS: Record<string, string> = { updatedAt: 'updated_at', createdAt: 'created_at', title: 'title_folded' };

/** SQLite JSON path of a top-level key (sorting, null filters); undefined for names its path syntax cannot quote. */
function sqlitePath(field: string): string | undefined {
  return /["\\]/.test(field) ? undefined : `$."${field}"`;
}

/** True when this query can run in SQL on `dialect` (SQLite cannot name every field). */
export function sqlCanList(dialect: SqlListSource['dialect'], query: ListQuery): boolean {
  if (dialect === 'postgres') return true;
  const fields = [...Object.keys(query.filter ?? {}), ...Object.keys(query.range ?? {}), ...(query.sort && !(query.sort.field in COLUMNS) ? [query.sort.field] : [])];
  return fields.every((f) => sqlitePath(f) !== undefined);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterSql(dialect: SqlListSource['dialect'], tenant: string, field: string, value: IndexedValue, params: unknown[]): string {
  if (dialect === 'postgres') {
    if (value === null) {
      params.push(field, field);
      return `(indexed -> ?::text IS NULL OR indexed -> ?::text = 'null'::jsonb)`;
    }
    params.push(JSON.stringify({ [field]: value }));
    return 'indexed @> ?::jsonb';
  }
  const path = sqlitePath(field)!;
  if (value === null) {
    params.push(path);
    return `coalesce(json_type(indexed, ?), 'null') = 'null'`;
  }
  // card_fields (SQLite migration 5): the ids whose field holds this value, of this type.
  const kind = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'text';
  params.push(tenant, field, kind, typeof value === 'boolean' ? Number(value) : value);
  return 'id IN (SELECT card_id FROM card_fields WHERE tenant = ? AND field = ? AND kind = ? AND value = ?)';
}

/** An inclusive range on an indexed field: numbers against numbers, text against text. */
function rangeSql(dialect: SqlListSource['dialect'], tenant: string, field: string, range: IndexRange, params: unknown[]): string {
  const bounds = (['min', 'max'] as const).filter((end) => range[end] !== undefined);
  if (bounds.length === 0) return 'TRUE';
  const kind = typeof range[bounds[0]!] === 'number' ? 'number' : 'text';
  if (bounds.some((end) => (typeof range[end] === 'number' ? 'number' : 'text') !== kind)) return 'FALSE';
  if (dialect === 'postgres') {
    // CASE, not AND: PostgreSQL does not promise to test the type before the cast.
    const value =
      kind === 'number'
        ? `(CASE WHEN jsonb_typeof(indexed -> ?::text) = 'number' THEN (indexed -> ?::text)::float8 END)`
        : `(CASE WHEN jsonb_typeof(indexed -> ?::text) = 'string' THEN indexed ->> ?::text END) COLLATE "C"`;
    const parts = bounds.map((end) => {
      params.push(field, field, range[end]);
      return `${value} ${end === 'min' ? '>=' : '<='} ?::${kind === 'number' ? 'float8' : 'text'}`;
    });
    return `(${parts.join(' AND ')})`;
  }
  // card_fields (SQLite migration 5): a range scan of its primary key (tenant, field, kind, value).
  params.push(tenant, field, kind, ...bounds.map((end) => range[end]));
  const conds = bounds.map((end) => (end === 'min' ? 'value >= ?' : 'value <= ?')).join(' AND ');
  return `id IN (SELECT card_id FROM card_fields WHERE tenant = ? AND field = ? AND kind = ? AND ${conds})`;
}

/** The ORDER BY keys (without id) for an indexed field. */
function fieldSortKeys(dialect: SqlListSource['dialect'], field: string, params: unknown[]): string[] {
  if (dialect === 'postgres') {
    const v = 'indexed -> ?::text';
    params.push(field, field, field, field, field, field, field);
    return [
      `CASE jsonb_typeof(${v}) WHEN 'number' THEN 0 WHEN 'string' THEN 1 WHEN 'boolean' THEN 2 ELSE 3 END`,
      `CASE WHEN jsonb_typeof(${v}) = 'number' THEN (${v})::float8 END`,
      `CASE WHEN jsonb_typeof(${v}) = 'string' THEN (indexed ->> ?::text) END COLLATE "C"`,
      `CASE WHEN jsonb_typeof(${v}) = 'boolean' THEN (${v})::boolean END`,
    ];
  }
  const path = sqlitePath(field)!;
  params.push(path, path);
  return [
    `CASE json_type(indexed, ?) WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END`,
    'json_extract(indexed, ?)',
  ];
}

interface Cursor {
  /** The sort it belongs to: `field:direction`. */
  s: string;
  k: string;
  id: string;
  /** `total` as counted for the first page: later pages do not count again (a snapshot, like the pages). */
  t: number;
}

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string, sort: string): Cursor {
  let c: Cursor;
  try {
    c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
  } catch {
    throw new CursorError('cursor is not one this server made.');
  }
  if (typeof c?.k !== 'string' || typeof c.id !== 'string' || typeof c.s !== 'string' || !Number.isInteger(c.t)) throw new CursorError('cursor is not one this server made.');
  if (c.s !== sort) throw new CursorError(`cursor belongs to another sort (${c.s}, not ${sort}).`);
  return c;
}

type Row = { record: string; sort_key?: string };

/** One page of `query` for `db.tenant`, with `total`, in two SQL statements. */
export async function listInSql(db: SqlListSource, query: StoreListQuery): Promise<StoreListResult> {
  const { offset, limit } = pageBounds(query);
  const { dialect } = db;
  const where: string[] = ['tenant = ?'];
  const whereParams: unknown[] = [db.tenant];
  // SQLite plans without statistics (nobody runs ANALYZE): when an index table or the trigram
  // index names the candidate ids, `+` keeps it from walking a list index over the whole schema
  // instead (cost ∝ matches, not ∝ cards).
  const fieldIndexed = dialect === 'sqlite' && (Object.values(query.filter ?? {}).some((v) => v !== null) || Object.keys(query.range ?? {}).length > 0);
  const titleIndexed = dialect === 'sqlite' && [...(query.search ?? '')].length >= 3;
  const plus = fieldIndexed || titleIndexed ? '+' : '';
  // With only the trigram index naming rowids, the tenant must not pull in an index either.
  if (titleIndexed && !fieldIndexed) where[0] = '+tenant = ?';
  if (query.schemaId !== undefined) {
    where.push(`${plus}schema_id = ?`);
    whereParams.push(query.schemaId);
  }
  let from = 'cards';
  for (const [field, value] of Object.entries(query.filter ?? {})) {
    if (dialect === 'sqlite' && value !== null && from === 'cards') {
      // The first indexed filter drives the query: its card_fields rows, then each card by key
      // (CROSS JOIN fixes that order, with or without statistics).
      from = 'card_fields AS f CROSS JOIN cards ON cards.tenant = f.tenant AND cards.id = f.card_id';
      where[0] = 'cards.tenant = ?';
      const kind = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : 'text';
      where.push('f.tenant = ? AND f.field = ? AND f.kind = ? AND f.value = ?');
      whereParams.push(db.tenant, field, kind, typeof value === 'boolean' ? Number(value) : value);
      continue;
    }
    where.push(filterSql(dialect, db.tenant, field, value, whereParams));
  }
  for (const [field, range] of Object.entries(query.range ?? {})) where.push(rangeSql(dialect, db.tenant, field, range, whereParams));
  if (query.search) {
    const needle = foldCase(query.search);
    if (dialect === 'postgres') {
      where.push(`title_folded LIKE ?`);
      whereParams.push(`%${escapeLike(needle)}%`);
    } else if ([...needle].length >= 3) {
      // The FTS5 trigram index finds titles holding every trigram in order (a phrase); instr confirms.
      where.push('rowid IN (SELECT rowid FROM cards_title WHERE cards_title MATCH ?) AND instr(title_folded, ?) > 0');
      whereParams.push(`"${needle.replace(/"/g, '""')}"`, needle);
    } else {
      where.push('instr(title_folded, ?) > 0');
      whereParams.push(needle);
    }
  }

  const unfiltered = !query.search && Object.keys(query.filter ?? {}).length === 0 && Object.keys(query.range ?? {}).length === 0;
  const sort = query.sort ?? DEFAULT_SORT;
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const sortName = `${sort.field}:${sort.direction}`;
  const column = COLUMNS[sort.field];
  const orderParams: unknown[] = [];
  const keys = column ? [column] : fieldSortKeys(dialect, sort.field, orderParams);
  const orderBy = [...keys, 'id'].map((k) => `${column ? plus : ''}${k} ${dir}`).join(', ');

  const pageWhere = [...where];
  const pageParams = [...whereParams];
  let counted: number | undefined;
  if (query.after !== undefined) {
    if (!column) throw new CursorError(`a cursor pages column sorts only (updatedAt, createdAt, title), not ${sort.field}.`);
    const c = decodeCursor(query.after, sortName);
    pageWhere.push(`(${column}, id) ${dir === 'DESC' ? '<' : '>'} (?, ?)`);
    pageParams.push(c.k, c.id);
    counted = c.t;
  }
  // One row more than asked tells whether a next page exists.
  const take = limit === Infinity ? undefined : limit + 1;
  const paging = take === undefined ? (offset ? (dialect === 'sqlite' ? ' LIMIT -1 OFFSET ?' : ' OFFSET ?') : '') : ' LIMIT ? OFFSET ?';
  const pagingParams = take === undefined ? (offset ? [offset] : []) : [take, offset];
  const sortKey = column ? `, ${column} AS sort_key` : '';
  const pageSql = `FROM ${from} WHERE ${pageWhere.join(' AND ')} ORDER BY ${orderBy}${paging}`;
  const pageRows: Promise<Row[]> =
    column || dialect === 'postgres' || take === undefined
      ? db.select<Row>(`SELECT record${sortKey} ${pageSql}`, [...pageParams, ...orderParams, ...pagingParams])
      : // A field sort has no index and sorts every match: in SQLite, sort ids only for a page (the sorter
        // then never reads records from their overflow pages; ~1.8× faster at 200,000), then read
        // the page's records by key.
        db.select<{ id: string }>(`SELECT id ${pageSql}`, [...pageParams, ...orderParams, ...pagingParams]).then(async (ids) => {
          if (ids.length === 0) return [];
          const found = await db.select<{ id: string; record: string }>(
            `SELECT id, record FROM cards WHERE tenant = ? AND id IN (${ids.map(() => '?').join(', ')})`,
            [db.tenant, ...ids.map((r) => r.id)],
          );
          const byId = new Map(found.map((r) => [r.id, r.record]));
          return ids.flatMap((r) => (byId.has(r.id) ? [{ record: byId.get(r.id)! }] : []));
        });
  const [rows, total] = await Promise.all([
    pageRows,
    counted ??
      (unfiltered
        ? // Kept by triggers (card_counts): no scan for the commonest list.
          db.select<{ n: number | string | null }>(
            `SELECT SUM(n) AS n FROM card_counts WHERE tenant = ?${query.schemaId === undefined ? '' : ' AND schema_id = ?'}`,
            query.schemaId === undefined ? [db.tenant] : [db.tenant, query.schemaId],
          )
        : db.select<{ n: number | string | null }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`, whereParams)
      ).then((r) => Number(r[0]?.n ?? 0)),
  ]);
  const more = take !== undefined && rows.length === take;
  const page = more ? rows.slice(0, limit) : rows;
  const items = page.map((r) => JSON.parse(r.record) as CardRecord);
  const result: StoreListResult = { items, total };
  const last = page[page.length - 1];
  if (more && column && last) result.nextCursor = encodeCursor({ s: sortName, k: String(last.sort_key), id: items[items.length - 1]!.id, t: total });
  return result;
}
