/**
 * The SQLite {@link CardStore}, on better-sqlite3: WAL mode, statements prepared once, an
 * append-only migration list recorded in `kartochka_migrations`. A put is one `BEGIN IMMEDIATE`
 * transaction covering the revision check, the card row and the history row, so two writers can
 * never both pass the check (and a killed process leaves either the whole write or none of it).
 */
import Database from 'better-sqlite3';
import {
  DuplicateError,
  QuotaExceededError,
  UnavailableError,
  NotFoundError,
  type CardRecord,
  type IndexedValue,
  type NewOrUpdatedRecord,
  type PublishSchemaInput,
  type PutOptions,
  type Revision,
  type SchemaInfo,
  type SchemaSummary,
  type SchemaVersion,
  type UniqueMatch,
} from '@kartochka/storage';
import {
  applyQuery,
  catalogue,
  checkRevision,
  mergeSchemaInfo,
  reindexed,
  reindexes,
  schemaSummary,
  foldCase,
  nextRecord,
  tombstoneOf,
  uniqueOf,
} from '@kartochka/storage/backend';
import type { KeyRow, KeyRows } from './auth/keys.js';
import { listInSql, sqlCanList, type SqlListSource, type StoreListQuery, type StoreListResult } from './sql-list.js';
import type { AuditAction, AuditEntry, AuditQuery, CardStore, PutCheck, PutResult, WriteMeta } from './store.js';
import { fileOfRow, type FileRow, type FileRows } from './file-store.js';

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
  // Tenants: every row belongs to one; what existed before belongs to the default tenant. Ids are
  // unique per tenant only. Plus API keys (hashed) and the append-only audit log.
  `CREATE TABLE cards3 (
     tenant TEXT NOT NULL,
     id TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     title TEXT NOT NULL,
     title_folded TEXT NOT NULL,
     indexed TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     record TEXT NOT NULL,
     PRIMARY KEY (tenant, id)
   );
   INSERT INTO cards3 SELECT 'default', id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record FROM cards;
   DROP TABLE cards;
   ALTER TABLE cards3 RENAME TO cards;
   CREATE INDEX cards_schema_updated ON cards (tenant, schema_id, updated_at);
   CREATE TABLE revisions3 (
     tenant TEXT NOT NULL,
     record_id TEXT NOT NULL,
     revision INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (tenant, record_id, revision)
   ) WITHOUT ROWID;
   INSERT INTO revisions3 SELECT 'default', record_id, revision, entry FROM revisions;
   DROP TABLE revisions;
   ALTER TABLE revisions3 RENAME TO revisions;
   CREATE TABLE schemas3 (
     tenant TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (tenant, schema_id, version)
   ) WITHOUT ROWID;
   INSERT INTO schemas3 SELECT 'default', schema_id, version, entry FROM schemas;
   DROP TABLE schemas;
   ALTER TABLE schemas3 RENAME TO schemas;
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY,
     tenant TEXT NOT NULL,
     roles TEXT NOT NULL,
     name TEXT NOT NULL,
     hash BLOB NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT
   );
   CREATE TABLE audit (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     tenant TEXT NOT NULL,
     at TEXT NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT NOT NULL,
     revision INTEGER
   );
   CREATE INDEX audit_tenant ON audit (tenant, seq);
   CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`,
  // Lists in SQL (sql-list.ts): each column sort walks an index in order, ties by id, per schema
  // or over the tenant; LIMIT stops the walk, a keyset cursor starts it where the last page ended.
  `DROP INDEX cards_schema_updated;
   CREATE INDEX cards_list_updated ON cards (tenant, schema_id, updated_at, id);
   CREATE INDEX cards_list_created ON cards (tenant, schema_id, created_at, id);
   CREATE INDEX cards_list_title ON cards (tenant, schema_id, title_folded, id);
   CREATE INDEX cards_tenant_updated ON cards (tenant, updated_at, id);`,
  // The index SQLite lacks for lists (sql-list.ts), kept by triggers whatever writes the cards:
  // card_fields holds each card's indexed scalars (type-strict: kind + value), so a filter reads
  // the matching ids from an index instead of every row's JSON; cards_title is an FTS5 trigram
  // index of the folded title, so a search of 3+ characters reads the titles that contain it.
  `CREATE TABLE card_fields (
     tenant TEXT NOT NULL,
     field TEXT NOT NULL,
     kind TEXT NOT NULL,
     value NOT NULL,
     card_id TEXT NOT NULL,
     PRIMARY KEY (tenant, field, kind, value, card_id)
   ) WITHOUT ROWID;
   CREATE INDEX card_fields_card ON card_fields (tenant, card_id);
   INSERT INTO card_fields SELECT c.tenant, j.key, CASE j.type WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'text' THEN 'text' ELSE 'boolean' END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE j.value END, c.id FROM cards c, json_each(c.indexed) j WHERE j.type IN ('integer', 'real', 'text', 'true', 'false');
   CREATE TRIGGER card_fields_insert AFTER INSERT ON cards BEGIN
     INSERT INTO card_fields SELECT NEW.tenant, j.key, CASE j.type WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'text' THEN 'text' ELSE 'boolean' END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE j.value END, NEW.id FROM json_each(NEW.indexed) j WHERE j.type IN ('integer', 'real', 'text', 'true', 'false');
   END;
   CREATE TRIGGER card_fields_update AFTER UPDATE OF indexed ON cards BEGIN
     DELETE FROM card_fields WHERE tenant = OLD.tenant AND card_id = OLD.id;
     INSERT INTO card_fields SELECT NEW.tenant, j.key, CASE j.type WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' WHEN 'text' THEN 'text' ELSE 'boolean' END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 ELSE j.value END, NEW.id FROM json_each(NEW.indexed) j WHERE j.type IN ('integer', 'real', 'text', 'true', 'false');
   END;
   CREATE TRIGGER card_fields_delete AFTER DELETE ON cards BEGIN
     DELETE FROM card_fields WHERE tenant = OLD.tenant AND card_id = OLD.id;
   END;
   CREATE VIRTUAL TABLE cards_title USING fts5(title_folded, content='cards', content_rowid='rowid', tokenize='trigram case_sensitive 1');
   INSERT INTO cards_title (cards_title) VALUES ('rebuild');
   CREATE TRIGGER cards_title_insert AFTER INSERT ON cards BEGIN
     INSERT INTO cards_title (rowid, title_folded) VALUES (NEW.rowid, NEW.title_folded);
   END;
   CREATE TRIGGER cards_title_update AFTER UPDATE OF title_folded ON cards BEGIN
     INSERT INTO cards_title (cards_title, rowid, title_folded) VALUES ('delete', OLD.rowid, OLD.title_folded);
     INSERT INTO cards_title (rowid, title_folded) VALUES (NEW.rowid, NEW.title_folded);
   END;
   CREATE TRIGGER cards_title_delete AFTER DELETE ON cards BEGIN
     INSERT INTO cards_title (cards_title, rowid, title_folded) VALUES ('delete', OLD.rowid, OLD.title_folded);
   END;`,
  // Cards per tenant and schema, kept by triggers: the `total` of a list without filter or search
  // (the commonest one) is read, not counted.
  `CREATE TABLE card_counts (
     tenant TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (tenant, schema_id)
   ) WITHOUT ROWID;
   INSERT INTO card_counts SELECT tenant, schema_id, COUNT(*) FROM cards GROUP BY tenant, schema_id;
   CREATE TRIGGER card_counts_insert AFTER INSERT ON cards BEGIN
     INSERT INTO card_counts (tenant, schema_id, n) VALUES (NEW.tenant, NEW.schema_id, 1)
       ON CONFLICT (tenant, schema_id) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER card_counts_delete AFTER DELETE ON cards BEGIN
     UPDATE card_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id;
   END;
   CREATE TRIGGER card_counts_update AFTER UPDATE OF schema_id ON cards WHEN OLD.schema_id IS NOT NEW.schema_id BEGIN
     UPDATE card_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id;
     INSERT INTO card_counts (tenant, schema_id, n) VALUES (NEW.tenant, NEW.schema_id, 1)
       ON CONFLICT (tenant, schema_id) DO UPDATE SET n = n + 1;
   END;`,
  // File fields (file-store.ts, docs/files.md): metadata per file, bytes in chunks (a rowid table:
  // SQLite keeps large rows better there), written as an upload streams in.
  `CREATE TABLE files (
     tenant TEXT NOT NULL,
     id TEXT NOT NULL,
     card_id TEXT NOT NULL,
     field TEXT NOT NULL,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     created_at TEXT NOT NULL,
     author TEXT NOT NULL,
     PRIMARY KEY (tenant, id)
   ) WITHOUT ROWID;
   CREATE TABLE file_chunks (
     tenant TEXT NOT NULL,
     file_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     bytes BLOB NOT NULL,
     created_at TEXT NOT NULL,
     PRIMARY KEY (tenant, file_id, seq)
   );`,
  // Users' settings and card types' info get tables of their own. Builder drafts were cards of
  // `kc-builder-draft` (id `kc-builder-draft:<schemaId>:<user>`), seen by unfiltered lists and
  // counts: they move into settings (key `builder-draft:<schemaId>:<user>`, for the card's author),
  // their cards and history go (the audit view leaves their old entries out).
  `CREATE TABLE settings (
     tenant TEXT NOT NULL,
     user_name TEXT NOT NULL,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (tenant, user_name, key)
   ) WITHOUT ROWID;
   CREATE TABLE schema_info (
     tenant TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     info TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (tenant, schema_id)
   ) WITHOUT ROWID;
   INSERT OR REPLACE INTO settings (tenant, user_name, key, value, updated_at)
     SELECT tenant, coalesce(json_extract(record, '$.author'), 'anonymous'), 'builder-draft:' || substr(id, 18), json_extract(record, '$.data'), updated_at
     FROM cards WHERE schema_id = 'kc-builder-draft' AND substr(id, 1, 17) = 'kc-builder-draft:';
   DELETE FROM cards WHERE schema_id = 'kc-builder-draft';
   DELETE FROM revisions WHERE substr(record_id, 1, 17) = 'kc-builder-draft:';`,
  // Unique keys (x-unique, docs/duplicates.md): one row per key, the primary key makes a second
  // holder impossible; a put looks its keys up by that index (never a scan). Cards saved before
  // have no keys until their next save. A deleted card's keys go with it.
  `CREATE TABLE card_unique (
     tenant TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     key TEXT NOT NULL,
     card_id TEXT NOT NULL,
     PRIMARY KEY (tenant, schema_id, key)
   ) WITHOUT ROWID;
   CREATE INDEX card_unique_card ON card_unique (tenant, card_id);
   CREATE TRIGGER card_unique_delete AFTER DELETE ON cards BEGIN
     DELETE FROM card_unique WHERE tenant = OLD.tenant AND card_id = OLD.id;
   END;`,
  // Lists without a scan of the schema (sql-list.ts). card_values replaces card_fields: every
  // indexed value of every card, null included, keyed in query.ts's sort order (rank: number 0,
  // text 1, boolean 2, null 3; then the value, then the id), so a filter (null too) reads its ids
  // from the key and a sort on an indexed field walks it. card_field_counts says how many cards of
  // a schema hold each field: when all do (cards written by a card type always hold every indexed
  // field, null when empty), a missing field (which counts as null) needs no scan. cards_grams
  // indexes each folded title's distinct 1- and 2-character substrings (as hex tokens) for
  // searches the trigram index cannot serve.
  `DROP TRIGGER card_fields_insert;
   DROP TRIGGER card_fields_update;
   DROP TRIGGER card_fields_delete;
   DROP TABLE card_fields;
   CREATE TABLE card_values (
     tenant TEXT NOT NULL,
     field TEXT NOT NULL,
     rank INTEGER NOT NULL,
     value NOT NULL,
     card_id TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     PRIMARY KEY (tenant, field, rank, value, card_id)
   ) WITHOUT ROWID;
   CREATE INDEX card_values_card ON card_values (tenant, card_id);
   INSERT INTO card_values SELECT c.tenant, j.key, CASE j.type WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'null' THEN 0 ELSE j.value END, c.id, c.schema_id FROM cards c, json_each(c.indexed) j;
   CREATE TABLE card_field_counts (
     tenant TEXT NOT NULL,
     schema_id TEXT NOT NULL,
     field TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (tenant, schema_id, field)
   ) WITHOUT ROWID;
   INSERT INTO card_field_counts SELECT tenant, schema_id, field, COUNT(*) FROM card_values GROUP BY tenant, schema_id, field;
   CREATE TRIGGER card_values_insert AFTER INSERT ON cards BEGIN
     INSERT INTO card_values SELECT NEW.tenant, j.key, CASE j.type WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'null' THEN 0 ELSE j.value END, NEW.id, NEW.schema_id FROM json_each(NEW.indexed) j;
     INSERT INTO card_field_counts SELECT NEW.tenant, NEW.schema_id, j.key, 1 FROM json_each(NEW.indexed) j WHERE true
       ON CONFLICT (tenant, schema_id, field) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER card_values_update AFTER UPDATE OF indexed, schema_id ON cards BEGIN
     DELETE FROM card_values WHERE tenant = OLD.tenant AND card_id = OLD.id;
     INSERT INTO card_values SELECT NEW.tenant, j.key, CASE j.type WHEN 'integer' THEN 0 WHEN 'real' THEN 0 WHEN 'text' THEN 1 WHEN 'true' THEN 2 WHEN 'false' THEN 2 ELSE 3 END, CASE j.type WHEN 'true' THEN 1 WHEN 'false' THEN 0 WHEN 'null' THEN 0 ELSE j.value END, NEW.id, NEW.schema_id FROM json_each(NEW.indexed) j;
     UPDATE card_field_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id AND field IN (SELECT key FROM json_each(OLD.indexed));
     INSERT INTO card_field_counts SELECT NEW.tenant, NEW.schema_id, j.key, 1 FROM json_each(NEW.indexed) j WHERE true
       ON CONFLICT (tenant, schema_id, field) DO UPDATE SET n = n + 1;
   END;
   CREATE TRIGGER card_values_delete AFTER DELETE ON cards BEGIN
     DELETE FROM card_values WHERE tenant = OLD.tenant AND card_id = OLD.id;
     UPDATE card_field_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id AND field IN (SELECT key FROM json_each(OLD.indexed));
   END;
   CREATE VIRTUAL TABLE cards_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii');
   INSERT INTO cards_grams (rowid, grams) SELECT c.rowid, (SELECT group_concat(g, ' ') FROM (SELECT DISTINCT 'g' || hex(substr(c.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(c.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(c.title_folded))) FROM cards c;
   CREATE TRIGGER cards_grams_insert AFTER INSERT ON cards BEGIN
     INSERT INTO cards_grams (rowid, grams) VALUES (NEW.rowid, (SELECT group_concat(g, ' ') FROM (SELECT DISTINCT 'g' || hex(substr(NEW.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(NEW.title_folded))));
   END;
   CREATE TRIGGER cards_grams_update AFTER UPDATE OF title_folded ON cards BEGIN
     DELETE FROM cards_grams WHERE rowid = OLD.rowid;
     INSERT INTO cards_grams (rowid, grams) VALUES (NEW.rowid, (SELECT group_concat(g, ' ') FROM (SELECT DISTINCT 'g' || hex(substr(NEW.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(NEW.title_folded))));
   END;
   CREATE TRIGGER cards_grams_delete AFTER DELETE ON cards BEGIN
     DELETE FROM cards_grams WHERE rowid = OLD.rowid;
   END;`,
  // cards_grams also holds, per title, the start (up to 24 characters) of every suffix of every
  // space-separated run: a search of 3+ characters without a space is a prefix of one of them, so
  // an FTS5 prefix query reads the matching titles' entries only (cost ∝ matches), where the
  // trigram index reads every title holding each of its trigrams (cost ∝ cards).
  `DROP TRIGGER cards_grams_insert;
   DROP TRIGGER cards_grams_update;
   DROP TRIGGER cards_grams_delete;
   DROP TABLE cards_grams;
   CREATE VIRTUAL TABLE cards_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii');
   INSERT INTO cards_grams (rowid, grams) SELECT c.rowid, (SELECT group_concat(g, ' ') FROM (SELECT 'g' || hex(substr(c.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(c.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(c.title_folded) UNION SELECT 's' || hex(substr(c.title_folded, p.key + 1, min(24, instr(substr(c.title_folded, p.key + 1) || ' ', ' ') - 1))) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(c.title_folded))), '00', '0,'), ',') || ']') AS p WHERE substr(c.title_folded, p.key + 1, 1) <> ' ')) FROM cards c;
   CREATE TRIGGER cards_grams_insert AFTER INSERT ON cards BEGIN
     INSERT INTO cards_grams (rowid, grams) VALUES (NEW.rowid, (SELECT group_concat(g, ' ') FROM (SELECT 'g' || hex(substr(NEW.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(NEW.title_folded) UNION SELECT 's' || hex(substr(NEW.title_folded, p.key + 1, min(24, instr(substr(NEW.title_folded, p.key + 1) || ' ', ' ') - 1))) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p WHERE substr(NEW.title_folded, p.key + 1, 1) <> ' ')));
   END;
   CREATE TRIGGER cards_grams_update AFTER UPDATE OF title_folded ON cards BEGIN
     DELETE FROM cards_grams WHERE rowid = OLD.rowid;
     INSERT INTO cards_grams (rowid, grams) VALUES (NEW.rowid, (SELECT group_concat(g, ' ') FROM (SELECT 'g' || hex(substr(NEW.title_folded, p.key + 1, n.n)) AS g FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p, (SELECT 1 AS n UNION ALL SELECT 2) AS n WHERE p.key + n.n <= length(NEW.title_folded) UNION SELECT 's' || hex(substr(NEW.title_folded, p.key + 1, min(24, instr(substr(NEW.title_folded, p.key + 1) || ' ', ' ') - 1))) FROM json_each('[' || rtrim(replace(hex(zeroblob(length(NEW.title_folded))), '00', '0,'), ',') || ']') AS p WHERE substr(NEW.title_folded, p.key + 1, 1) <> ' ')));
   END;
   CREATE TRIGGER cards_grams_delete AFTER DELETE ON cards BEGIN
     DELETE FROM cards_grams WHERE rowid = OLD.rowid;
   END;`,
];

/** The tenant of existing single-tenant databases, of `KARTOCHKA_TOKEN` and of an open server. */
export const DEFAULT_TENANT = 'default';

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

/** Statements prepared once per database and shared by every tenant's view of it. */
function prepare(db: Database.Database) {
  return {
    getCard: db.prepare<[string, string], { record: string }>('SELECT record FROM cards WHERE tenant = ? AND id = ?'),
    upsertCard: db.prepare(
      `INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
       VALUES (@tenant, @id, @schemaId, @revision, @title, @titleFolded, @indexed, @createdAt, @updatedAt, @record)
       ON CONFLICT (tenant, id) DO UPDATE SET schema_id = excluded.schema_id, revision = excluded.revision,
         title = excluded.title, title_folded = excluded.title_folded, indexed = excluded.indexed,
         updated_at = excluded.updated_at, record = excluded.record`,
    ),
    insertRevision: db.prepare('INSERT INTO revisions (tenant, record_id, revision, entry) VALUES (?, ?, ?, ?)'),
    lastRevision: db.prepare<[string, string], { v: number | null }>(
      'SELECT MAX(revision) AS v FROM revisions WHERE tenant = ? AND record_id = ?',
    ),
    deleteCard: db.prepare('DELETE FROM cards WHERE tenant = ? AND id = ?'),
    history: db.prepare<[string, string], { entry: string }>(
      'SELECT entry FROM revisions WHERE tenant = ? AND record_id = ? ORDER BY revision',
    ),
    // Narrowing only; query.ts decides the final answer. `instr` on the JS-folded title keeps the
    // search exactly as case-insensitive as `foldCase` (SQLite's lower() folds ASCII only).
    candidates: db.prepare<[{ tenant: string; schemaId: string | null; needle: string }], CandidateRow>(
      `SELECT id, schema_id, title, indexed, created_at, updated_at FROM cards
       WHERE tenant = @tenant AND (@schemaId IS NULL OR schema_id = @schemaId) AND (@needle = '' OR instr(title_folded, @needle) > 0)`,
    ),
    uniqueHolder: db.prepare<[string, string, string], { card_id: string }>(
      'SELECT card_id FROM card_unique WHERE tenant = ? AND schema_id = ? AND key = ?',
    ),
    uniqueFind: db.prepare<[string, string, string], { id: string; title: string }>(
      'SELECT c.id, c.title FROM card_unique u JOIN cards c ON c.tenant = u.tenant AND c.id = u.card_id WHERE u.tenant = ? AND u.schema_id = ? AND u.key = ?',
    ),
    uniqueDrop: db.prepare('DELETE FROM card_unique WHERE tenant = ? AND card_id = ?'),
    uniqueAdd: db.prepare('INSERT INTO card_unique (tenant, schema_id, key, card_id) VALUES (?, ?, ?, ?)'),
    maxVersion: db.prepare<[string, string], { v: number | null }>(
      'SELECT MAX(version) AS v FROM schemas WHERE tenant = ? AND schema_id = ?',
    ),
    insertSchema: db.prepare('INSERT INTO schemas (tenant, schema_id, version, entry) VALUES (?, ?, ?, ?)'),
    getSchema: db.prepare<[string, string, number], { entry: string }>(
      'SELECT entry FROM schemas WHERE tenant = ? AND schema_id = ? AND version = ?',
    ),
    latestSchema: db.prepare<[string, string], { entry: string }>(
      'SELECT entry FROM schemas WHERE tenant = ? AND schema_id = ? ORDER BY version DESC LIMIT 1',
    ),
    listSchemas: db.prepare<[string, string], { entry: string }>(
      'SELECT entry FROM schemas WHERE tenant = ? AND schema_id = ? ORDER BY version',
    ),
    appendAudit: db.prepare(
      'INSERT INTO audit (tenant, at, actor, action, target, revision) VALUES (@tenant, @at, @actor, @action, @target, @revision)',
    ),
    // Entries of the builder drafts kept as cards before settings existed are not the tenant's cards.
    audit: db.prepare<
      [string, number, number],
      { seq: number; at: string; actor: string; action: string; target: string; revision: number | null }
    >(
      "SELECT seq, at, actor, action, target, revision FROM audit WHERE tenant = ? AND seq > ? AND substr(target, 1, 16) <> 'kc-builder-draft' ORDER BY seq LIMIT ?",
    ),
    putChunk: db.prepare('INSERT INTO file_chunks (tenant, file_id, seq, bytes, created_at) VALUES (?, ?, ?, ?, ?)'),
    insertFile: db.prepare(
      `INSERT INTO files (tenant, id, card_id, field, name, type, size, sha256, created_at, author)
       VALUES (@tenant, @id, @cardId, @field, @name, @type, @size, @sha256, @createdAt, @author)`,
    ),
    discardChunks: db.prepare('DELETE FROM file_chunks WHERE tenant = ? AND file_id = ?'),
    discardFile: db.prepare('DELETE FROM files WHERE tenant = ? AND id = ?'),
    getFile: db.prepare<[string, string], FileRow>('SELECT * FROM files WHERE tenant = ? AND id = ?'),
    getChunk: db.prepare<[string, string, number], { bytes: Buffer }>(
      'SELECT bytes FROM file_chunks WHERE tenant = ? AND file_id = ? AND seq = ?',
    ),
    sweepChunks: db.prepare(
      'DELETE FROM file_chunks WHERE tenant = ? AND created_at < ? AND NOT EXISTS (SELECT 1 FROM files f WHERE f.tenant = file_chunks.tenant AND f.id = file_chunks.file_id)',
    ),
    schemaIds: db.prepare<[string], { schema_id: string; entry: string }>(
      'SELECT schema_id, entry FROM schemas s WHERE tenant = ? AND version = (SELECT MAX(version) FROM schemas WHERE tenant = s.tenant AND schema_id = s.schema_id)',
    ),
    allInfo: db.prepare<[string], { schema_id: string; info: string }>('SELECT schema_id, info FROM schema_info WHERE tenant = ?'),
    getInfo: db.prepare<[string, string], { info: string }>('SELECT info FROM schema_info WHERE tenant = ? AND schema_id = ?'),
    putInfo: db.prepare(
      'INSERT INTO schema_info (tenant, schema_id, info, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (tenant, schema_id) DO UPDATE SET info = excluded.info, updated_at = excluded.updated_at',
    ),
    getSetting: db.prepare<[string, string, string], { value: string }>(
      'SELECT value FROM settings WHERE tenant = ? AND user_name = ? AND key = ?',
    ),
    putSetting: db.prepare(
      'INSERT INTO settings (tenant, user_name, key, value, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, user_name, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    ),
    deleteSetting: db.prepare('DELETE FROM settings WHERE tenant = ? AND user_name = ? AND key = ?'),
    cardsOf: db.prepare<[string, string], { record: string }>('SELECT record FROM cards WHERE tenant = ? AND schema_id = ?'),
  };
}

/**
 * A {@link CardStore} in one SQLite file (or `:memory:`). The instance the constructor returns
 * is the default tenant's; {@link SqliteCardStore.forTenant} gives other tenants' views of the
 * same database (every statement names the tenant, so one view can never reach another's rows).
 */
export class SqliteCardStore implements CardStore, SqlListSource {
  readonly dialect = 'sqlite' as const;
  readonly db: Database.Database;
  readonly tenant: string;
  private readonly s: ReturnType<typeof prepare>;
  private readonly views: Map<string, SqliteCardStore>;
  private readonly statements: Map<string, Database.Statement>;

  /** Opens (creating if needed) and migrates the database at `filename`. (`view` is internal: see `forTenant`.) */
  constructor(filename: string, view?: { of: SqliteCardStore; tenant: string }) {
    if (view) {
      this.db = view.of.db;
      this.s = view.of.s;
      this.views = view.of.views;
      this.statements = view.of.statements;
      this.tenant = view.tenant;
      return;
    }
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable against a killed process in WAL mode (only a power loss may drop the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.s = prepare(this.db);
    this.tenant = DEFAULT_TENANT;
    this.views = new Map([[DEFAULT_TENANT, this]]);
    this.statements = new Map();
  }

  forTenant(tenant: string): SqliteCardStore {
    let view = this.views.get(tenant);
    if (!view) this.views.set(tenant, (view = new SqliteCardStore('', { of: this, tenant })));
    return view;
  }

  private readCard(id: string): CardRecord | undefined {
    const row = this.s.getCard.get(this.tenant, id);
    return row ? (JSON.parse(row.record) as CardRecord) : undefined;
  }

  private audited(action: AuditAction, target: string, at: string, actor: string | undefined, revision?: number): void {
    this.s.appendAudit.run({ tenant: this.tenant, at, actor: actor ?? 'anonymous', action, target, revision: revision ?? null });
  }

  /** Appends one entry to the audit log (key management uses it; card and schema writes log themselves). */
  appendAudit(action: AuditAction, target: string, actor: string | undefined, at = new Date().toISOString()): void {
    this.audited(action, target, at, actor);
  }

  private writeCardRow(record: CardRecord): void {
    this.s.upsertCard.run({
      tenant: this.tenant,
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
  }

  async get(id: string): Promise<CardRecord | undefined> {
    return this.readCard(id);
  }

  async put(input: NewOrUpdatedRecord, options: PutOptions, now: string, check?: PutCheck): Promise<PutResult> {
    const write = this.db.transaction((): PutResult => {
      const stored = this.readCard(input.id);
      checkRevision(input.id, stored, options.expectedRevision);
      // Inside the transaction, so what the check merges and compares is what is stored now.
      const checked = check ? check(stored) : input;
      // BEGIN IMMEDIATE: no other writer runs between this lookup and the insert below.
      const keys = uniqueOf(checked);
      for (const key of keys) {
        const holder = this.s.uniqueHolder.get(this.tenant, checked.schemaId, key)?.card_id;
        if (holder !== undefined && holder !== input.id) throw new DuplicateError(input.id, holder, key);
      }
      this.s.uniqueDrop.run(this.tenant, input.id);
      for (const key of keys) this.s.uniqueAdd.run(this.tenant, checked.schemaId, key, input.id);
      const { record, revision } = nextRecord(checked, stored, options, now);
      if (!stored) {
        // A card re-created after a delete continues its history after the tombstone.
        const last = this.s.lastRevision.get(this.tenant, input.id)?.v ?? 0;
        record.revision = revision.revision = last + 1;
      }
      this.writeCardRow(record);
      this.s.insertRevision.run(this.tenant, record.id, revision.revision, JSON.stringify(revision));
      this.audited('card.put', record.id, now, options.author, record.revision);
      return { record, created: stored === undefined };
    });
    try {
      return write.immediate();
    } catch (error) {
      if (isDiskFull(error)) throw new QuotaExceededError('sqlite', input.id, { cause: error });
      throw error;
    }
  }

  async delete(id: string, expectedRevision: number | undefined, meta: WriteMeta = {}): Promise<CardRecord> {
    const at = meta.at ?? new Date().toISOString();
    return this.db
      .transaction((): CardRecord => {
        const stored = this.readCard(id);
        if (!stored) throw NotFoundError.card(id);
        checkRevision(id, stored, expectedRevision);
        this.s.deleteCard.run(this.tenant, id);
        // The history stays, closed by a tombstone: who deleted the card, and when.
        const tombstone = tombstoneOf(stored, at, meta.author);
        this.s.insertRevision.run(this.tenant, id, tombstone.revision, JSON.stringify(tombstone));
        this.audited('card.delete', id, at, meta.author, stored.revision);
        return stored;
      })
      .immediate();
  }

  async list(query: StoreListQuery): Promise<StoreListResult> {
    if (sqlCanList('sqlite', query)) return listInSql(this, query);
    // A field name SQLite's JSON paths cannot spell: narrow in SQL, decide in query.ts.
    const rows = this.s.candidates.all({
      tenant: this.tenant,
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

  async findUnique(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]> {
    const out: UniqueMatch[] = [];
    for (const key of new Set(keys)) {
      const row = this.s.uniqueFind.get(this.tenant, schemaId, key);
      if (row) out.push({ key, id: row.id, title: row.title });
    }
    return out;
  }

  /** Runs one SELECT for sql-list.ts (statements cached by their text; lists use few shapes). */
  async select<R>(sql: string, params: unknown[]): Promise<R[]> {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, (statement = this.db.prepare(sql)));
    }
    return statement.all(...params) as R[];
  }

  async history(id: string): Promise<Revision[]> {
    return this.s.history.all(this.tenant, id).map((r) => JSON.parse(r.entry) as Revision);
  }

  async publishSchema(input: PublishSchemaInput, now: string): Promise<SchemaVersion> {
    return this.db
      .transaction((): SchemaVersion => {
        const version = (this.s.maxVersion.get(this.tenant, input.schemaId)?.v ?? 0) + 1;
        const published: SchemaVersion = { ...input, version, publishedAt: now };
        this.s.insertSchema.run(this.tenant, input.schemaId, version, JSON.stringify(published));
        this.audited('schema.publish', input.schemaId, now, input.author, version);
        // In the same transaction: cards saved earlier take the new version's indexed names and title.
        if (reindexes(published)) {
          const versions = this.s.listSchemas.all(this.tenant, input.schemaId).map((r) => JSON.parse(r.entry) as SchemaVersion);
          for (const row of this.s.cardsOf.all(this.tenant, input.schemaId)) {
            const next = reindexed(JSON.parse(row.record) as CardRecord, published, versions);
            if (next) this.writeCardRow(next);
          }
        }
        return published;
      })
      .immediate();
  }

  async getSchema(schemaId: string, version?: number): Promise<SchemaVersion | undefined> {
    const row =
      version === undefined ? this.s.latestSchema.get(this.tenant, schemaId) : this.s.getSchema.get(this.tenant, schemaId, version);
    return row ? (JSON.parse(row.entry) as SchemaVersion) : undefined;
  }

  async latestSchemaVersion(schemaId: string): Promise<number | undefined> {
    return this.s.maxVersion.get(this.tenant, schemaId)?.v ?? undefined;
  }

  async listSchemaVersions(schemaId: string): Promise<SchemaVersion[]> {
    return this.s.listSchemas.all(this.tenant, schemaId).map((r) => JSON.parse(r.entry) as SchemaVersion);
  }

  async listSchemas(): Promise<SchemaSummary[]> {
    const latest = new Map(this.s.schemaIds.all(this.tenant).map((r) => [r.schema_id, JSON.parse(r.entry) as SchemaVersion]));
    const info = new Map(this.s.allInfo.all(this.tenant).map((r) => [r.schema_id, JSON.parse(r.info) as SchemaInfo]));
    return catalogue(
      [...latest.keys(), ...info.keys()],
      (id) => latest.get(id),
      (id) => info.get(id),
    );
  }

  async putSchemaInfo(schemaId: string, info: SchemaInfo, now: string): Promise<SchemaSummary> {
    return this.db
      .transaction((): SchemaSummary => {
        const stored = this.s.getInfo.get(this.tenant, schemaId);
        const merged = mergeSchemaInfo(stored && (JSON.parse(stored.info) as SchemaInfo), info);
        this.s.putInfo.run(this.tenant, schemaId, JSON.stringify(merged), now);
        const latest = this.s.latestSchema.get(this.tenant, schemaId);
        return schemaSummary(schemaId, latest && (JSON.parse(latest.entry) as SchemaVersion), merged);
      })
      .immediate();
  }

  async getSetting(user: string, key: string): Promise<unknown> {
    const row = this.s.getSetting.get(this.tenant, user, key);
    return row ? JSON.parse(row.value) : undefined;
  }

  async putSetting(user: string, key: string, value: unknown, now: string): Promise<void> {
    this.s.putSetting.run(this.tenant, user, key, JSON.stringify(value), now);
  }

  async deleteSetting(user: string, key: string): Promise<void> {
    this.s.deleteSetting.run(this.tenant, user, key);
  }

  async audit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const rows = this.s.audit.all(this.tenant, query.after ?? 0, Math.min(query.limit ?? 100, 1000));
    return rows.map((r) => {
      const e: AuditEntry = { seq: r.seq, at: r.at, actor: r.actor, action: r.action as AuditAction, target: r.target };
      if (r.revision !== null) e.revision = r.revision;
      return e;
    });
  }

  keyRows(): KeyRows {
    const db = this.db;
    const s = {
      insert: db.prepare('INSERT INTO api_keys (id, tenant, roles, name, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: db.prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE id = ?'),
      all: db.prepare<[], KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id'),
      ofTenant: db.prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE tenant = ? ORDER BY created_at, id'),
      revoke: db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      any: db.prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM api_keys) AS n'),
    };
    return {
      insert: async (row, actor) =>
        db.transaction(() => {
          s.insert.run(row.id, row.tenant, row.roles, row.name, row.hash, row.created_at);
          this.forTenant(row.tenant).appendAudit('key.create', row.id, actor, row.created_at);
        })(),
      byId: async (id) => s.byId.get(id),
      list: async (tenant) => (tenant === undefined ? s.all.all() : s.ofTenant.all(tenant)),
      revoke: async (row, actor, at) =>
        db.transaction(() => {
          const changed = s.revoke.run(at, row.id).changes === 1;
          if (changed) this.forTenant(row.tenant).appendAudit('key.revoke', row.id, actor, at);
          return changed;
        })(),
      any: async () => s.any.get()!.n === 1,
    };
  }

  files(): FileRows {
    const { s, tenant } = this;
    return {
      putChunk: async (fileId, seq, bytes) => void s.putChunk.run(tenant, fileId, seq, bytes, new Date().toISOString()),
      commit: async (f) => void s.insertFile.run({ tenant, ...f }),
      discard: async (fileId) =>
        this.db.transaction(() => {
          s.discardChunks.run(tenant, fileId);
          s.discardFile.run(tenant, fileId);
        })(),
      get: async (fileId) => {
        const row = s.getFile.get(tenant, fileId);
        return row ? fileOfRow(row) : undefined;
      },
      chunk: async (fileId, seq) => {
        const row = s.getChunk.get(tenant, fileId, seq);
        return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : undefined;
      },
      sweep: async (before) => s.sweepChunks.run(tenant, before).changes,
    };
  }

  /** Removes every tenant's cards, history, schemas, files and audit log (the test-only reset hook). API keys stay. */
  async clear(): Promise<void> {
    this.db.transaction(() => {
      this.db.exec(
        'DELETE FROM cards; DELETE FROM revisions; DELETE FROM schemas; DELETE FROM files; DELETE FROM file_chunks; DELETE FROM settings; DELETE FROM schema_info;',
      );
      this.db.exec(
        'DELETE FROM cards; DELETE FROM card_unique; DELETE FROM revisions; DELETE FROM schemas; DELETE FROM files; DELETE FROM file_chunks;',
      );
      // The triggers guard the log against everything but this test-only reset.
      this.db.exec(`DROP TRIGGER audit_append_only_delete; DELETE FROM audit;
        CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;`);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
