import { LitElement, html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { tokens, buttonStyles } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { dateTimeFormat } from '../internal/intl.js';
import { firstDayOfWeek, isoParts, toIso } from '../internal/dates.js';
import { defineElement } from '../internal/field-element.js';
import { KcCalendarCloseEvent, KcDatePickEvent } from '../events/events.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

const MONTH_TITLE: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric', timeZone: 'UTC' };
const WEEKDAY_SHORT: Intl.DateTimeFormatOptions = { weekday: 'short', timeZone: 'UTC' };
const WEEKDAY_LONG: Intl.DateTimeFormatOptions = { weekday: 'long', timeZone: 'UTC' };
const DAY_LONG: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long', timeZone: 'UTC' };
const DAY = 86_400_000;

const utc = (iso: string) => {
  const p = isoParts(iso)!;
  return Date.UTC(p.y, p.m - 1, p.d);
};
const iso = (ms: number) => {
  const d = new Date(ms);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
};
/** The same day `n` months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
function addMonths(day: string, n: number): string {
  const p = isoParts(day)!;
  const first = new Date(Date.UTC(p.y, p.m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return toIso(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(p.d, last));
}

/**
 * @summary A month calendar in the card's language (month names, weekday names and the first day of
 * the week from Intl), the picker of `kc-date-field`. A grid after the WAI-ARIA date picker
 * dialog: arrows move by a day or a week, PageUp/PageDown by a month (with Shift by a year),
 * Home/End to the week's start and end, Enter or Space picks, Escape closes.
 * @event kc-date-pick - A day was picked: `detail.value` is its ISO date.
 * @event kc-calendar-close - Escape was pressed.
 * @csspart header @csspart grid @csspart day
 */
export class KcCalendar extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host { display: block; }
      .header { display: flex; align-items: center; justify-content: space-between; gap: var(--_space); margin-block-end: calc(var(--_space) / 2); }
      h2 { font-size: 1em; margin: 0; }
      h2::first-letter { text-transform: uppercase; }
      table { border-collapse: collapse; }
      th { font-size: 0.8em; font-weight: 600; color: var(--_muted); padding: 0.25rem 0; text-transform: capitalize; }
      th abbr { text-decoration: none; }
      td { padding: 1px; text-align: center; }
      td[role='gridcell'] { inline-size: 2.25rem; block-size: 2.25rem; border-radius: var(--_radius); cursor: pointer; font-variant-numeric: tabular-nums; }
      td[role='gridcell']:hover { background: var(--_accent-subtle); }
      td.other { color: var(--_muted); }
      td[aria-current='date'] { font-weight: 700; box-shadow: inset 0 0 0 1px var(--_border); }
      td[aria-selected='true'] { background: var(--_accent); color: var(--_on-accent); }
      td:focus-visible { outline: 2px solid var(--_focus); outline-offset: 1px; }
      @media (pointer: coarse) { td[role='gridcell'] { inline-size: 2.75rem; block-size: 2.75rem; } }
    `,
  ];

  /** The chosen day (ISO), if any. */
  @property() value = '';
  @property() locale = 'en';
  /** The day that has the keyboard focus; it decides the month shown. */
  @state() private active = '';

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') || !this.active) {
      const now = new Date();
      this.active = isoParts(this.value) ? this.value : toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
    }
  }

  /** Moves the focus into the grid (the active day). */
  override focus(): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector('td[tabindex="0"]') as HTMLElement | null)?.focus());
  }

  #go(day: string) {
    this.active = day;
    this.focus();
  }

  #pick(day: string) {
    this.dispatchEvent(new KcDatePickEvent({ value: day }));
  }

  #onKey = (e: KeyboardEvent) => {
    const a = utc(this.active);
    const weekday = (new Date(a).getUTCDay() + 7 - (firstDayOfWeek(this.locale) % 7)) % 7; // 0 = the week's first day
    const moves: Record<string, () => string> = {
      ArrowLeft: () => iso(a - DAY),
      ArrowRight: () => iso(a + DAY),
      ArrowUp: () => iso(a - 7 * DAY),
      ArrowDown: () => iso(a + 7 * DAY),
      Home: () => iso(a - weekday * DAY),
      End: () => iso(a + (6 - weekday) * DAY),
      PageUp: () => addMonths(this.active, e.shiftKey ? -12 : -1),
      PageDown: () => addMonths(this.active, e.shiftKey ? 12 : 1),
    };
    if (moves[e.key]) {
      e.preventDefault();
      this.#go(moves[e.key]());
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#pick(this.active);
    }
  };

  #onEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.dispatchEvent(new KcCalendarCloseEvent());
  };

  override render(): TemplateResult {
    const loc = this.locale;
    const p = isoParts(this.active)!;
    const first = Date.UTC(p.y, p.m - 1, 1);
    const start = first - ((new Date(first).getUTCDay() + 7 - (firstDayOfWeek(loc) % 7)) % 7) * DAY;
    const today = (() => {
      const n = new Date();
      return toIso(n.getFullYear(), n.getMonth() + 1, n.getDate());
    })();
    const weeks = Array.from({ length: 6 }, (_, w) => Array.from({ length: 7 }, (_, d) => start + (w * 7 + d) * DAY));
    const title = dateTimeFormat(loc, MONTH_TITLE).format(new Date(first));
    const id = 'title';
    return html`<div @keydown=${this.#onEscape}>
      <div class="header" part="header">
        <button type="button" class="icon prev" aria-label=${t(loc, 'previousMonth')} @click=${() => (this.active = addMonths(this.active, -1))}>‹</button>
        <h2 id=${id} aria-live="polite">${title}</h2>
        <button type="button" class="icon next" aria-label=${t(loc, 'nextMonth')} @click=${() => (this.active = addMonths(this.active, 1))}>›</button>
      </div>
      <table role="grid" part="grid" aria-labelledby=${id} @keydown=${this.#onKey}>
        <thead><tr>${weeks[0].map((ms) => html`<th scope="col"><abbr title=${dateTimeFormat(loc, WEEKDAY_LONG).format(new Date(ms))}>${dateTimeFormat(loc, WEEKDAY_SHORT).format(new Date(ms))}</abbr></th>`)}</tr></thead>
        <tbody>
          ${weeks.map(
            (week) =>
              html`<tr>${week.map((ms) => {
                const day = iso(ms);
                const d = new Date(ms);
                return html`<td role="gridcell" part="day" data-date=${day} tabindex=${day === this.active ? 0 : -1}
                class=${d.getUTCMonth() === p.m - 1 ? '' : 'other'} aria-selected=${day === this.value ? 'true' : 'false'}
                aria-current=${day === today ? 'date' : nothing} aria-label=${dateTimeFormat(loc, DAY_LONG).format(d)}
                @click=${() => this.#pick(day)}>${d.getUTCDate()}</td>`;
              })}</tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
defineElement('kc-calendar', KcCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'kc-calendar': KcCalendar;
  }
}
