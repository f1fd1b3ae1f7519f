import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type FormController, type JsonValue, type Locale, type FieldNode } from '@kartochka/core';
import { expandTemplate, isWithin } from '@kartochka/core/internal';
import { tokens } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import { formatScalar, formatText } from '../view/format.js';
import { t } from '../internal/i18n.js';

const DAY = 86_400_000;

/** Today as a UTC calendar day number, so dates compare as calendar dates, not instants. */
function today(now: Date): number {
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / DAY;
}

function dayOf(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : undefined;
}

interface Item {
  label: string;
  text: string;
  warn?: 'soon' | 'past';
}

/**
 * @summary The card's summary header: its key fields at a glance (category, priority, loyalty, next
 * contact, contract expiry…), with a warning when a date is near or past. Which fields it shows is
 * configuration (a template's `listing.summary`), not code. For a pointer with `*` (e.g. every
 * interaction's next contact) it shows the nearest upcoming date.
 * @csspart item - One key field. @csspart warning - A date that is near or past.
 */
export class KcCardSummary extends LitElement {
  static override styles = [
    tokens,
    css`
      :host { display: block; margin-block-end: calc(var(--_space) * 2); }
      dl { display: flex; flex-wrap: wrap; gap: var(--_space); margin: 0; }
      div { border: 1px solid var(--kc-color-border-subtle, #d5d9e2); border-radius: var(--_radius); padding: calc(var(--_space) / 2) var(--_space); }
      dt { font-size: 0.8em; color: var(--_muted); }
      dd { margin: 0; font-weight: 600; }
      .soon { border-color: var(--_warning); background: var(--_warning-subtle); color: var(--_warning-text); }
      .past { border-color: var(--_danger); background: var(--_danger-subtle); color: var(--_danger); }
    `,
  ];

  /** The card's form engine (`card.controller`). */
  @property({ attribute: false }) controller?: FormController;
  /** Pointer templates of the fields to show. */
  @property({ attribute: false }) pointers: string[] = [];
  /** Days before a date at which it is flagged (a field's `x-reminder.offsetDays` wins). */
  @property({ type: Number, attribute: 'warn-days' }) warnDays = 30;
  @property({ reflect: true }) locale: Locale = 'en';
  /** For tests: what "today" is. */
  @property({ attribute: false }) now?: Date;
  @state() private tick = 0;
  #off?: () => void;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('controller')) {
      this.#off?.();
      const c = this.controller;
      // Re-render only when a shown field (or the array holding it) changed.
      this.#off = c?.onChange(({ path }) => {
        if (this.pointers.some((p) => isWithin(path, p.split('/*')[0]) || isWithin(p.split('/*')[0], path))) this.tick++;
      });
    }
  }

  /** Re-reads every shown field (after the card's data was replaced, e.g. loaded from storage). */
  refresh(): void {
    this.tick++;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
  }

  #item(c: FormController, template: string): Item | undefined {
    // A field the user's roles may not read (x-access) has no place in the header either.
    if (!c.canRead(template)) return undefined;
    const pointers = expandTemplate(c.value, template).map((m) => m.pointer);
    const nodes = pointers.map((p) => c.node(p)).filter((n): n is FieldNode => !!n);
    // With no item yet (`*` over an empty list) the label still comes from the catalogue by template.
    const key = template.split('/').pop() ?? template;
    const label = c.label(nodes[0] ?? ({ template, key, schema: {} } as unknown as FieldNode));
    const values = nodes.map((n) => ({ n, v: c.getValue(n.pointer) })).filter((x) => x.v !== undefined && x.v !== null && x.v !== '');
    if (!values.length) return { label, text: t(this.locale, 'notSet') };
    const now = today(this.now ?? new Date());
    let pick = values[0];
    if (pick.n.schema.format === 'date' || pick.n.schema.format === 'date-time') {
      // The nearest date from today on; if all are past, the latest.
      const dated = values.map((x) => ({ ...x, d: dayOf(String(x.v)) ?? Infinity }));
      const upcoming = dated.filter((x) => x.d >= now).sort((a, b) => a.d - b.d);
      const chosen = upcoming[0] ?? dated.sort((a, b) => b.d - a.d)[0];
      pick = chosen;
      const reminder = chosen.n.schema['x-reminder'] as { offsetDays?: number } | undefined;
      const window = reminder && typeof reminder.offsetDays === 'number' && reminder.offsetDays < 0 ? -reminder.offsetDays : this.warnDays;
      const warn = chosen.d < now ? 'past' : chosen.d - now <= window ? 'soon' : undefined;
      return { label, text: formatScalar(chosen.n.schema, chosen.v as JsonValue, this.locale), warn };
    }
    // Option labels, lists and groups as words (view/format.ts), never codes or raw JSON.
    return { label, text: formatText(c, pick.n) };
  }

  override render(): unknown {
    const c = this.controller;
    if (!c) return nothing;
    void this.tick;
    const items = this.pointers.map((p) => this.#item(c, p)).filter((x): x is Item => !!x);
    return html`<dl aria-label=${t(this.locale, 'summary')}>
      ${items.map(
        (i) => html`<div part="item ${i.warn ? 'warning' : ''}" class=${i.warn ?? ''}>
          <dt>${i.label}</dt>
          <dd>${i.text}${i.warn ? html` <span>(${t(this.locale, i.warn === 'past' ? 'datePast' : 'dateSoon')})</span>` : nothing}</dd>
        </div>`,
      )}
    </dl>`;
  }
}
defineElement('kc-card-summary', KcCardSummary);

declare global {
  interface HTMLElementTagNameMap {
    'kc-card-summary': KcCardSummary;
  }
}
