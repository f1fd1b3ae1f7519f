/**
 * `kartochka-server migrate --from ./cards.sqlite --to postgres://…`: copies a SQLite database's
 * schemas, cards, history, API keys, audit log, card types' info and users' settings into PostgreSQL, table by table in primary-key
 * order, 1,000 rows per transaction. Resumable: each table continues after the last key already
 * in the target (run it again after an interruption). Verified at the end: row counts and a
 * SHA-256 over every row (in key order, both sides) must match, or the command fails.
 *
 * Run it before the PostgreSQL instances take writes (stop the SQLite server first, or copy a
 * backup made with `kartochka-server backup`).
 */
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { PgCardStore } from './pg-store.js';
import { SqliteCardStore } from './sqlite-store.js';

interface Table {
  name: string;
  key: string[];
  columns: string[];
  /** Columns stored differently on the two sides (jsonb), left out of the checksum. */
  derived?: string[];
}

/** Parents first, so a partial copy never has history without its schema. */
export const TABLES: readonly Table[] = [
  { name: 'schemas', key: ['tenant', 'schema_id', 'version'], columns: ['tenant', 'schema_id', 'version', 'entry'] },
  {
    name: 'cards',
    key: ['tenant', 'id'],
    columns: ['tenant', 'id', 'schema_id', 'revision', 'title', 'title_folded', 'indexed', 'created_at', 'updated_at', 'record'],
    derived: ['indexed'],
  },
  { name: 'revisions', key: ['tenant', 'record_id', 'revision'], columns: ['tenant', 'record_id', 'revision', 'entry'] },
  { name: 'api_keys', key: ['id'], columns: ['id', 'tenant', 'roles', 'name', 'hash', 'created_at', 'revoked_at'] },
  { name: 'audit', key: ['seq'], columns: ['seq', 'tenant', 'at', 'actor', 'action', 'target', 'revision'] },
  { name: 'file_chunks', key: ['tenant', 'file_id', 'seq'], columns: ['tenant', 'file_id', 'seq', 'bytes', 'created_at'] },
  {
    name: 'files',
    key: ['tenant', 'id'],
    columns: ['tenant', 'id', 'card_id', 'field', 'name', 'type', 'size', 'sha256', 'created_at', 'author'],
  },
  { name: 'schema_info', key: ['tenant', 'schema_id'], columns: ['tenant', 'schema_id', 'info', 'updated_at'] },
  { name: 'settings', key: ['tenant', 'user_name', 'key'], columns: ['tenant', 'user_name', 'key', 'value', 'updated_at'] },
];

const BATCH = 1000;

type Row = Record<string, unknown>;

export interface TableReport {
  table: string;
  rows: number;
  copied: number;
  checksum: string;
}

/** Key columns in byte order on PostgreSQL (SQLite's BINARY order), so both sides agree. */
const pgOrder = (t: Table, dir = 'ASC'): string =>
  t.key.map((k) => (k === 'seq' || k === 'version' || k === 'revision' ? `${k} ${dir}` : `${k} COLLATE "C" ${dir}`)).join(', ');

function normal(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('hex');
  if (typeof value === 'bigint') return Number(value);
  return value ?? null;
}

function rowDigest(t: Table, row: Row): string {
  const cols = t.columns.filter((c) => !t.derived?.includes(c));
  return JSON.stringify(cols.map((c) => (c === 'seq' ? Number(row[c]) : normal(row[c]))));
}

async function* sqliteRows(source: SqliteCardStore, t: Table, after: unknown[] | undefined): AsyncGenerator<Row[]> {
  let last = after;
  for (;;) {
    const where = last ? `WHERE (${t.key.join(', ')}) > (${t.key.map(() => '?').join(', ')})` : '';
    const rows = source.db
      .prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name} ${where} ORDER BY ${t.key.join(', ')} LIMIT ${BATCH}`)
      .all(...(last ?? [])) as Row[];
    if (rows.length === 0) return;
    yield rows;
    last = t.key.map((k) => rows[rows.length - 1]![k]);
  }
}

async function* pgRows(target: PgCardStore, t: Table): AsyncGenerator<Row[]> {
  let last: unknown[] | undefined;
  for (;;) {
    const keyCols = t.key.map((k) => pgOrder({ ...t, key: [k] }).replace(/ ASC$/, ''));
    const where = last ? `WHERE (${keyCols.join(', ')}) > (${t.key.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const rows = await target.query<Row>(
      `SELECT ${t.columns.join(', ')} FROM ${t.name} ${where} ORDER BY ${pgOrder(t)} LIMIT ${BATCH}`,
      last ?? [],
    );
    if (rows.length === 0) return;
    yield rows;
    last = t.key.map((k) => rows[rows.length - 1]![k]);
  }
}

async function digest(rows: AsyncGenerator<Row[]>, t: Table): Promise<{ count: number; checksum: string }> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const batch of rows) {
    for (const row of batch) hash.update(rowDigest(t, row) + '\n');
    count += batch.length;
  }
  return { count, checksum: hash.digest('hex') };
}

/** Copies (or resumes copying) `from` into `to`, then verifies; `log` gets progress lines. */
export async function migrateSqliteToPg(from: string, to: string, log: (line: string) => void = () => {}): Promise<TableReport[]> {
  if (!existsSync(from)) throw new Error(`no SQLite database at ${from}`);
  const source = new SqliteCardStore(from);
  const target = await PgCardStore.open(to);
  try {
    const reports: TableReport[] = [];
    for (const t of TABLES) {
      const total = (source.db.prepare(`SELECT COUNT(*) AS n FROM ${t.name}`).get() as { n: number }).n;
      const lastRow = (await target.query<Row>(`SELECT ${t.key.join(', ')} FROM ${t.name} ORDER BY ${pgOrder(t, 'DESC')} LIMIT 1`))[0];
      const resumeAfter = lastRow ? t.key.map((k) => (k === 'seq' ? Number(lastRow[k]) : lastRow[k])) : undefined;
      let copied = 0;
      let done = lastRow
        ? (
            source.db
              .prepare(`SELECT COUNT(*) AS n FROM ${t.name} WHERE (${t.key.join(', ')}) <= (${t.key.map(() => '?').join(', ')})`)
              .get(...resumeAfter!) as { n: number }
          ).n
        : 0;
      if (resumeAfter) log(`${t.name}: resuming after ${done} rows already copied`);
      for await (const batch of sqliteRows(source, t, resumeAfter)) {
        const params: unknown[] = [];
        const values = batch.map((row) => `(${t.columns.map((c) => (params.push(row[c]), `$${params.length}`)).join(', ')})`);
        await target.transaction(t.name, async (client) => {
          await client.query(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`, params);
        });
        copied += batch.length;
        done += batch.length;
        log(`${t.name}: ${done}/${total}`);
      }
      if (t.name === 'audit') {
        // New entries continue after the copied ones.
        await target.query(`SELECT setval(pg_get_serial_sequence('audit', 'seq'), GREATEST((SELECT MAX(seq) FROM audit), 1))`);
      }
      const [a, b] = [await digest(sqliteRows(source, t, undefined), t), await digest(pgRows(target, t), t)];
      if (a.count !== b.count)
        throw new Error(`${t.name}: ${a.count} rows in SQLite, ${b.count} in PostgreSQL — not verified (run again to resume)`);
      if (a.checksum !== b.checksum)
        throw new Error(
          `${t.name}: checksums differ (SQLite ${a.checksum.slice(0, 12)}, PostgreSQL ${b.checksum.slice(0, 12)}) — the target holds other data`,
        );
      log(`${t.name}: ${a.count} rows verified (sha256 ${a.checksum.slice(0, 12)})`);
      reports.push({ table: t.name, rows: a.count, copied, checksum: a.checksum });
    }
    return reports;
  } finally {
    await source.close();
    await target.close();
  }
}

export const MIGRATE_HELP = `Usage: kartochka-server migrate --from <cards.sqlite> --to <postgres://user@host:5432/db>
Copies schemas, cards, history, API keys and the audit log; run again to resume; verifies counts and checksums.`;

/** `kartochka-server migrate …` */
export async function migrateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) return void console.log(MIGRATE_HELP);
  if (!values.from || !values.to) throw new Error(`migrate needs --from and --to.\n${MIGRATE_HELP}`);
  const started = Date.now();
  const reports = await migrateSqliteToPg(values.from, values.to, (line) => console.error(line));
  for (const r of reports) console.log(`${r.table}\t${r.rows} rows\t${r.copied} copied now\tsha256 ${r.checksum}`);
  console.log(`Migrated and verified in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
