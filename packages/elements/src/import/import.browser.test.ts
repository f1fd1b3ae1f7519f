// The import engine in Chromium on files made here as real programs make them — Windows-1251 with
// `;` (Russian Excel), UTF-8 with a BOM, an XLSX with a merged title and a two-row header, 10,000
// rows — read in the worker, planned, and written into real IndexedDB and the real REST server.
import { expect } from '@open-wc/testing';
import { detectHeader, importFields, type Cell } from '@kartochka/core';
import { planCounts } from '@kartochka/core/internal';
import { IndexedDbAdapter, RestAdapter, type StorageAdapter } from '@kartochka/storage';
import { b2bClientCard, templateCardSettings } from '@kartochka/templates';
import { readTable } from './read-table.js';
import { existingByKey, jobFromPlan, keyComparer, planTable } from './plan-table.js';
import { runImport, saveImportJob, unfinishedImports } from './write.js';
import { clientRows, cp1251, csv, innFor, utf8Bom, xlsxWithMergedHeader } from '../test-support/import-files.js';
import { startTestServer, type TestServer } from '../test-support/rest-server.js';

const t = b2bClientCard;
const fields = importFields(t.schema, t.messages);
const settings = templateCardSettings(t);
const INN = '/general/requisites/codes/inn';
let n = 0;
const dbName = () => `imp-${Date.now()}-${++n}`;

async function importRows(
  storage: StorageAdapter,
  rows: Cell[][],
  o: { signal?: AbortSignal; batchSize?: number; schemaVersion?: number; beforeWrite?: () => Promise<void> } = {},
) {
  const { depth, mapping } = detectHeader(rows, fields);
  const existing = await existingByKey(storage, t.id, INN);
  const plan = await planTable(rows, { depth, schema: t.schema, fields, mapping, key: INN, existing, locale: 'ru' });
  const job = await jobFromPlan(plan, {
    storage,
    schemaId: t.id,
    schemaVersion: o.schemaVersion ?? 1,
    settings,
    author: 'Анна',
    file: 'clients.csv',
  });
  await saveImportJob(job);
  await o.beforeWrite?.();
  const result = await runImport(storage, job.id, { signal: o.signal, batchSize: o.batchSize });
  return { plan, job, result, mapping, depth };
}

describe('import: reading real-world files', () => {
  it('CSV from Russian Excel: Windows-1251, semicolons, quoted separators', async () => {
    const table = await readTable(
      cp1251(
        csv([
          ['Название организации', 'ИНН', 'Сегмент'],
          ['ООО «Берёзка; и сыновья»', '7707083893', 'Дилер'],
          ['ИП Щукин Ё.Ж.', '500100732259', 'Сети'],
        ]),
      ),
    );
    expect(table.format).to.equal('csv');
    expect(table.encoding).to.equal('windows-1251');
    expect(table.delimiter).to.equal(';');
    expect(table.rows[1]).to.deep.equal(['ООО «Берёзка; и сыновья»', '7707083893', 'Дилер']);
    expect(table.rows[2][0]).to.equal('ИП Щукин Ё.Ж.');
  });

  it('UTF-8 with a BOM and commas; the BOM is not part of the first title', async () => {
    const table = await readTable(
      new Blob([
        utf8Bom(
          csv(
            [
              ['Company name', 'Segment'],
              ['Acme', 'Dealer'],
            ],
            ',',
          ),
        ) as BlobPart,
      ]),
    );
    expect(table.encoding).to.equal('utf-8-bom');
    expect(table.delimiter).to.equal(',');
    expect(detectHeader(table.rows, fields).mapping).to.deep.equal(['/general/companyName', '/category/segment']);
  });

  it('XLSX with a merged title row and a two-row header: read in the worker, header of three rows found', async () => {
    const bytes = await xlsxWithMergedHeader([['ООО Север', 'Дилер', '7707083893', '770701001', new Date(Date.UTC(2020, 1, 3))]]);
    const table = await readTable(bytes);
    expect(table.format).to.equal('xlsx');
    expect(table.parsedIn).to.equal('worker');
    expect(table.sheet).to.equal('Клиенты');
    const { depth, mapping } = detectHeader(table.rows, fields);
    expect(depth).to.equal(3);
    expect(mapping).to.deep.equal([
      '/general/companyName',
      '/category/segment',
      INN,
      '/general/requisites/codes/kpp',
      '/general/requisites/registration/date',
    ]);
    expect(table.rows[3]).to.deep.equal(['ООО Север', 'Дилер', '7707083893', '770701001', '2020-02-03']);
  });
});

describe('import: writing into IndexedDB', function () {
  this.timeout(60000);
  let storage: IndexedDbAdapter;
  beforeEach(async () => {
    storage = await IndexedDbAdapter.open({ name: dbName(), user: 'anna' });
  });
  afterEach(() => storage.close());

  it('creates each card with its history entry, then updates by INN and refuses bad rows with reasons', async () => {
    const rows = clientRows(30) as Cell[][];
    const first = await importRows(storage, rows);
    expect(planCounts(first.plan)).to.deep.equal({ create: 30, update: 0, skip: 0, refuse: 0 });
    expect(first.result).to.include({ created: 30, updated: 0, failed: 0, total: 30, cancelled: false });
    const { items, total } = await storage.list({ schemaId: t.id, sort: { field: 'title', direction: 'asc' } });
    expect(total).to.equal(30);
    const one = items.find((r) => r.title === 'ООО «Ромашка 1»')!;
    expect(one.data).to.deep.include({ category: { segment: 'dealer' } });
    const history = await storage.history(one.id);
    expect(history.length).to.equal(1);
    expect(history[0]).to.include({ revision: 1, author: 'Анна' });

    // The same file with a change, a bad date and a row repeating an INN.
    const again = clientRows(3) as Cell[][];
    again[1][2] = 'Сети';
    again[2][4] = '31.02.2020';
    again.push(['ООО Дубль', innFor(0), 'Дилер', '', '', '']);
    const second = await importRows(storage, again);
    expect(second.plan.map((r) => r.action)).to.deep.equal(['update', 'refuse', 'update', 'refuse']);
    expect(second.plan[1].problems[0]).to.include({ code: 'notADate', text: '31.02.2020', column: 4 });
    expect(second.plan[3].problems[0]).to.include({ code: 'duplicateInFile', text: '2' });
    expect(second.result).to.include({ created: 0, updated: 2 });
    const updated = await storage.get(one.id);
    expect(updated.revision).to.equal(2);
    expect((updated.data as { category: { segment: string } }).category.segment).to.equal('chain');
    expect((await storage.history(one.id)).map((h) => h.changedPaths)).to.deep.equal([[''], ['/category/segment']]);
  });

  it('cancel keeps what was written and the job; a resume (as after a reload) writes the rest once', async () => {
    const rows = clientRows(60) as Cell[][];
    const { depth, mapping } = detectHeader(rows, fields);
    const plan = await planTable(rows, { depth, schema: t.schema, fields, mapping, key: INN, locale: 'ru' });
    const job = await jobFromPlan(plan, { storage, schemaId: t.id, schemaVersion: 1, settings, file: 'x.csv' });
    await saveImportJob(job);
    const stop = new AbortController();
    const cancelled = await runImport(storage, job.id, {
      batchSize: 10,
      signal: stop.signal,
      onProgress: (p) => p.done >= 20 && stop.abort(),
    });
    expect(cancelled.cancelled).to.equal(true);
    expect(cancelled.created).to.equal(20);
    expect((await storage.list({ schemaId: t.id })).total).to.equal(20);
    const left = await unfinishedImports(storage);
    expect(left.map((l) => [l.job.id, l.next])).to.deep.equal([[job.id, 20]]);
    // A fresh adapter, as after a reload.
    const reopened = await IndexedDbAdapter.open({ name: storage.id!.replace(/^indexeddb:/, ''), user: 'anna' });
    const rest = await runImport(reopened, job.id);
    expect(rest).to.include({ created: 60, failed: 0, cancelled: false });
    expect((await reopened.list({ schemaId: t.id })).total).to.equal(60);
    expect(await unfinishedImports(reopened)).to.deep.equal([]);
    await reopened.close();
  });
});

describe('import: the key of an x-unique field', () => {
  it('compares as the duplicate rules do (email case, phone formats): the stored card is updated, not doubled', async () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        email: { type: 'string', format: 'email', 'x-unique': true },
        phone: { type: 'string', format: 'phone', 'x-unique': true },
      },
    };
    const f = importFields(schema);
    expect(f.find((x) => x.pointer === '/email')!.unique).to.equal(true);
    const storage = await IndexedDbAdapter.open({ name: dbName(), user: 'anna' });
    await storage.put({
      id: 'c-1',
      schemaId: 's',
      schemaVersion: 1,
      title: 'Acme',
      indexed: {},
      data: { name: 'Acme', email: 'Info@Acme.example', phone: '+79161234567' },
    });
    for (const [key, cell] of [
      ['/email', ' info@ACME.example'],
      ['/phone', '8 (916) 123-45-67'],
    ] as const) {
      const compare = await keyComparer(schema, key);
      const existing = await existingByKey(storage, 's', key, compare);
      const rows: Cell[][] = [
        ['name', key.slice(1)],
        ['Acme Ltd', cell],
      ];
      const plan = await planTable(rows, { depth: 1, schema, fields: f, mapping: ['/name', key], key, keyOf: compare, existing });
      expect(plan.map((r) => [r.action, r.id])).to.deep.equal([['update', 'c-1']]);
    }
    await storage.close();
  });
});

describe('import: writing to the real REST server', function () {
  this.timeout(90000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ publish: [t.id] });
  });
  after(() => server.stop());

  it('writes in batches, retrying failed requests, each card with its history on the server', async () => {
    const storage = new RestAdapter({ baseUrl: server.api, user: 'anna', attempts: 1, live: false });
    const { result } = await importRows(storage, clientRows(45) as Cell[][], {
      batchSize: 15,
      beforeWrite: () => server.faults({ fail: 4, failStatus: 503 }),
    });
    expect(result).to.include({ created: 45, failed: 0, cancelled: false });
    const { total, items } = await storage.list({ schemaId: t.id });
    expect(total).to.equal(45);
    const history = await storage.history(items[0].id);
    expect(history.length).to.equal(1);
    await storage.close();
  });

  it('an import stopped midway (the server gone) resumes with a new adapter, as after a reload, and writes nothing twice', async () => {
    const storage = new RestAdapter({ baseUrl: server.api, user: 'boris', attempts: 1, live: false });
    const rows = clientRows(60, 1000) as Cell[][];
    const { depth, mapping } = detectHeader(rows, fields);
    const plan = await planTable(rows, { depth, schema: t.schema, fields, mapping, key: INN, locale: 'ru' });
    const job = await jobFromPlan(plan, { storage, schemaId: t.id, schemaVersion: 1, settings, author: 'Борис', file: 'rest.csv' });
    await saveImportJob(job);
    // After 20 cards every request fails: the writer retries, then stops with the store unreachable.
    let seen = 0;
    const failing = await runImport(storage, job.id, {
      batchSize: 10,
      attempts: 2,
      retryDelayMs: 10,
      onProgress: (p) => {
        if (p.done >= 20 && !seen++) void server.faults({ fail: 1000, failStatus: 503 });
      },
    }).then(
      () => 'finished',
      (e: Error) => e.name,
    );
    expect(failing).to.equal('UnavailableError');
    await server.faults({ fail: 0 });
    const left = await unfinishedImports(storage);
    const mine = left.find((l) => l.job.id === job.id)!;
    expect(mine.next).to.be.within(20, 30);
    const again = new RestAdapter({ baseUrl: server.api, user: 'boris', attempts: 1, live: false });
    const rest = await runImport(again, job.id);
    expect(rest).to.include({ created: 60, failed: 0, cancelled: false });
    const ids = new Set(job.items.map((i) => i.id));
    const stored = (await again.list({ schemaId: t.id })).items.filter((r) => ids.has(r.id));
    expect(stored.length).to.equal(60);
    expect(stored.every((r) => r.revision === 1)).to.equal(true);
    await storage.close();
    await again.close();
  });
});
