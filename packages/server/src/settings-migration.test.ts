// Builder drafts used to be cards of `kc-builder-draft`: the store's latest migration moves them
// into the user's settings (nothing lost), and from then on no list, count, history or audit view
// shows them. Run on the test backend (SQLite, or PostgreSQL under KARTOCHKA_TEST_BACKEND=postgres).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PgCardStore, parsePgUrl, pgMigrations, quoteIdent } from './pg-store.js';
import { SqliteCardStore, migrations } from './sqlite-store.js';
import type { CardStore } from './store.js';
import { onPostgres } from './test-support/backend.js';
import { tempDb } from './test-support/process.js';

const open = async (db: string): Promise<CardStore> => (onPostgres ? PgCardStore.open(db, { poolSize: 2 }) : new SqliteCardStore(db));
/** The settings step of the backend's migration list (later steps of other features may follow it). */
const settingsStep = (onPostgres ? pgMigrations : migrations).find((m) => m.includes('CREATE TABLE settings'))!;

/** Runs several statements straight on the test database (the migration step as the store runs it). */
async function exec(db: string, sql: string): Promise<void> {
  if (!onPostgres) {
    const raw = new Database(db);
    try {
      raw.exec(sql);
    } finally {
      raw.close();
    }
    return;
  }
  const { connectionString, schema } = parsePgUrl(db);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    if (schema) await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the settings migration (builder drafts out of the cards)', () => {
  it("moves draft cards into their author's settings and drops the cards, their history and their audit entries from view", async () => {
    const tmp = tempDb();
    try {
      const at = '2026-01-01T00:00:00.000Z';
      const draft = { schemaId: 'type-x', basedOn: null, document: { schema: { type: 'object', title: 'Поставщики' } }, savedAt: at };
      let store = await open(tmp.db);
      // What the old builder wrote: a schema for drafts, a draft card per type and user, and real cards.
      await store.publishSchema({ schemaId: 'kc-builder-draft', schema: { type: 'object' }, author: 'Ada' }, at);
      await store.publishSchema({ schemaId: 'client', schema: { type: 'object' }, author: 'Ada' }, at);
      await store.put(
        {
          id: 'kc-builder-draft:type-x:demo',
          schemaId: 'kc-builder-draft',
          schemaVersion: 1,
          title: 'type-x',
          data: draft,
          indexed: { draftOf: 'type-x' },
        },
        { author: 'Ada' },
        at,
      );
      await store.put(
        {
          id: 'kc-builder-draft:type-x:demo',
          schemaId: 'kc-builder-draft',
          schemaVersion: 1,
          title: 'type-x',
          data: { ...draft, basedOn: 1 },
          indexed: { draftOf: 'type-x' },
        },
        { author: 'Ada' },
        at,
      );
      await store.put({ id: 'c-1', schemaId: 'client', schemaVersion: 1, title: 'Альфа', data: {}, indexed: {} }, { author: 'Ada' }, at);
      await store.close();
      // The settings step again, over the database as it was before it (no settings tables yet).
      await exec(tmp.db, 'DROP TABLE settings; DROP TABLE schema_info;');
      await exec(tmp.db, settingsStep);

      store = await open(tmp.db);
      try {
        assert.deepEqual(await store.getSetting('Ada', 'builder-draft:type-x:demo'), { ...draft, basedOn: 1 });
        const all = await store.list({});
        assert.deepEqual([all.total, all.items.map((r) => r.id)], [1, ['c-1']]);
        assert.equal(await store.get('kc-builder-draft:type-x:demo'), undefined);
        assert.deepEqual(await store.history('kc-builder-draft:type-x:demo'), []);
        const audit = await store.audit({});
        assert.deepEqual(
          audit.map((e) => `${e.action} ${e.target}`),
          ['schema.publish client', 'card.put c-1'],
        );
        assert.deepEqual(
          (await store.listSchemas()).map((t) => t.schemaId),
          ['client'],
          "the drafts' schema is no card type",
        );
      } finally {
        await store.close();
      }
    } finally {
      await tmp.cleanup();
    }
  });
});
