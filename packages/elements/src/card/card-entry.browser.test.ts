/**
 * `@kartochka/elements/card` alone (this page imports nothing else): the standard widgets are
 * defined at once; a widget the schema needs beyond them (a list, money) is loaded by the card
 * when a field first asks for it, and renders then.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import './index.js';
import type { KcCard } from './card.js';
import { controlOf, fieldAt, mount, settle, unmountAll } from '../test-support/helpers.js';
import { renderedNow } from '../test-support/frames.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    age: { type: 'integer', title: 'Age' },
    phones: { type: 'array', title: 'Phones', items: { type: 'object', properties: { number: { type: 'string' } } } },
    price: {
      type: 'object',
      title: 'Price',
      properties: { amount: { type: 'number' }, currency: { type: 'string', enum: ['RUB', 'USD'] } },
    },
  },
};

describe('@kartochka/elements/card', () => {
  afterEach(unmountAll);

  it('defines the card and the standard widgets, and not the others, on import', () => {
    for (const tag of ['kc-card', 'kc-text-field', 'kc-number-field', 'kc-select', 'kc-checkbox', 'kc-object-group']) {
      expect(customElements.get(tag), tag).to.not.equal(undefined);
    }
    for (const tag of ['kc-card-list', 'kc-history', 'kc-reminders', 'kc-storage-panel']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('loads the list and money widgets the schema needs, and they render', async () => {
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .value=${{ name: 'A', phones: [{ number: '1' }, { number: '2' }], price: { amount: 5, currency: 'RUB' } }}></kc-card>`,
    );
    await Promise.all(['kc-array-field', 'kc-money-field'].map((t) => customElements.whenDefined(t)));
    await settle(card);
    const list = fieldAt(card.shadowRoot!, '/phones')!;
    expect(list.localName).to.equal('kc-array-field');
    await settle(card);
    expect(list.shadowRoot, 'the list upgraded and rendered').to.not.equal(null);
    const money = fieldAt(card.shadowRoot!, '/price')!;
    expect(money.localName).to.equal('kc-money-field');
    expect(money.shadowRoot!.querySelector('input'), 'the money field has its input').to.not.equal(null);
  });

  it('a schema with allOf, a conditional and alternatives shows the fields the data selects in its first render', async () => {
    const conditional: JsonSchemaObject = {
      type: 'object',
      allOf: [
        { properties: { kind: { type: 'string', title: 'Kind', enum: ['person', 'company'] } } },
        {
          if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
          then: { properties: { inn: { type: 'string', title: 'INN' } } },
        },
      ],
      properties: {
        contact: {
          title: 'Contact',
          oneOf: [
            { title: 'Phone', type: 'object', properties: { phone: { type: 'string' } }, required: ['phone'] },
            { title: 'Email', type: 'object', properties: { email: { type: 'string' } }, required: ['email'] },
          ],
        },
      },
    };
    const card = mount<KcCard>(
      html`<kc-card .schema=${conditional} .value=${{ kind: 'company', inn: '7707083893', contact: { email: 'a@b.c' } }}></kc-card>`,
    );
    await renderedNow(card);
    // Before any frame: the conditional's field and the branch the data is valid against (the matcher ran).
    expect(fieldAt(card.shadowRoot!, '/inn')?.localName).to.equal('kc-text-field');
    expect(fieldAt(card.shadowRoot!, '/contact/email')?.localName).to.equal('kc-text-field');
    expect(fieldAt(card.shadowRoot!, '/contact/phone') === null, 'the other branch is not shown').to.equal(true);
  });

  it('a card given roles hides and locks fields by x-access in its first render', async () => {
    const restricted: JsonSchemaObject = {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Name', 'x-access': { write: ['editor'] } },
        diagnosis: { type: 'string', title: 'Diagnosis', 'x-access': { read: ['doctor'] } },
      },
    };
    const card = mount<KcCard>(
      html`<kc-card .schema=${restricted} .value=${{ name: 'Ada', diagnosis: 'flu' }} .roles=${['clerk']}></kc-card>`,
    );
    await renderedNow(card);
    const name = fieldAt(card.shadowRoot!, '/name')!;
    expect(name.localName).to.equal('kc-text-field');
    expect((controlOf(name) as HTMLInputElement).readOnly, 'no write access').to.equal(true);
    expect(fieldAt(card.shadowRoot!, '/diagnosis')!.hidden, 'no read access').to.equal(true);
  });
});
