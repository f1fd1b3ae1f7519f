import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle, typeInto } from '../test-support/helpers.js';

const schema = {
  type: 'object',
  properties: {
    actual: { type: 'number', title: 'Actual' },
    potential: { type: 'number', title: 'Potential' },
    share: {
      type: 'number',
      title: 'Share',
      'x-unit': '%',
      'x-formula': { round: [{ '*': [{ '/': [{ var: '/actual' }, { var: '/potential' }] }, 100] }, 1] },
    },
    total: { type: 'number', title: 'Total', 'x-formula': { '*': [{ var: '/actual' }, 1000] } },
  },
};

describe('<kc-computed-field>', () => {
  it('shows the formula result formatted for the locale, with % and a computed hint, and updates live', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ actual: 25, potential: 200 }} locale="ru"></kc-card>`);
    await settle(card);
    const share = fieldAt(card.shadowRoot!, '/share')!;
    const total = fieldAt(card.shadowRoot!, '/total')!;
    const out = (w: HTMLElement) => w.shadowRoot!.querySelector('output')!;
    expect(out(share).value.replace(/[\u00a0\u202f]/g, ' ')).to.equal('12,5 %');
    expect(out(total).value.replace(/[\u00a0\u202f]/g, ' ')).to.equal('25 000');
    expect(out(share).labels![0].textContent).to.contain('Share').and.contain('вычисляется');
    typeInto(fieldAt(card.shadowRoot!, '/actual')!.shadowRoot!.querySelector('input')!, '50');
    await settle(card);
    expect(out(share).value.replace(/[\u00a0\u202f]/g, ' ')).to.equal('25 %');
    card.locale = 'en';
    await settle(card);
    expect(out(share).value).to.equal('25%');
    expect(out(total).value).to.equal('50,000');
  });
});
