import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle, typeInto } from '../test-support/helpers.js';

describe('<kc-percent-field>', () => {
  it('shows a % suffix, parses a comma and reports values over 100', async () => {
    const schema = { type: 'object', properties: { share: { type: 'number', title: 'Доля', minimum: 0, maximum: 100, 'x-unit': '%' } } };
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ share: 12.5 }} locale="ru"></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/share')!;
    const input = w.shadowRoot!.querySelector('input')!;
    expect(input.value).to.equal('12,5');
    expect(w.shadowRoot!.querySelector('[part="suffix"]')!.textContent).to.equal('%');
    expect(input.getAttribute('aria-describedby')).to.contain(w.shadowRoot!.querySelector('[part="suffix"]')!.id);
    typeInto(input, '150,5 %');
    await settle(card);
    expect((card.value as { share: number }).share).to.equal(150.5);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
  });
});
