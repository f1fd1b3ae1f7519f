import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle, typeInto } from '../test-support/helpers.js';

const money = (e?: string[]) => ({
  type: 'object',
  title: 'Цена',
  properties: { amount: { type: 'number' }, currency: e ? { type: 'string', enum: e } : { type: 'string' } },
});

describe('<kc-money-field>', () => {
  it('formats for the locale when not focused, parses a comma, and fills a currency', async () => {
    const schema = { type: 'object', properties: { price: money() } };
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .value=${{ price: { amount: 1234567.5, currency: 'USD' } }} locale="ru"></kc-card>`,
    );
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/price')!;
    const amount = w.shadowRoot!.querySelector('[part="amount"]') as HTMLInputElement;
    expect(amount.value.replace(/[\s\u00a0\u202f]/g, ' ')).to.equal('1 234 567,50');
    expect([...w.shadowRoot!.querySelectorAll('option')].map((o) => o.value)).to.deep.equal(['RUB', 'USD', 'EUR', 'CNY']);
    expect(w.shadowRoot!.querySelector('legend')!.textContent).to.contain('Цена');
    amount.focus();
    // With several test pages open at once this page may not have system focus, and then focus()
    // fires no event: send the one the widget listens to.
    amount.dispatchEvent(new FocusEvent('focus'));
    await settle(card);
    expect(amount.value).to.equal('1234567,5');
    card.value = {};
    await settle(card);
    typeInto(amount, '99,95');
    await settle(card);
    expect((card.value as { price: unknown }).price).to.deep.equal({ amount: 99.95, currency: 'RUB' });
  });

  it('takes currencies from the schema and keeps an unknown stored currency', async () => {
    const schema = { type: 'object', properties: { price: money(['KZT', 'RUB']) } };
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ price: { amount: 1, currency: 'GBP' } }}></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/price')!;
    const select = w.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['GBP', 'KZT', 'RUB']);
    expect(select.value).to.equal('GBP');
    expect(card.validate().errors.some((e) => e.path === '/price/currency')).to.equal(true);
    await settle(card);
    expect(select.getAttribute('aria-invalid')).to.equal('true');
  });
});
