/**
 * `@kartochka/elements/card` alone: an edit-mode card switched to view mode at run time loads the
 * field view then, and keeps showing its inputs until it has it — never empty value boxes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import './index.js';
import type { KcCard } from './card.js';
import { fieldAt, settle, unmountAll } from '../test-support/helpers.js';
import { renderedNow, shownValue, watchFrames } from '../test-support/frames.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: { name: { type: 'string', title: 'Name' }, vip: { type: 'boolean', title: 'VIP' } },
};

describe('<kc-card> edit → view from the card entry', () => {
  afterEach(unmountAll);

  it('shows the values once switched, keeping the inputs until the field view has loaded', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ name: 'Ada', vip: true }}></kc-card>`);
    await settle(card);
    expect(customElements.get('kc-field-view'), 'an edit card has not loaded the field view').to.equal(undefined);
    const frames = watchFrames(card);
    card.mode = 'view';
    // The update waits for the chunk: until it is there the card still shows its inputs.
    await Promise.resolve();
    expect(fieldAt(card.shadowRoot!, '/name')!.localName).to.equal('kc-text-field');
    await renderedNow(card);
    const name = fieldAt(card.shadowRoot!, '/name')!;
    expect(name.localName).to.equal('kc-field-view');
    expect(shownValue(name)).to.equal('Ada');
    expect(shownValue(fieldAt(card.shadowRoot!, '/vip')!)).to.equal('Yes');
    expect(card.getAttribute('mode')).to.equal('view');
    const seen = await frames.stop();
    expect(seen.withEmptyBoxes, 'frames that showed a field view not yet rendered').to.equal(0);

    // Inline editing of a section, and back to edit mode.
    const section = card.shadowRoot!.querySelector('kc-section')!;
    section.edit();
    await renderedNow(card);
    expect(fieldAt(section.shadowRoot!, '/name')!.localName).to.equal('kc-text-field');
    card.mode = 'edit';
    await renderedNow(card);
    expect(fieldAt(card.shadowRoot!, '/name')!.localName).to.equal('kc-text-field');
  });
});
