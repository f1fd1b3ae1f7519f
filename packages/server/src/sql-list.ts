/**
 * `list` in SQL, for both backends: the `ListQuery` meaning of `@kartochka/storage` (query.ts —
 * `matcher`, `sortRecords`, `applyQuery`), translated to one page query plus one count, so no
 * request reads a schema's rows into JavaScript. The storage conformance suite runs against both
 * stores to keep the two meanings the same.
 *
 * - filter: exact, type-strict equality on `indexed` fields; a missing field counts as null
 *   (PostgreSQL: `indexed @> {"f": v}`, served by a GIN index; SQLite: the `card_values` index
 *   table). A null filter reads `card_values` (which holds nulls too) when every card in scope
 *   holds the field (`card_field_counts`; a card type writes every indexed field, null when
 *   empty); only cards saved without the field make it read the JSON of the schema's cards.
 * - search: substring of the folded title (`foldCase`: lower case, ё = е), stored as `title_folded`.
 *   3+ characters: PostgreSQL: 6+ characters, a GIN index of the title's 6-character substrings
 *   (`title_g6`) for the needle's first six; 3–5, `LIKE '%…%'` on a pg_trgm GIN index. SQLite: without a space, an
 *   FTS5 prefix query on the starts of the title's suffixes (`cards_grams`, cost ∝ matches), with
 *   one, the FTS5 trigram index; `instr` confirms. 1–2 characters: an index of each title's
 *   distinct 1- and 2-character substrings, exact (PostgreSQL: `title_grams` + GIN; SQLite: FTS5
 *   `cards_grams`).
 * - sort: `updatedAt`, `createdAt`, `title` (folded) are columns with (tenant, schema, key, id)
 *   indexes; an indexed field sorts numbers, then strings, then booleans, then null/missing, ties by
 *   id — all reversed for `desc`: `card_values` is keyed in that order, so without filter or search
 *   (and with every card holding the field) the page walks it; with one, the matches are sorted.
 *   Text compares by code point (collation "C" / SQLite's BINARY), which is the JS code-unit order
 *   except for characters beyond U+FFFF against U+E000–U+FFFF.
 * - paging: `offset`/`limit`, or a keyset cursor (`after`) for column sorts, so a deep page costs
 *   as much as the first; `total` counts every match — on a cursor's pages, as counted for the
 *   page that made the first cursor (counting again would cost a scan of the matches per page);
 *   without filter or search it is read from `card_counts`, kept by triggers.
 */
import { type CardRecord, type IndexRange, type IndexedValue, type ListQuery, type ListResult } from '@kartochka/storage';
import { DEFAULT_SORT, foldCase, pageBounds } from '@kartochka/storage/backend';

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
  const fields = [
    ...Object.keys(query.filter ?? {}),
    ...Object.keys(query.range ?? {}),
    ...(query.sort && !(query.sort.field in COLUMNS) ? [query.sort.field] : []),
  ];
  return fields.every((f) => sqlitePath(f) !== undefined);
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The rank of a value in card_values, as query.ts ranks it: numbers, then text, then booleans, then null. */
function rankOf(value: IndexedValue): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : typeof value === 'boolean' ? 2 : 3;
}

/** card_values' one value column in SQLite: the number or text, booleans as 0/1, null as 0. */
const sqliteValue = (value: IndexedValue): unknown => (typeof value === 'boolean' ? Number(value) : (value ?? 0));

/** The ids whose `field` holds exactly `value` (null included), from card_values' key. */
function valueIdsSql(dialect: SqlListSource['dialect'], tenant: string, field: string, value: IndexedValue, params: unknown[]): string {
  if (dialect === 'postgres') {
    params.push(tenant, field, rankOf(value));
    if (value === null) return 'cards.id IN (SELECT card_id FROM card_values WHERE tenant = ? AND field = ? AND rank = ?)';
    const column = typeof value === 'number' ? 'num' : typeof value === 'string' ? 'txt' : 'bool';
    params.push(value);
    return `cards.id IN (SELECT card_id FROM card_values WHERE tenant = ? AND field = ? AND rank = ? AND ${column} = ?)`;
  }
  params.push(tenant, field, rankOf(value), sqliteValue(value));
  return 'cards.id IN (SELECT card_id FROM card_values WHERE tenant = ? AND field = ? AND rank = ? AND value = ?)';
}

/** A filter on an indexed field; `complete`: every card in scope holds the field (so null needs no scan). */
function filterSql(
  dialect: SqlListSource['dialect'],
  tenant: string,
  field: string,
  value: IndexedValue,
  complete: boolean,
  params: unknown[],
): string {
  if (value === null && !complete) {
    // Some cards lack the field (saved before it was indexed): they count as null and are in no index.
    if (dialect === 'postgres') {
      params.push(field, field);
      return `(cards.indexed -> ?::text IS NULL OR cards.indexed -> ?::text = 'null'::jsonb)`;
    }
    params.push(sqlitePath(field)!);
    return `coalesce(json_type(cards.indexed, ?), 'null') = 'null'`;
  }
  if (dialect === 'postgres' && value !== null) {
    params.push(JSON.stringify({ [field]: value }));
    return 'cards.indexed @> ?::jsonb';
  }
  return valueIdsSql(dialect, tenant, field, value, params);
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
        ? `(CASE WHEN jsonb_typeof(cards.indexed -> ?::text) = 'number' THEN (cards.indexed -> ?::text)::float8 END)`
        : `(CASE WHEN jsonb_typeof(cards.indexed -> ?::text) = 'string' THEN cards.indexed ->> ?::text END) COLLATE "C"`;
    const parts = bounds.map((end) => {
      params.push(field, field, range[end]);
      return `${value} ${end === 'min' ? '>=' : '<='} ?::${kind === 'number' ? 'float8' : 'text'}`;
    });
    return `(${parts.join(' AND ')})`;
  }
  // card_values (SQLite migration 10): a range scan of its primary key (tenant, field, rank, value).
  params.push(tenant, field, kind === 'number' ? 0 : 1, ...bounds.map((end) => range[end]));
  const conds = bounds.map((end) => (end === 'min' ? 'value >= ?' : 'value <= ?')).join(' AND ');
  return `cards.id IN (SELECT card_id FROM card_values WHERE tenant = ? AND field = ? AND rank = ? AND ${conds})`;
}

/** The ORDER BY keys (without id) for an indexed field, computed from each match's JSON. */
function fieldSortKeys(dialect: SqlListSource['dialect'], field: string, params: unknown[]): string[] {
  if (dialect === 'postgres') {
    const v = 'cards.indexed -> ?::text';
    params.push(field, field, field, field, field, field, field);
    return [
      `CASE jsonb_typeof(${v}) WHEN 'number' THEN 0 WHEN 'string' THEN 1 WHEN 'boolean' THEN 2 ELSE 3 END`,
      `CASE WHEN jsonb_typeof(${v}) = 'number' THEN (${v})::float8 END`,
      `CASE WHEN jsonb_typeof(${v}) = 'string' THEN (cards.indexed ->> ?::text) END COLLATE "C"`,
      `CASE WHEN jsonb_typeof(${v}) = 'boolean' THEN (${v})::boolean END`,
    ];
  }
  const path = sqlitePath(field)!;
  params.push(path, path);
  return [
    `CASE json_type(cards.indexed, ?) WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END`,
    'json_extract(cards.indexed, ?)',
  ];
}

/**
 * True when every card in scope holds `field` (card_field_counts against card_counts, both kept by
 * triggers): then card_values has a row per card, null included, and a null filter or a sort on
 * the field is answered from it. Cards written through a card type hold every indexed field.
 */
async function holdsEverywhere(db: SqlListSource, field: string, schemaId: string | undefined): Promise<boolean> {
  const scope = schemaId === undefined ? '' : ' AND schema_id = ?';
  const rows = await db.select<{ m: number | string | null }>(
    `SELECT (SELECT coalesce(SUM(n), 0) FROM card_counts WHERE tenant = ?${scope}) - (SELECT coalesce(SUM(n), 0) FROM card_field_counts WHERE tenant = ? AND field = ?${scope}) AS m`,
    schemaId === undefined ? [db.tenant, db.tenant, field] : [db.tenant, schemaId, db.tenant, field, schemaId],
  );
  return Number(rows[0]?.m ?? 1) === 0;
}

/** The FTS5 query of cards_grams for a 1–2 character needle: its one token, the UTF-8 bytes in hex. */
const gramToken = (needle: string): string => `"g${Buffer.from(needle, 'utf8').toString('hex').toUpperCase()}"`;
/** The FTS5 token of cards_grams for the start of a suffix (a prefix query adds ` *`). */
const suffixToken = (start: string): string => `"s${Buffer.from(start, 'utf8').toString('hex').toUpperCase()}"`;

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
  if (typeof c?.k !== 'string' || typeof c.id !== 'string' || typeof c.s !== 'string' || !Number.isInteger(c.t))
    throw new CursorError('cursor is not one this server made.');
  if (c.s !== sort) throw new CursorError(`cursor belongs to another sort (${c.s}, not ${sort}).`);
  return c;
}

type Row = { record: string; sort_key?: string; total_n?: number | string };

/** One page of `query` for `db.tenant`, with `total`, in two SQL statements (three for a null filter or field sort). */
export async function listInSql(db: SqlListSource, query: StoreListQuery): Promise<StoreListResult> {
  const { offset, limit } = pageBounds(query);
  const { dialect } = db;
  const filters = Object.entries(query.filter ?? {});
  const ranges = Object.entries(query.range ?? {});
  const needle = query.search ? foldCase(query.search) : '';
  const unfiltered = needle === '' && filters.length === 0 && ranges.length === 0;
  const sort = query.sort ?? DEFAULT_SORT;
  const column = COLUMNS[sort.field];
  // Which fields card_values holds for every card in scope (a null filter, a sort on the field).
  const complete = new Map<string, boolean>();
  for (const field of [...filters.filter(([, v]) => v === null).map(([f]) => f), ...(unfiltered && !column ? [sort.field] : [])]) {
    if (!complete.has(field)) complete.set(field, await holdsEverywhere(db, field, query.schemaId));
  }
  const fieldIndexed =
    (dialect === 'sqlite' && filters.some(([f, v]) => v !== null || complete.get(f))) || (dialect === 'sqlite' && ranges.length > 0);
  // A sort on an indexed field with nothing to narrow walks card_values in order (LIMIT stops it).
  const walkValues = unfiltered && !column && complete.get(sort.field) === true;

  const where: string[] = ['cards.tenant = ?'];
  const whereParams: unknown[] = [db.tenant];
  // SQLite plans without statistics (nobody runs ANALYZE): when an index table or a title index
  // names the candidate ids, `+` keeps it from walking a list index over the whole schema
  // instead (cost ∝ matches, not ∝ cards).
  const titleIndexed = dialect === 'sqlite' && needle !== '';
  const plus = fieldIndexed || titleIndexed || (dialect === 'sqlite' && walkValues) ? '+' : '';
  // With only a title index naming rowids, the tenant must not pull in an index either.
  if (titleIndexed && !fieldIndexed) where[0] = '+cards.tenant = ?';
  if (query.schemaId !== undefined) {
    where.push(`${plus}cards.schema_id = ?`);
    whereParams.push(query.schemaId);
  }
  let from = 'cards';
  let driven = false;
  for (const [field, value] of filters) {
    if (dialect === 'postgres' && !driven && value === null && complete.get(field)) {
      // A null filter drives from card_values too: each match's card by key (the LATERAL … OFFSET 0
      // fence keeps the planner from hash-joining a scan of every card instead; cost ∝ matches).
      driven = true;
      from =
        'card_values AS f CROSS JOIN LATERAL (SELECT * FROM cards WHERE cards.tenant = f.tenant AND cards.id = f.card_id OFFSET 0) AS cards';
      where.push(`f.tenant = ? AND f.field = ? AND f.rank = 3${query.schemaId === undefined ? '' : ' AND f.schema_id = ?'}`);
      whereParams.push(db.tenant, field, ...(query.schemaId === undefined ? [] : [query.schemaId]));
      continue;
    }
    if (dialect === 'sqlite' && !driven && (value !== null || complete.get(field))) {
      // The first indexed filter drives the query: its card_values rows, then each card by key
      // (CROSS JOIN fixes that order, with or without statistics).
      driven = true;
      from = 'card_values AS f CROSS JOIN cards ON cards.tenant = f.tenant AND cards.id = f.card_id';
      where.push('f.tenant = ? AND f.field = ? AND f.rank = ? AND f.value = ?');
      whereParams.push(db.tenant, field, rankOf(value), sqliteValue(value));
      continue;
    }
    where.push(filterSql(dialect, db.tenant, field, value, complete.get(field) === true, whereParams));
  }
  for (const [field, range] of ranges) where.push(rangeSql(dialect, db.tenant, field, range, whereParams));
  if (needle !== '') {
    const short = [...needle].length < 3;
    if (dialect === 'postgres') {
      // 1–2 characters: the GIN index of the title's 1- and 2-character substrings (exact);
      // longer: the trigram index, which LIKE confirms.
      if ([...needle].length >= 6) {
        // 6+ characters: the GIN index of the title's 6-character substrings (migration 8) names
        // the titles holding the needle's first six; strpos confirms (and, unlike LIKE, does not
        // invite the planner to AND the trigram index in).
        where.push('cards.title_g6 @> ARRAY[?]::text[] AND strpos(cards.title_folded, ?) > 0');
        whereParams.push([...needle].slice(0, 6).join(''), needle);
      } else {
        where.push(short ? 'cards.title_grams @> ARRAY[?]::text[]' : 'cards.title_folded LIKE ?');
        whereParams.push(short ? needle : `%${escapeLike(needle)}%`);
      }
    } else if (short) {
      // cards_grams (SQLite migration 10) holds each title's distinct 1- and 2-character substrings: exact.
      where.push('cards.rowid IN (SELECT rowid FROM cards_grams WHERE cards_grams MATCH ?)');
      whereParams.push(gramToken(needle));
    } else if (!needle.includes(' ')) {
      // cards_grams (SQLite migration 11) holds the first 24 characters of every suffix of every
      // space-separated run of the title: the needle's start is a prefix of one (instr confirms
      // past 24 characters). Cost ∝ matching titles, where the trigram index's is ∝ cards.
      where.push('cards.rowid IN (SELECT rowid FROM cards_grams WHERE cards_grams MATCH ?) AND instr(cards.title_folded, ?) > 0');
      whereParams.push(`${suffixToken([...needle].slice(0, 24).join(''))} *`, needle);
    } else {
      // The FTS5 trigram index finds titles holding every trigram in order (a phrase); instr confirms.
      where.push('cards.rowid IN (SELECT rowid FROM cards_title WHERE cards_title MATCH ?) AND instr(cards.title_folded, ?) > 0');
      whereParams.push(`"${needle.replace(/"/g, '""')}"`, needle);
    }
  }
  if (walkValues) {
    from = `card_values AS s ${dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN'} cards ON cards.tenant = s.tenant AND cards.id = s.card_id`;
    where.push('s.tenant = ? AND s.field = ?');
    whereParams.push(db.tenant, sort.field);
    if (query.schemaId !== undefined) {
      where.push('s.schema_id = ?');
      whereParams.push(query.schemaId);
    }
  }

  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const sortName = `${sort.field}:${sort.direction}`;
  const orderParams: unknown[] = [];
  const keys = column
    ? [`${plus}cards.${column}`, `${plus}cards.id`]
    : walkValues
      ? dialect === 'postgres'
        ? ['s.rank', 's.num', 's.txt', 's.bool', 's.card_id']
        : ['s.rank', 's.value', 's.card_id']
      : [...fieldSortKeys(dialect, sort.field, orderParams), 'cards.id'];
  const orderBy = keys.map((k) => `${k} ${dir}`).join(', ');

  const nullOnly =
    needle === '' && ranges.length === 0 && filters.length === 1 && filters[0]![1] === null && complete.get(filters[0]![0])
      ? filters[0]![0]
      : undefined;
  const pageWhere = [...where];
  const pageParams = [...whereParams];
  let counted: number | undefined;
  if (query.after !== undefined) {
    if (!column) throw new CursorError(`a cursor pages column sorts only (updatedAt, createdAt, title), not ${sort.field}.`);
    const c = decodeCursor(query.after, sortName);
    pageWhere.push(`(cards.${column}, cards.id) ${dir === 'DESC' ? '<' : '>'} (?, ?)`);
    pageParams.push(c.k, c.id);
    counted = c.t;
  }
  // One row more than asked tells whether a next page exists.
  const take = limit === Infinity ? undefined : limit + 1;
  const paging = take === undefined ? (offset ? (dialect === 'sqlite' ? ' LIMIT -1 OFFSET ?' : ' OFFSET ?') : '') : ' LIMIT ? OFFSET ?';
  const pagingParams = take === undefined ? (offset ? [offset] : []) : [take, offset];
  const sortKey = column ? `, cards.${column} AS sort_key` : '';
  const pageSql = `FROM ${from} WHERE ${pageWhere.join(' AND ')} ORDER BY ${orderBy}${paging}`;
  const direct = column || walkValues || dialect === 'postgres' || take === undefined;
  // SQLite: a filtered or searched page counts its matches in the same statement (a window over
  // the matches, before LIMIT), so the index lookup runs once, not once for the page and once for
  // total; an index always drives these (see `plus`). Not PostgreSQL: its planner then walked a
  // list index through the whole schema to feed the window (the plan test caught it).
  const windowed = dialect === 'sqlite' && direct && !unfiltered && counted === undefined && nullOnly === undefined && take !== undefined;
  // PostgreSQL, a filtered or searched list sorted by a column: the matches are found first (GIN
  // or card_values), counted and sorted from there, and only the page's records read by key. As
  // two statements the index lookup ran twice, and with a rare match (a null filter, a
  // one-character search) the planner walked the sort's index through the whole schema looking
  // for the page (1.1 s at 200,000 cards).
  const once = dialect === 'postgres' && !unfiltered && column !== undefined && counted === undefined && take !== undefined;
  const pageRows: Promise<Row[]> = once
    ? db.select<Row>(
        `WITH m AS MATERIALIZED (SELECT cards.id AS id, cards.${column} AS k FROM ${from} WHERE ${where.join(' AND ')}),
              page AS (SELECT id, k FROM m ORDER BY k ${dir}, id ${dir} LIMIT ? OFFSET ?)
         SELECT c.record, page.k AS sort_key, (SELECT COUNT(*) FROM m) AS total_n
         FROM page JOIN cards c ON c.tenant = ? AND c.id = page.id ORDER BY page.k ${dir}, page.id ${dir}`,
        [...whereParams, ...pagingParams, db.tenant],
      )
    : direct
      ? db.select<Row>(`SELECT record${sortKey}${windowed ? ', COUNT(*) OVER () AS total_n' : ''} ${pageSql}`, [
          ...pageParams,
          ...orderParams,
          ...pagingParams,
        ])
      : // A field sort has no index and sorts every match: in SQLite, sort ids only for a page (the sorter
        // then never reads records from their overflow pages; ~1.8× faster at 200,000), then read
        // the page's records by key.
        db
          .select<{ id: string }>(`SELECT cards.id AS id ${pageSql}`, [...pageParams, ...orderParams, ...pagingParams])
          .then(async (ids) => {
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
    windowed || once
      ? pageRows.then(async (r) =>
          r.length > 0 || offset === 0
            ? Number(r[0]?.total_n ?? 0)
            : // Past the last match: the window saw no row, so count.
              Number(
                (await db.select<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`, whereParams))[0]
                  ?.n ?? 0,
              ),
        )
      : (counted ??
        (unfiltered
          ? // Kept by triggers (card_counts): no scan for the commonest list.
            db.select<{ n: number | string | null }>(
              `SELECT SUM(n) AS n FROM card_counts WHERE tenant = ?${query.schemaId === undefined ? '' : ' AND schema_id = ?'}`,
              query.schemaId === undefined ? [db.tenant] : [db.tenant, query.schemaId],
            )
          : nullOnly !== undefined
            ? // A lone null filter on a field every card holds: count its key entries (PostgreSQL's planner
              // would rather hash-join a scan of the schema's cards than probe one per match).
              db.select<{ n: number | string | null }>(
                `SELECT COUNT(*) AS n FROM card_values WHERE tenant = ? AND field = ? AND rank = 3${query.schemaId === undefined ? '' : ' AND schema_id = ?'}`,
                query.schemaId === undefined ? [db.tenant, nullOnly] : [db.tenant, nullOnly, query.schemaId],
              )
            : db.select<{ n: number | string | null }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where.join(' AND ')}`, whereParams)
        ).then((r) => Number(r[0]?.n ?? 0))),
  ]);
  const more = take !== undefined && rows.length === take;
  const page = more ? rows.slice(0, limit) : rows;
  const items = page.map((r) => JSON.parse(r.record) as CardRecord);
  const result: StoreListResult = { items, total };
  const last = page[page.length - 1];
  if (more && column && last)
    result.nextCursor = encodeCursor({ s: sortName, k: String(last.sort_key), id: items[items.length - 1]!.id, t: total });
  return result;
}
