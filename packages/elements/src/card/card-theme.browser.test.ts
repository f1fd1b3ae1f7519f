/**
 * Theming (docs/theming.md): controls share one height, the dark theme is the same tokens with other
 * values (on the card by its `theme`, or on any ancestor as the demo does), switched at run time,
 * and both themes pass axe's contrast checks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard } from './card.js';
import { controlOf, fieldAt, settle } from '../test-support/helpers.js';
import { darkTokens } from '../internal/styles.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', description: 'As in the register.' },
    kind: { type: 'string', title: 'Kind', enum: ['a', 'b'] },
    turnover: { type: 'number', title: 'Turnover' },
    since: { type: 'string', format: 'date', title: 'Since' },
    phones: { type: 'array', title: 'Phones', items: { type: 'object', properties: { number: { type: 'string', title: 'Number' } } } },
  },
};
const value = { name: 'Acme', kind: 'a', turnover: 850000000, since: '1990-02-28', phones: [{ number: '+7 900 000-00-00' }] };
const bg = (el: Element) => getComputedStyle(el).backgroundColor;
const violations = async (el: Element) =>
  (await axe.run(el, { resultTypes: ['violations'] })).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`,
  );

describe('themes and controls', () => {
  it('inputs, selects and buttons are one height, 36–40 px', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value}></kc-card>`);
    await settle(card);
    const root = card.shadowRoot!;
    const heights = [
      controlOf(fieldAt(root, '/name')!)!,
      controlOf(fieldAt(root, '/kind')!)!,
      controlOf(fieldAt(root, '/turnover')!)!,
      controlOf(fieldAt(root, '/since')!)!,
      fieldAt(root, '/phones')!.shadowRoot!.querySelector('[part="add-button"]')!,
    ].map((el) => Math.round(el.getBoundingClientRect().height));
    for (const h of heights) expect(h).to.be.within(36, 40);
    expect(new Set(heights).size, `heights ${heights}`).to.equal(1);
    // A large number is shown whole, grouped in the card's language.
    card.locale = 'ru';
    await settle(card);
    expect((controlOf(fieldAt(root, '/turnover')!) as HTMLInputElement).value).to.equal('850\u00a0000\u00a0000');
  });

  it('switches between light and dark at run time; both pass axe (contrast included)', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value}></kc-card>`);
    await settle(card);
    const input = controlOf(fieldAt(card.shadowRoot!, '/name')!)!;
    expect(bg(input)).to.equal('rgb(255, 255, 255)');
    expect(await violations(card)).to.deep.equal([]);
    card.theme = 'dark';
    await settle(card);
    expect(bg(input)).to.equal('rgb(28, 33, 43)');
    expect(getComputedStyle(card).colorScheme).to.equal('dark');
    expect(await violations(card)).to.deep.equal([]);
    card.theme = 'light';
    await settle(card);
    expect(bg(input)).to.equal('rgb(255, 255, 255)');
  });

  it('the shipped page theme (themes/dark.css) holds exactly the card’s dark values', async () => {
    const declarations = (text: string) =>
      [...text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g)].map((m) => `${m[1]}: ${m[2].trim()}`).sort();
    const shipped = await (await fetch(new URL('../../themes/dark.css', import.meta.url))).text();
    expect(declarations(shipped)).to.deep.equal(declarations(darkTokens.cssText));
  });

  it('the page theme on an ancestor (data-kc-theme="dark", as the demo’s <html>) themes every element below it', async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../../themes/dark.css', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => ((link.onload = resolve), (link.onerror = reject)));
    document.head.append(link);
    try {
      await loaded;
      const page = await fixture<HTMLElement>(
        html`<div data-kc-theme="dark" style="background: var(--kc-color-background)"><kc-card .schema=${schema} .value=${value}></kc-card></div>`,
      );
      const card = page.querySelector('kc-card') as KcCard;
      await settle(card);
      const select = controlOf(fieldAt(card.shadowRoot!, '/kind')!)!;
      expect(bg(select)).to.equal('rgb(28, 33, 43)');
      expect(getComputedStyle(select).color).to.equal('rgb(230, 233, 240)');
      expect(getComputedStyle(card).colorScheme).to.equal('dark');
      expect(await violations(page)).to.deep.equal([]);
    } finally {
      link.remove();
    }
  });
});
