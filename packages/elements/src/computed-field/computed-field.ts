import { html, css, nothing } from 'lit';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { numberFormat } from '../internal/intl.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/**
 * Formats a computed value for `locale`: numbers with Intl (`%` when the unit is `%`, any other
 * `x-unit` appended), booleans as yes/no, nothing as a dash.
 */
export function formatComputed(value: unknown, locale: string, unit?: unknown): string {
  if (value === undefined || value === null || value === '') return t(locale === 'ru' ? 'ru' : 'en', 'notSet');
  if (typeof value === 'number') {
    if (unit === '%') return numberFormat(locale, { style: 'percent', maximumFractionDigits: 6 }).format(value / 100);
    const n = numberFormat(locale, { maximumFractionDigits: 6 }).format(value);
    return typeof unit === 'string' && unit ? `${n}\u00a0${unit}` : n;
  }
  if (typeof value === 'boolean') return t(locale === 'ru' ? 'ru' : 'en', value ? 'yes' : 'no');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * @summary The read-only display of a computed value (`x-formula`): an `<output>` labelled by the
 * field's label, formatted for the locale, with a small "computed" hint. It updates live as the
 * formula's inputs change (the output is a polite live region).
 * @csspart label - The label.
 * @csspart output - The `<output>` element.
 * @csspart badge - The "computed" hint.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 */
export class KcComputedField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      output { display: block; padding: calc(var(--_space) * 0.75) 0; font-variant-numeric: tabular-nums; font-weight: 500; }
      .badge { font-weight: 400; font-size: 0.8em; color: var(--_muted); margin-inline-start: 0.5em; }
    `,
  ];

  override render(): unknown {
    return html`<label part="label" for="input"
        >${this.label}<span class="badge" part="badge">(${t(this.locale, 'computed')})</span></label
      >
      <output id="input" part="output" aria-invalid=${this.invalid ? 'true' : nothing} aria-describedby="hint error"
        >${formatComputed(this.value, this.locale, this.schema['x-unit'])}</output
      >${this.renderFeedback()}`;
  }
}
defineElement('kc-computed-field', KcComputedField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-computed-field': KcComputedField;
  }
}
