// The builder's «Заголовок и список» tab: a card type's title pattern, list columns, filters and
// summary chips are set through the UI, are undoable, and are published with the schema (x-card).
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import { cardRecordFields, cardSettingsOf } from '@kartochka/core';
import './index.js';
import type { KcBuilder } from './index.js';
import type { StorageAdapter } from '@kartochka/storage';
import { useBuilder } from './test-support/harness.js';
import { settle, type, until } from './test-support/interact.js';

describe('<kc-builder> card settings: title and list', function () {
  this.timeout(60000);
  const b = useBuilder({ locale: 'ru', schemaId: 'made-here' });
  const { $ } = b;
  let el: KcBuilder;
  let storage: StorageAdapter;
  const palette = async (what: string, title: string) => {
    $<HTMLButtonElement>(`kc-builder-palette button[data-what="${what}"]`).click();
    await settle(el, { preview: false });
    type($<HTMLInputElement>('kc-builder-inspector input[name=title-ru]'), title);
    await settle(el, { preview: false });
  };
  const box = (pointer: string, setting: string) =>
    $<HTMLInputElement>(`kc-builder-card-settings tr[data-pointer="${pointer}"] input[data-setting="${setting}"]`);

  before(() => {
    el = b.el;
    storage = b.storage;
  });

  it('sets the title from fields, columns, a filter and a chip; undo takes a change back; publishing stores them', async () => {
    $<HTMLButtonElement>('kc-builder-palette button[data-what="section"]').click();
    await settle(el, { preview: false });
    await palette('text', 'Название');
    await palette('text', 'ИНН');
    await palette('select', 'Сегмент');
    const pointers = Object.keys(el.store.doc.messages.ru!).filter((p) => p.split('/').length === 3);
    const [name, inn, segment] = ['Название', 'ИНН', 'Сегмент'].map((t) =>
      pointers.find((p) => (el.store.doc.messages.ru![p] as { title?: string }).title === t)!,
    );
    expect(name && inn && segment, 'three fields made').to.be.ok;

    $<HTMLButtonElement>('button[name=view-card]').click();
    await settle(el, { preview: false });
    const tab = $('kc-builder-card-settings');
    expect(tab.textContent).to.contain('Заголовок карточки');
    // A type made here lists by its first text field until told otherwise; fields show by their titles.
    expect(cardSettingsOf(el.store.doc.schema)).to.equal(undefined);
    expect($<HTMLInputElement>('input[name=card-title]').value).to.equal('{Название}');

    // Title: pick the name, then add the INN, then bracket it by typing.
    const pick = $<HTMLSelectElement>('select[name=card-title-field]');
    pick.value = inn;
    pick.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el, { preview: false });
    expect($<HTMLInputElement>('input[name=card-title]').value).to.equal('{Название} {ИНН}');
    expect(cardSettingsOf(el.store.doc.schema)!.title, 'stored by pointer').to.equal(`{${name}} {${inn}}`);
    // Typed by title (any case), stored by pointer, shown by title again.
    type($<HTMLInputElement>('input[name=card-title]'), '{Название} ({инн})');
    await settle(el, { preview: false });
    expect($<HTMLInputElement>('input[name=card-title]').value).to.equal('{Название} ({ИНН})');

    box(segment, 'columns').click();
    await settle(el, { preview: false });
    box(inn, 'columns').click();
    await settle(el, { preview: false });
    box(segment, 'filters').click();
    await settle(el, { preview: false });
    box(segment, 'summary').click();
    await settle(el, { preview: false });
    expect(cardSettingsOf(el.store.doc.schema)).to.deep.equal({
      title: `{${name}} ({${inn}})`,
      columns: [segment, inn],
      filters: [segment],
      summary: [segment],
    });
    expect(box(segment, 'summary').checked).to.equal(true);

    // Undo takes the last tick back, and the checkbox follows.
    $<HTMLButtonElement>('button[name=undo]').click();
    await settle(el, { preview: false });
    expect(cardSettingsOf(el.store.doc.schema)!.summary).to.deep.equal([]);
    expect(box(segment, 'summary').checked).to.equal(false);

    // Published with the schema: what the list and search read.
    $<HTMLButtonElement>('button[name=publish]').click();
    await until(() => !!el.querySelector<HTMLDialogElement>('kc-builder-publish dialog')?.open, 'the publish dialog');
    await settle(el, { preview: false });
    $<HTMLButtonElement>('button[name=confirm-publish]').click();
    await until(async () => (await storage.listSchemaVersions('made-here')).length === 1, 'version 1 stored');
    const published = cardSettingsOf((await storage.getSchema('made-here')).schema)!;
    expect(published.columns).to.deep.equal([segment, inn]);
    const data = {} as Record<string, Record<string, string>>;
    const [, section, nameKey] = name.split('/');
    data[section] = { [nameKey]: 'ООО «Ромашка»', [inn.split('/')[2]]: '7707083893' };
    expect(cardRecordFields(published, data).title).to.equal('ООО «Ромашка» (7707083893)');
  });
});
