import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core'; // UMD: defines window.axe when loaded as a module
import type { AxeResults, RunOptions } from 'axe-core';
import type { JsonSchemaObject, Locale } from '@kartochka/core';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { controlOf, fieldAt, settle, typeInto } from '../test-support/helpers.js';
import { VIRTUALIZE_ABOVE } from './array-field.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

interface Row {
  name: string;
  qty?: number;
  vip?: boolean;
}
const item: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    qty: { type: 'integer', title: 'Quantity', minimum: 0 },
    vip: { type: 'boolean', title: 'VIP' },
  },
};
const schemaWith = (extra: JsonSchemaObject = {}): JsonSchemaObject => ({
  type: 'object',
  properties: { items: { type: 'array', title: 'Items', items: item, ...extra } },
});
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ name: `name ${i}`, qty: i }));

async function cardWith(
  value: Row[],
  extra: JsonSchemaObject = {},
  locale: Locale = 'en',
): Promise<{ card: KcCard; field: HTMLElement; root: ShadowRoot }> {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schemaWith(extra)} .value=${{ items: value }} locale=${locale}></kc-card>`);
  await settle(card);
  const field = fieldAt(card.shadowRoot!, '/items')!;
  return { card, field, root: field.shadowRoot! };
}
const itemsOf = (card: KcCard) => (card.value as unknown as { items: Row[] }).items;
const names = (card: KcCard) => itemsOf(card).map((r) => r.name);
const handle = (root: ShadowRoot, i: number) => root.querySelector(`[data-index="${i}"] .handle`) as HTMLButtonElement;
const menuButton = (root: ShadowRoot, i: number) => root.querySelector(`[data-index="${i}"] .menu-button`) as HTMLButtonElement;
const key = (el: Element, k: string) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
/** Picks `action` from row `i`'s menu with the mouse. */
async function rowAction(card: KcCard, root: ShadowRoot, i: number, action: 'duplicate' | 'up' | 'down' | 'remove'): Promise<void> {
  menuButton(root, i).click();
  await settle(card);
  (root.querySelector(`.menu [data-action="${action}"]`) as HTMLButtonElement).click();
  await settle(card);
}
const liveText = (root: ShadowRoot) => root.querySelector('.sr-only[role="status"]')!.textContent!.trim();
const violations = async (card: KcCard) =>
  (await axe.run(card, { resultTypes: ['violations'] })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

/** Waits (a bounded number of frames) until `probe` returns something. */
async function until<T>(probe: () => T | null | undefined, frames = 60): Promise<T> {
  for (let i = 0; i < frames; i++) {
    const v = probe();
    if (v) return v;
    await nextFrame();
  }
  throw new Error('timed out waiting for the DOM');
}

function drag(from: HTMLElement, over: HTMLElement, where: 'before' | 'after') {
  const dataTransfer = new DataTransfer();
  const rect = over.getBoundingClientRect();
  const clientY = where === 'after' ? rect.bottom - 2 : rect.top + 2;
  const init = { bubbles: true, composed: true, cancelable: true, dataTransfer, clientX: rect.left + 5, clientY };
  from.dispatchEvent(new DragEvent('dragstart', init));
  over.dispatchEvent(new DragEvent('dragover', init));
  return { drop: () => over.dispatchEvent(new DragEvent('drop', init)), end: () => from.dispatchEvent(new DragEvent('dragend', init)) };
}

describe('<kc-array-field> reorder', () => {
  it('gives each item a draggable handle named "Move item N"', async () => {
    const { root } = await cardWith(rows(3));
    const handles = [...root.querySelectorAll('.handle')] as HTMLButtonElement[];
    expect(handles.map((h) => h.getAttribute('aria-label'))).to.deep.equal(['Move item 1', 'Move item 2', 'Move item 3']);
    expect(handles.every((h) => h.draggable)).to.equal(true);
  });

  it('moves an item by drag and drop, with a drop indicator, through the same path as the buttons', async () => {
    const { card, field, root } = await cardWith(rows(3));
    const changes: string[] = [];
    card.addEventListener('kc-change', (e) => changes.push((e as CustomEvent).detail.path));
    const target = root.querySelector('[data-index="2"]') as HTMLElement;
    const d = drag(handle(root, 0), target, 'after');
    await settle(card);
    expect(target.classList.contains('drop-after')).to.equal(true);
    d.drop();
    d.end();
    await settle(card);
    expect(names(card)).to.deep.equal(['name 1', 'name 2', 'name 0']);
    expect(changes).to.deep.equal(['/items']);
    expect(root.querySelector('.drop-after, .drop-before')).to.equal(null);
    expect(liveText(root)).to.equal('Item 1 moved to position 3');
    expect(root.activeElement).to.equal(handle(root, 2));
    // The moved item's fields show its values (rows are keyed by position, values follow the data).
    expect(controlOf(fieldAt(field.shadowRoot!, '/items/2/name')!).value).to.equal('name 0');
  });

  it('drops before the target when over its upper half', async () => {
    const { card, root } = await cardWith(rows(4));
    const d = drag(handle(root, 3), root.querySelector('[data-index="1"]') as HTMLElement, 'before');
    await settle(card);
    d.drop();
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 3', 'name 1', 'name 2']);
  });

  it('ignores drags that did not start on a handle', async () => {
    const { card, root } = await cardWith(rows(2));
    const target = root.querySelector('[data-index="0"]') as HTMLElement;
    const ev = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
    target.dispatchEvent(ev);
    expect(ev.defaultPrevented).to.equal(false);
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() }));
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 1']);
  });

  it('moves with Alt+ArrowUp/Down on the handle, announces it, and keeps focus on the moved handle', async () => {
    const { card, root } = await cardWith(rows(3));
    handle(root, 2).focus();
    handle(root, 2).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 2', 'name 1']);
    expect(liveText(root)).to.equal('Item 3 moved to position 2');
    expect(root.activeElement).to.equal(handle(root, 1));
    // Without Alt the arrows do nothing (they belong to the page's scrolling).
    handle(root, 1).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 2', 'name 1']);
    handle(root, 1).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 1', 'name 2']);
    expect(root.activeElement).to.equal(handle(root, 2));
    // At the ends nothing moves.
    handle(root, 2).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 1', 'name 2']);
  });

  it('announces in Russian and names the handle in Russian', async () => {
    const { card, root } = await cardWith(rows(3), {}, 'ru');
    expect(handle(root, 0).getAttribute('aria-label')).to.equal('Переместить элемент 1');
    expect(menuButton(root, 2).getAttribute('aria-label')).to.equal('Действия с элементом 3');
    await rowAction(card, root, 2, 'up');
    expect(names(card)).to.deep.equal(['name 0', 'name 2', 'name 1']);
    expect(liveText(root)).to.equal('Элемент 3 перемещён на позицию 2');
    expect(root.activeElement).to.equal(menuButton(root, 1));
  });

  it('row menu: an ARIA menu button driven by the keyboard (arrows, Home/End, Escape, Tab), items disabled at the ends', async () => {
    const { card, root } = await cardWith(rows(3));
    // One button per row instead of five: the handle and the menu.
    expect(root.querySelectorAll('[data-index="0"] .row-head button').length).to.equal(2);
    const b = menuButton(root, 0);
    expect(b.getAttribute('aria-haspopup')).to.equal('menu');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    b.focus();
    key(b, 'ArrowDown');
    await settle(card);
    const menu = root.querySelector('[role="menu"]') as HTMLElement;
    expect(b.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('aria-label')).to.equal('Actions for item 1');
    expect(menu.matches(':popover-open')).to.equal(true);
    const items = [...menu.querySelectorAll('[role="menuitem"]')] as HTMLButtonElement[];
    expect(items.map((x) => x.textContent!.trim())).to.deep.equal(['Duplicate', 'Move up', 'Move down', 'Remove']);
    expect(items.map((x) => x.getAttribute('aria-disabled'))).to.deep.equal(['false', 'true', 'false', 'false']);
    expect(root.activeElement).to.equal(items[0]);
    key(items[0], 'ArrowUp'); // wraps to the last
    expect(root.activeElement).to.equal(items[3]);
    key(items[3], 'Home');
    expect(root.activeElement).to.equal(items[0]);
    key(items[0], 'End');
    key(items[3], 'ArrowUp');
    expect(root.activeElement).to.equal(items[2]);
    key(items[2], 'Escape');
    await settle(card);
    expect(root.activeElement).to.equal(b);
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.matches(':popover-open')).to.equal(false);
    // ArrowUp opens on the last item; a disabled item does nothing; Enter (a click) on «Move down» moves.
    key(b, 'ArrowUp');
    await settle(card);
    expect(root.activeElement!.textContent!.trim()).to.equal('Remove');
    (menu.querySelector('[data-action="up"]') as HTMLButtonElement).click();
    await settle(card);
    expect(names(card)).to.deep.equal(['name 0', 'name 1', 'name 2']);
    key(root.activeElement!, 'ArrowUp');
    expect(root.activeElement!.textContent!.trim()).to.equal('Move down');
    (root.activeElement as HTMLButtonElement).click();
    await settle(card);
    expect(names(card)).to.deep.equal(['name 1', 'name 0', 'name 2']);
    expect(root.activeElement).to.equal(menuButton(root, 1));
    // Tab closes it and keeps focus on the row's button; a click elsewhere closes it too.
    key(menuButton(root, 1), 'ArrowDown');
    await settle(card);
    key(root.activeElement!, 'Tab');
    await settle(card);
    expect(root.activeElement).to.equal(menuButton(root, 1));
    menuButton(root, 1).click();
    await settle(card);
    expect(await violations(card)).to.deep.equal([]);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settle(card);
    expect(root.querySelector('[aria-expanded="true"]')).to.equal(null);
    // Duplicate puts focus on the copy's menu button.
    await rowAction(card, root, 2, 'duplicate');
    expect(names(card)).to.deep.equal(['name 1', 'name 0', 'name 2', 'name 2']);
    expect(root.activeElement).to.equal(menuButton(root, 3));
  });

  it('an empty list says so, with an icon', async () => {
    const { root } = await cardWith([], {}, 'ru');
    expect(root.querySelector(`[part~="empty"]`)!.textContent!.trim()).to.equal('Пока пусто.');
    expect(root.querySelector(`[part~="empty"] svg`)!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('has no handles when read-only', async () => {
    const card = await fixture<KcCard>(html`<kc-card readonly .schema=${schemaWith()} .value=${{ items: rows(2) }}></kc-card>`);
    await settle(card);
    expect(fieldAt(card.shadowRoot!, '/items')!.shadowRoot!.querySelector('.handle')).to.equal(null);
  });
});

describe('<kc-table-field> (x-widget: "table")', () => {
  it('is chosen by x-widget "table" for arrays of objects only', async () => {
    const { field } = await cardWith(rows(1), { 'x-widget': 'table' });
    expect(field.localName).to.equal('kc-table-field');
    expect(field.getAttribute('layout')).to.equal('table');
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${{ type: 'object', properties: { t: { type: 'array', 'x-widget': 'table', items: { type: 'string' } } } }} .value=${{ t: ['a'] }}></kc-card>`,
    );
    await settle(card);
    expect(fieldAt(card.shadowRoot!, '/t')!.localName).to.equal('kc-tags-field');
  });

  it('is chosen by a layout hint "table" too', async () => {
    const layout = { version: 1, items: [{ type: 'section', id: 'main', items: [{ type: 'field', pointer: '/items', widget: 'table' }] }] };
    const card = await fixture<KcCard>(html`<kc-card .schema=${schemaWith()} .layout=${layout} .value=${{ items: rows(2) }}></kc-card>`);
    await settle(card);
    const field = fieldAt(card.shadowRoot!, '/items')!;
    expect(field.localName).to.equal('kc-table-field');
    expect(field.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(2);
  });

  it('takes its columns from the items schema: the first item lacking a property does not drop its column', async () => {
    const { root } = await cardWith([{ name: 'only a name' }, { name: 'b', qty: 2, vip: true }], { 'x-widget': 'table' });
    expect([...root.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Name',
      'Quantity',
      'VIP',
      'Actions',
    ]);
    expect(root.querySelector('tbody tr[data-index="1"] [path="/items/1/vip"]')).to.not.equal(null);
    const conditional = {
      type: 'object',
      properties: {
        t: {
          type: 'array',
          'x-widget': 'table',
          items: {
            type: 'object',
            properties: { kind: { enum: ['phone', 'email'] } },
            if: { properties: { kind: { const: 'email' } }, required: ['kind'] },
            then: { properties: { email: { type: 'string', format: 'email', title: 'Email' } } },
            else: { properties: { number: { type: 'string', title: 'Number' } } },
          },
        },
      },
    };
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${conditional} .value=${{
        t: [
          { kind: 'email', email: 'a@b.example' },
          { kind: 'phone', number: '1' },
        ],
      }}></kc-card>`,
    );
    await settle(card);
    const table = fieldAt(card.shadowRoot!, '/t')!.shadowRoot!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Kind',
      'Email',
      'Number',
      'Actions',
    ]);
    expect(table.querySelector('tbody tr[data-index="0"] [path="/t/0/email"]')).to.not.equal(null);
    expect(table.querySelector('tbody tr[data-index="1"] [path="/t/1/number"]')).to.not.equal(null);
    expect(table.querySelectorAll('tbody tr[data-index="1"] td').length, 'an empty cell keeps the columns aligned').to.equal(4);
  });

  it('renders a real table: header labels, one row per item, a widget per cell with a hidden but associated label', async () => {
    const { root } = await cardWith(rows(3), { 'x-widget': 'table' });
    const table = root.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
      'Name',
      'Quantity',
      'VIP',
      'Actions',
    ]);
    expect(table.querySelectorAll('tbody tr').length).to.equal(3);
    const cell = table.querySelector('tbody tr[data-index="1"] td [path="/items/1/name"]') as HTMLElement;
    const input = controlOf(cell) as HTMLInputElement;
    expect(input.value).to.equal('name 1');
    const label = cell.shadowRoot!.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).to.contain('Name');
    expect(input.labels![0]).to.equal(label);
    expect(label.getBoundingClientRect().width).to.be.at.most(1);
    expect((table.querySelector('tbody tr td [path="/items/1/qty"]') as HTMLElement).localName).to.equal('kc-number-field');
  });

  it('edits cells, removes with undo, duplicates and moves rows', async () => {
    const { card, field, root } = await cardWith(rows(3), { 'x-widget': 'table' });
    // Typing in a cell updates that cell only: the table itself does not re-render.
    let tableUpdates = 0;
    const f = field as unknown as { update(c: unknown): void };
    const update = f.update.bind(field);
    f.update = (c) => (tableUpdates++, update(c));
    typeInto(controlOf(root.querySelector('[path="/items/0/name"]') as HTMLElement) as HTMLInputElement, 'Acme');
    await settle(card);
    expect(names(card)).to.deep.equal(['Acme', 'name 1', 'name 2']);
    expect(tableUpdates).to.equal(0);
    await rowAction(card, root, 1, 'remove');
    expect(names(card)).to.deep.equal(['Acme', 'name 2']);
    expect(tableUpdates).to.be.greaterThan(0); // the spy sees structural changes
    expect(root.querySelectorAll('tbody tr').length).to.equal(2);
    (root.querySelector('.undo') as HTMLButtonElement).click();
    await settle(card);
    expect(names(card)).to.deep.equal(['Acme', 'name 1', 'name 2']);
    await rowAction(card, root, 0, 'duplicate');
    expect(names(card)).to.deep.equal(['Acme', 'Acme', 'name 1', 'name 2']);
    handle(root, 3).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(card);
    expect(names(card)).to.deep.equal(['Acme', 'Acme', 'name 2', 'name 1']);
    expect(root.activeElement).to.equal(handle(root, 2));
    const d = drag(handle(root, 0), root.querySelector('tr[data-index="3"]') as HTMLElement, 'after');
    await settle(card);
    d.drop();
    await settle(card);
    expect(names(card)).to.deep.equal(['Acme', 'name 2', 'name 1', 'Acme']);
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`passes axe (${locale}), with errors shown too`, async () => {
      const { card, root } = await cardWith(
        [
          { name: 'a', qty: 1, vip: true },
          { name: 'b', qty: -1 },
        ],
        { 'x-widget': 'table' },
        locale,
      );
      expect(root.querySelector('table')).to.not.equal(null);
      expect(await violations(card)).to.deep.equal([]);
      card.validate();
      await settle(card);
      expect(root.querySelector('[path="/items/1/qty"]')!.shadowRoot!.querySelector('[aria-invalid="true"]')).to.not.equal(null);
      expect(await violations(card)).to.deep.equal([]);
    });
  }
});

describe(`<kc-array-field> past ${VIRTUALIZE_ABOVE} items`, () => {
  // The virtualizer measures rows with a ResizeObserver; Chromium reports the (benign, documented)
  // "loop completed with undelivered notifications" through window.onerror, which Mocha fails on.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  it('renders only the visible sub-cards, and add/remove/move keep working', async () => {
    const { card, root } = await cardWith(rows(300));
    await until(() => root.querySelector('li[data-index="0"]')); // the virtualizer renders after measuring
    const rendered = root.querySelectorAll('li[data-index]').length;
    expect(await violations(card)).to.deep.equal([]);
    expect(rendered).to.be.greaterThan(0);
    expect(rendered).to.be.lessThan(100);
    (root.querySelector('[part="add-button"]') as HTMLButtonElement).click();
    await settle(card);
    expect(itemsOf(card).length).to.equal(301);
    // The new item is scrolled into view and focused.
    const last = await until(() => root.querySelector('li[data-index="300"]'));
    await until(() => (last.contains(root.activeElement) ? true : null));
    await rowAction(card, root, 300, 'remove');
    expect(itemsOf(card).length).to.equal(300);
    expect(root.activeElement).to.equal(root.querySelector('.undo'));
    (root.querySelector('.undo') as HTMLButtonElement).click();
    await settle(card);
    expect(itemsOf(card).length).to.equal(301);
    // Alt+ArrowUp on the last handle moves it, in a virtualized list too.
    const h = await until(() => handle(root, 300));
    h.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, composed: true, cancelable: true }));
    await settle(card);
    const items = itemsOf(card);
    expect([items[299], items[300]]).to.deep.equal([{}, { name: 'name 299', qty: 299 }]);
    await until(() => (root.activeElement === handle(root, 299) ? true : null));
    expect(root.querySelectorAll('li[data-index]').length).to.be.lessThan(100);
  });

  it('handles a table of 10,000 rows: few rows in the DOM, the last one reachable and editable', async function () {
    this.timeout(60000);
    const { card, root } = await cardWith(rows(10_000), { 'x-widget': 'table' });
    const body = root.querySelector('tbody.virtual') as HTMLElement;
    expect(body).to.not.equal(null);
    await until(() => root.querySelector('tr[data-index="0"]'));
    expect(root.querySelectorAll('tbody tr[data-index]').length).to.be.greaterThan(0);
    expect(root.querySelectorAll('tbody tr[data-index]').length).to.be.lessThan(200);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('10001');
    expect(await violations(card)).to.deep.equal([]);

    body.scrollTop = body.scrollHeight;
    const last = await until(() => {
      body.scrollTop = body.scrollHeight; // the estimate of the total height sharpens as rows are measured
      return root.querySelector('tr[data-index="9999"]') as HTMLElement | null;
    }, 240);
    expect(root.querySelectorAll('tbody tr[data-index]').length).to.be.lessThan(200);
    expect(last.getAttribute('aria-rowindex')).to.equal('10001');
    const nameField = await until(() => last.querySelector('[path="/items/9999/name"]') as HTMLElement | null);
    await settle(card);
    const input = controlOf(nameField) as HTMLInputElement;
    expect(input.value).to.equal('name 9999');

    typeInto(input, 'Последняя строка');
    await settle(card);
    expect(itemsOf(card)[9999].name).to.equal('Последняя строка');
    expect(itemsOf(card)[9998].name).to.equal('name 9998');

    // Reorder still works at the far end, and focus follows the moved row's handle.
    handle(root, 9999).focus();
    handle(root, 9999).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true, composed: true, cancelable: true }),
    );
    await settle(card);
    const items = itemsOf(card);
    expect([items[9998].name, items[9999].name]).to.deep.equal(['Последняя строка', 'name 9998']);
    await until(() => (root.activeElement === handle(root, 9998) ? true : null));
    expect(liveText(root)).to.equal('Item 10000 moved to position 9999');
  });
});
