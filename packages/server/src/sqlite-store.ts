/**
 * The SQLite {@link CardStore}, on better-sqlite3: WAL mode, statements prepared once, an
 * append-only migration list recorded in `kartochka_migrations`. A put is one `BEGIN IMMEDIATE`
 * transaction covering the revision check, the card row and the history row, so two writers can
 * never both pass the check (and a killed process leaves either the whole write or none of it).
 */
import Database from 'better-sqlite3';
import {
  QuotaExceededError,
  UnavailableError,
  applyQuery,
  checkRevision,
  foldCase,
  nextRecord,
  NotFoundError,
  type CardRecord,
  type IndexedValue,
  type ListQuery,
  type ListResult,
  type NewOrUpdatedRecord,
  type PublishSchemaInput,
  type PutOptions,
  type Revision,
  type SchemaVersion,
} from '@kartochka/storage';
import type { CardStore, PutResult } from './store.js';

/**
 * Step *i* takes the database from version *i* to *i + 1*. Never edit a released step; append.
 * Cards keep the whole record as JSON (`record`) plus the columns queries narrow on.
 */
export const migrations: readonly string[] = [
  `CREATE TABLE cards (
     id TEXT PRIMARY KEY,
     schema_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     title TEXT NOT NULL,
     title_folded TEXT NOT NULL,
     indexed TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     record TEXT NOT NULL
   );
   CREATE INDEX cards_schema_updated ON cards (schema_id, updated_at);
   CREATE TABLE revisions (
     record_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (record_id, revision)
   ) WITHOUT ROWID;
   CREATE TABLE schemas (
     schema_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (schema_id, version)
   ) WITHOUT ROWID;`,
  // foldCase (@kartochka/storage) now folds ё into е; titles were lower-cased already.
  `UPDATE cards SET title_folded = replace(title_folded, 'ё', 'е');`,
];

/** Brings `db` up to the latest migration; refuses a database written by newer code. */
export function migrate(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS kartochka_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM kartochka_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > migrations.length) {
    throw new UnavailableError(
      'sqlite',
      `the database is at schema version ${current}, newer than this server (${migrations.length}); update the server.`,
    );
  }
  const record = db.prepare('INSERT INTO kartochka_migrations (version, applied_at) VALUES (?, ?)');
  for (let i = current; i < migrations.length; i++) {
    db.transaction(() => {
      db.exec(migrations[i]!);
      record.run(i + 1, new Date().toISOString());
    }).immediate();
  }
  return migrations.length;
}

interface CandidateRow {
  id: string;
  schema_id: string;
  title: string;
  indexed: string;
  created_at: string;
  updated_at: string;
}

function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_FULL';
}

/** A {@link CardStore} in one SQLite file (or `:memory:`). */
export class SqliteCardStore implements CardStore {
  readonly db: Database.Database;
  private readonly s;

  /** Opens (creating if needed) and migrates the database at `filename`. */
  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable against a killed process in WAL mode (only a power loss may drop the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    const db = this.db;
    this.s = {
      getCard: db.prepare<[string], { record: string }>('SELECT record FROM cards WHERE id = ?'),
      upsertCard: db.prepare(
        `INSERT INTO cards (id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
         VALUES (@id, @schemaId, @revision, @title, @titleFolded, @indexed, @createdAt, @updatedAt, @record)
         ON CONFLICT (id) DO UPDATE SET schema_id = excluded.schema_id, revision = excluded.revision,
           title = excluded.title, title_folded = excluded.title_folded, indexed = excluded.indexed,
           updated_at = excluded.updated_at, record = excluded.record`,
      ),
      insertRevision: db.prepare('INSERT INTO revisions (record_id, revision, entry) VALUES (?, ?, ?)'),
      deleteCard: db.prepare('DELETE FROM cards WHERE id = ?'),
      deleteRevisions: db.prepare('DELETE FROM revisions WHERE record_id = ?'),
      history: db.prepare<[string], { entry: string }>('SELECT entry FROM revisions WHERE record_id = ? ORDER BY revision'),
      // Narrowing only; query.ts decides the final answer. `instr` on the JS-folded title keeps the
      // search exactly as case-insensitive as `foldCase` (SQLite's lower() folds ASCII only).
      candidates: db.prepare<[{ schemaId: string | null; needle: string }], CandidateRow>(
        `SELECT id, schema_id, title, indexed, created_at, updated_at FROM cards
         WHERE (@schemaId IS NULL OR schema_id = @schemaId) AND (@needle = '' OR instr(title_folded, @needle) > 0)`,
      ),
      maxVersion: db.prepare<[string], { v: number | null }>('SELECT MAX(version) AS v FROM schemas WHERE schema_id = ?'),
      insertSchema: db.prepare('INSERT INTO schemas (schema_id, version, entry) VALUES (?, ?, ?)'),
      getSchema: db.prepare<[string, number], { entry: string }>('SELECT entry FROM schemas WHERE schema_id = ? AND version = ?'),
      latestSchema: db.prepare<[string], { entry: string }>(
        'SELECT entry FROM schemas WHERE schema_id = ? ORDER BY version DESC LIMIT 1',
      ),
      listSchemas: db.prepare<[string], { entry: string }>('SELECT entry FROM schemas WHERE schema_id = ? ORDER BY version'),
    };
  }

  private readCard(id: string): CardRecord | undefined {
    const row = this.s.getCard.get(id);
    return row ? (JSON.parse(row.record) as CardRecord) : undefined;
  }

  async get(id: string): Promise<CardRecord | undefined> {
    return this.readCard(id);
  }

  async put(input: NewOrUpdatedRecord, options: PutOptions, now: string): Promise<PutResult> {
    const write = this.db.transaction((): PutResult => {
      const stored = this.readCard(input.id);
      checkRevision(input.id, stored, options.expectedRevision);
      const { record, revision } = nextRecord(input, stored, options, now);
      this.s.upsertCard.run({
        id: record.id,
        schemaId: record.schemaId,
        revision: record.revision,
        title: record.title,
        titleFolded: foldCase(record.title),
        indexed: JSON.stringify(record.indexed),
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        record: JSON.stringify(record),
      });
      this.s.insertRevision.run(record.id, revision.revision, JSON.stringify(revision));
      return { record, created: stored === undefined };
    });
    try {
      return write.immediate();
    } catch (error) {
      if (isDiskFull(error)) throw new QuotaExceededError('sqlite', input.id, { cause: error });
      throw error;
    }
  }

  async delete(id: string, expectedRevision: number | undefined): Promise<CardRecord> {
    return this.db
      .transaction((): CardRecord => {
        const stored = this.readCard(id);
        if (!stored) throw NotFoundError.card(id);
        checkRevision(id, stored, expectedRevision);
        this.s.deleteCard.run(id);
        this.s.deleteRevisions.run(id);
        return stored;
      })
      .immediate();
  }

  async list(query: ListQuery): Promise<ListResult> {
    const rows = this.s.candidates.all({
      schemaId: query.schemaId ?? null,
      needle: query.search ? foldCase(query.search) : '',
    });
    // Sort and page light stubs (no `data`), then read full records for the page only.
    const stubs = rows.map((r) => ({
      id: r.id,
      schemaId: r.schema_id,
      title: r.title,
      indexed: JSON.parse(r.indexed) as Record<string, IndexedValue>,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })) as CardRecord[];
    const page = applyQuery(stubs, query);
    const items = page.items.map((stub) => this.readCard(stub.id)!);
    return { items, total: page.total };
  }

  async history(id: string): Promise<Revision[]> {
    return this.s.history.all(id).map((r) => JSON.parse(r.entry) as Revision);
  }

  async publishSchema(input: PublishSchemaInput, now: string): Promise<SchemaVersion> {
    return this.db
      .transaction((): SchemaVersion => {
        const version = (this.s.maxVersion.get(input.schemaId)?.v ?? 0) + 1;
        const published: SchemaVersion = { ...input, version, publishedAt: now };
        this.s.insertSchema.run(input.schemaId, version, JSON.stringify(published));
        return published;
      })
      .immediate();
  }

  async getSchema(schemaId: string, version?: number): Promise<SchemaVersion | undefined> {
    const row = version === undefined ? this.s.latestSchema.get(schemaId) : this.s.getSchema.get(schemaId, version);
    return row ? (JSON.parse(row.entry) as SchemaVersion) : undefined;
  }

  async listSchemaVersions(schemaId: string): Promise<SchemaVersion[]> {
    return this.s.listSchemas.all(schemaId).map((r) => JSON.parse(r.entry) as SchemaVersion);
  }

  async clear(): Promise<void> {
    this.db.exec('DELETE FROM cards; DELETE FROM revisions; DELETE FROM schemas;');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
