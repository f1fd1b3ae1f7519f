import { expect, fixture, html } from '@open-wc/testing';
import { pressKey, typeText } from '../test-support/widget-conformance.js';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle } from '../test-support/helpers.js';
import { cities } from '../test-support/cities.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: { city: { type: 'string', title: 'Город', enum: cities }, seg: { enum: ['a', 'b'], title: 'Segment' } },
};

async function make(value: unknown = {}) {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value} locale="ru"></kc-card>`);
  await settle(card);
  const w = fieldAt(card.shadowRoot!, '/city')!;
  const combo = w.shadowRoot!.querySelector('[role="combobox"]') as HTMLInputElement;
  return { card, w, combo };
}
const visibleOptions = (w: HTMLElement) => [...w.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());

describe('<kc-select> as a combobox (more than 10 options)', () => {
  it('has the ARIA 1.2 combobox wiring; ≤10 options stay a native select', async () => {
    const { card, combo } = await make();
    expect(combo).to.exist;
    const listId = combo.getAttribute('aria-controls')!;
    expect(combo.getRootNode()).to.have.property('getElementById');
    expect((combo.getRootNode() as ShadowRoot).getElementById(listId)!.getAttribute('role')).to.equal('listbox');
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    expect(combo.getAttribute('aria-autocomplete')).to.equal('list');
    expect(fieldAt(card.shadowRoot!, '/seg')!.shadowRoot!.querySelector('select')).to.exist;
  });

  it('filters case-insensitively in Cyrillic, moves with arrows and picks with Enter', async () => {
    const { card, w, combo } = await make();
    combo.focus();
    typeText(combo, 'НОВ');
    await settle(card);
    expect(combo.getAttribute('aria-expanded')).to.equal('true');
    expect(visibleOptions(w)).to.deep.equal(['Новосибирск', 'Нижний Новгород']);
    const first = combo.getAttribute('aria-activedescendant')!;
    expect(w.shadowRoot!.getElementById(first)!.textContent!.trim()).to.equal('Новосибирск');
    pressKey(combo, 'ArrowDown');
    await settle(card);
    expect(w.shadowRoot!.getElementById(combo.getAttribute('aria-activedescendant')!)!.textContent!.trim()).to.equal('Нижний Новгород');
    pressKey(combo, 'Enter');
    await settle(card);
    expect((card.value as Record<string, unknown>).city).to.equal('Нижний Новгород');
    expect(combo.value).to.equal('Нижний Новгород');
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    expect(combo.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('Escape closes the list and restores the chosen text without changing the value', async () => {
    const { card, w, combo } = await make({ city: 'Омск' });
    combo.focus();
    typeText(combo, 'КАЗ', true);
    await settle(card);
    expect(visibleOptions(w)).to.deep.equal(['Казань']);
    pressKey(combo, 'Escape');
    await settle(card);
    expect(combo.getAttribute('aria-expanded')).to.equal('false');
    expect(combo.value).to.equal('Омск');
    expect((card.value as Record<string, unknown>).city).to.equal('Омск');
  });

  it('says when nothing matches, and clearing the text clears the value', async () => {
    const { card, w, combo } = await make({ city: 'Омск' });
    combo.focus();
    typeText(combo, 'zzz', true);
    await settle(card);
    expect(visibleOptions(w)).to.deep.equal([]);
    expect(w.shadowRoot!.textContent).to.contain('Ничего не найдено');
    typeText(combo, '', true);
    await settle(card);
    pressKey(combo, 'Enter');
    await settle(card);
    expect((card.value as Record<string, unknown>).city).to.equal(undefined);
  });

  it('shows a stored value that is not among the options and keeps it', async () => {
    const { card, combo } = await make({ city: 'Атлантида' });
    expect(combo.value).to.equal('Атлантида');
    combo.focus();
    combo.blur();
    await settle(card);
    expect((card.value as Record<string, unknown>).city).to.equal('Атлантида');
    const native = fieldAt(card.shadowRoot!, '/seg')!;
    card.value = { seg: 'zzz' };
    await settle(card);
    expect(native.shadowRoot!.querySelector('select')!.selectedOptions[0].textContent).to.contain('zzz');
    expect((card.value as Record<string, unknown>).seg).to.equal('zzz');
  });
});
