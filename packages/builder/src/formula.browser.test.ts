// The formula editor in words, in the Russian UI on the B2B template: typing, completion of field
// names after "[" (ARIA combobox, keyboard), the error at its place, the result on the sample record.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import './index.js';
import type { KcBuilder } from './index.js';
import { useBuilder, violations } from './test-support/harness.js';
import { key, settle } from './test-support/interact.js';

/** Types as a person does: the value so far and the caret at its end, one input event. */
function type(input: HTMLInputElement, text: string): void {
  input.focus();
  input.value = text;
  input.setSelectionRange(text.length, text.length);
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<kc-builder> formula editor in words (ru, B2B)', function () {
  this.timeout(90000);
  const b = useBuilder({ locale: 'ru', schemaId: 'formula-card' });
  const pageErrors = b.errors;
  let el: KcBuilder;
  const input = () => el.querySelector<HTMLInputElement>('kc-builder-inspector input[name=formula]')!;
  const listbox = () => el.querySelector<HTMLElement>(`#${input().getAttribute('aria-controls')}`)!;
  const options = () => [...listbox().querySelectorAll<HTMLElement>('[role=option]')];

  before(async () => {
    el = b.el;
    await el.startFrom('b2b-client-card');
    await settle(el, { preview: false });
    // Open the "Категоризация" tab and select the computed share field, through the canvas.
    [...el.querySelectorAll<HTMLElement>('kc-builder-canvas [role=tab]')].find((t) => t.textContent!.includes('Категоризация'))!.click();
    await settle(el, { preview: false });
    const share = [...el.querySelectorAll<HTMLElement>('kc-builder-canvas .kcb-node')].find(
      (n) => n.querySelector('.kcb-label .kcb-title')?.textContent?.trim() === 'Доля нашей продукции в портфеле клиента, %',
    );
    expect(share, 'the computed share field on the canvas').to.exist;
    share!.click();
    await settle(el, { preview: false });
  });

  it('shows the existing formula in words and its result on the sample', () => {
    expect(input().value).to.equal('ОКРУГЛ([Фактический объём продаж] / [Потенциал] * 100; 1)');
    expect(el.querySelector('[data-formula-result]')!.textContent).to.equal('Результат на примере: 35');
    expect(input().getAttribute('role')).to.equal('combobox');
    expect(input().getAttribute('aria-expanded')).to.equal('false');
  });

  it('takes [Фактический объём продаж] * 150000: stored as JSON Logic, live result, no error', async () => {
    type(input(), '[Фактический объём продаж] * 150000');
    await settle(el, { preview: false });
    expect(el.querySelector('[data-formula-error]')).to.equal(null);
    expect(input().getAttribute('aria-invalid')).to.equal('false');
    expect(el.querySelector('[data-formula-result]')!.textContent!.replace(/\s/g, ' ')).to.equal('Результат на примере: 630 000 000 000');
    const share = (el.store.doc.schema.properties!.category as { properties: Record<string, Record<string, unknown>> }).properties.ourShare;
    expect(share['x-formula']).to.deep.equal({ '*': [{ var: '/category/actualVolume' }, 150000] });
  });

  it('points at a wrong field name in the text, with a suggestion, and keeps the text', async () => {
    type(input(), '1 + [Фактич объём] * 2');
    await settle(el, { preview: false });
    const error = el.querySelector<HTMLElement>('[data-formula-error]')!;
    expect(error.textContent).to.equal('Символ 5: Нет поля «[Фактич объём]». Может быть, «[Фактический объём продаж]»?');
    expect([error.dataset.start, error.dataset.end]).to.deep.equal(['4', '18']);
    expect(el.querySelector('.kcb-formula-where mark')!.textContent).to.equal('[Фактич объём]');
    expect(input().getAttribute('aria-invalid')).to.equal('true');
    expect(await violations(el.querySelector('kc-builder-inspector')!), 'axe with an error shown').to.deep.equal([]);
    expect(input().getAttribute('aria-describedby')).to.contain(error.id);
    expect(input().value).to.equal('1 + [Фактич объём] * 2');
    const share = (el.store.doc.schema.properties!.category as { properties: Record<string, Record<string, unknown>> }).properties.ourShare;
    expect(share['x-formula'], 'the last valid formula stays').to.deep.equal({ '*': [{ var: '/category/actualVolume' }, 150000] });
  });

  it('completes field names after "[" with the keyboard (ARIA combobox)', async () => {
    type(input(), 'ОКРУГЛ([потен');
    await settle(el, { preview: false });
    expect(input().getAttribute('aria-expanded')).to.equal('true');
    expect(listbox().hidden).to.equal(false);
    const names = options().map((o) => o.textContent!.trim());
    expect(names).to.include('Потенциал');
    expect(names.every((n) => n.toLowerCase().includes('потен'))).to.equal(true);
    expect(input().getAttribute('aria-activedescendant')).to.equal(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(await violations(el.querySelector('kc-builder-inspector')!), 'axe with the list open').to.deep.equal([]);
    if (options().length > 1) {
      key(input(), 'ArrowDown');
      await settle(el, { preview: false });
      expect(input().getAttribute('aria-activedescendant')).to.equal(options()[1]!.id);
      key(input(), 'ArrowUp');
      await settle(el, { preview: false });
    }
    const target = options().findIndex((o) => o.textContent!.trim() === 'Потенциал');
    for (let i = 0; i < target; i++) {
      key(input(), 'ArrowDown');
      await settle(el, { preview: false });
    }
    key(input(), 'Enter');
    await settle(el, { preview: false });
    expect(input().value).to.equal('ОКРУГЛ([Потенциал]');
    expect(input().getAttribute('aria-expanded')).to.equal('false');
    expect(input().selectionStart).to.equal('ОКРУГЛ([Потенциал]'.length);
    expect(el.querySelector('[data-formula-error]')!.textContent).to.contain('не закрыта');
    type(input(), 'ОКРУГЛ([Потенциал] / 1000; 0)');
    await settle(el, { preview: false });
    expect(el.querySelector('[data-formula-result]')!.textContent!.replace(/\s/g, ' ')).to.equal('Результат на примере: 12 000');
    // Escape closes the list without touching the text.
    type(input(), '[Фак');
    await settle(el, { preview: false });
    expect(input().getAttribute('aria-expanded')).to.equal('true');
    key(input(), 'Escape');
    await settle(el, { preview: false });
    expect(input().getAttribute('aria-expanded')).to.equal('false');
    expect(input().value).to.equal('[Фак');
  });

  it('shows a rule in words as its advanced view, and edits it there: pick-lists follow, a custom rule stays in words', async () => {
    const currency = [...el.querySelectorAll<HTMLElement>('kc-builder-canvas .kcb-node')].find(
      (n) => n.querySelector('.kcb-label .kcb-title')?.textContent?.trim() === 'Валюта',
    );
    currency!.click();
    await settle(el, { preview: false });
    const rule = () => el.querySelector<HTMLInputElement>('kc-builder-inspector input[name=rule-visible]')!;
    const schema = () =>
      (el.store.doc.schema.properties!.category as { properties: { potential: { properties: Record<string, Record<string, unknown>> } } })
        .properties.potential.properties.currency;
    expect(rule().closest('details')!.querySelector('summary')!.textContent).to.equal('Как формула');
    // The option is named by its label (stored as its code, money).
    expect(rule().value).to.equal('[Единица] = "Деньги"');
    expect(el.querySelector('kc-builder-inspector [data-formula-result]')!.textContent).to.equal('Результат на примере: Да');
    // Words that fit the pick-lists: the conditions show them.
    type(rule(), '[Единица] = "деньги" И [Потенциал] > 1000000');
    await settle(el, { preview: false });
    expect(schema()['x-rules']).to.deep.equal({
      visible: {
        and: [{ '==': [{ var: '/category/potential/unit' }, 'money'] }, { '>': [{ var: '/category/potential/value' }, 1000000] }],
      },
    });
    const legend = [...el.querySelectorAll('kc-builder-inspector fieldset')].find(
      (f) => f.querySelector('legend')?.textContent?.trim() === 'Показывать, когда',
    )!;
    expect(legend.querySelectorAll('.kcb-condition').length).to.equal(2);
    // Words the pick-lists can't say: the rule is edited in words only.
    type(rule(), '[Потенциал] / 2 > 1000 ИЛИ ЕПУСТО([Единица])');
    await settle(el, { preview: false });
    expect(schema()['x-rules']).to.deep.equal({
      visible: {
        or: [{ '>': [{ '/': [{ var: '/category/potential/value' }, 2] }, 1000] }, { empty: [{ var: '/category/potential/unit' }] }],
      },
    });
    expect(legend.isConnected ? legend.querySelectorAll('.kcb-condition').length : 0).to.equal(0);
    expect(el.querySelector('kc-builder-inspector')!.textContent).to.contain('Это правило не укладывается в списки выбора');
    expect(rule().closest('details'), 'open, not under a summary').to.equal(null);
    expect(rule().value).to.equal('[Потенциал] / 2 > 1000 ИЛИ ЕПУСТО([Единица])');
    // A wrong name: the error at its place, and the rule stays as it was.
    type(rule(), '[Потенциал] > [Валюта2]');
    await settle(el, { preview: false });
    const error = el.querySelector<HTMLElement>('kc-builder-inspector [data-formula-error]')!;
    expect([error.dataset.start, error.dataset.end]).to.deep.equal(['14', '23']);
    expect((schema()['x-rules'] as { visible: object }).visible).to.have.property('or');
    // Emptying the words removes the rule.
    type(rule(), '');
    await settle(el, { preview: false });
    expect(schema()['x-rules']).to.equal(undefined);
  });

  it('builds a rule with an AND/OR group from pick-lists, shown in words', async () => {
    const fieldset = () =>
      [...el.querySelectorAll('kc-builder-inspector fieldset')].find(
        (f) => f.querySelector('legend')?.textContent?.trim() === 'Показывать, когда',
      )!;
    const button = (text: string) => [...fieldset().querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
    const control = <T extends Element>(label: string) => fieldset().querySelector<T>(`[aria-label="${label}"]`)!;
    const choose = async (select: HTMLSelectElement, value: string) => {
      select.value = value;
      expect(select.value, value).to.equal(value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el, { preview: false });
    };
    const rules = () =>
      (el.store.doc.schema.properties!.category as { properties: { potential: { properties: Record<string, Record<string, unknown>> } } })
        .properties.potential.properties.currency['x-rules'];
    button('+ Добавить условие').click();
    await settle(el, { preview: false });
    await choose(control('Поле условия 1'), '/category/potential/unit');
    await choose(control('Значение условия 1'), 'money');
    button('+ Добавить группу условий').click();
    await settle(el, { preview: false });
    expect(fieldset().querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Группа 1');
    await choose(control('Поле условия 1.1'), '/category/potential/value');
    await choose(control('Оператор условия 1.1'), 'gt');
    const value = control<HTMLInputElement>('Значение условия 1.1');
    value.value = '1000000';
    value.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(el, { preview: false });
    [...fieldset().querySelectorAll<HTMLButtonElement>('[role=group] button')]
      .find((b) => b.textContent!.includes('Добавить условие'))!
      .click();
    await settle(el, { preview: false });
    await choose(control('Поле условия 1.2'), '/category/actualVolume');
    await choose(control('Оператор условия 1.2'), 'empty');
    expect(rules()).to.deep.equal({
      visible: {
        and: [
          { '==': [{ var: '/category/potential/unit' }, 'money'] },
          { or: [{ '>': [{ var: '/category/potential/value' }, 1000000] }, { empty: { var: '/category/actualVolume' } }] },
        ],
      },
    });
    const words = el.querySelector<HTMLInputElement>('kc-builder-inspector input[name=rule-visible]')!;
    expect(words.value).to.equal('[Единица] = "Деньги" И ([Потенциал] > 1000000 ИЛИ ЕПУСТО([Фактический объём продаж]))');
    expect(el.querySelector('kc-builder-inspector [data-formula-result]')!.textContent).to.equal('Результат на примере: Да');
    expect(await violations(el.querySelector('kc-builder-inspector')!), 'axe with a group').to.deep.equal([]);
    // Removing the group's last conditions removes the group.
    button('Удалить группу 1').click();
    await settle(el, { preview: false });
    expect(rules()).to.deep.equal({ visible: { '==': [{ var: '/category/potential/unit' }, 'money'] } });
  });

  it('raised no page errors', () => {
    expect(pageErrors).to.deep.equal([]);
  });
});
