import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { IndexedDbAdapter } from '@kartochka/storage';
import '../index.js';
import type { KcCardList, CardListColumn, CardListFilter } from './card-list.js';

let n = 0;
const companies = [
  ['Альфа', 'dealer', 'A', 'Петров'],
  ['Бета', 'chain', 'B', 'Иванова'],
  ['Гамма', 'dealer', 'C', 'Петров'],
  ['Дельта', 'corporate', 'A', 'Сидоров'],
  ['Ежевика', 'dealer', 'B', 'Иванова'],
  ['Жук', 'chain', 'A', 'Петров'],
  ['Зенит', 'corporate', 'C', 'Сидоров'],
] as const;

async function seeded(): Promise<IndexedDbAdapter> {
  const db = await IndexedDbAdapter.open({ name: `kc-list-test-${Date.now()}-${n++}` });
  for (const [i, [title, segment, priority, manager]] of companies.entries()) {
    await db.put({
      id: `c-${i}`,
      schemaId: 'b2b',
      schemaVersion: 1,
      title,
      data: { general: { companyName: title } },
      indexed: { segment, priority, manager },
    });
  }
  await db.put({ id: 'x-1', schemaId: 'salon', schemaVersion: 1, title: 'Альфа-салон', data: {}, indexed: {} });
  return db;
}

const columns: CardListColumn[] = [
  { field: 'title', label: { ru: 'Название', en: 'Name' } },
  {
    field: 'segment',
    label: { ru: 'Сегмент', en: 'Segment' },
    options: {
      dealer: { ru: 'Дилер', en: 'Dealer' },
      chain: { ru: 'Сети', en: 'Chain' },
      corporate: { ru: 'Корпоративный', en: 'Corporate' },
    },
  },
  { field: 'priority', label: { ru: 'Приоритет', en: 'Priority' } },
  { field: 'manager', label: { ru: 'Менеджер', en: 'Manager' } },
];
const filters: CardListFilter[] = [
  { field: 'segment', label: { ru: 'Сегмент', en: 'Segment' } },
  { field: 'priority', label: { ru: 'Приоритет', en: 'Priority' }, options: { A: 'A', B: 'B', C: 'C' } },
  { field: 'manager', label: { ru: 'Менеджер', en: 'Manager' } },
];

const rows = (el: KcCardList) => [...el.shadowRoot!.querySelectorAll('tbody tr[data-id]')] as HTMLTableRowElement[];
const titles = (el: KcCardList) => rows(el).map((r) => r.cells[0].textContent!.trim());
const header = (el: KcCardList, field: string) => el.shadowRoot!.querySelector(`th[data-field="${field}"]`) as HTMLTableCellElement;
const status = (el: KcCardList) => el.shadowRoot!.querySelector('[part="pager"] [role="status"]')!.textContent!.trim();

async function makeList(storage: IndexedDbAdapter, pageSize = 20): Promise<KcCardList> {
  const el = await fixture<KcCardList>(
    html`<kc-card-list .storage=${storage} schema-id="b2b" .columns=${columns} .filters=${filters} page-size=${pageSize} search-delay="0" locale="ru"></kc-card-list>`,
  );
  await waitUntil(() => rows(el).length > 0, 'rows rendered');
  return el;
}

describe('<kc-card-list>', () => {
  it('in a narrow place (a phone) each card is a block of «column: value» lines, nothing wider than the list', async () => {
    const storage = await seeded();
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 360px"></div>`);
    const el = document.createElement('kc-card-list') as KcCardList;
    Object.assign(el, { storage, columns, filters, locale: 'ru' });
    el.setAttribute('schema-id', 'b2b');
    box.append(el);
    await waitUntil(() => rows(el).length > 0, 'rows rendered');
    expect(el.getBoundingClientRect().width).to.equal(360);
    for (const node of el.shadowRoot!.querySelectorAll('*'))
      expect(node.getBoundingClientRect().right, node.tagName).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    const cell = rows(el)[0].cells[1];
    expect(getComputedStyle(cell).display).to.equal('block');
    expect(cell.dataset.label).to.equal('Сегмент');
    expect(getComputedStyle(cell, '::before').content).to.equal('"Сегмент: "');
    // The title line needs no label.
    expect(getComputedStyle(rows(el)[0].cells[0], '::before').content).to.equal('none');
    await storage.close();
  });

  it('lists the cards of one schema with labelled values', async () => {
    const storage = await seeded();
    const el = await makeList(storage);
    expect(rows(el)).to.have.length(7);
    const alpha = rows(el).find((r) => r.cells[0].textContent!.trim() === 'Альфа')!;
    expect(alpha.cells[1].textContent!.trim()).to.equal('Дилер');
    expect(status(el)).to.equal('1–7 из 7');
    await storage.close();
  });

  it('sorts by clicking a header, with aria-sort', async () => {
    const storage = await seeded();
    const el = await makeList(storage);
    header(el, 'title').querySelector('button')!.click();
    await waitUntil(() => titles(el)[0] === 'Альфа');
    expect(header(el, 'title').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(el, 'segment').getAttribute('aria-sort')).to.equal('none');
    expect(titles(el)).to.deep.equal(['Альфа', 'Бета', 'Гамма', 'Дельта', 'Ежевика', 'Жук', 'Зенит']);
    header(el, 'title').querySelector('button')!.click();
    await waitUntil(() => titles(el)[0] === 'Зенит');
    expect(header(el, 'title').getAttribute('aria-sort')).to.equal('descending');
    await storage.close();
  });

  it('searches titles and filters on indexed fields', async () => {
    const storage = await seeded();
    const el = await makeList(storage);
    const search = el.shadowRoot!.querySelector('input[type="search"]') as HTMLInputElement;
    search.value = 'ЛЬ';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => rows(el).length === 2);
    expect(titles(el).sort()).to.deep.equal(['Альфа', 'Дельта'], 'case-insensitive, only this schema');
    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => rows(el).length === 7);

    const segment = el.shadowRoot!.querySelector('select[data-field="segment"]') as HTMLSelectElement;
    await waitUntil(() => segment.options.length === 4, 'choices found in the cards');
    expect([...segment.options].map((o) => o.textContent!.trim())).to.deep.equal(['Все', 'Сети', 'Корпоративный', 'Дилер']);
    segment.value = 'dealer';
    segment.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 3);
    const manager = el.shadowRoot!.querySelector('select[data-field="manager"]') as HTMLSelectElement;
    manager.value = 'Петров';
    manager.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 2);
    expect(titles(el).sort()).to.deep.equal(['Альфа', 'Гамма']);
    await storage.close();
  });

  it('pages through the results', async () => {
    const storage = await seeded();
    const el = await makeList(storage, 3);
    header(el, 'title').querySelector('button')!.click();
    await waitUntil(() => titles(el)[0] === 'Альфа');
    expect(status(el)).to.equal('1–3 из 7');
    const [prev, next] = el.shadowRoot!.querySelectorAll('[part="pager"] button') as NodeListOf<HTMLButtonElement>;
    expect(prev.disabled).to.equal(true);
    next.click();
    await waitUntil(() => titles(el)[0] === 'Дельта');
    expect(status(el)).to.equal('4–6 из 7');
    next.click();
    await waitUntil(() => titles(el)[0] === 'Зенит');
    expect(next.disabled).to.equal(true);
    expect(prev.getAttribute('aria-label')).to.equal('Предыдущая страница');
    await storage.close();
  });

  it('fires kc-open on click and on Enter, and is accessible', async () => {
    const storage = await seeded();
    const el = await makeList(storage);
    const row = rows(el)[0];
    setTimeout(() => row.click());
    const click = await oneEvent(el, 'kc-open');
    expect(click.detail).to.deep.equal({ id: row.dataset.id });
    const second = rows(el)[1];
    second.focus();
    setTimeout(() => second.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const enter = await oneEvent(el, 'kc-open');
    expect(enter.detail).to.deep.equal({ id: second.dataset.id });
    await expect(el).to.be.accessible();
    await storage.close();
  });

  it('shows new cards as they are stored', async () => {
    const storage = await seeded();
    const el = await makeList(storage);
    await storage.put({ id: 'c-new', schemaId: 'b2b', schemaVersion: 1, title: 'Новая', data: {}, indexed: { segment: 'dealer' } });
    await waitUntil(() => rows(el).length === 8, 'refreshed by watch');
    await storage.close();
  });
});
