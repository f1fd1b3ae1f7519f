// Drives <kc-builder> through its UI only (clicks, typing, keys) in Chromium with real IndexedDB.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import type { StorageAdapter } from '@kartochka/storage';
import { validatorCacheStats } from '@kartochka/core';
import './index.js';
import { type KcBuilder } from './index.js';
import { addField, fieldById, setFormula, type BuilderDocument } from './model/index.js';
import { moveTo } from './builder/actions.js';
import { useBuilder } from './test-support/harness.js';
import { settle, tick, type, until } from './test-support/interact.js';

/** Finds an element through open shadow roots. */
function deep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deep<T>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  expect(select.value, `option ${value}`).to.equal(value);
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('<kc-builder> through its UI', function () {
  this.timeout(60000);
  const b = useBuilder({ locale: 'en', schemaId: 'client-card', preview: true });
  const { $ } = b;
  let storage: StorageAdapter;
  let el: KcBuilder;
  const inspector = <T extends Element = HTMLInputElement>(sel: string) => $<T>(`kc-builder-inspector ${sel}`);
  const palette = async (what: string) => {
    $<HTMLButtonElement>(`kc-builder-palette button[data-what="${what}"]`).click();
    await settle(el);
  };
  const node = (label: string) => {
    const found = [...el.querySelectorAll<HTMLElement>('kc-builder-canvas .kcb-node')].find(
      (n) => n.querySelector('.kcb-label .kcb-title')?.textContent?.trim() === label,
    );
    if (!found) throw new Error(`No canvas node "${label}"`);
    return found;
  };
  const selectNode = async (label: string) => {
    node(label).click();
    await settle(el);
  };
  const setTitle = async (text: string) => {
    type(inspector('input[name=title-en]'), text);
    await settle(el);
  };
  const fieldset = (legend: string) => {
    const fs = [...el.querySelectorAll('kc-builder-inspector fieldset')].find(
      (f) => f.querySelector('legend')?.textContent?.trim() === legend,
    );
    if (!fs) throw new Error(`No fieldset "${legend}"`);
    return fs as HTMLFieldSetElement;
  };
  const doc = (): BuilderDocument => el.store.doc;
  const props = () => (doc().schema.properties!.general as { properties: Record<string, Record<string, unknown>> }).properties;

  before(() => {
    el = b.el;
    storage = b.storage;
  });

  it('builds a card from blank: a section, fields, options, a rule and a formula', async () => {
    expect($('kc-builder-canvas').textContent).to.contain('The card is empty');
    await palette('section');
    await setTitle('General');
    expect(doc().layout.items.map((s) => s.id)).to.deep.equal(['general']);

    await palette('text');
    await setTitle('Company name');
    await palette('integer');
    await setTitle('Staff');
    await palette('select');
    await setTitle('Segment');
    // Options: add "Dealer" with labels in both languages.
    type(inspector('input[aria-label="New option (Русский)"]'), 'Дилер');
    type(inspector('input[aria-label="New option (English)"]'), 'Dealer');
    [...fieldset('Options').querySelectorAll('button')].find((b) => b.textContent!.includes('Add option'))!.click();
    await settle(el);
    expect(props().segment.enum).to.deep.equal(['option1', 'diler']);
    expect(doc().messages.en!['/general/segment']).to.deep.include({ options: { option1: 'Option 1', diler: 'Dealer' } });

    // A rule on Staff: show when Segment equals Dealer.
    await selectNode('Staff');
    [...fieldset('Show when').querySelectorAll('button')].find((b) => b.textContent!.includes('Add condition'))!.click();
    await settle(el);
    choose(fieldset('Show when').querySelector('select[aria-label="Field of condition 1"]')!, '/general/segment');
    await settle(el);
    choose(fieldset('Show when').querySelector('select[aria-label="Value of condition 1"]')!, 'diler');
    await settle(el);
    expect(props().staff['x-rules']).to.deep.equal({ visible: { '==': [{ var: '/general/segment' }, 'diler'] } });

    // A computed field: a broken formula is reported and kept, a valid one shows its result.
    await selectNode('Segment');
    await palette('computed');
    await setTitle('Double staff');
    // In words: a broken formula is reported at its place and kept; a valid one is stored and shows its result.
    type(inspector('input[name=formula]'), '[Staf] * 2');
    await settle(el);
    const error = fieldset('Formula').querySelector<HTMLElement>('[data-formula-error]')!;
    expect(error.textContent).to.contain('There is no field "[Staf]". Did you mean "[Staff]"?');
    expect([error.dataset.start, error.dataset.end]).to.deep.equal(['0', '6']);
    expect(inspector('input[name=formula]').value).to.equal('[Staf] * 2');
    expect(props().doubleStaff['x-formula'] ?? null, 'nothing stored while it is wrong').to.equal(null);
    type(inspector('input[name=formula]'), '[Staff] * 2');
    await settle(el);
    expect(props().doubleStaff['x-formula']).to.deep.equal({ '*': [{ var: '/general/staff' }, 2] });
    expect(el.querySelector('[data-formula-result]')!.textContent).to.contain('Result on the sample');
    // The JSON Logic under "Advanced" follows, and stays editable: a broken JSON is reported and kept.
    const json = fieldset('Formula').querySelector<HTMLTextAreaElement>('details textarea')!;
    expect(JSON.parse(json.value)).to.deep.equal({ '*': [{ var: '/general/staff' }, 2] });
    type(json, '{"*": [{"var": "/general/staff"}, ');
    await settle(el);
    expect(fieldset('Formula').querySelector('details .kcb-error')!.textContent).to.not.equal('');
    type(fieldset('Formula').querySelector<HTMLTextAreaElement>('details textarea')!, '{"*": [{"var": "/general/staff"}, 3]}');
    await settle(el);
    expect(inspector('input[name=formula]').value, 'the words follow the JSON').to.equal('[Staff] * 3');
    type(inspector('input[name=formula]'), '[Staff] * 2');
    await settle(el);
    expect(props().doubleStaff['x-formula']).to.deep.equal({ '*': [{ var: '/general/staff' }, 2] });

    expect(Object.keys(props())).to.deep.equal(['companyName', 'staff', 'segment', 'doubleStaff']);
    expect(doc().layout.items[0].items).to.deep.equal([
      '/general/companyName',
      '/general/staff',
      '/general/segment',
      '/general/doubleStaff',
    ]);
  });

  it('moves by keyboard (Alt+ArrowUp/Down) with an announcement', async () => {
    const n = node('Segment');
    n.focus();
    n.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', altKey: true, bubbles: true }));
    await settle(el);
    expect(doc().layout.items[0].items).to.deep.equal([
      '/general/companyName',
      '/general/segment',
      '/general/staff',
      '/general/doubleStaff',
    ]);
    expect($('[data-announcer]').textContent).to.contain('position 2 of 4');
    expect(document.activeElement).to.equal(node('Segment'));
    node('Segment').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    await settle(el);
    expect(doc().layout.items[0].items[2]).to.equal('/general/segment');
  });

  it('undo and redo restore exact documents (buttons and Ctrl+Z / Ctrl+Shift+Z)', async () => {
    const before = structuredClone(doc());
    const beforeRef = doc();
    node('Double staff').focus();
    node('Double staff').dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true }));
    await settle(el);
    expect($('[data-announcer]').textContent).to.contain('deleted');
    const after = structuredClone(doc());
    expect(after).to.not.deep.equal(before);
    $<HTMLButtonElement>('button[name=undo]').click();
    await settle(el);
    expect(doc()).to.deep.equal(before);
    expect(doc()).to.equal(beforeRef, 'the very same snapshot');
    $<HTMLButtonElement>('button[name=redo]').click();
    await settle(el);
    expect(doc()).to.deep.equal(after);
    $('kc-builder-canvas').dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    await settle(el);
    expect(doc()).to.deep.equal(before);
    $('kc-builder-canvas').dispatchEvent(new KeyboardEvent('keydown', { key: 'Z', ctrlKey: true, shiftKey: true, bubbles: true }));
    await settle(el);
    expect(doc()).to.deep.equal(after);
    $<HTMLButtonElement>('button[name=undo]').click();
    await settle(el);
    expect(doc()).to.deep.equal(before);
    // A typed title is one undo step, not one per keystroke.
    await selectNode('Company name');
    const input = inspector('input[name=title-ru]');
    input.value = 'Н';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.value = 'На';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(el);
    // Not published yet: the key follows the (Russian) title.
    expect((doc().messages.ru!['/general/na'] as { title: string }).title).to.equal('На');
    $<HTMLButtonElement>('button[name=undo]').click();
    await settle(el);
    expect(doc()).to.deep.equal(before);
  });

  it('reports invalid JSON edits with their location and keeps the text', async () => {
    $<HTMLButtonElement>('button[name=view-json]').click();
    await settle(el);
    const ta = () => $<HTMLTextAreaElement>('kc-builder-json textarea');
    const original = ta().value;
    const broken = '{\n  "type": "object",\n  "properties": }';
    type(ta(), broken);
    await settle(el);
    $<HTMLButtonElement>('kc-builder-json button.primary').click();
    await settle(el);
    expect($('[data-json-error]').textContent).to.match(/line 3, column 17/);
    expect(ta().value).to.equal(broken);
    type(ta(), '{"type": "object", "properties": {"a": {"type": "strin"}}}');
    await settle(el);
    $<HTMLButtonElement>('kc-builder-json button.primary').click();
    await settle(el);
    expect($('[data-json-error]').textContent).to.contain('/properties/a/type');
    expect(doc().schema.properties!.general, 'nothing applied').to.exist;
    // Recover: discard the draft, the document's JSON comes back.
    [...el.querySelectorAll<HTMLButtonElement>('kc-builder-json button')].find((b) => b.textContent!.includes('Discard'))!.click();
    await settle(el);
    expect(ta().value).to.equal(original);
    // A valid edit applies (and is undoable).
    const edited = JSON.parse(original);
    edited.title = 'Client';
    type(ta(), JSON.stringify(edited));
    await settle(el);
    $<HTMLButtonElement>('kc-builder-json button.primary').click();
    await settle(el);
    expect(doc().schema.title).to.equal('Client');
    $<HTMLButtonElement>('button[name=undo]').click();
    await settle(el);
    expect(doc().schema.title).to.equal(undefined);
    $<HTMLButtonElement>('button[name=view-preview]').click();
    await settle(el);
  });

  it('publishes v1, saves a record from the preview, publishes v2 with a rename and a retype; the old record opens migrated', async () => {
    $<HTMLButtonElement>('button[name=publish]').click();
    await until(() => !!el.querySelector<HTMLDialogElement>('kc-builder-publish dialog')?.open, 'the publish dialog');
    await settle(el);
    const dialog = $<HTMLDialogElement>('kc-builder-publish dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('First version');
    $<HTMLButtonElement>('button[name=confirm-publish]').click();
    await until(async () => (await storage.listSchemaVersions('client-card')).length === 1, 'version 1 stored');
    await until(() => /version 1/.test(el.querySelector('[data-published]')?.textContent ?? ''), 'the version line');
    await settle(el);
    expect((await storage.listSchemaVersions('client-card')).length).to.equal(1);
    expect($('[data-published]').textContent).to.contain('version 1');
    expect($('[data-published]').textContent, 'just published: nothing unpublished').to.not.contain('unpublished');

    // Fill the preview card (real <kc-card>) and save it as a record of version 1.
    const card = $('kc-builder-preview kc-card') as HTMLElement & { value: unknown };
    const widget = (path: string) => deep(card.shadowRoot!, `[path="${path}"]`)!;
    const control = <T extends Element>(path: string, sel: string) => {
      const w = widget(path);
      return (w.shadowRoot?.querySelector<T>(sel) ?? w.querySelector<T>(sel))!;
    };
    type(control<HTMLInputElement>('/general/companyName', 'input'), 'ООО Ромашка');
    choose(
      control<HTMLSelectElement>('/general/segment', 'select'),
      control<HTMLSelectElement>('/general/segment', 'select').options[2].value,
    );
    await settle(el);
    type(control<HTMLInputElement>('/general/staff', 'input'), '12');
    await settle(el);
    expect(card.value).to.deep.include({ general: { companyName: 'ООО Ромашка', segment: 'diler', staff: 12, doubleStaff: 24 } });
    $<HTMLButtonElement>('button[name=save-record]').click();
    await until(
      () =>
        storage.get('card-1').then(
          () => true,
          () => false,
        ),
      'the record saved',
    );
    await settle(el);
    const saved = await storage.get('card-1');
    expect(saved.schemaVersion).to.equal(1);
    expect(saved.data).to.deep.equal({ general: { companyName: 'ООО Ромашка', segment: 'diler', staff: 12, doubleStaff: 24 } });

    // Rename "Company name" (a published key is frozen: the title alone doesn't move data)...
    await selectNode('Company name');
    await setTitle('Legal name');
    expect(props().companyName, 'published key kept').to.exist;
    type(inspector('input[name=key]'), 'legalName');
    await settle(el);
    expect(props().legalName).to.exist;
    // ...and change Staff from a whole number to a number.
    await selectNode('Staff');
    choose(inspector<HTMLSelectElement>('select[name=type]'), 'number');
    await settle(el);
    expect(props().staff.type).to.equal('number');
    expect(props().doubleStaff['x-formula']).to.deep.equal({ '*': [{ var: '/general/staff' }, 2] });

    // The dialog says each change in words, by field title and type name, in the admin's language.
    const pageErrors: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push(String('reason' in e ? e.reason : e.message));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    const publishRows = async () => {
      $<HTMLButtonElement>('button[name=publish]').click();
      await until(
        () =>
          el.querySelectorAll('kc-builder-publish td[data-records]').length > 1 &&
          !/…/.test(el.querySelector('kc-builder-publish table')!.textContent!),
        'the change table with counts',
      );
      await settle(el);
      return [...el.querySelectorAll<HTMLTableRowElement>('kc-builder-publish tr')].map((r) =>
        [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '),
      );
    };
    // Russian titles (v1 was published with the Russian titles named after the types: «Текст»).
    await selectNode('Legal name');
    type(inspector('input[name=title-ru]'), 'Юридическое наименование');
    await selectNode('Staff');
    type(inspector('input[name=title-ru]'), 'Штат');
    await settle(el);
    el.locale = 'ru';
    await settle(el);
    try {
      const ru = await publishRows();
      expect(ru).to.deep.equal([
        'Переименовано / перемещено | Поле «Текст» становится «Юридическое наименование» | значения переносятся вместе с ним | карточек: 1',
        'Изменён тип | «Штат»: тип «Целое число» становится «Число» | значения сохранятся | карточек: 1',
      ]);
      expect(ru.join(' '), 'no pointers or codes').to.not.match(/\/general|integer|companyName|legalName/);
      [...el.querySelectorAll<HTMLButtonElement>('kc-builder-publish button')].find((b) => b.textContent!.includes('Отмена'))!.click();
      await until(() => !el.querySelector<HTMLDialogElement>('kc-builder-publish dialog')!.open, 'the dialog closed');
    } finally {
      el.locale = 'en';
      await settle(el);
    }
    const rows = await publishRows();
    expect(rows).to.deep.equal([
      'Renamed / moved | Field «Company name» becomes «Legal name» | values move with it | cards: 1',
      'Type changed | «Staff»: type «Whole number» becomes «Number» | values are kept | cards: 1',
    ]);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    expect(pageErrors, 'no page errors').to.deep.equal([]);
    $<HTMLButtonElement>('button[name=confirm-publish]').click();
    await until(async () => (await storage.listSchemaVersions('client-card')).length === 2, 'version 2 stored');
    await settle(el);
    const versions = await storage.listSchemaVersions('client-card');
    expect(versions.length).to.equal(2);
    expect((versions[1].schema as Record<string, unknown>)['x-kc-migrations']).to.deep.equal({
      from: 1,
      steps: [
        { from: '/general/companyName', to: '/general/legalName' },
        { at: '/general/staff', convert: 'integerToNumber' },
      ],
    });

    // Open the v1 record in the preview: migrated to v2, values in the renamed field.
    const open = $<HTMLSelectElement>('select[name=open-record]');
    open.dispatchEvent(new Event('focus'));
    await until(() => [...open.options].some((o) => o.value === 'card-1'), 'the record list');
    await settle(el);
    choose(open, 'card-1');
    await until(() => /version 1/.test($('[data-preview-status]').textContent ?? ''), 'the migrated record');
    await settle(el);
    expect($('[data-preview-status]').textContent).to.contain('saved under version 1, opened as version 2');
    expect(card.value).to.deep.equal({ general: { legalName: 'ООО Ромашка', segment: 'diler', staff: 12, doubleStaff: 24 } });
    expect(control<HTMLInputElement>('/general/legalName', 'input').value).to.equal('ООО Ромашка');
  });

  it('drags a palette item onto the canvas (pragmatic-drag-and-drop)', async () => {
    const source = $<HTMLButtonElement>('kc-builder-palette button[data-what="email"]');
    const target = node('Legal name');
    const dt = new DataTransfer();
    const rect = target.getBoundingClientRect();
    const at = { clientX: rect.left + 5, clientY: rect.bottom - 2, bubbles: true, cancelable: true, composed: true, dataTransfer: dt };
    source.dispatchEvent(new DragEvent('dragstart', { ...at, clientY: 1 }));
    await tick(50);
    target.dispatchEvent(new DragEvent('dragenter', at));
    target.dispatchEvent(new DragEvent('dragover', at));
    await tick(50);
    target.dispatchEvent(new DragEvent('dragover', at));
    await tick(50);
    target.dispatchEvent(new DragEvent('drop', at));
    source.dispatchEvent(new DragEvent('dragend', at));
    await settle(el);
    expect(doc().layout.items[0].items.slice(0, 2)).to.deep.equal(['/general/legalName', '/general/email']);
  });

  it('typing in the builder does not compile the preview per keystroke; the preview ends on the last state', async () => {
    await selectNode('Staff');
    const key = inspector('input[name=key]');
    const before = validatorCacheStats().compiles;
    let text = 'headcount';
    for (let i = 0; i < 12; i++) {
      text += String.fromCharCode(97 + i); // each keystroke renames the field: a new schema
      type(key, text);
      await el.updateComplete;
      await el.preview!.updateComplete;
    }
    await el.preview!.settled;
    await settle(el);
    const compiles = validatorCacheStats().compiles - before;
    expect(compiles, `${compiles} compiles for 12 keystrokes`).to.be.at.most(3);
    const card = $('kc-builder-preview kc-card') as HTMLElement & { schema: unknown };
    expect(card.schema, 'the preview shows the last edit').to.equal(doc().schema);
    expect(props()[text]).to.exist;
  });

  it('refuses a move that would leave a formula reading every row, and says why in the builder', async () => {
    const store = el.store;
    const section = { kind: 'section' as const, id: store.doc.layout.items[0].id };
    const rows = addField(store.doc, 'repeating', { container: section });
    const price = addField(rows.doc, 'number', { container: section });
    const total = addField(price.doc, 'computed', { container: section });
    const pricePointer = fieldById(total.doc, price.ref.id)!.pointer;
    store.edit(() => setFormula(total.doc, total.ref.id, { '*': [{ var: pricePointer }, 2] }));
    await settle(el);
    const before = store.doc;
    moveTo(store, price.ref, { container: rows.ref, index: 0 }); // what a drop on the canvas and "Move to" do
    await settle(el);
    expect(store.doc, 'nothing moved').to.equal(before);
    const notice = $('[data-notice]');
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.contain('Not moved').and.to.contain('/*/');
    // In Russian when the builder speaks Russian; the next edit clears it.
    el.locale = 'ru';
    await settle(el);
    moveTo(store, price.ref, { container: rows.ref, index: 0 }); // what a drop on the canvas and "Move to" do
    await settle(el);
    expect($('[data-notice]').textContent).to.contain('Поле не перемещено');
    el.locale = 'en';
    await settle(el);
    moveTo(store, total.ref, { container: rows.ref, index: 0 });
    await settle(el);
    expect(el.querySelector('[data-notice]')).to.equal(null);
    expect(fieldById(store.doc, total.ref.id)!.pointer).to.contain('/*/');
  });
});
