/**
 * The PostgreSQL {@link CardStore}, on node-postgres (`pg`) and its connection pool: the same
 * tables, rules and answers as the SQLite store (sqlite-store.ts), for several server instances
 * on one database.
 *
 * - Migrations: an append-only list recorded in `kartochka_migrations`, applied on open under a
 *   session advisory lock, so instances started at once migrate one after the other.
 * - A put is one transaction: the stored card read `FOR UPDATE` (writers of one card wait for each
 *   other), the revision check, then the card, history and audit rows and the change notice
 *   (`pg_notify`, delivered only if the transaction commits; pg-feed.ts) in one statement — four
 *   round trips in all (a card with unique keys claims them first). Two creators of a card that
 *   does not exist yet have no row to lock: the second hits the primary key and its put runs
 *   again, meeting the first one's revision check. (A lock-free variant — read, then one
 *   `UPDATE … WHERE revision = $n` statement, two round trips — was measured against this one
 *   and wrote 15–45 % fewer cards per second here; docs/performance.md.)
 * - `?schema=name` in the URL keeps the tables in that PostgreSQL schema (created if missing);
 *   tests use one schema per run so parallel runs never meet.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import {
  DuplicateError,
  NotFoundError,
  QuotaExceededError,
  UnavailableError,
  type CardRecord,
  type NewOrUpdatedRecord,
  type PublishSchemaInput,
  type Revision,
  type SchemaInfo,
  type SchemaSummary,
  type SchemaVersion,
  type UniqueMatch,
} from '@kartochka/storage';
import {
  catalogue,
  checkRevision,
  foldCase,
  mergeSchemaInfo,
  nextRecord,
  tombstoneOf,
  reindexed,
  reindexes,
  schemaSummary,
  uniqueOf,
} from '@kartochka/storage/backend';
import type { KeyRow, KeyRows } from './auth/keys.js';
import type { ChangeNotice } from './change-feed.js';
import { DEFAULT_TENANT } from './sqlite-store.js';
import { listInSql, type SqlListSource, type StoreListQuery, type StoreListResult } from './sql-list.js';
import type { AuditAction, AuditEntry, AuditQuery, CardStore, PutCheck, PutResult, StorePutOptions, WriteMeta } from './store.js';
import { fileOfRow, type FileRow, type FileRows } from './file-store.js';

/** Step *i* takes the database from version *i* to *i + 1*. Never edit a released step; append. */
export const pgMigrations: readonly string[] = [
  `CREATE TABLE cards (
     tenant text NOT NULL,
     id text NOT NULL,
     schema_id text NOT NULL,
     revision integer NOT NULL,
     title text NOT NULL,
     title_folded text NOT NULL,
     indexed jsonb NOT NULL,
     created_at text NOT NULL,
     updated_at text NOT NULL,
     record text NOT NULL,
     PRIMARY KEY (tenant, id)
   );
   CREATE INDEX cards_schema_updated ON cards (tenant, schema_id, updated_at);
   CREATE TABLE revisions (
     tenant text NOT NULL,
     record_id text NOT NULL,
     revision integer NOT NULL,
     entry text NOT NULL,
     PRIMARY KEY (tenant, record_id, revision)
   );
   CREATE TABLE schemas (
     tenant text NOT NULL,
     schema_id text NOT NULL,
     version integer NOT NULL,
     entry text NOT NULL,
     PRIMARY KEY (tenant, schema_id, version)
   );
   CREATE TABLE api_keys (
     id text PRIMARY KEY,
     tenant text NOT NULL,
     roles text NOT NULL,
     name text NOT NULL,
     hash bytea NOT NULL,
     created_at text NOT NULL,
     revoked_at text
   );
   CREATE TABLE audit (
     seq bigserial PRIMARY KEY,
     tenant text NOT NULL,
     at text NOT NULL,
     actor text NOT NULL,
     action text NOT NULL,
     target text NOT NULL,
     revision integer
   );
   CREATE INDEX audit_tenant ON audit (tenant, seq);
   CREATE FUNCTION kartochka_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
     $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
   CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
     FOR EACH ROW EXECUTE FUNCTION kartochka_audit_append_only();`,
  // Lists in SQL (sql-list.ts). Text keys compare by code point (collation "C"), as query.ts does;
  // each column sort walks a (tenant, schema, key, id) index; filters on indexed fields use the
  // GIN index (@>), title search the trigram index (LIKE '%…%'; pg_trgm is created in public
  // before the migrations run).
  `ALTER TABLE cards ALTER COLUMN tenant TYPE text COLLATE "C", ALTER COLUMN id TYPE text COLLATE "C",
     ALTER COLUMN schema_id TYPE text COLLATE "C", ALTER COLUMN title_folded TYPE text COLLATE "C",
     ALTER COLUMN created_at TYPE text COLLATE "C", ALTER COLUMN updated_at TYPE text COLLATE "C";
   DROP INDEX cards_schema_updated;
   CREATE INDEX cards_list_updated ON cards (tenant, schema_id, updated_at, id);
   CREATE INDEX cards_list_created ON cards (tenant, schema_id, created_at, id);
   CREATE INDEX cards_list_title ON cards (tenant, schema_id, title_folded, id);
   CREATE INDEX cards_tenant_updated ON cards (tenant, updated_at, id);
   CREATE INDEX cards_indexed ON cards USING gin (indexed jsonb_path_ops);
   CREATE INDEX cards_title_trgm ON cards USING gin (title_folded gin_trgm_ops);`,
  // Cards per tenant and schema, kept by triggers: the `total` of a list without filter or search
  // (the commonest one) is read, not counted. Only creations, deletions and schema changes touch
  // a counter row, so saves of existing cards never wait on it.
  `CREATE TABLE card_counts (
     tenant text COLLATE "C" NOT NULL,
     schema_id text COLLATE "C" NOT NULL,
     n bigint NOT NULL,
     PRIMARY KEY (tenant, schema_id)
   );
   INSERT INTO card_counts SELECT tenant, schema_id, COUNT(*) FROM cards GROUP BY tenant, schema_id;
   CREATE FUNCTION kartochka_count_cards() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
   BEGIN
     IF TG_OP IN ('DELETE', 'UPDATE') THEN
       UPDATE card_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id;
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       INSERT INTO card_counts (tenant, schema_id, n) VALUES (NEW.tenant, NEW.schema_id, 1)
         ON CONFLICT (tenant, schema_id) DO UPDATE SET n = card_counts.n + 1;
     END IF;
     RETURN NULL;
   END $$;
   CREATE TRIGGER cards_count AFTER INSERT OR DELETE ON cards FOR EACH ROW EXECUTE FUNCTION kartochka_count_cards();
   CREATE TRIGGER cards_count_moved AFTER UPDATE OF schema_id ON cards
     FOR EACH ROW WHEN (OLD.schema_id IS DISTINCT FROM NEW.schema_id) EXECUTE FUNCTION kartochka_count_cards();`,
  // File fields (file-store.ts, docs/files.md): metadata per file, bytes in chunks written as an
  // upload streams in (bytea, each chunk well under TOAST's 1 GB limit).
  `CREATE TABLE files (
     tenant text COLLATE "C" NOT NULL,
     id text COLLATE "C" NOT NULL,
     card_id text NOT NULL,
     field text NOT NULL,
     name text NOT NULL,
     type text NOT NULL,
     size integer NOT NULL,
     sha256 text NOT NULL,
     created_at text NOT NULL,
     author text NOT NULL,
     PRIMARY KEY (tenant, id)
   );
   CREATE TABLE file_chunks (
     tenant text COLLATE "C" NOT NULL,
     file_id text COLLATE "C" NOT NULL,
     seq integer NOT NULL,
     bytes bytea NOT NULL,
     created_at text NOT NULL,
     PRIMARY KEY (tenant, file_id, seq)
   );`,
  // Users' settings and card types' info get tables of their own; builder drafts kept as cards of
  // `kc-builder-draft` move into settings (as in the SQLite store's migration 8).
  `CREATE TABLE settings (
     tenant text COLLATE "C" NOT NULL,
     user_name text COLLATE "C" NOT NULL,
     key text COLLATE "C" NOT NULL,
     value text NOT NULL,
     updated_at text NOT NULL,
     PRIMARY KEY (tenant, user_name, key)
   );
   CREATE TABLE schema_info (
     tenant text COLLATE "C" NOT NULL,
     schema_id text COLLATE "C" NOT NULL,
     info text NOT NULL,
     updated_at text NOT NULL,
     PRIMARY KEY (tenant, schema_id)
   );
   INSERT INTO settings (tenant, user_name, key, value, updated_at)
     SELECT tenant, coalesce(record::jsonb ->> 'author', 'anonymous'), 'builder-draft:' || substr(id, 18), (record::jsonb -> 'data')::text, updated_at
     FROM cards WHERE schema_id = 'kc-builder-draft' AND substr(id, 1, 17) = 'kc-builder-draft:'
     ON CONFLICT (tenant, user_name, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
   DELETE FROM cards WHERE schema_id = 'kc-builder-draft';
   DELETE FROM revisions WHERE substr(record_id, 1, 17) = 'kc-builder-draft:';`,
  // Unique keys (x-unique, docs/duplicates.md), as in SQLite: the primary key makes a second
  // holder impossible even for two creates at once (the second insert waits for the first
  // transaction, then finds the key taken); lookups use that index.
  `CREATE TABLE card_unique (
     tenant text COLLATE "C" NOT NULL,
     schema_id text COLLATE "C" NOT NULL,
     key text COLLATE "C" NOT NULL,
     card_id text COLLATE "C" NOT NULL,
     PRIMARY KEY (tenant, schema_id, key)
   );
   CREATE INDEX card_unique_card ON card_unique (tenant, card_id);`,
  // Lists without a scan of the schema (sql-list.ts), as in the SQLite store's migration 10:
  // card_values keys every indexed value (null included) in query.ts's sort order (rank: number 0,
  // text 1, boolean 2, null 3; then the value; then the id), so a sort on an indexed field walks
  // it and a null filter reads its ids from it; card_field_counts says how many cards of a schema
  // hold each field (a missing field counts as null: when every card holds it, nothing is missing).
  // Its rows change only when a card is created, deleted, moved or its set of fields changes, so
  // saves of existing cards never wait on a counter. title_grams holds the folded title's distinct
  // 1- and 2-character substrings, for searches too short for the trigram index (GIN, exact).
  `CREATE TABLE card_values (
     tenant text COLLATE "C" NOT NULL,
     field text COLLATE "C" NOT NULL,
     rank smallint NOT NULL,
     num float8,
     txt text COLLATE "C",
     bool boolean,
     card_id text COLLATE "C" NOT NULL,
     schema_id text COLLATE "C" NOT NULL
   );
   INSERT INTO card_values SELECT c.tenant, e.key, CASE jsonb_typeof(e.value) WHEN 'number' THEN 0 WHEN 'string' THEN 1 WHEN 'boolean' THEN 2 ELSE 3 END,
       CASE WHEN jsonb_typeof(e.value) = 'number' THEN (e.value)::float8 END,
       CASE WHEN jsonb_typeof(e.value) = 'string' THEN e.value #>> '{}' END,
       CASE WHEN jsonb_typeof(e.value) = 'boolean' THEN (e.value)::boolean END,
       c.id, c.schema_id FROM cards c, jsonb_each(c.indexed) e;
   CREATE INDEX card_values_sort ON card_values (tenant, field, rank, num, txt, bool, card_id) INCLUDE (schema_id);
   CREATE INDEX card_values_card ON card_values (tenant, card_id);
   CREATE TABLE card_field_counts (
     tenant text COLLATE "C" NOT NULL,
     schema_id text COLLATE "C" NOT NULL,
     field text COLLATE "C" NOT NULL,
     n bigint NOT NULL,
     PRIMARY KEY (tenant, schema_id, field)
   );
   INSERT INTO card_field_counts SELECT tenant, schema_id, field, COUNT(*) FROM card_values GROUP BY tenant, schema_id, field;
   CREATE FUNCTION kartochka_card_values() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
   DECLARE
     moved boolean := TG_OP <> 'UPDATE' OR OLD.schema_id IS DISTINCT FROM NEW.schema_id
       OR ARRAY(SELECT jsonb_object_keys(OLD.indexed) ORDER BY 1) IS DISTINCT FROM ARRAY(SELECT jsonb_object_keys(NEW.indexed) ORDER BY 1);
   BEGIN
     IF TG_OP IN ('DELETE', 'UPDATE') THEN
       DELETE FROM card_values WHERE tenant = OLD.tenant AND card_id = OLD.id;
       IF moved THEN
         UPDATE card_field_counts SET n = n - 1 WHERE tenant = OLD.tenant AND schema_id = OLD.schema_id AND field IN (SELECT jsonb_object_keys(OLD.indexed));
       END IF;
     END IF;
     IF TG_OP IN ('INSERT', 'UPDATE') THEN
       INSERT INTO card_values SELECT NEW.tenant, e.key, CASE jsonb_typeof(e.value) WHEN 'number' THEN 0 WHEN 'string' THEN 1 WHEN 'boolean' THEN 2 ELSE 3 END,
       CASE WHEN jsonb_typeof(e.value) = 'number' THEN (e.value)::float8 END,
       CASE WHEN jsonb_typeof(e.value) = 'string' THEN e.value #>> '{}' END,
       CASE WHEN jsonb_typeof(e.value) = 'boolean' THEN (e.value)::boolean END,
       NEW.id, NEW.schema_id FROM jsonb_each(NEW.indexed) e;
       IF moved THEN
         INSERT INTO card_field_counts (tenant, schema_id, field, n) SELECT NEW.tenant, NEW.schema_id, k, 1 FROM jsonb_object_keys(NEW.indexed) k
           ON CONFLICT (tenant, schema_id, field) DO UPDATE SET n = card_field_counts.n + 1;
       END IF;
     END IF;
     RETURN NULL;
   END $$;
   CREATE TRIGGER cards_values AFTER INSERT OR DELETE ON cards FOR EACH ROW EXECUTE FUNCTION kartochka_card_values();
   CREATE TRIGGER cards_values_changed AFTER UPDATE OF indexed, schema_id ON cards
     FOR EACH ROW WHEN (OLD.indexed IS DISTINCT FROM NEW.indexed OR OLD.schema_id IS DISTINCT FROM NEW.schema_id) EXECUTE FUNCTION kartochka_card_values();
   CREATE FUNCTION kartochka_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
     $$ SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (SELECT substr(t, i, n) AS g FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS v(n) WHERE i + n - 1 <= length(t)) s $$;
   ALTER TABLE cards ADD COLUMN title_grams text[] GENERATED ALWAYS AS (kartochka_grams(title_folded)) STORED;
   CREATE INDEX cards_title_grams ON cards USING gin (title_grams);`,
  // Title search of 6+ characters (sql-list.ts): the folded title's distinct 6-character substrings,
  // GIN-indexed; the needle's first six characters name candidates that hold them (about the
  // matches), where the trigram index reads every title holding each trigram (∝ cards).
  `CREATE FUNCTION kartochka_grams6(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
     $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 6)), '{}') FROM generate_series(1, length(t) - 5) AS i $$;
   ALTER TABLE cards ADD COLUMN title_g6 text[] GENERATED ALWAYS AS (kartochka_grams6(title_folded)) STORED;
   CREATE INDEX cards_title_g6 ON cards USING gin (title_g6);`,
];

/** The card row of a put: `$1`–`$10` are tenant, id, schema, revision, title, folded title, indexed, created, updated, record. */
const UPDATE_CARD = `UPDATE cards SET schema_id = $3, revision = $4, title = $5, title_folded = $6, indexed = $7::jsonb, created_at = $8, updated_at = $9, record = $10
  WHERE tenant = $1 AND id = $2`;
const INSERT_CARD = `INSERT INTO cards (tenant, id, schema_id, revision, title, title_folded, indexed, created_at, updated_at, record)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`;

/** The session advisory lock held while migrating (any constant; instances agree on it). */
const MIGRATION_LOCK = 7_212_004_114;
/**
 * The channel of change notices (pg-feed.ts listens on it). Channels are database-wide, so each
 * schema has its own: deployments (or test runs) in other schemas of the database never hear these.
 */
export function changesChannel(schema: string | undefined): string {
  const name = `kartochka_changes${schema === undefined ? '' : `:${schema}`}`;
  // Channel names are identifiers: at most 63 bytes.
  return name.length <= 63 ? name : `kartochka_changes:${createHash('sha256').update(schema!).digest('hex').slice(0, 32)}`;
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** Splits `?schema=` off a URL (node-postgres does not know it). */
export function parsePgUrl(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema !== undefined && !/^[A-Za-z0-9_-]{1,63}$/.test(schema))
    throw new Error(`schema must be 1–63 letters, digits, _ or - (got ${JSON.stringify(schema)})`);
  return { connectionString: u.toString(), schema };
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL's own errors and lost connections as the storage package's errors. */
function storageError(error: unknown, id: string): unknown {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === '53100') return new QuotaExceededError('postgres', id, { cause: error });
  if (/^(08|57P)/.test(code) || /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code) || /Connection terminated/.test(String(error))) {
    return new UnavailableError('postgres', 'the database connection failed; try again.', { cause: error });
  }
  return error;
}

interface Shared {
  pool: pg.Pool;
  schema?: string;
  /** This process's id in change notices, so it skips its own (it announced them already). */
  origin: string;
  views: Map<string, PgCardStore>;
}

type AuditRow = { seq: string; at: string; actor: string; action: string; target: string; revision: number | null };

export class PgCardStore implements CardStore, SqlListSource {
  readonly dialect = 'postgres' as const;
  readonly tenant: string;
  private readonly shared: Shared;

  /** Connects, creates the schema if needed and migrates (one instance at a time). */
  static async open(url: string, options: { poolSize?: number } = {}): Promise<PgCardStore> {
    const { connectionString, schema } = parsePgUrl(url);
    const pool = new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 10_000,
      application_name: `kartochka${schema ? `:${schema}` : ''}`.slice(0, 63),
      // Every connection starts in the schema (a startup option: nothing to run before the first query).
      ...(schema === undefined ? {} : { options: `-c search_path=${quoteIdent(schema)},public` }),
    });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const shared: Shared = { pool, schema, origin: `${process.pid}-${Math.random().toString(36).slice(2)}`, views: new Map() };
    const store = new PgCardStore(shared, DEFAULT_TENANT);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw storageError(error, '?');
    }
    return store;
  }

  private constructor(shared: Shared, tenant: string) {
    this.shared = shared;
    this.tenant = tenant;
    shared.views.set(tenant, this);
  }

  get pool(): pg.Pool {
    return this.shared.pool;
  }

  get schema(): string | undefined {
    return this.shared.schema;
  }

  get origin(): string {
    return this.shared.origin;
  }

  forTenant(tenant: string): PgCardStore {
    return this.shared.views.get(tenant) ?? new PgCardStore(this.shared, tenant);
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        if (this.schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
        // Trigram search (migration 2). In public, shared by every schema of the database.
        await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
        await client.query('CREATE TABLE IF NOT EXISTS kartochka_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)');
        const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM kartochka_migrations');
        const current = rows[0]?.v ?? 0;
        if (current > pgMigrations.length) {
          throw new UnavailableError(
            'postgres',
            `the database is at schema version ${current}, newer than this server (${pgMigrations.length}); update the server.`,
          );
        }
        for (let i = current; i < pgMigrations.length; i++) {
          await client.query('BEGIN');
          try {
            await client.query(pgMigrations[i]!);
            await client.query('INSERT INTO kartochka_migrations (version, applied_at) VALUES ($1, $2)', [i + 1, new Date().toISOString()]);
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction on one pooled connection. */
  async transaction<T>(id: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw storageError(error, id);
    }
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw storageError(error, id);
    } finally {
      client.release(broken);
    }
  }

  /** One query outside a transaction. */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, params)).rows;
    } catch (error) {
      throw storageError(error, '?');
    }
  }

  private async audited(
    client: pg.PoolClient,
    tenant: string,
    action: AuditAction,
    target: string,
    at: string,
    actor: string | undefined,
    revision?: number,
  ): Promise<void> {
    await client.query('INSERT INTO audit (tenant, at, actor, action, target, revision) VALUES ($1, $2, $3, $4, $5, $6)', [
      tenant,
      at,
      actor ?? 'anonymous',
      action,
      target,
      revision ?? null,
    ]);
  }

  /**
   * The write statements of one put or delete, as one round trip: data-modifying CTEs for the card
   * row, the history row and the audit row, then the change notice (sent only if the transaction
   * commits). `card` is the card statement with `$n` placeholders numbered from 1, ending in
   * `RETURNING 1`: the other rows (and the notice) are written only if it touched the card, so a
   * conditional card statement (`… WHERE revision = $n`, `ON CONFLICT DO NOTHING`) makes the whole
   * write conditional. `dropUnique` also removes the card's unique keys (a put that has none).
   * Resolves to whether the card was written.
   */
  private async writeAll(
    client: pg.PoolClient | pg.Pool,
    card: { sql: string; params: unknown[] },
    revision: Revision,
    audit: { action: AuditAction; at: string; actor: string | undefined; revision: number },
    notice: Pick<ChangeNotice, 'type' | 'id' | 'revision' | 'client'>,
    dropUnique = false,
  ): Promise<boolean> {
    const params = [...card.params];
    const p = (value: unknown, type = 'text'): string => (params.push(value), `$${params.length}::${type}`);
    const written = 'WHERE EXISTS (SELECT 1 FROM card)';
    const history = `INSERT INTO revisions (tenant, record_id, revision, entry) SELECT ${p(this.tenant)}, ${p(revision.recordId)}, ${p(revision.revision, 'integer')}, ${p(JSON.stringify(revision))} ${written}`;
    const auditRow = `INSERT INTO audit (tenant, at, actor, action, target, revision) SELECT ${p(this.tenant)}, ${p(audit.at)}, ${p(audit.actor ?? 'anonymous')}, ${p(audit.action)}, ${p(notice.id)}, ${p(audit.revision, 'integer')} ${written}`;
    const unique = dropUnique
      ? `, unique_gone AS (DELETE FROM card_unique WHERE tenant = ${p(this.tenant)} AND card_id = ${p(notice.id)} AND EXISTS (SELECT 1 FROM card))`
      : '';
    // The writing client's id too (`c`), so its own write is not news to it on another instance's stream.
    const payload = JSON.stringify({
      o: this.origin,
      t: this.tenant,
      i: notice.id,
      r: notice.revision,
      d: notice.type === 'delete' ? 1 : 0,
      ...(notice.client === undefined ? {} : { c: notice.client }),
    });
    // pg_notify payloads are limited to 8000 bytes; ids are short (the server validates them).
    const notify =
      Buffer.byteLength(payload) < 7900
        ? `SELECT pg_notify(${p(changesChannel(this.schema))}, ${p(payload)}) FROM card`
        : 'SELECT 1 FROM card';
    const result = await client.query(
      `WITH card AS (${card.sql}), history AS (${history}), audit_row AS (${auditRow})${unique} ${notify}`,
      params,
    );
    return (result.rowCount ?? result.rows.length) > 0;
  }

  /** Reads the card under a row lock (writers of an existing card wait here for each other). */
  private async readForUpdate(client: pg.PoolClient, id: string): Promise<CardRecord | undefined> {
    const found = await client.query<{ record: string }>('SELECT record FROM cards WHERE tenant = $1 AND id = $2 FOR UPDATE', [
      this.tenant,
      id,
    ]);
    return found.rows[0] ? (JSON.parse(found.rows[0].record) as CardRecord) : undefined;
  }

  async get(id: string): Promise<CardRecord | undefined> {
    const rows = await this.query<{ record: string }>('SELECT record FROM cards WHERE tenant = $1 AND id = $2', [this.tenant, id]);
    return rows[0] ? (JSON.parse(rows[0].record) as CardRecord) : undefined;
  }

  /**
   * One transaction: the stored card read under `FOR UPDATE`, the revision check, then the card,
   * history and audit rows and the notice in one statement. Two creators of one new card (nothing
   * to lock yet) both insert; the second hits the primary key, and the whole put runs again — now
   * it sees the first one's card and its revision check decides, as for any other update.
   */
  async put(input: NewOrUpdatedRecord, options: StorePutOptions, now: string, check?: PutCheck): Promise<PutResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(input.id, (client) => this.putOnce(client, input, options, now, check));
      } catch (error) {
        if (attempt < 5 && (error as { code?: string } | null)?.code === '23505') continue;
        throw error;
      }
    }
  }

  /** The card row's values, `$1`–`$10` of UPDATE_CARD and INSERT_CARD. */
  private cardValues(record: CardRecord): unknown[] {
    return [
      this.tenant,
      record.id,
      record.schemaId,
      record.revision,
      record.title,
      foldCase(record.title),
      JSON.stringify(record.indexed),
      record.createdAt,
      record.updatedAt,
      JSON.stringify(record),
    ];
  }

  private async putOnce(
    client: pg.PoolClient,
    input: NewOrUpdatedRecord,
    options: StorePutOptions,
    now: string,
    check?: PutCheck,
  ): Promise<PutResult> {
    const stored = await this.readForUpdate(client, input.id);
    checkRevision(input.id, stored, options.expectedRevision);
    // Inside the transaction, so what the check merges and compares is what is stored now.
    const checked = check ? check(stored) : input;
    const keys = uniqueOf(checked);
    // Without keys, the card's old keys go in the write statement below (one round trip fewer).
    if (keys.length > 0) await this.claimKeys(client, input.id, checked.schemaId, keys);
    const { record, revision } = nextRecord(checked, stored, options, now);
    if (!stored) {
      // A card re-created after a delete continues its history after the tombstone.
      const last = await client.query<{ v: number | null }>(
        'SELECT MAX(revision) AS v FROM revisions WHERE tenant = $1 AND record_id = $2',
        [this.tenant, input.id],
      );
      record.revision = revision.revision = (last.rows[0]?.v ?? 0) + 1;
    }
    const values = this.cardValues(record);
    const card = stored ? { sql: `${UPDATE_CARD} RETURNING 1`, params: values } : { sql: `${INSERT_CARD} RETURNING 1`, params: values };
    await this.writeAll(
      client,
      card,
      revision,
      { action: 'card.put', at: now, actor: options.author, revision: record.revision },
      { type: 'put', id: record.id, revision: record.revision, client: options.client },
      keys.length === 0,
    );
    return { record, created: stored === undefined };
  }

  /**
   * Makes `keys` the card's unique keys, or throws `DuplicateError` naming the holder. A concurrent
   * creator of the same key blocks on the primary key until the first transaction ends; then
   * `DO NOTHING` skips the row and the holder lookup (a new statement) sees the committed card.
   */
  private async claimKeys(client: pg.PoolClient, id: string, schemaId: string, keys: string[]): Promise<void> {
    await client.query('DELETE FROM card_unique WHERE tenant = $1 AND card_id = $2', [this.tenant, id]);
    if (keys.length === 0) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await client.query<{ key: string }>(
        'INSERT INTO card_unique (tenant, schema_id, key, card_id) SELECT $1, $2, k, $3 FROM unnest($4::text[]) AS k ON CONFLICT DO NOTHING RETURNING key',
        [this.tenant, schemaId, id, keys],
      );
      if (inserted.rows.length === keys.length) return;
      const got = new Set(inserted.rows.map((r) => r.key));
      const missing = keys.filter((k) => !got.has(k));
      const holders = await client.query<{ key: string; card_id: string }>(
        'SELECT key, card_id FROM card_unique WHERE tenant = $1 AND schema_id = $2 AND key = ANY($3::text[])',
        [this.tenant, schemaId, missing],
      );
      const first = holders.rows.find((r) => r.card_id !== id);
      if (first) throw new DuplicateError(id, first.card_id, first.key);
      // The holder went away between the insert and the lookup: claim what is still missing.
      keys = missing;
    }
  }

  async findUnique(schemaId: string, keys: readonly string[]): Promise<UniqueMatch[]> {
    const distinct = [...new Set(keys)];
    if (distinct.length === 0) return [];
    const rows = await this.query<{ key: string; id: string; title: string }>(
      `SELECT u.key, c.id, c.title FROM card_unique u JOIN cards c ON c.tenant = u.tenant AND c.id = u.card_id
       WHERE u.tenant = $1 AND u.schema_id = $2 AND u.key = ANY($3::text[])`,
      [this.tenant, schemaId, distinct],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return distinct.flatMap((key) => {
      const r = byKey.get(key);
      return r ? [{ key, id: r.id, title: r.title }] : [];
    });
  }

  async delete(id: string, expectedRevision: number | undefined, meta: WriteMeta = {}): Promise<CardRecord> {
    const at = meta.at ?? new Date().toISOString();
    return this.transaction(id, async (client) => {
      const stored = await this.readForUpdate(client, id);
      if (!stored) throw NotFoundError.card(id);
      checkRevision(id, stored, expectedRevision);
      // The history stays, closed by a tombstone: who deleted the card, and when.
      const tombstone = tombstoneOf(stored, at, meta.author);
      await client.query('DELETE FROM card_unique WHERE tenant = $1 AND card_id = $2', [this.tenant, id]);
      const card = { sql: 'DELETE FROM cards WHERE tenant = $1 AND id = $2 RETURNING 1', params: [this.tenant, id] };
      await this.writeAll(
        client,
        card,
        tombstone,
        { action: 'card.delete', at, actor: meta.author, revision: stored.revision },
        { type: 'delete', id, revision: stored.revision, client: meta.client },
      );
      return stored;
    });
  }

  async list(query: StoreListQuery): Promise<StoreListResult> {
    return listInSql(this, query);
  }

  /** Runs one SELECT for sql-list.ts (`?` placeholders become `$n`). */
  async select<R>(sql: string, params: unknown[]): Promise<R[]> {
    let n = 0;
    return (await this.query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    )) as R[];
  }

  async history(id: string): Promise<Revision[]> {
    const rows = await this.query<{ entry: string }>('SELECT entry FROM revisions WHERE tenant = $1 AND record_id = $2 ORDER BY revision', [
      this.tenant,
      id,
    ]);
    return rows.map((r) => JSON.parse(r.entry) as Revision);
  }

  async publishSchema(input: PublishSchemaInput, now: string): Promise<SchemaVersion> {
    return this.transaction(input.schemaId, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('kartochka.schema'), hashtext($1 || '/' || $2))", [
        this.tenant,
        input.schemaId,
      ]);
      const max = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schemas WHERE tenant = $1 AND schema_id = $2', [
        this.tenant,
        input.schemaId,
      ]);
      const version = (max.rows[0]?.v ?? 0) + 1;
      const published: SchemaVersion = { ...input, version, publishedAt: now };
      await client.query('INSERT INTO schemas (tenant, schema_id, version, entry) VALUES ($1, $2, $3, $4)', [
        this.tenant,
        input.schemaId,
        version,
        JSON.stringify(published),
      ]);
      await this.audited(client, this.tenant, 'schema.publish', input.schemaId, now, input.author, version);
      // In the same transaction: cards saved earlier take the new version's indexed names and title.
      if (reindexes(published)) {
        const versions = (
          await client.query<{ entry: string }>('SELECT entry FROM schemas WHERE tenant = $1 AND schema_id = $2 ORDER BY version', [
            this.tenant,
            input.schemaId,
          ])
        ).rows.map((r) => JSON.parse(r.entry) as SchemaVersion);
        const cards = await client.query<{ record: string }>('SELECT record FROM cards WHERE tenant = $1 AND schema_id = $2 FOR UPDATE', [
          this.tenant,
          input.schemaId,
        ]);
        for (const row of cards.rows) {
          const next = reindexed(JSON.parse(row.record) as CardRecord, published, versions);
          if (!next) continue;
          await client.query(
            'UPDATE cards SET title = $3, title_folded = $4, indexed = $5::jsonb, record = $6 WHERE tenant = $1 AND id = $2',
            [this.tenant, next.id, next.title, foldCase(next.title), JSON.stringify(next.indexed), JSON.stringify(next)],
          );
        }
      }
      return published;
    });
  }

  async getSchema(schemaId: string, version?: number): Promise<SchemaVersion | undefined> {
    const rows =
      version === undefined
        ? await this.query<{ entry: string }>(
            'SELECT entry FROM schemas WHERE tenant = $1 AND schema_id = $2 ORDER BY version DESC LIMIT 1',
            [this.tenant, schemaId],
          )
        : await this.query<{ entry: string }>('SELECT entry FROM schemas WHERE tenant = $1 AND schema_id = $2 AND version = $3', [
            this.tenant,
            schemaId,
            version,
          ]);
    return rows[0] ? (JSON.parse(rows[0].entry) as SchemaVersion) : undefined;
  }

  async latestSchemaVersion(schemaId: string): Promise<number | undefined> {
    const rows = await this.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schemas WHERE tenant = $1 AND schema_id = $2', [
      this.tenant,
      schemaId,
    ]);
    return rows[0]?.v ?? undefined;
  }

  async listSchemaVersions(schemaId: string): Promise<SchemaVersion[]> {
    const rows = await this.query<{ entry: string }>('SELECT entry FROM schemas WHERE tenant = $1 AND schema_id = $2 ORDER BY version', [
      this.tenant,
      schemaId,
    ]);
    return rows.map((r) => JSON.parse(r.entry) as SchemaVersion);
  }

  async listSchemas(): Promise<SchemaSummary[]> {
    const latest = new Map(
      (
        await this.query<{ schema_id: string; entry: string }>(
          'SELECT DISTINCT ON (schema_id) schema_id, entry FROM schemas WHERE tenant = $1 ORDER BY schema_id, version DESC',
          [this.tenant],
        )
      ).map((r) => [r.schema_id, JSON.parse(r.entry) as SchemaVersion]),
    );
    const info = new Map(
      (
        await this.query<{ schema_id: string; info: string }>('SELECT schema_id, info FROM schema_info WHERE tenant = $1', [this.tenant])
      ).map((r) => [r.schema_id, JSON.parse(r.info) as SchemaInfo]),
    );
    return catalogue(
      [...latest.keys(), ...info.keys()],
      (id) => latest.get(id),
      (id) => info.get(id),
    );
  }

  async putSchemaInfo(schemaId: string, info: SchemaInfo, now: string): Promise<SchemaSummary> {
    return this.transaction(schemaId, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('kartochka.schema-info'), hashtext($1 || '/' || $2))", [
        this.tenant,
        schemaId,
      ]);
      const stored = (
        await client.query<{ info: string }>('SELECT info FROM schema_info WHERE tenant = $1 AND schema_id = $2', [this.tenant, schemaId])
      ).rows[0];
      const merged = mergeSchemaInfo(stored && (JSON.parse(stored.info) as SchemaInfo), info);
      await client.query(
        'INSERT INTO schema_info (tenant, schema_id, info, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant, schema_id) DO UPDATE SET info = excluded.info, updated_at = excluded.updated_at',
        [this.tenant, schemaId, JSON.stringify(merged), now],
      );
      const latest = (
        await client.query<{ entry: string }>(
          'SELECT entry FROM schemas WHERE tenant = $1 AND schema_id = $2 ORDER BY version DESC LIMIT 1',
          [this.tenant, schemaId],
        )
      ).rows[0];
      return schemaSummary(schemaId, latest && (JSON.parse(latest.entry) as SchemaVersion), merged);
    });
  }

  async getSetting(user: string, key: string): Promise<unknown> {
    const rows = await this.query<{ value: string }>('SELECT value FROM settings WHERE tenant = $1 AND user_name = $2 AND key = $3', [
      this.tenant,
      user,
      key,
    ]);
    return rows[0] ? JSON.parse(rows[0].value) : undefined;
  }

  async putSetting(user: string, key: string, value: unknown, now: string): Promise<void> {
    await this.query(
      'INSERT INTO settings (tenant, user_name, key, value, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant, user_name, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      [this.tenant, user, key, JSON.stringify(value), now],
    );
  }

  async deleteSetting(user: string, key: string): Promise<void> {
    await this.query('DELETE FROM settings WHERE tenant = $1 AND user_name = $2 AND key = $3', [this.tenant, user, key]);
  }

  async audit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    // Entries of the builder drafts kept as cards before settings existed are not the tenant's cards.
    const rows = await this.query<AuditRow>(
      "SELECT seq, at, actor, action, target, revision FROM audit WHERE tenant = $1 AND seq > $2 AND substr(target, 1, 16) <> 'kc-builder-draft' ORDER BY seq LIMIT $3",
      [this.tenant, query.after ?? 0, Math.min(query.limit ?? 100, 1000)],
    );
    return rows.map((r) => {
      const e: AuditEntry = { seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action as AuditAction, target: r.target };
      if (r.revision !== null) e.revision = r.revision;
      return e;
    });
  }

  keyRows(): KeyRows {
    return {
      insert: (row, actor) =>
        this.transaction(row.id, async (client) => {
          await client.query('INSERT INTO api_keys (id, tenant, roles, name, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
            row.id,
            row.tenant,
            row.roles,
            row.name,
            row.hash,
            row.created_at,
          ]);
          await this.audited(client, row.tenant, 'key.create', row.id, row.created_at, actor);
        }),
      byId: async (id) => (await this.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]))[0],
      list: (tenant) =>
        tenant === undefined
          ? this.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')
          : this.query<KeyRow>('SELECT * FROM api_keys WHERE tenant = $1 ORDER BY created_at, id', [tenant]),
      revoke: (row, actor, at) =>
        this.transaction(row.id, async (client) => {
          const changed =
            (await client.query('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, row.id])).rowCount === 1;
          if (changed) await this.audited(client, row.tenant, 'key.revoke', row.id, at, actor);
          return changed;
        }),
      any: async () => (await this.query('SELECT 1 FROM api_keys LIMIT 1')).length > 0,
    };
  }

  files(): FileRows {
    const tenant = this.tenant;
    return {
      putChunk: async (fileId, seq, bytes) =>
        void (await this.query('INSERT INTO file_chunks (tenant, file_id, seq, bytes, created_at) VALUES ($1, $2, $3, $4, $5)', [
          tenant,
          fileId,
          seq,
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          new Date().toISOString(),
        ])),
      commit: async (f) =>
        void (await this.query(
          'INSERT INTO files (tenant, id, card_id, field, name, type, size, sha256, created_at, author) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
          [tenant, f.id, f.cardId, f.field, f.name, f.type, f.size, f.sha256, f.createdAt, f.author],
        )),
      discard: (fileId) =>
        this.transaction(fileId, async (client) => {
          await client.query('DELETE FROM file_chunks WHERE tenant = $1 AND file_id = $2', [tenant, fileId]);
          await client.query('DELETE FROM files WHERE tenant = $1 AND id = $2', [tenant, fileId]);
        }),
      get: async (fileId) => {
        const rows = await this.query<FileRow>('SELECT * FROM files WHERE tenant = $1 AND id = $2', [tenant, fileId]);
        return rows[0] ? fileOfRow(rows[0]) : undefined;
      },
      chunk: async (fileId, seq) => {
        const rows = await this.query<{ bytes: Buffer }>('SELECT bytes FROM file_chunks WHERE tenant = $1 AND file_id = $2 AND seq = $3', [
          tenant,
          fileId,
          seq,
        ]);
        const b = rows[0]?.bytes;
        return b ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : undefined;
      },
      sweep: async (before) => {
        const rows = await this.query(
          'DELETE FROM file_chunks c WHERE c.tenant = $1 AND c.created_at < $2 AND NOT EXISTS (SELECT 1 FROM files f WHERE f.tenant = c.tenant AND f.id = c.file_id) RETURNING 1',
          [tenant, before],
        );
        return rows.length;
      },
    };
  }

  /** Removes every tenant's cards, history, schemas, files and audit log (the test-only reset hook). API keys stay. */
  async clear(): Promise<void> {
    // TRUNCATE fires no row triggers: the append-only guard stays for everything but this reset.
    await this.query(
      'TRUNCATE cards, card_counts, card_values, card_field_counts, revisions, schemas, audit, files, file_chunks, settings, schema_info',
    );
    await this.query('TRUNCATE cards, card_unique, card_counts, revisions, schemas, audit, files, file_chunks');
  }

  async close(): Promise<void> {
    if (!this.shared.pool.ended) await this.shared.pool.end();
  }
}
