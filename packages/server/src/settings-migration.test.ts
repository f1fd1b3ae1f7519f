// Builder drafts used to be cards of `kc-builder-draft`: the store's latest migration moves them
// into the user's settings (nothing lost), and from then on no list, count, history or audit view
// shows them. Run on the test backend (SQLite, or PostgreSQL under KARTOCHKA_TEST_BACKEND=postgres).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PgCardStore, pgMigrations } from './pg-store.js';
import { SqliteCardStore, migrations } from './sqlite-store.js';
import type { CardStore } from './store.js';
import { onPostgres, rawSql } from './test-support/backend.js';
import { tempDb } from './test-support/process.js';

const open = async (db: string): Promise<CardStore> => (onPostgres ? PgCardStore.open(db, { poolSize: 2 }) : new SqliteCardStore(db));
const steps = onPostgres ? pgMigrations.length : migrations.length;

describe('the settings migration (builder drafts out of the cards)', () => {
  it('moves draft cards into their author\'s settings and drops the cards, their history and their audit entries from view', async () => {
    const tmp = tempDb();
    try {
      const at = '2026-01-01T00:00:00.000Z';
      const draft = { schemaId: 'type-x', basedOn: null, document: { schema: { type: 'object', title: 'Поставщики' } }, savedAt: at };
      let store = await open(tmp.db);
      // What the old builder wrote: a schema for drafts, a draft card per type and user, and real cards.
      await store.publishSchema({ schemaId: 'kc-builder-draft', schema: { type: 'object' }, author: 'Ada' }, at);
      await store.publishSchema({ schemaId: 'client', schema: { type: 'object' }, author: 'Ada' }, at);
      await store.put({ id: 'kc-builder-draft:type-x:demo', schemaId: 'kc-builder-draft', schemaVersion: 1, title: 'type-x', data: draft, indexed: { draftOf: 'type-x' } }, { author: 'Ada' }, at);
      await store.put({ id: 'kc-builder-draft:type-x:demo', schemaId: 'kc-builder-draft', schemaVersion: 1, title: 'type-x', data: { ...draft, basedOn: 1 }, indexed: { draftOf: 'type-x' } }, { author: 'Ada' }, at);
      await store.put({ id: 'c-1', schemaId: 'client', schemaVersion: 1, title: 'Альфа', data: {}, indexed: {} }, { author: 'Ada' }, at);
      await store.close();
      // Back to the database as it was before the settings migration.
      await rawSql(tmp.db, 'DROP TABLE settings');
      await rawSql(tmp.db, 'DROP TABLE schema_info');
      await rawSql(tmp.db, 'DELETE FROM kartochka_migrations WHERE version = ?', [steps]);

      store = await open(tmp.db);
      try {
        assert.deepEqual(await store.getSetting('Ada', 'builder-draft:type-x:demo'), { ...draft, basedOn: 1 });
        const all = await store.list({});
        assert.deepEqual([all.total, all.items.map((r) => r.id)], [1, ['c-1']]);
        assert.equal(await store.get('kc-builder-draft:type-x:demo'), undefined);
        assert.deepEqual(await store.history('kc-builder-draft:type-x:demo'), []);
        const audit = await store.audit({});
        assert.deepEqual(audit.map((e) => `${e.action} ${e.target}`), ['schema.publish client', 'card.put c-1']);
        assert.deepEqual((await store.listSchemas()).map((t) => t.schemaId), ['client'], 'the drafts\' schema is no card type');
      } finally {
        await store.close();
      }
    } finally {
      await tmp.cleanup();
    }
  });
});
