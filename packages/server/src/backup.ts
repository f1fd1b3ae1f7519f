/**
 * `kartochka-server backup --db cards.sqlite --to backup.sqlite`: a consistent copy of a live
 * database with SQLite's online backup API (better-sqlite3 `db.backup()`). It copies page by page
 * and restarts on its own when the server writes meanwhile, so the server keeps running. Restore
 * = stop the server, put the copy in place of the database file, start it (docs/rest-api.md,
 * "Operations").
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export async function backupDatabase(from: string, to: string): Promise<{ pages: number }> {
  if (!existsSync(from)) throw new Error(`no database at ${from}`);
  if (existsSync(to)) throw new Error(`${to} exists; choose a new file (a backup never overwrites)`);
  const db = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(to);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}
