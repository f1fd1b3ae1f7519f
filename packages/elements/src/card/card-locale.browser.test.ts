/**
 * Any language: a card renders in German (built in) with its content marked `lang="de"`, and in a
 * language an app registers (`kk`, falling back to Russian, then English) with no code change.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { registerTranslation } from '../index.js';
import type { KcCard } from './card.js';
import { fieldAt, settle, unmountAll } from '../testing/helpers.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    phones: { type: 'array', title: 'Phones', items: { type: 'object', properties: { number: { type: 'string', title: 'Number' } } } },
  },
};

async function makeCard(locale: string): Promise<KcCard> {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{ companyName: 'A' }} locale=${locale}></kc-card>`);
  await settle(card);
  return card;
}

const errorText = (card: KcCard, pointer: string) =>
  fieldAt(card.shadowRoot!, pointer)!.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim();
const buttonText = (card: KcCard, pointer: string) =>
  [...fieldAt(card.shadowRoot!, pointer)!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim()).filter(Boolean);

describe('<kc-card> in any language', () => {
  afterEach(unmountAll);

  it('renders in German: validation messages, its own UI strings, and lang="de" on its content', async () => {
    const card = await makeCard('de');
    card.validate();
    await settle(card);
    expect(errorText(card, '/companyName')).to.equal('Mindestens 2 Zeichen lang.');
    expect(buttonText(card, '/phones')).to.include('Hinzufügen');
    expect(card.shadowRoot!.querySelector('[part="form"]')!.getAttribute('lang')).to.equal('de');
    card.value = {};
    card.submit();
    await settle(card);
    expect(card.shadowRoot!.querySelector('[part="summary"]')!.textContent).to.contain(
      'Die Karte hat 1 Problem. Korrigieren Sie das rot markierte Feld.',
    );
  });

  it('a registered language falls back along its chain: kk → ru → en', async () => {
    registerTranslation('kk', { elements: { add: 'Қосу' } }, { fallback: 'ru' });
    const card = await makeCard('kk');
    card.validate();
    await settle(card);
    expect(buttonText(card, '/phones')).to.include('Қосу');
    expect(errorText(card, '/companyName')).to.equal('Не короче 2 символов.', 'validation has no kk: Russian');
    expect(card.shadowRoot!.querySelector('[part="form"]')!.getAttribute('lang')).to.equal('kk');
  });

  it('switching the locale re-renders the messages', async () => {
    const card = await makeCard('en');
    card.validate();
    await settle(card);
    expect(errorText(card, '/companyName')).to.equal('Must be at least 2 characters long.');
    card.locale = 'de';
    await settle(card);
    expect(errorText(card, '/companyName')).to.equal('Mindestens 2 Zeichen lang.');
  });
});
