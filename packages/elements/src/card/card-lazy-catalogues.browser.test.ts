/**
 * What `@kartochka/elements/card` loads on demand beyond widgets, in a production build of it
 * (scripts/wtr-card-bundle.mjs, cardPagePlugin: Vite, with the validators precompiled by @kartochka/core/vite, as
 * an app builds it; from sources, unbundled, the card's import of @kartochka/core would evaluate
 * that package's whole root). German is a chunk, loaded before a German card's first render, so
 * its first painted frame is German; the Russian requisite checks are a chunk, loaded before a
 * schema that uses `ru-*` formats or `x-bik` is validated; a plain card in English fetches neither.
 * The tests run in this order: the first one needs a page that has loaded neither.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject, PrecompiledValidator } from '@kartochka/core';
import type { KcCard } from './card.js';
import { fieldAt, settle, unmountAll } from '../test-support/helpers.js';

interface CardBundle {
  translate(domain: string, locale: string, key: string): string | undefined;
  translationsLoaded(locale: string): boolean;
  cards: Record<'plain-card' | 'requisites-card', () => Promise<{ schema: JsonSchemaObject; validator: PrecompiledValidator }>>;
}
const BASE = '/__kc_card_page__/';
const bundle = import(/* @vite-ignore */ `${BASE}page.js`) as Promise<CardBundle>;
// Which modules each file of the build carries (scripts/wtr-card-bundle.mjs).
const manifest = import(/* @vite-ignore */ `${BASE}modules.js`).then((m: { default: Record<string, string[]> }) => m.default);

// The modules a plain card must not fetch: German (core's and the elements' catalogues) and the
// requisite checks (with their messages and the BIK check).
const GERMAN = /\.de\.ts$/;
const REQUISITES = /validation\/(requisites|ru-requisites|bik-check)\.ts$|i18n\/requisite-messages\.ts$/;

/** The modules of the build this page has fetched (up front or on demand) that match `pattern`. */
async function fetched(pattern: RegExp): Promise<string[]> {
  const files = await manifest;
  return performance
    .getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.startsWith(BASE))
    .flatMap((p) => files[p.slice(BASE.length)] ?? [])
    .filter((m) => pattern.test(m));
}

/** All text under `node`, through shadow roots. */
function deepText(node: Node): string {
  let text = node.nodeType === Node.TEXT_NODE ? node.textContent! : '';
  for (const child of node.childNodes) text += deepText(child);
  const shadow = (node as Element).shadowRoot;
  if (shadow) text += deepText(shadow);
  return text;
}

const errorText = (card: KcCard, pointer: string) =>
  fieldAt(card.shadowRoot!, pointer)!.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim() ?? '';

describe('<kc-card> loads German and the requisite checks only when it needs them', () => {
  before(async function () {
    // The first request builds the bundle with Vite: on a busy machine more than a test's 10 s.
    this.timeout(120000);
    await Promise.all([bundle, manifest]);
  });
  afterEach(unmountAll);

  it('a plain card in English fetches neither German nor the requisite checks', async () => {
    const { translationsLoaded, cards } = await bundle;
    expect(translationsLoaded('de'), 'German is not loaded on this page yet').to.equal(false);
    const { validator, schema } = await cards['plain-card']();
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .validator=${validator} .value=${{ companyName: 'A' }}></kc-card>`);
    await settle(card);
    card.validate();
    await settle(card);
    expect(errorText(card, '/companyName')).to.equal('Must be at least 2 characters long.');
    expect(await fetched(GERMAN), 'German catalogues').to.deep.equal([]);
    expect(await fetched(REQUISITES), 'requisite checks').to.deep.equal([]);
    expect(translationsLoaded('de')).to.equal(false);
  });

  it('a German card is German from its first painted frame', async () => {
    const { translate, cards } = await bundle;
    expect(translate('elements', 'de', 'requiredMark'), 'not registered before the card asks').to.equal('(required)');
    const { validator, schema } = await cards['plain-card']();
    // What each frame shows, from the one where the card is attached until it has validated.
    const frames: string[] = [];
    let watching = true;
    // From the DOM, not from fixture()'s result: that resolves after the card's first update.
    const watch = () => {
      if (!watching) return;
      const shown = document.querySelector('kc-card')?.shadowRoot;
      if (shown) frames.push(deepText(shown));
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .validator=${validator} .value=${{ companyName: 'A' }} locale="de"></kc-card>`,
    );
    await settle(card);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    watching = false;
    const painted = frames.filter((f) => f.includes('Company name'));
    expect(painted.length, 'frames with the fields').to.be.greaterThan(0);
    for (const f of painted) {
      expect(f, 'German in every painted frame').to.contain('(erforderlich)');
      expect(f).to.not.contain('(required)');
    }
    expect((await fetched(GERMAN)).length, 'the German chunks were fetched').to.be.greaterThan(0);
    card.validate();
    await settle(card);
    expect(errorText(card, '/companyName')).to.equal('Mindestens 2 Zeichen lang.');
  });

  it('a requisites schema loads the checks and validates INN, BIK and the account against the BIK as before', async () => {
    const { cards } = await bundle;
    expect(await fetched(REQUISITES), 'not loaded before a schema needs them').to.deep.equal([]);
    const { validator, schema } = await cards['requisites-card']();
    const card = await fixture<KcCard>(
      html`<kc-card
        .schema=${schema}
        .validator=${validator}
        .value=${{ inn: '7707083894', bik: '044525225', account: '40702810400000000001' }}
        locale="ru"
      ></kc-card>`,
    );
    await settle(card);
    expect(card.validate().errors.map((e) => [e.path, e.message])).to.deep.equal([
      ['/inn', 'Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.'],
      ['/account', 'Номер счёта не сходится с БИК: проверьте счёт и БИК.'],
    ]);
    await settle(card);
    expect(errorText(card, '/inn')).to.equal('Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.');
    expect((await fetched(REQUISITES)).length, 'the requisite checks were fetched').to.be.greaterThan(0);
    card.value = { inn: '12345', bik: '123456789', account: '40702810400000000005' };
    expect(card.validate().errors.map((e) => [e.path, e.message])).to.deep.equal([
      ['/inn', 'ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо, ИП).'],
      ['/bik', 'БИК российского банка начинается с 04.'],
    ]);
    card.value = { inn: '7707083893', bik: '044525225', account: '40702810400000000005' };
    expect(card.validate().valid).to.equal(true);
  });
});
