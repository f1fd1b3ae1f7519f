import { expect, fixture, html } from '@open-wc/testing';
import { FormController, type JsonSchemaObject } from '@kartochka/core';
import './summary.js';
import type { KcCardSummary } from './summary.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    priority: { enum: ['A', 'B', 'C'], title: 'Priority' },
    validUntil: { type: 'string', format: 'date', title: 'Valid until', 'x-reminder': { offsetDays: -30 } },
    contacts: { type: 'array', items: { type: 'object', properties: { next: { type: 'string', format: 'date', title: 'Next contact' } } } },
  },
};

async function summary(value: object) {
  const controller = new FormController(schema, {
    value: value as never,
    messages: { en: { '/priority': { options: { A: 'A — strategic' } } } },
  });
  const el = await fixture<KcCardSummary>(
    html`<kc-card-summary .controller=${controller} .pointers=${['/priority', '/validUntil', '/contacts/*/next']} .now=${new Date(2026, 10, 26)}></kc-card-summary>`,
  );
  return { el, controller };
}

const texts = (el: KcCardSummary) => [...el.shadowRoot!.querySelectorAll('div')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim());

describe('<kc-card-summary>', () => {
  it('shows option labels, the nearest upcoming date, and flags a near expiry', async () => {
    const { el } = await summary({
      priority: 'A',
      validUntil: '2026-12-10',
      contacts: [{ next: '2026-11-01' }, { next: '2027-01-15' }, { next: '2026-12-01' }],
    });
    const [p, v, n] = texts(el);
    expect(p).to.equal('Priority A — strategic');
    expect(v).to.contain('10 December 2026').and.contain('(soon)');
    expect(n).to.contain('1 December 2026');
    expect(el.shadowRoot!.querySelectorAll('.soon').length).to.equal(2, 'the expiry and the next contact are both within their windows');
  });

  it('flags a past date and updates live when the field changes', async () => {
    const { el, controller } = await summary({ validUntil: '2026-01-01' });
    expect(texts(el)[1]).to.contain('(overdue)');
    expect(texts(el)[0]).to.equal('Priority —');
    controller.setValue('/validUntil', '2028-01-01');
    controller.setValue('/priority', 'B');
    await el.updateComplete;
    expect(texts(el)[1]).to.not.contain('(');
    expect(texts(el)[0]).to.equal('Priority B');
  });
});
