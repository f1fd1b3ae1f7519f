/**
 * `@kartochka/elements/card` alone: the field view (values as text) is a chunk of its own, loaded
 * only by a card in view or blank mode — and loaded before that card's first render, so no frame
 * shows empty value boxes. (The page imports nothing else, so the field view is not defined until
 * the card asks for it; each test file runs in a page of its own.)
 */
import { expect, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import './index.js';
import type { KcCard } from './card.js';
import { fieldAt, mount, unmountAll } from '../test-support/helpers.js';
import { fieldViews, watchFrames, renderedNow, shownValue } from '../test-support/frames.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    age: { type: 'integer', title: 'Age' },
    price: { type: 'object', title: 'Price', properties: { amount: { type: 'number' }, currency: { type: 'string' } } },
  },
};

describe('<kc-card mode="view"> from the card entry', () => {
  afterEach(unmountAll);

  it('loads the field view before its first render: its first frame shows the values', async () => {
    expect(customElements.get('kc-field-view'), 'the card entry does not define the field view up front').to.equal(undefined);
    const card = mount<KcCard>(
      html`<kc-card .schema=${schema} .value=${{ name: 'Ada', age: 36, price: { amount: 5, currency: 'EUR' } }} mode="view"></kc-card>`,
    );
    // From the same task on: no frame has been painted yet.
    const frames = watchFrames(card);
    await renderedNow(card);
    // The first update already has the field view: every value is rendered before any frame is painted.
    expect(fieldViews(card).length).to.equal(3);
    expect(shownValue(fieldAt(card.shadowRoot!, '/name')!)).to.equal('Ada');
    expect(shownValue(fieldAt(card.shadowRoot!, '/age')!)).to.equal('36');
    expect(shownValue(fieldAt(card.shadowRoot!, '/price')!)).to.contain('5');
    const seen = await frames.stop();
    expect(seen.withEmptyBoxes, 'frames that showed a field view not yet rendered').to.equal(0);
    expect(seen.withValues, 'frames that showed the values').to.be.greaterThan(0);
  });
});
