// The field inspector's «Уникальное» checkbox writes and removes `"x-unique": true` (docs/duplicates.md).
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import { uniqueRules } from '@kartochka/core/unique';
import './index.js';
import type { KcBuilder } from './index.js';
import { useBuilder } from './test-support/harness.js';
import { settle, type } from './test-support/interact.js';

describe('<kc-builder> marks a field unique', function () {
  this.timeout(60000);
  const b = useBuilder({ locale: 'ru', schemaId: 'unique-here' });
  const { $ } = b;
  let el: KcBuilder;
  before(() => (el = b.el));

  it('the checkbox sets x-unique on the selected field, in Russian, and undo takes it back', async () => {
    $<HTMLButtonElement>('kc-builder-palette button[data-what="section"]').click();
    await settle(el, { preview: false });
    $<HTMLButtonElement>('kc-builder-palette button[data-what="text"]').click();
    await settle(el, { preview: false });
    type($<HTMLInputElement>('kc-builder-inspector input[name=title-ru]'), 'ИНН');
    await settle(el, { preview: false });
    const box = $<HTMLInputElement>('kc-builder-inspector input[name=unique]');
    expect(box.closest('label')!.textContent).to.contain('Уникальное');
    expect(box.checked).to.equal(false);
    box.click();
    await settle(el, { preview: false });
    const rules = uniqueRules(el.store.doc.schema);
    expect(rules.length).to.equal(1);
    expect(rules[0]!.fields[0]).to.match(/^\/[^/]+\/inn$/);
    expect($<HTMLInputElement>('kc-builder-inspector input[name=unique]').checked).to.equal(true);
    el.store.undo();
    await settle(el, { preview: false });
    expect(uniqueRules(el.store.doc.schema)).to.deep.equal([]);
  });
});
