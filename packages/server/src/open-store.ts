/**
 * `--db` to a {@link CardStore}: a `postgres://` or `postgresql://` URL opens the PostgreSQL store
 * (pg-store.ts), anything else is a SQLite file (or `:memory:`).
 */
import { PgCardStore, isPostgresUrl } from './pg-store.js';
import { SqliteCardStore } from './sqlite-store.js';
import type { CardStore } from './store.js';

export async function openStore(db: string): Promise<CardStore> {
  return isPostgresUrl(db) ? PgCardStore.open(db) : new SqliteCardStore(db);
}

/** The `--db` default: `DATABASE_URL` when set (the usual name on hosting platforms), else a file here. */
export function defaultDb(): string {
  return process.env.DATABASE_URL || './cards.sqlite';
}
