// The shared storage conformance suite through RestAdapter, signed in with API keys: as an admin
// (every operation), and as an editor for every operation an editor may do (delete and publish go
// through an admin's adapter). A viewer's writes are all 403s.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ForbiddenError, RestAdapter, type StorageAdapter } from '@kartochka/storage';
import { card, runStorageConformance } from '@kartochka/storage/conformance';
import { createKey, CONFORMANCE_SCHEMAS, hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

describe('RestAdapter with role keys against the server process', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  const keys: Record<'admin' | 'editor' | 'viewer', string> = { admin: '', editor: '', viewer: '' };
  before(async () => {
    keys.admin = await createKey(tmp.db, ['admin'], 'default', 'Ada');
    keys.editor = await createKey(tmp.db, ['editor'], 'default', 'Eddie');
    keys.viewer = await createKey(tmp.db, ['viewer'], 'default', 'Vera');
    server = await startServer({ db: tmp.db });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  const adapter = (role: keyof typeof keys) =>
    new RestAdapter({ baseUrl: server.api, headers: () => ({ Authorization: `Bearer ${keys[role]}` }) });
  const t = { describe, it, beforeEach, afterEach };

  runStorageConformance(
    t,
    'RestAdapter as admin',
    async () => {
      await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
      return adapter('admin');
    },
    { authenticatedAuthor: 'Ada', keepsHistoryOnDelete: true },
  );

  runStorageConformance(
    t,
    'RestAdapter as editor',
    async () => {
      await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
      const editor = adapter('editor');
      const admin = adapter('admin');
      // One adapter in the suite's eyes: its own writes are the editor's and the admin's (each
      // adapter reports those as local), so neither's echo of the other counts as remote.
      const both: StorageAdapter = Object.assign(Object.create(editor) as RestAdapter, {
        delete: admin.delete.bind(admin),
        publishSchema: admin.publishSchema.bind(admin),
        putSchemaInfo: admin.putSchemaInfo.bind(admin),
        watch: (id: string, cb: Parameters<StorageAdapter['watch']>[1]) => {
          const offs = [editor, admin].map((a) => a.watch(id, (e) => (e.remote ? undefined : cb(e))));
          return () => offs.forEach((off) => off());
        },
        close: async () => {
          await admin.close();
          await editor.close();
        },
      });
      return both;
    },
    { authenticatedAuthor: 'Eddie', keepsHistoryOnDelete: true },
  );

  it('takes the key as `token`, asked for per request, so a new sign-in (or a refreshed JWT) applies at once', async () => {
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    let current: string | undefined = keys.viewer;
    const db = new RestAdapter({ baseUrl: server.api, token: () => current, live: false });
    assert.ok((await db.put(card('c-1')).catch((x: unknown) => x)) instanceof ForbiddenError);
    current = keys.editor;
    assert.equal((await db.put(card('c-1'))).author, 'Eddie');
    const fixed = new RestAdapter({
      baseUrl: server.api,
      token: keys.admin,
      headers: () => ({ Authorization: 'Bearer wrong' }),
      live: false,
    });
    assert.equal((await fixed.get('c-1')).revision, 1, 'token wins over headers');
    await db.close();
    await fixed.close();
  });

  it('gives a viewer ForbiddenError (403) on every write, and reads', async () => {
    await hook(server, 'reset', { publish: CONFORMANCE_SCHEMAS });
    const admin = adapter('admin');
    const viewer = adapter('viewer');
    await admin.put(card('c-1'));
    for (const write of [
      () => viewer.put(card('c-1', { title: 'x' })),
      () => viewer.delete('c-1'),
      () => viewer.publishSchema({ schemaId: 's', schema: {} }),
    ]) {
      const e = await write().catch((x: unknown) => x);
      assert.ok(e instanceof ForbiddenError, String(e));
      assert.equal(e.code, 'forbidden');
    }
    assert.equal((await viewer.get('c-1')).title, 'Card c-1');
    assert.equal((await viewer.list()).total, 1);
    // Card types: a viewer lists them but may not name or archive one.
    await admin.putSchemaInfo('client', { title: { ru: 'Клиенты', en: 'Clients' } });
    assert.equal((await viewer.listSchemas()).find((t) => t.schemaId === 'client')?.title?.ru, 'Клиенты');
    assert.ok((await viewer.putSchemaInfo('client', { archived: true }).catch((x: unknown) => x)) instanceof ForbiddenError);
    // Settings are each user's own: the viewer keeps one, the admin neither sees nor removes it.
    await viewer.putSetting('builder-draft:client:x', { mine: 'Vera' });
    assert.equal(await admin.getSetting('builder-draft:client:x'), undefined);
    await admin.deleteSetting('builder-draft:client:x');
    assert.deepEqual(await viewer.getSetting('builder-draft:client:x'), { mine: 'Vera' });
    await admin.close();
    await viewer.close();
  });
});
