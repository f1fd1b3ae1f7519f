import { expect, fixture, html } from '@open-wc/testing';
import { pressKey, typeText } from '../test-support/widget-conformance.js';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle } from '../test-support/helpers.js';

const schema = { type: 'object', properties: { tags: { type: 'array', title: 'Теги', uniqueItems: true, items: { type: 'string' } } } };

describe('<kc-tags-field>', () => {
  it('adds on Enter and comma, skips duplicates, removes the last with Backspace and any with its button', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ tags: ['опт'] }} locale="ru"></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/tags')!;
    const input = w.shadowRoot!.querySelector('input')!;
    const tags = () => (card.value as { tags: string[] }).tags;
    input.focus();
    typeText(input, 'VIP');
    pressKey(input, 'Enter');
    await settle(card);
    typeText(input, 'розница');
    pressKey(input, ',');
    await settle(card);
    typeText(input, 'опт,'); // pasted text with a comma
    await settle(card);
    expect(tags()).to.deep.equal(['опт', 'VIP', 'розница']);
    expect(input.value).to.equal('');
    pressKey(input, 'Backspace');
    await settle(card);
    expect(tags()).to.deep.equal(['опт', 'VIP']);
    const remove = w.shadowRoot!.querySelector('[part="remove-button"]') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).to.equal('Удалить опт');
    remove.click();
    await settle(card);
    expect(tags()).to.deep.equal(['VIP']);
    expect(w.shadowRoot!.activeElement).to.equal(input);
    expect(w.shadowRoot!.querySelector('[aria-live]')!.textContent).to.contain('опт');
  });

  it('x-widget "list" still gives the generic list', async () => {
    const s = { type: 'object', properties: { tags: { type: 'array', 'x-widget': 'list', items: { type: 'string' } } } };
    const card = await fixture<KcCard>(html`<kc-card .schema=${s} .value=${{ tags: ['a'] }}></kc-card>`);
    await settle(card);
    expect(fieldAt(card.shadowRoot!, '/tags')!.localName).to.equal('kc-array-field');
  });
});
