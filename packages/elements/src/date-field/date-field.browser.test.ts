import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Locale } from '@kartochka/core';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle, typeInto } from '../test-support/helpers.js';
import { parseLocaleDate, formatIsoDate, firstDayOfWeek, dateOrder, dateSeparator, KNOWN_DATE_PATTERNS } from '../internal/dates.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;
const key = (el: Element, k: string, shiftKey = false) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, composed: true, cancelable: true }));
const schema = { type: 'object', properties: { born: { type: 'string', format: 'date', title: 'Born' } } } as const;

async function dateCard(locale: Locale, born?: string) {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${born ? { born } : {}} locale=${locale}></kc-card>`);
  await settle(card);
  const field = fieldAt(card.shadowRoot!, '/born')!;
  const root = field.shadowRoot!;
  return { card, field, root, input: root.querySelector('input')!, button: root.querySelector('.picker-button') as HTMLButtonElement };
}
/** Opens the picker with its button and waits until the calendar has focus. */
async function openCalendar(root: ShadowRoot, button: HTMLButtonElement): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  button.click();
  return new Promise((resolve) => {
    const probe = () => {
      const c = root.querySelector('kc-calendar') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      if (c?.shadowRoot?.activeElement) resolve(c);
      else requestAnimationFrame(probe);
    };
    probe();
  });
}
const stored = (card: KcCard) => (card.value as { born?: string }).born;

describe('kc-date-field: dates in the card’s language', () => {
  it('shows and parses dates per language, ISO in data', () => {
    expect(formatIsoDate('1990-02-28', 'ru')).to.equal('28.02.1990');
    expect(formatIsoDate('1990-02-28', 'en')).to.equal('02/28/1990');
    expect(formatIsoDate('1990-02-28', 'de')).to.equal('28.02.1990');
    expect(parseLocaleDate('28.2.1990', 'ru')).to.equal('1990-02-28');
    expect(parseLocaleDate('2/28/1990', 'en')).to.equal('1990-02-28');
    expect(parseLocaleDate('1990-02-28', 'en')).to.equal('1990-02-28');
    expect(parseLocaleDate('31.02.1990', 'ru')).to.equal(undefined);
    expect(parseLocaleDate('28.02', 'ru')).to.equal(undefined);
    expect(parseLocaleDate('01.03.05', 'ru')).to.equal('2005-03-01');
    expect(firstDayOfWeek('ru')).to.equal(1);
    expect(firstDayOfWeek('en')).to.equal(7);
  });

  it('the catalogue languages’ date patterns, written without Intl, are exactly what Intl writes', () => {
    const intl = (tag: string) => new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    for (const tag of Object.keys(KNOWN_DATE_PATTERNS)) {
      const parts = intl(tag).formatToParts(new Date(Date.UTC(2001, 10, 22)));
      expect(dateOrder(tag), tag).to.deep.equal(parts.map((p) => p.type).filter((t) => t === 'day' || t === 'month' || t === 'year'));
      expect(dateSeparator(tag), tag).to.equal(parts.find((p) => p.type === 'literal')?.value);
      for (const iso of ['1990-02-28', '2000-02-29', '2026-12-01', '1000-01-09', '9999-10-31']) {
        const [y, m, d] = iso.split('-').map(Number);
        expect(formatIsoDate(iso, tag), `${tag} ${iso}`).to.equal(intl(tag).format(new Date(Date.UTC(y!, m! - 1, d!))));
      }
    }
    // Other tags still ask Intl: British English writes the day first.
    expect(formatIsoDate('1990-02-28', 'en-GB')).to.equal('28/02/1990');
  });

  it('a Russian card shows 28.02.1990 (not 02/28/1990) and stores what is typed as ISO', async () => {
    const { card, input } = await dateCard('ru', '1990-02-28');
    expect(input.type).to.equal('text');
    expect(input.value).to.equal('28.02.1990');
    expect(input.placeholder).to.equal('дд.мм.гггг');
    typeInto(input, '1.3.2026');
    await settle(card);
    expect(stored(card)).to.equal('2026-03-01');
    // What names no day is kept as typed, and validation says so.
    typeInto(input, '31.02.2026');
    await settle(card);
    expect(stored(card)).to.equal('31.02.2026');
    expect(card.validate().valid).to.equal(false);
  });

  it('an English card shows 02/28/1990 with mm/dd/yyyy', async () => {
    const { input } = await dateCard('en', '1990-02-28');
    expect(input.value).to.equal('02/28/1990');
    expect(input.placeholder).to.equal('mm/dd/yyyy');
  });

  it('the calendar speaks the card’s language and is driven by the keyboard', async () => {
    const { card, root, button } = await dateCard('ru', '1990-02-28');
    expect(button.getAttribute('aria-label')).to.equal('Выбрать дату');
    const cal = await openCalendar(root, button);
    const cr = cal.shadowRoot!;
    expect(root.querySelector('.picker')!.matches(':popover-open')).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(cr.querySelector('h2')!.textContent).to.equal('февраль 1990 г.');
    expect([...cr.querySelectorAll('th abbr')].map((a) => a.textContent)).to.deep.equal(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс']);
    expect(cr.activeElement!.getAttribute('data-date')).to.equal('1990-02-28');
    expect(cr.activeElement!.getAttribute('aria-selected')).to.equal('true');
    expect(await axe.run(card, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id))).to.deep.equal([]);
    key(cr.activeElement!, 'ArrowRight');
    await cal.updateComplete;
    expect(cr.activeElement!.getAttribute('data-date')).to.equal('1990-03-01');
    expect(cr.querySelector('h2')!.textContent).to.equal('март 1990 г.');
    key(cr.activeElement!, 'PageDown', true); // a year on
    await cal.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(cr.activeElement!.getAttribute('data-date')).to.equal('1991-03-01');
    key(cr.activeElement!, 'Home');
    await cal.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(cr.activeElement!.getAttribute('data-date')).to.equal('1991-02-25'); // Monday
    key(cr.activeElement!, 'Enter');
    await settle(card);
    expect(stored(card)).to.equal('1991-02-25');
    expect(root.querySelector('input')!.value).to.equal('25.02.1991');
    expect(root.activeElement).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    // Escape closes without picking.
    const again = await openCalendar(root, button);
    key(again.shadowRoot!.activeElement!, 'Escape');
    await settle(card);
    expect(root.activeElement).to.equal(button);
    expect(root.querySelector('.picker')!.matches(':popover-open')).to.equal(false);
    expect(stored(card)).to.equal('1991-02-25');
  });

  it('an English calendar starts the week on Sunday', async () => {
    const { root, button } = await dateCard('en', '2026-03-01');
    const cal = await openCalendar(root, button);
    expect(cal.shadowRoot!.querySelector('h2')!.textContent).to.equal('March 2026');
    expect(cal.shadowRoot!.querySelector('th abbr')!.textContent).to.equal('Sun');
  });
});
