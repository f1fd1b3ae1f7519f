// The canvas and the settings panel as an admin uses them: a field's title edited in place (double
// click or F2; Enter keeps, Escape leaves it), the settings panel made wider by its handle (keys
// and pointer), rules shown on the canvas in words, and the B2B card's blocks drawn once each. In
// Russian and English; axe-clean while a title is being edited; no page errors.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { MemoryAdapter } from '@kartochka/storage';
import './index.js';
import { fieldById, titleOf, type KcBuilder } from './index.js';
import { settle } from './test-support/interact.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;
const violations = async (el: Element) =>
  (await axe.run(el, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);

const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

for (const locale of ['ru', 'en'] as const) {
  describe(`<kc-builder> canvas editing and the settings panel (${locale})`, function () {
    this.timeout(120000);
    let el: KcBuilder;
    const errors: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('reason' in e ? e.reason : e.message));

    beforeEach(async () => {
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onError);
      el = document.createElement('kc-builder') as KcBuilder;
      el.locale = locale;
      el.storage = new MemoryAdapter();
      el.schemaId = `canvas-${locale}`;
      el.style.width = '1300px'; // wide enough for the three columns (below 1000 px they stack)
      document.body.append(el);
      await settle(el, { preview: false });
    });
    afterEach(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onError);
      el.remove();
      expect(errors, 'no page errors').to.deep.equal([]);
    });

    it('edits a field title in place: F2 or a double click, Enter keeps it (undoable), Escape leaves it', async () => {
      el.querySelector<HTMLButtonElement>('kc-builder-palette button[data-what="section"]')!.click();
      await settle(el, { preview: false });
      el.querySelector<HTMLButtonElement>('kc-builder-palette button[data-what="text"]')!.click();
      await settle(el, { preview: false });
      const id = el.store.selection!.id;
      const node = () => el.querySelector<HTMLElement>(`kc-builder-canvas .kcb-node[data-ref="field:${id}"]`)!;
      const name = locale === 'ru' ? 'Наименование' : 'Company';

      node().focus();
      key(node(), 'F2');
      await settle(el, { preview: false });
      let input = node().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(document.activeElement).to.equal(input, 'the title is ready to type');
      expect(await violations(el), 'axe while editing').to.deep.equal([]);
      input.value = name;
      key(input, 'Enter');
      await settle(el, { preview: false });
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.equal(name);
      expect(node().querySelector('.kcb-label span')!.textContent).to.equal(name);
      expect(document.activeElement).to.equal(node(), 'focus back on the field');
      expect(fieldById(el.store.doc, id)!.key, 'the key follows the title until published').to.equal(locale === 'ru' ? 'naimenovanie' : 'company');

      // A double click on the title; Escape leaves it as it was.
      node().querySelector('.kcb-label span')!.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await settle(el, { preview: false });
      input = node().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(input.value).to.equal(name);
      input.value = 'something else';
      key(input, 'Escape');
      await settle(el, { preview: false });
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.equal(name);
      expect(node().querySelector('input[name="inline-title"]')).to.equal(null);

      // Undo takes the in-place rename back like any other edit.
      el.querySelector<HTMLButtonElement>('button[name="undo"]')?.click();
      await settle(el, { preview: false });
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.not.equal(name);
    });

    it('makes the settings panel wider by its handle: arrow keys, Home/End, and a drag', async () => {
      const panel = () => el.querySelector('kc-builder-inspector')!.getBoundingClientRect().width;
      const handle = el.querySelector<HTMLElement>('.kcb-splitter[role="separator"]')!;
      expect(handle.getAttribute('aria-label')).to.equal(locale === 'ru' ? 'Ширина панели настроек' : 'Settings panel width');
      const start = panel();
      expect(start).to.be.closeTo(380, 1);
      key(handle, 'ArrowLeft');
      await settle(el, { preview: false });
      expect(panel()).to.be.closeTo(400, 1);
      expect(handle.getAttribute('aria-valuenow')).to.equal('400');
      key(handle, 'Home');
      await settle(el, { preview: false });
      expect(panel()).to.be.closeTo(280, 1);
      // Dragging the handle 100 px to the left widens the panel by as much.
      const box = handle.getBoundingClientRect();
      const at = (type: string, x: number) => handle.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: box.top + 10, button: 0, pointerId: 1 }));
      at('pointerdown', box.left);
      at('pointermove', box.left - 100);
      at('pointerup', box.left - 100);
      await settle(el, { preview: false });
      expect(panel()).to.be.closeTo(380, 1);
      expect(el.inspectorWidth).to.equal(380);
      // The width is the admin's own: kept through the adapter, the next builder opens with it.
      key(handle, 'End');
      await settle(el, { preview: false });
      const storage = el.storage!;
      const end = Date.now() + 5000;
      while (JSON.stringify(await storage.getSetting('builder-look:-')) !== JSON.stringify({ inspectorWidth: 720 }) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(await storage.getSetting('builder-look:-')).to.deep.equal({ inspectorWidth: 720 });
      const again = document.createElement('kc-builder') as KcBuilder;
      again.locale = locale;
      again.style.width = '1300px';
      again.storage = storage;
      again.schemaId = `canvas-again-${locale}`;
      document.body.append(again);
      try {
        const until = Date.now() + 5000;
        while (again.inspectorWidth !== 720 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(again.inspectorWidth).to.equal(720);
      } finally {
        again.remove();
      }
    });

    it('draws the B2B card with each block once, and says rules in words on the canvas', async () => {
      await el.startFrom('b2b-client-card');
      await settle(el, { preview: false });
      const labels = [...el.querySelectorAll('kc-builder-canvas .kcb-node[data-ref^="field:"]')].map((n) => n.getAttribute('data-ref'));
      expect(labels.length).to.be.greaterThan(10);
      expect(labels.length, 'no field drawn twice').to.equal(new Set(labels).size);
      const badges = [...el.querySelectorAll('kc-builder-canvas .kcb-badge')].map((b) => b.textContent!.trim());
      expect(badges.length).to.be.greaterThan(0);
      expect(badges.join(' '), 'no rule keywords').to.not.match(/\bvisible\b|\brequired\b|readOnly/);
      expect(badges).to.include(locale === 'ru' ? '⚙ Показ по условию' : '⚙ Shown when…');
    });
  });
}
