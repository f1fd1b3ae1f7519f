/**
 * Which database the server tests run on. The suites that ask for a test database (`tempDb()`,
 * `openTestStore()`) run once per backend: scripts/test-node.mjs runs them a second time with
 * `KARTOCHKA_TEST_BACKEND=postgres`. On PostgreSQL every test database is a schema of its own in
 * `KARTOCHKA_TEST_PG` (default `postgres://postgres@127.0.0.1:5432/test`), dropped afterwards, so
 * parallel runs never meet. By hand: `KARTOCHKA_TEST_BACKEND=postgres node … --test file.test.ts`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CardStore } from '../store.js';

// The stores are imported when used, not here: process.ts imports this module, and the browser
// tests' server plugin (scripts/wtr-rest-server.mjs) loads process.ts in a Node process without the
// "@kartochka/source" condition, where the stores' own imports of @kartochka/storage would not resolve.
const stores = async () => ({ ...(await import('../pg-store.js')), ...(await import('../sqlite-store.js')) });

export const TEST_PG_URL = process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
export const onPostgres = process.env.KARTOCHKA_TEST_BACKEND === 'postgres';
/** The backend's name, for test titles. */
export const backendName = onPostgres ? 'PostgreSQL' : 'SQLite';
/** For `it(…, { skip: sqliteOnly })` on tests of SQLite's file, pragmas or backup. */
export const sqliteOnly: string | false = onPostgres && 'SQLite only';

/** A fresh schema's URL; `-suffix` may be appended to it for more databases of the same prefix. */
export function pgTestDb(): { db: string; prefix: string } {
  const prefix = `kt_${randomBytes(6).toString('hex')}`;
  const u = new URL(TEST_PG_URL);
  u.searchParams.set('schema', prefix);
  return { db: u.toString(), prefix };
}

/** Drops every schema whose name starts with `prefix` (`tempDb` suffixes included). */
export async function dropTestSchemas(prefix: string): Promise<void> {
  const { quoteIdent } = await stores();
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT nspname AS n FROM pg_namespace WHERE left(nspname, $1) = $2', [
      prefix.length,
      prefix,
    ]);
    for (const { n } of rows) await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(n)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A fresh, empty store on the test backend; closing it drops its PostgreSQL schema. */
export async function openTestStore(): Promise<CardStore> {
  const { PgCardStore, SqliteCardStore } = await stores();
  if (!onPostgres) return new SqliteCardStore(':memory:');
  const { db, prefix } = pgTestDb();
  const store = await PgCardStore.open(db, { poolSize: 3 });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await dropTestSchemas(prefix);
  };
  return store;
}

/**
 * Runs one statement straight on a test database of either backend (`?` placeholders), bypassing
 * the server — to look at what is stored, or to try what the database itself must refuse.
 */
export async function rawSql(db: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  if (!onPostgres) {
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    try {
      const statement = raw.prepare(sql);
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    } finally {
      raw.close();
    }
  }
  const { parsePgUrl, quoteIdent } = await stores();
  const { connectionString, schema } = parsePgUrl(db);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
