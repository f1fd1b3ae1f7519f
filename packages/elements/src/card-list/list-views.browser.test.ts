// Saved views and bulk actions of <kc-card-list> in Chromium, on real IndexedDB and the real REST
// server: a view (columns, a range, "my cards", sort) is saved per user and comes back in a new
// list; bulk change writes each card with its history; delete has an undo; export downloads.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { IndexedDbAdapter, RestAdapter, type CardRecord, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import type { KcCardList } from './card-list.js';
import { startTestServer } from '../test-support/rest-server.js';
import { downloadBlob, exportCards } from '../import/export.js';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

const schema = {
  type: 'object',
  'x-card': { title: '{/name}', columns: ['/segment', '/revenue', '/signed', '/manager'], filters: ['/segment'], summary: [] },
  properties: {
    name: { type: 'string', title: 'Name' },
    segment: { enum: ['dealer', 'chain'], title: 'Segment' },
    revenue: { type: 'number', title: 'Revenue' },
    signed: { type: 'string', format: 'date', title: 'Signed' },
    manager: { type: 'string', title: 'Manager' },
  },
};
const rows: [string, string, number, string, string][] = [
  ['a', 'dealer', 500, '2026-01-10', 'anna'],
  ['b', 'chain', 1500, '2026-02-15', 'anna'],
  ['c', 'dealer', 2500, '2026-03-20', 'boris'],
  ['d', 'chain', 3500, '2026-04-25', 'anna'],
];

async function seed(storage: StorageAdapter): Promise<void> {
  for (const [name, segment, revenue, signed, manager] of rows) {
    const indexed = { '/segment': segment, '/revenue': revenue, '/signed': signed, '/manager': manager };
    await storage.put({
      id: name,
      schemaId: 'client',
      schemaVersion: 1,
      title: name.toUpperCase(),
      indexed,
      data: { name: name.toUpperCase(), segment, revenue, signed, manager },
    });
  }
}

async function listOn(storage: StorageAdapter, locale = 'en') {
  const el = await fixture<KcCardList>(html`<kc-card-list
    .storage=${storage}
    schema-id="client"
    saved-views
    selectable
    locale=${locale}
    mine-field="/manager"
    user="anna"
    .schema=${schema}
    .columns=${[{ field: 'title' }, { field: '/segment', label: 'Segment', options: { dealer: 'Dealer', chain: 'Chain' } }]}
    .available=${[{ field: '/revenue', label: 'Revenue' }, { field: '/signed', label: 'Signed' }, { field: 'updatedAt' }]}
    .rangeFields=${[
      { field: '/revenue', label: 'Revenue', type: 'number' },
      { field: '/signed', label: 'Signed', type: 'date' },
    ]}
    .exporter=${async (records: CardRecord[]) => downloadBlob(await exportCards(records, { format: 'csv', schema, locale }), `cards-${new Date().toISOString().slice(0, 10)}.csv`)}
    .bulkFields=${[{ pointer: '/segment', label: 'Segment', options: { dealer: 'Dealer', chain: 'Chain' } }]}
  ></kc-card-list>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('tr[data-id]').length > 0, 'rows', { timeout: 10000 });
  return el;
}

const $ = <T extends Element>(el: KcCardList, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const ids = (el: KcCardList) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('tr[data-id]')].map((r) => r.dataset.id);
const headers = (el: KcCardList) => [...el.shadowRoot!.querySelectorAll('thead th[data-field]')].map((h) => h.getAttribute('data-field'));
function set(input: HTMLInputElement | HTMLSelectElement, value: string, event = 'change') {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

function runViewCases(name: string, open: () => Promise<StorageAdapter>) {
  describe(`<kc-card-list> views and bulk actions: ${name}`, function () {
    this.timeout(30_000);

    it('saves a view (columns, range, my cards, sort) per user and shows it again in a new list', async () => {
      const storage = await open();
      await seed(storage);
      const el = await listOn(storage);
      expect(ids(el).length).to.equal(4);
      // Columns: add Revenue, drop Segment.
      const column = (field: string) => $<HTMLInputElement>(el, `input[name=column][value="${field}"]`);
      column('/revenue').click();
      column('/segment').click();
      await el.updateComplete;
      expect(headers(el)).to.deep.equal(['title', '/revenue']);
      // Revenue from 1000, my cards (anna), sorted by revenue descending.
      set($<HTMLInputElement>(el, '[data-range="/revenue"] input'), '1 000');
      $<HTMLInputElement>(el, 'input[name=mine]').click();
      $<HTMLButtonElement>(el, 'th[data-field="/revenue"] button').click();
      $<HTMLButtonElement>(el, 'th[data-field="/revenue"] button').click();
      await waitUntil(() => ids(el).join() === 'd,b', 'the view narrows and sorts', { timeout: 10000 });
      set($<HTMLInputElement>(el, 'input[name=view-name]'), 'Крупные мои', 'input');
      $<HTMLFormElement>(el, 'form').requestSubmit();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('saved'), 'saved');

      const again = await listOn(storage);
      expect(ids(again).length, 'a new list starts with the default view').to.equal(4);
      await waitUntil(() => again.shadowRoot!.querySelectorAll('select[name=view] option').length === 2, 'the saved view is offered');
      set($<HTMLSelectElement>(again, 'select[name=view]'), 'Крупные мои');
      await waitUntil(() => ids(again).join() === 'd,b', 'the view applies', { timeout: 10000 });
      expect(headers(again)).to.deep.equal(['title', '/revenue']);
      expect(again.query.range).to.deep.equal({ '/revenue': { min: 1000 } });
      expect(again.query.filter).to.deep.equal({ '/manager': 'anna' });
      // A date range narrows too.
      set($<HTMLInputElement>(again, '[data-range="/signed"] input'), '2026-03-01');
      await waitUntil(() => ids(again).join() === 'd', 'the date range applies', { timeout: 10000 });
      expect((await axe.run(again, { resultTypes: ['violations'] })).violations.map((v) => v.id)).to.deep.equal([]);
      await storage.close();
    });

    it('changes a field in the selected cards (each with its history), exports them, deletes them and undoes the delete', async () => {
      const storage = await open();
      await seed(storage);
      const el = await listOn(storage, 'ru');
      const bBefore = (await storage.get('b')).revision;
      const pick = (id: string) => $<HTMLInputElement>(el, `input[name=pick][data-id="${id}"]`).click();
      pick('a');
      pick('c');
      await el.updateComplete;
      expect($<HTMLElement>(el, '[part=bulk]').textContent).to.contain('Выбрано: 2');
      set($<HTMLSelectElement>(el, 'select[name=bulk-value]'), 'chain');
      $<HTMLButtonElement>(el, 'button[name=bulk-apply]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('Изменено карточек: 2'), 'changed', {
        timeout: 10000,
      });
      for (const id of ['a', 'c']) {
        const r = await storage.get<{ segment: string }>(id);
        expect([r.data.segment, r.indexed['/segment'], r.author]).to.deep.equal(['chain', 'chain', name === 'REST' ? 'anonymous' : 'anna']);
        const history = await storage.history(id);
        expect(history.at(-1)!.changedPaths).to.deep.equal(['/segment']);
      }
      expect((await storage.get('b')).revision, 'unselected cards untouched').to.equal(bBefore);
      expect(ids(el).length, 'the selection is cleared after the change').to.equal(4);

      // Export: a CSV download of the selected cards.
      pick('c');
      await el.updateComplete;
      const downloads: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      try {
        $<HTMLButtonElement>(el, 'button[name=bulk-export]').click();
        await waitUntil(() => downloads.length === 1, 'a download', { timeout: 10000 });
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloads[0]).to.match(/^cards-\d{4}-\d{2}-\d{2}\.csv$/);

      // Delete, then undo.
      $<HTMLButtonElement>(el, 'button[name=bulk-delete]').click();
      await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('Удалено карточек: 1'), 'deleted', {
        timeout: 10000,
      });
      await waitUntil(() => !ids(el).includes('c'), 'gone from the list', { timeout: 10000 });
      expect((await storage.list({ schemaId: 'client' })).total).to.equal(3);
      $<HTMLButtonElement>(el, 'button[name=undo]').click();
      await waitUntil(() => ids(el).includes('c'), 'back in the list', { timeout: 10000 });
      const back = await storage.get<{ segment: string; revenue: number }>('c');
      expect([back.data.segment, back.data.revenue, back.title]).to.deep.equal(['chain', 2500, 'C']);
      await storage.close();
    });
  });
}

let n = 0;
runViewCases('IndexedDB', () => IndexedDbAdapter.open({ name: `kc-views-${Date.now()}-${++n}`, user: 'anna' }));

describe('views on the real REST server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.stop());
  runViewCases('REST', async () => {
    const db = new RestAdapter({ baseUrl: server.api });
    // A fresh type per test: the server refuses cards of an unpublished schema.
    for (const r of (await db.list({ schemaId: 'client' })).items) await db.delete(r.id);
    await db.deleteSetting('list-views:client');
    if ((await db.listSchemaVersions('client')).length === 0) await db.publishSchema({ schemaId: 'client', schema });
    return db;
  });
});
