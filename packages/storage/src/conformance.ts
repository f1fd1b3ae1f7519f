/**
 * The one behaviour suite every storage adapter must pass (memory, IndexedDB, and later REST).
 * It takes the test functions as a parameter, so the same cases run under node:test and under
 * mocha in @web/test-runner; it uses the tiny local assert for the same reason.
 */
import { ConflictError, DuplicateError, NotFoundError, StorageError, ValidationError } from './errors.js';
import { assert } from './test-support/assert.js';
import type { CardRecord, ChangeEvent, NewOrUpdatedRecord, StorageAdapter } from './types.js';

type Hook = () => Promise<void> | void;
/** The subset of mocha / node:test that the suite needs. */
export interface TestApi {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>): unknown;
  beforeEach(fn: Hook): unknown;
  afterEach(fn: Hook): unknown;
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 3)); // distinct updatedAt

/** A card input with sensible defaults. */
export function card(id: string, over: Partial<NewOrUpdatedRecord> = {}): NewOrUpdatedRecord {
  return { id, schemaId: 'client', schemaVersion: 1, title: `Card ${id}`, data: { name: id }, indexed: {}, ...over };
}

/** Data that tends to break naive storage: odd keys, Unicode, nesting. Built by JSON.parse so `__proto__` is an own key. */
export const trickyData = (): unknown =>
  JSON.parse(
    '{"__proto__":{"polluted":true},"a/b":{"~":"tilde","~1":"not a slash"},"":"empty key",' +
      '"constructor":"c","name":"ООО «Ромашка» 🌼 漢字 \\u00e9\\u0301","nested":{"list":[1,-2.5,1e21,true,null,' +
      '{"deep":["x",[]]}],"empty":{}},"zero":0,"nil":null}',
  );

/** Where a backend may differ from the in-browser adapters, by design. */
export interface ConformanceOptions {
  /**
   * A server that authenticates records who is signed in, never the `author` a caller passes:
   * the author it records (for every write of the suite's one adapter).
   */
  authenticatedAuthor?: string;
  /** An adapter that keeps a deleted card's history (the server, IndexedDB) ends it with a tombstone; a re-created card continues the count. */
  keepsHistoryOnDelete?: boolean;
}

/** Registers the conformance suite. `makeAdapter` must return a fresh, empty adapter each time. */
export function runStorageConformance(
  t: TestApi,
  name: string,
  makeAdapter: () => Promise<StorageAdapter>,
  options: ConformanceOptions = {},
): void {
  const { describe, it, beforeEach, afterEach } = t;
  const author = (asked: string): string => options.authenticatedAuthor ?? asked;
  describe(`${name}: storage conformance`, () => {
    let db: StorageAdapter;
    beforeEach(async () => {
      db = await makeAdapter();
    });
    afterEach(async () => {
      await db.close();
    });

    async function seed(): Promise<void> {
      const rows: [string, string, string, Record<string, string | number | boolean | null>][] = [
        ['c1', 'client', 'ООО Ромашка', { segment: 'b2b', priority: 2, vip: true }],
        ['c2', 'client', 'ИП Васильков', { segment: 'b2c', priority: 1, vip: false }],
        ['c3', 'client', 'Acme Corp', { segment: 'b2b', priority: 3, vip: false, manager: 'ivan' }],
        ['c4', 'client', 'Ромашка-Плюс', { segment: 'b2b', priority: 1, manager: null }],
        ['p1', 'partner', 'Ромашка Partners', { segment: 'b2b', priority: 5 }],
      ];
      for (const [id, schemaId, title, indexed] of rows) {
        await db.put(card(id, { schemaId, title, indexed }));
        await tick();
      }
    }
    const ids = (items: CardRecord[]): string[] => items.map((r) => r.id);

    it('put then get keeps the data exactly', async () => {
      const data = trickyData();
      const put = await db.put(card('c-1', { data, title: 'ООО Ромашка', indexed: { segment: 'b2b' } }));
      const got = await db.get('c-1');
      assert.deepEqual(got.data, trickyData());
      assert.ok(Object.hasOwn(got.data as object, '__proto__'), '__proto__ stays an own key');
      assert.equal(Object.getPrototypeOf(got.data), Object.prototype);
      assert.deepEqual(got, put);
      assert.equal(got.revision, 1);
      assert.equal(got.title, 'ООО Ромашка');
      assert.deepEqual(got.indexed, { segment: 'b2b' });
      assert.equal(got.createdAt, got.updatedAt);
      assert.equal(new Date(got.createdAt).toISOString(), got.createdAt);
    });

    it('increments the revision and keeps createdAt', async () => {
      const first = await db.put(card('c-1'));
      await tick();
      const second = await db.put(card('c-1', { data: { name: 'x' } }), { expectedRevision: 1, author: 'anna' });
      assert.equal(second.revision, 2);
      assert.equal(second.createdAt, first.createdAt);
      assert.ok(second.updatedAt > first.updatedAt, 'updatedAt moves forward');
      assert.equal(second.author, author('anna'));
      assert.equal((await db.get('c-1')).revision, 2);
    });

    it('rejects a stale expectedRevision with ConflictError carrying the stored record', async () => {
      await db.put(card('c-42'));
      await db.put(card('c-42', { data: { name: 'theirs' } }), { expectedRevision: 1 });
      const error = await assert.rejects(db.put(card('c-42', { data: { name: 'mine' } }), { expectedRevision: 1 }), ConflictError);
      assert.equal(error.code, 'conflict');
      assert.equal(error.messageKey, 'conflict');
      assert.equal(error.current.revision, 2);
      assert.deepEqual(error.current.data, { name: 'theirs' });
      assert.ok(error.message.includes('"c-42"') && error.message.includes('2'), error.message);
      assert.deepEqual((await db.get('c-42')).data, { name: 'theirs' });
    });

    it('treats expectedRevision 0 as "must not exist" and a positive one on a missing card as NotFound', async () => {
      await db.put(card('c-1'), { expectedRevision: 0 });
      await assert.rejects(db.put(card('c-1'), { expectedRevision: 0 }), ConflictError);
      await assert.rejects(db.put(card('gone'), { expectedRevision: 3 }), NotFoundError);
    });

    it('rejects get and delete of a missing id with NotFoundError', async () => {
      const e = await assert.rejects(db.get('nope'), NotFoundError);
      assert.equal(e.code, 'not-found');
      assert.ok(e instanceof StorageError && e.message.includes('"nope"'), e.message);
      await assert.rejects(db.delete('nope'), NotFoundError);
    });

    it('rejects a malformed record with ValidationError listing every problem', async () => {
      const bad = { ...card('c-1'), schemaId: '', indexed: { ok: 1, bad: { x: 1 } } } as unknown as NewOrUpdatedRecord;
      const e = await assert.rejects(db.put(bad), ValidationError);
      assert.deepEqual(
        e.errors.map((x) => x.path),
        ['/schemaId', '/indexed/bad'],
      );
      await assert.rejects(db.get('c-1'), NotFoundError);
    });

    it('deletes a card and its history, honouring expectedRevision', async () => {
      await db.put(card('c-1'));
      await db.put(card('c-1'), { expectedRevision: 1 });
      await assert.rejects(db.delete('c-1', { expectedRevision: 1 }), ConflictError);
      await db.delete('c-1', { expectedRevision: 2 });
      await assert.rejects(db.get('c-1'), NotFoundError);
      if (options.keepsHistoryOnDelete) {
        const h = await db.history('c-1');
        assert.deepEqual(
          h.map((x) => [x.revision, x.deleted ?? false]),
          [
            [1, false],
            [2, false],
            [3, true],
          ],
        );
        assert.equal((await db.put(card('c-1'), { expectedRevision: 0 })).revision, 4, 'a re-created card continues its history');
      } else {
        assert.deepEqual(await db.history('c-1'), []);
        assert.equal((await db.put(card('c-1'))).revision, 1, 'a re-created card starts again');
      }
    });

    it('lists with schemaId, filter, sort, paging and total', async () => {
      await seed();
      let r = await db.list({ schemaId: 'client', filter: { segment: 'b2b' }, sort: { field: 'title', direction: 'asc' } });
      assert.deepEqual(ids(r.items), ['c3', 'c1', 'c4']);
      assert.equal(r.total, 3);
      r = await db.list({ filter: { segment: 'b2b' }, sort: { field: 'priority', direction: 'desc' }, offset: 1, limit: 2 });
      assert.deepEqual(ids(r.items), ['c3', 'c1']);
      assert.equal(r.total, 4);
      r = await db.list({ filter: { vip: false }, sort: { field: 'title', direction: 'asc' } });
      assert.deepEqual(ids(r.items), ['c3', 'c2'], 'boolean filter');
      r = await db.list({ schemaId: 'client', filter: { manager: null }, sort: { field: 'title', direction: 'asc' } });
      assert.deepEqual(ids(r.items), ['c2', 'c1', 'c4'], 'null filter matches null and missing');
      r = await db.list({ filter: { priority: 1, segment: 'b2c' } });
      assert.deepEqual(ids(r.items), ['c2']);
      r = await db.list({ filter: { segment: 'nothing' } });
      assert.deepEqual(r, { items: [], total: 0 });
    });

    it('lists in updatedAt order by default and pages through sort indexes', async () => {
      await seed();
      let r = await db.list();
      assert.deepEqual(ids(r.items), ['p1', 'c4', 'c3', 'c2', 'c1']);
      assert.equal(r.total, 5);
      r = await db.list({ schemaId: 'client', limit: 2, offset: 1 });
      assert.deepEqual(ids(r.items), ['c3', 'c2']);
      assert.equal(r.total, 4);
      r = await db.list({ schemaId: 'client', sort: { field: 'updatedAt', direction: 'asc' }, limit: 2 });
      assert.deepEqual(ids(r.items), ['c1', 'c2']);
      r = await db.list({ sort: { field: 'title', direction: 'desc' }, offset: 4, limit: 10 });
      assert.deepEqual(ids(r.items), ['c3']);
      assert.equal(r.total, 5);
      r = await db.list({ sort: { field: 'createdAt', direction: 'asc' }, limit: 1 });
      assert.deepEqual(ids(r.items), ['c1']);
      r = await db.list({ limit: 0 });
      assert.deepEqual(r, { items: [], total: 5 });
    });

    it('lists by inclusive ranges on indexed numbers and ISO dates, type-strict, with other conditions', async () => {
      const rows: [string, Record<string, string | number | boolean | null>][] = [
        ['r1', { revenue: 500, signed: '2026-01-15', seg: 'b2b' }],
        ['r2', { revenue: 1500, signed: '2026-02-01', seg: 'b2b' }],
        ['r3', { revenue: 2500, signed: '2026-03-31', seg: 'b2c' }],
        ['r4', { revenue: '2000', signed: '2026-04-01', seg: 'b2b' }],
        ['r5', { seg: 'b2b' }],
      ];
      for (const [id, indexed] of rows) await db.put(card(id, { indexed }));
      const ids = async (q: Parameters<StorageAdapter['list']>[0]) =>
        (await db.list({ ...q, sort: { field: 'title', direction: 'asc' } })).items.map((r) => r.id);
      assert.deepEqual(await ids({ range: { revenue: { min: 1000 } } }), ['r2', 'r3'], 'a number bound skips text and missing values');
      assert.deepEqual(await ids({ range: { revenue: { min: 500, max: 1500 } } }), ['r1', 'r2'], 'both ends inclusive');
      assert.deepEqual(await ids({ range: { signed: { min: '2026-02-01', max: '2026-03-31' } } }), ['r2', 'r3']);
      assert.deepEqual(await ids({ range: { signed: { max: '2026-03-31' } }, filter: { seg: 'b2b' } }), ['r1', 'r2']);
      const page = await db.list({ range: { revenue: { min: 0 } }, sort: { field: 'revenue', direction: 'desc' }, limit: 1 });
      assert.deepEqual([page.items.map((r) => r.id), page.total], [['r3'], 3]);
    });

    it('searches titles case-insensitively, Cyrillic included', async () => {
      await seed();
      let r = await db.list({ search: 'ромашка', sort: { field: 'title', direction: 'asc' } });
      assert.deepEqual(ids(r.items), ['c1', 'p1', 'c4']);
      assert.equal(r.total, 3);
      r = await db.list({ schemaId: 'client', search: 'РОМАШКА', filter: { priority: 1 } });
      assert.deepEqual(ids(r.items), ['c4']);
      r = await db.list({ search: 'acme CORP' });
      assert.deepEqual(ids(r.items), ['c3']);
    });

    it('folds ё into е: a search finds both spellings, and title order keeps Ё with Е', async () => {
      await db.put(card('e1', { title: 'Ёлка и Ко' }));
      await db.put(card('e2', { title: 'Елена' }));
      await db.put(card('e3', { title: 'Яблоко' }));
      await db.put(card('e4', { title: 'Жук' }));
      for (const search of ['ёлка', 'ЕЛКА']) assert.deepEqual(ids((await db.list({ search })).items), ['e1'], search);
      const r = await db.list({ sort: { field: 'title', direction: 'asc' } });
      assert.deepEqual(ids(r.items), ['e2', 'e1', 'e4', 'e3'], 'елена < ёлка (= елка) < жук < яблоко');
    });

    it('records history with changed JSON Pointers', async () => {
      await db.put(card('c-1', { data: { name: 'A', 'a/b': { '~': 1 }, tags: ['x'] } }), { author: 'anna' });
      await db.put(card('c-1', { data: { name: 'B', 'a/b': { '~': 2 }, tags: ['x', 'y'] } }), { author: 'boris' });
      const h = await db.history('c-1');
      assert.deepEqual(
        h.map((x) => [x.revision, x.author]),
        [
          [1, author('anna')],
          [2, author('boris')],
        ],
      );
      assert.deepEqual(h[0]!.changedPaths, ['']);
      assert.deepEqual([...h[1]!.changedPaths].sort(), ['/a~1b/~0', '/name', '/tags/1']);
      assert.deepEqual(h[1]!.before, { '/name': 'A', '/a~1b/~0': 1 });
      assert.deepEqual(h[1]!.after, { '/name': 'B', '/a~1b/~0': 2, '/tags/1': 'y' });
      assert.deepEqual(await db.history('unknown'), []);
    });

    it('publishes schema versions per schemaId and reads them back', async () => {
      const v1 = await db.publishSchema({ schemaId: 'visit', schema: { type: 'object' }, author: 'anna', note: 'first' });
      const p1 = await db.publishSchema({ schemaId: 'invoice', schema: { type: 'object' } });
      const v2 = await db.publishSchema({ schemaId: 'visit', schema: { type: 'object', title: 'v2' }, layout: { rows: [] } });
      assert.deepEqual([v1.version, p1.version, v2.version], [1, 1, 2]);
      assert.equal(v1.note, 'first');
      assert.deepEqual((await db.getSchema('visit')).schema, { type: 'object', title: 'v2' });
      assert.deepEqual((await db.getSchema('visit', 1)).schema, { type: 'object' });
      assert.deepEqual((await db.getSchema('visit', 2)).layout, { rows: [] });
      assert.deepEqual(
        (await db.listSchemaVersions('visit')).map((s) => s.version),
        [1, 2],
      );
      assert.deepEqual(await db.listSchemaVersions('none'), []);
      const e = await assert.rejects(db.getSchema('visit', 3), NotFoundError);
      assert.equal(e.messageKey, 'schemaVersionNotFound');
      await assert.rejects(db.getSchema('none'), NotFoundError);
    });

    it('calls watchers on put and delete, and stops after unsubscribe', async () => {
      const one: ChangeEvent[] = [];
      const all: ChangeEvent[] = [];
      const stopOne = db.watch('c-1', (e) => one.push(e));
      db.watch('*', (e) => all.push(e));
      await db.put(card('c-1'));
      await db.put(card('c-2'));
      await db.delete('c-1');
      await assert.eventually(() => all.length === 3, 'three changes reach the "*" watcher');
      assert.deepEqual(
        one.map((e) => [e.type, e.id, e.revision, e.remote]),
        [
          ['put', 'c-1', 1, false],
          ['delete', 'c-1', 1, false],
        ],
      );
      assert.deepEqual(
        all.map((e) => e.id),
        ['c-1', 'c-2', 'c-1'],
      );
      stopOne();
      await db.put(card('c-1'));
      await assert.eventually(() => all.length === 4, 'the "*" watcher still runs');
      assert.equal(one.length, 2);
    });

    it('keeps settings apart from cards: no list, count, search or history sees them', async () => {
      await db.put(card('c-1'));
      assert.equal(await db.getSetting('builder-draft:client:ann'), undefined);
      const draft = { schemaId: 'client', basedOn: null, document: { schema: { type: 'object', title: 'Черновик' } } };
      await db.putSetting('builder-draft:client:ann', draft);
      assert.deepEqual(await db.getSetting('builder-draft:client:ann'), draft);
      await db.putSetting('builder-draft:client:ann', { ...draft, basedOn: 2 });
      assert.deepEqual(await db.getSetting('builder-draft:client:ann'), { ...draft, basedOn: 2 });
      const all = await db.list();
      assert.deepEqual([all.total, all.items.map((r) => r.id)], [1, ['c-1']]);
      assert.equal((await db.list({ search: 'Черновик' })).total, 0);
      assert.deepEqual(await db.history('builder-draft:client:ann'), []);
      await db.deleteSetting('builder-draft:client:ann');
      assert.equal(await db.getSetting('builder-draft:client:ann'), undefined);
      await db.deleteSetting('builder-draft:client:ann'); // forgetting twice is no error
    });

    it('lists card types: published ids and ids given info, with their info merged, internal ids left out', async () => {
      await db.publishSchema({ schemaId: 'kt-a', schema: { type: 'object' } });
      await db.publishSchema({ schemaId: 'kt-a', schema: { type: 'object', title: 'two' } });
      await db.publishSchema({ schemaId: 'kc-internal', schema: { type: 'object' } });
      const b = await db.putSchemaInfo('kt-b', { title: { ru: 'Поставщики', en: 'Suppliers' }, template: 'b2b-supplier' });
      assert.deepEqual([b.schemaId, b.latestVersion, b.archived, b.title], ['kt-b', 0, false, { ru: 'Поставщики', en: 'Suppliers' }]);
      await db.putSchemaInfo('kt-a', { archived: true });
      const a = await db.putSchemaInfo('kt-a', { title: { ru: 'Клиенты', en: 'Clients' } });
      assert.deepEqual(
        [a.latestVersion, a.archived, a.title],
        [2, true, { ru: 'Клиенты', en: 'Clients' }],
        'a merge keeps what it does not name',
      );
      const listed = (await db.listSchemas()).filter((x) => x.schemaId.startsWith('kt-') || x.schemaId.startsWith('kc-'));
      assert.deepEqual(
        listed.map((x) => [x.schemaId, x.latestVersion, x.archived, x.title?.en, x.template]),
        [
          ['kt-a', 2, true, 'Clients', undefined],
          ['kt-b', 0, false, 'Suppliers', 'b2b-supplier'],
        ],
      );
      assert.ok(typeof listed[0]!.publishedAt === 'string' && listed[1]!.publishedAt === undefined);
      await assert.rejects(db.putSchemaInfo('kt-a', { archived: 'yes' as unknown as boolean }), ValidationError);
    });

    it('reindexes stored cards when a published version moves an indexed field (title and indexed; data, revision kept)', async () => {
      const settings = (segment: string) => ({ title: '{/name} ({' + segment + '})', columns: [segment], filters: [segment], summary: [] });
      await db.publishSchema({ schemaId: 'kt-r', schema: { type: 'object', 'x-card': settings('/segment') } });
      const data = { name: 'Альфа', segment: 'dealer' };
      await db.put(card('r-1', { schemaId: 'kt-r', schemaVersion: 1, title: 'Альфа (dealer)', data, indexed: { '/segment': 'dealer' } }));
      await db.put(card('other', { indexed: { '/segment': 'dealer' } }));
      await db.publishSchema({
        schemaId: 'kt-r',
        schema: {
          type: 'object',
          'x-card': settings('/category/segment'),
          'x-kc-migrations': { from: 1, steps: [{ from: '/segment', to: '/category/segment' }] },
        },
      });
      const found = await db.list({ schemaId: 'kt-r', filter: { '/category/segment': 'dealer' } });
      assert.deepEqual(
        found.items.map((r) => r.id),
        ['r-1'],
        'the filter on the new name finds the old card',
      );
      const got = await db.get('r-1');
      assert.deepEqual([got.revision, got.schemaVersion, got.data, got.indexed], [1, 1, data, { '/category/segment': 'dealer' }]);
      assert.equal((await db.list({ schemaId: 'kt-r', sort: { field: '/category/segment', direction: 'asc' } })).items[0]!.id, 'r-1');
      assert.deepEqual((await db.get('other')).indexed, { '/segment': 'dealer' }, 'cards of other types are left alone');
      assert.equal((await db.history('r-1')).length, 1, 'reindexing writes no history');
    });

    describe('unique keys (x-unique)', () => {
      // The same rule in both forms: the schema (a server computes the keys from it) and the
      // keys a browser adapter is given (what @kartochka/core/unique computes for this schema).
      const uniqueSchema = { type: 'object', properties: { inn: { type: 'string', 'x-unique': true }, name: { type: 'string' } } };
      const innKey = (inn: string): string => `/inn=${JSON.stringify([inn])}`;
      let version = 1;
      const client = (id: string, inn: string, over: Partial<NewOrUpdatedRecord> = {}): NewOrUpdatedRecord =>
        card(id, {
          schemaId: 'uclient',
          schemaVersion: version,
          title: `Client ${id}`,
          data: { inn, name: id },
          unique: [innKey(inn)],
          ...over,
        });
      beforeEach(async () => {
        version = (await db.publishSchema({ schemaId: 'uclient', schema: uniqueSchema })).version;
      });

      it('refuses a second card with the same key, naming the holder, and stores nothing', async () => {
        await db.put(client('u-1', '7701234567'), { expectedRevision: 0 });
        const error = await assert.rejects(db.put(client('u-2', '7701234567'), { expectedRevision: 0 }), DuplicateError);
        assert.equal(error.existingId, 'u-1');
        assert.equal(error.key, innKey('7701234567'));
        assert.ok(error instanceof ValidationError, 'a duplicate is a refused value: never retried');
        await assert.rejects(db.get('u-2'), NotFoundError);
        assert.deepEqual(
          (await db.list({ schemaId: 'uclient' })).items.map((r) => r.id),
          ['u-1'],
        );
        assert.deepEqual(await db.history('u-2'), []);
      });

      it('an update of an existing card to a taken key is refused and leaves both unchanged', async () => {
        await db.put(client('u-1', '7701234567'));
        const u2 = await db.put(client('u-2', '7707083893'));
        const error = await assert.rejects(db.put(client('u-2', '7701234567'), { expectedRevision: u2.revision }), DuplicateError);
        assert.equal(error.existingId, 'u-1');
        const again = await db.get('u-2');
        assert.equal(again.revision, u2.revision);
        assert.deepEqual(again.data, { inn: '7707083893', name: 'u-2' });
        assert.equal((await db.history('u-2')).length, 1);
      });

      it('a card keeps its own key on save; a changed or deleted card frees its old key', async () => {
        const a = await db.put(client('u-1', '7701234567'));
        await db.put(client('u-1', '7701234567', { title: 'renamed' }), { expectedRevision: a.revision });
        assert.deepEqual(await db.findUnique!('uclient', [innKey('7701234567')]), [
          { key: innKey('7701234567'), id: 'u-1', title: 'renamed' },
        ]);
        await db.put(client('u-1', '7707083893'));
        await db.put(client('u-2', '7701234567'));
        await db.delete('u-1');
        await db.put(client('u-3', '7707083893'));
        assert.deepEqual(await db.findUnique!('uclient', [innKey('7707083893'), innKey('0000000000')]), [
          { key: innKey('7707083893'), id: 'u-3', title: 'Client u-3' },
        ]);
      });

      it('keys are per card type: the same key in another schema is no duplicate', async () => {
        await db.put(client('u-1', '7701234567'));
        const other = (await db.publishSchema({ schemaId: 'upartner', schema: uniqueSchema })).version;
        await db.put(client('p-1', '7701234567', { schemaId: 'upartner', schemaVersion: other }));
        assert.deepEqual(
          (await db.findUnique!('upartner', [innKey('7701234567')])).map((m) => m.id),
          ['p-1'],
        );
        assert.deepEqual(await db.findUnique!('nothing', [innKey('7701234567')]), []);
      });

      it('never hands the keys back in records', async () => {
        await db.put(client('u-1', '7701234567'));
        const got = (await db.get('u-1')) as unknown as Record<string, unknown>;
        assert.equal(got.unique, undefined);
        assert.equal(((await db.list({ schemaId: 'uclient' })).items[0] as unknown as Record<string, unknown>).unique, undefined);
      });
    });

    // Only adapters that keep files apart from the card (REST) have putFile; the others keep a
    // picked file as a Blob inside the data (docs/files.md) and pass this case as it does not apply.
    it("keeps files apart: stores a file for a card's field, references it, reads the same bytes; another card cannot use it", async () => {
      if (!db.putFile || !db.getFile) return;
      await db.publishSchema({
        schemaId: 'fdoc',
        schema: { type: 'object', properties: { doc: { type: 'object', 'x-widget': 'file', contentMediaType: 'application/pdf' } } },
      });
      const text = '%PDF-1.4 conformance';
      const ref = await db.putFile({
        cardId: 'f-1',
        schemaId: 'fdoc',
        field: '/doc',
        blob: new Blob([text], { type: 'application/pdf' }),
        name: 'a.pdf',
      });
      assert.equal(ref.name, 'a.pdf');
      assert.equal(ref.size, text.length);
      assert.equal(ref.type, 'application/pdf');
      assert.ok(/^[0-9a-f]{64}$/.test(ref.sha256));
      const stored = await db.put(card('f-1', { schemaId: 'fdoc', data: { doc: ref } }));
      assert.deepEqual(stored.data, { doc: ref });
      assert.equal(await (await db.getFile('f-1', ref.fileId)).text(), text);
      await assert.rejects(db.put(card('f-2', { schemaId: 'fdoc', data: { doc: ref } })), ValidationError);
      await assert.rejects(db.getFile('f-2', ref.fileId), NotFoundError);
    });

    it('isolates stored data from objects passed in and handed out', async () => {
      const input = card('c-1', { data: { name: 'A', nested: { n: 1 } }, indexed: { segment: 'b2b' } });
      const put = await db.put(input);
      (input.data as { nested: { n: number } }).nested.n = 99;
      input.indexed.segment = 'hacked';
      (put.data as { name: string }).name = 'mutated';
      const got = await db.get('c-1');
      (got.data as { nested: { n: number } }).nested.n = 42;
      const listed = (await db.list()).items[0]!;
      (listed.data as { name: string }).name = 'listed';
      const again = await db.get('c-1');
      assert.deepEqual(again.data, { name: 'A', nested: { n: 1 } });
      assert.deepEqual(again.indexed, { segment: 'b2b' });
    });
  });
}
