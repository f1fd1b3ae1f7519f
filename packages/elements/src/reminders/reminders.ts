import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  collectReminderSpecs,
  dueReminders,
  localize,
  roleLabel,
  toICalendar,
  type JsonSchema,
  type Locale,
  type Reminder,
} from '@kartochka/core';
import { addCalendarDays, calendarDate, formatIsoDate } from '@kartochka/core/internal';
import type { StorageAdapter } from '@kartochka/storage';
import { tokens, buttonStyles } from '../internal/styles.js';
import { emptyState, emptyStyles } from '../internal/empty.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { registerGermanUiStrings } from '../internal/ui-strings.js';
import { defineElement } from '../internal/field-element.js';
import { StorageWatch } from '../internal/storage-watch.js';
import { formatCalendarDate } from '../history/format.js';

import { KcOpenEvent } from '../events/events.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

// German up front, as the package root has it: this entry is not the card's, which loads it on demand.
registerGermanUiStrings();
export type { KcOpenDetail } from '../events/events.js';

/**
 * @summary Reminders due in a period, grouped by day, with an "Export .ics" button that downloads
 * them as a calendar file. Give it `reminders` directly, or a `storage` and a `schema` (whose
 * `x-reminder` fields are read from every card of `schema-id`).
 *
 * @event kc-open - A reminder's card was activated; `detail: {id, pointer}`.
 * @csspart toolbar - The heading, period and export button.
 * @csspart export - The export button.
 * @csspart day - One day's group.
 * @csspart reminder - One reminder.
 * @csspart status - The loading, empty or error message.
 */
export class KcReminders extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    emptyStyles,
    css`
      :host { display: block; }
      .toolbar { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_space); margin-block-end: var(--_space); }
      h2 { font-size: 1.1em; margin: 0; }
      .period { color: var(--_muted); flex: 1; }
      ol, ul { list-style: none; margin: 0; padding: 0; }
      h3 { font-size: 1em; margin: var(--_space) 0 calc(var(--_space) / 2); }
      li.reminder { padding: calc(var(--_space) / 2) 0; border-block-end: 1px solid var(--_border); }
      .meta { color: var(--_muted); font-size: 0.9em; }
      button.link { border: none; padding: 0; background: none; text-decoration: underline; }
    `,
  ];

  /** The reminders to show; when set, `storage` and `schema` are not read. */
  @property({ attribute: false }) reminders?: Reminder[];
  /** Where the cards are; with `schema`, the element finds their reminders itself. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** The schema whose `x-reminder` fields to read. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** Only cards of this schema id (all cards when empty). */
  @property({ attribute: 'schema-id' }) schemaId = '';
  /** First day, `YYYY-MM-DD`; default today. */
  @property() from = '';
  /** Last day (included), `YYYY-MM-DD`; default `from` + `days` − 1. */
  @property() to = '';
  /** The period's length when `to` is not given. */
  @property({ type: Number }) days = 30;
  /** IANA time zone for "today"; default the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  @property({ reflect: true }) locale: Locale = 'en';

  @state() private loaded: Reminder[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error = '';
  /** Any card's change recomputes the reminders; a read for an older query is dropped. */
  #watch = new StorageWatch(this, () => void this.reload());

  /** The period shown, as calendar dates. */
  get period(): { from: string; to: string } {
    const from = this.from || formatIsoDate(calendarDate(new Date(), this.timeZone));
    const to = this.to || formatIsoDate(addCalendarDays(calendarDate(from), Math.max(1, this.days) - 1));
    return { from, to };
  }

  /** The reminders shown now. */
  get shown(): readonly Reminder[] {
    if (!this.reminders) return this.loaded;
    const { from, to } = this.period;
    return this.reminders.filter((r) => r.dueDate >= from && r.dueDate <= to);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage')) this.#watch.point(this.storage, '*');
    if (['storage', 'schema', 'schemaId', 'from', 'to', 'days', 'timeZone', 'reminders'].some((k) => changed.has(k as keyof KcReminders)))
      void this.reload();
  }

  /** Reads the cards again and recomputes the reminders. */
  async reload(): Promise<void> {
    const load = this.#watch.begin();
    if (this.reminders || !this.storage || this.schema === undefined) {
      this.status = this.reminders ? 'ready' : 'idle';
      return;
    }
    this.status = 'loading';
    try {
      const specs = collectReminderSpecs(this.schema);
      const { items } = await this.storage.list(this.schemaId ? { schemaId: this.schemaId } : {});
      if (!this.#watch.isCurrent(load)) return;
      this.loaded = dueReminders(items, specs, this.period);
      this.status = 'ready';
    } catch (e) {
      if (!this.#watch.isCurrent(load)) return;
      this.error = (e as Error).message;
      this.status = 'error';
    }
  }

  /** The shown reminders as an iCalendar (`.ics`) text in the element's language. */
  toICalendar(): string {
    return toICalendar(this.shown, { locale: this.locale, calendarName: t(this.locale, 'reminders') });
  }

  /** Downloads the shown reminders as `reminders-<from>-<to>.ics`. */
  download(): void {
    const { from, to } = this.period;
    const url = URL.createObjectURL(new Blob([this.toICalendar()], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `reminders-${from}-${to}.ics`;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  #open(r: Reminder): void {
    this.dispatchEvent(new KcOpenEvent({ id: r.recordId, pointer: r.pointer }));
  }

  override render(): unknown {
    const locale = this.locale;
    const { from, to } = this.period;
    const shown = this.shown;
    const days = new Map<string, Reminder[]>();
    for (const r of shown) days.set(r.dueDate, [...(days.get(r.dueDate) ?? []), r]);
    return html`<div class="toolbar" part="toolbar">
        <h2 id="h">${t(locale, 'reminders')}</h2>
        <span class="period">${t(locale, 'remindersPeriod', { from: formatCalendarDate(from, locale, 'medium'), to: formatCalendarDate(to, locale, 'medium') })}
          · <span role="status">${t(locale, 'remindersCount', { n: shown.length })}</span></span>
        <button part="export" class="primary" type="button" title=${t(locale, 'exportIcsLabel')} ?disabled=${!shown.length} @click=${() => this.download()}>
          ${t(locale, 'exportIcs')}
        </button>
      </div>
      ${
        this.status === 'error'
          ? html`<p part="status" role="alert">${t(locale, 'loadFailed', { detail: this.error })}</p>`
          : this.status === 'loading' && !shown.length
            ? html`<p part="status">${t(locale, 'loading')}</p>`
            : !shown.length
              ? emptyState(t(locale, 'remindersEmpty'))
              : html`<ol aria-labelledby="h">
                ${[...days].map(
                  ([day, list]) => html`<li part="day" data-date=${day}>
                    <h3><time datetime=${day}>${formatCalendarDate(day, locale)}</time></h3>
                    <ul>
                      ${list.map((r) => this.#reminder(r))}
                    </ul>
                  </li>`,
                )}
              </ol>`
      }`;
  }

  #reminder(r: Reminder) {
    const locale = this.locale;
    return html`<li class="reminder" part="reminder" data-record=${r.recordId} data-pointer=${r.pointer}>
      <div>${localize(r.title, locale)}</div>
      <div class="meta">
        ${t(locale, 'reminderEvent', { date: formatCalendarDate(r.eventDate, locale, 'medium') })}
        ${r.who ? html` · ${t(locale, 'reminderFor', { who: r.whoIsRole ? roleLabel(locale, r.who) : r.who })}` : nothing}
        ${
          r.recordTitle
            ? html` · <button class="link" type="button" aria-label=${t(locale, 'listOpen', { title: r.recordTitle })} @click=${() => this.#open(r)}>${r.recordTitle}</button>`
            : nothing
        }
      </div>
    </li>`;
  }
}

defineElement('kc-reminders', KcReminders);

declare global {
  interface HTMLElementTagNameMap {
    'kc-reminders': KcReminders;
  }
}
