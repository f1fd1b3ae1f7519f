import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle } from '../test-support/helpers.js';

const schema = {
  type: 'object',
  properties: {
    regions: {
      type: 'array',
      title: 'Regions',
      uniqueItems: true,
      items: { enum: ['ru', 'kz', 'by'], 'x-enumTitles': ['Russia', 'Kazakhstan', 'Belarus'] },
    },
  },
};

describe('<kc-multi-select>', () => {
  it('keeps option order, and shows and keeps unknown stored values', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ regions: ['mars', 'by'] }}></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/regions')!;
    const boxes = [...w.shadowRoot!.querySelectorAll('input[type="checkbox"]')] as HTMLInputElement[];
    expect(boxes.map((b) => b.labels![0].textContent!.trim())).to.deep.equal(['Russia', 'Kazakhstan', 'Belarus', 'mars (not in the list)']);
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, false, true, true]);
    boxes[0].click();
    await settle(card);
    expect((card.value as { regions: string[] }).regions).to.deep.equal(['ru', 'by', 'mars']);
    const unknown = [...w.shadowRoot!.querySelectorAll('input[type="checkbox"]')].at(-1) as HTMLInputElement;
    unknown.click();
    await settle(card);
    expect((card.value as { regions: string[] }).regions).to.deep.equal(['ru', 'by']);
  });
});
