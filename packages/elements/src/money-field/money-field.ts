import { html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { JsonObject, JsonSchemaObject, JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { groupStyles, renderLegend } from '../internal/group-styles.js';
import { t } from '../internal/i18n.js';
import { numberFromInput, numberInputText } from '../number-field/number-field.js';
import { subtreeErrors } from '../internal/widget-utils.js';

/** Currencies offered when the schema's `currency` has no `enum`. */
export const DEFAULT_CURRENCIES = ['RUB', 'USD', 'EUR', 'CNY'] as const;

/**
 * @summary An amount of money, `{amount: number, currency: string}` (an object schema with exactly
 * `amount` and `currency`): an amount typed with a comma or a dot and shown formatted for the locale
 * when not focused, and a currency chosen from `currency.enum` (else RUB, USD, EUR, CNY). Both
 * controls sit in a fieldset whose legend is the field's label.
 * @event input - On every edit of the amount and when the currency changes.
 * @event change - When an edit is committed.
 * @csspart group - The fieldset.
 * @csspart legend - The group label.
 * @csspart amount - The amount input.
 * @csspart currency - The currency select.
 * @csspart hint - The description.
 * @csspart error - The error message region (errors of the amount and the currency too).
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcMoneyField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    groupStyles,
    css`
      .row { display: flex; gap: var(--_space); }
      .amount { flex: 1 1 auto; text-align: end; font-variant-numeric: tabular-nums; }
      select { flex: 0 0 auto; width: auto; }
    `,
  ];

  @state() private editing = false;

  protected override pull(): void {
    super.pull();
    const below = subtreeErrors(this.controller, this.path);
    if (below.length) this.errors = [...this.errors, ...below];
  }

  get #obj(): JsonObject {
    const v = this.value;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};
  }

  protected get currencies(): string[] {
    const cs = this.schema.properties?.currency;
    const list =
      cs && typeof cs === 'object' && Array.isArray((cs as JsonSchemaObject).enum) ? (cs as JsonSchemaObject).enum! : DEFAULT_CURRENCIES;
    return list.map(String);
  }

  #currencyName(code: string): string {
    try {
      return new Intl.DisplayNames(this.locale, { type: 'currency' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  #display(): string {
    const a = this.#obj.amount;
    // Kopecks/cents show as two digits (1 234,50) unless the amount is whole.
    const cents = typeof a === 'number' && !Number.isInteger(a) ? 2 : 0;
    return numberInputText(a, this.locale, this.editing, { minimumFractionDigits: cents, maximumFractionDigits: 20 });
  }

  #write(patch: { amount?: JsonValue | undefined; currency?: JsonValue | undefined }): void {
    const next: JsonObject = { ...this.#obj };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete next[k];
      else next[k] = v;
    }
    // An amount without a currency gets the first one offered (or the schema's default).
    if (next.amount !== undefined && next.currency === undefined) {
      const cs = this.schema.properties?.currency as JsonSchemaObject | undefined;
      next.currency = typeof cs?.default === 'string' ? cs.default : this.currencies[0];
    }
    this.commit(Object.keys(next).length ? next : undefined);
  }

  #onAmount = (e: Event) => this.#write({ amount: numberFromInput((e.target as HTMLInputElement).value) });

  #errorsAt(key: string): boolean {
    return this.errors.some((e) => e.path === this.path || e.path === `${this.path}/${key}`) || (!this.controller && this.invalid);
  }

  override render(): unknown {
    const o = this.#obj;
    const currencies = this.currencies;
    const cur = o.currency;
    const unknown = cur !== undefined && !currencies.includes(String(cur));
    const amountId = `${this.uid}-amount`;
    const currencyId = `${this.uid}-currency`;
    return html`<fieldset part="group" aria-invalid=${this.invalid ? 'true' : nothing} aria-describedby="hint error">
        ${renderLegend(this.label, this.required, this.locale)}
        <div class="row">
          <label class="sr-only" for=${amountId}>${t(this.locale, 'amount')}</label>
          <input
            id=${amountId}
            class="amount"
            part="amount"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            .value=${live(this.#display())}
            ?required=${this.required}
            ?readonly=${this.readonly}
            ?disabled=${this.disabled}
            aria-invalid=${this.#errorsAt('amount') ? 'true' : 'false'}
            aria-describedby="hint error"
            @focus=${() => (this.editing = true)}
            @blur=${() => {
              this.editing = false;
              this.handleBlur();
            }}
            @input=${this.#onAmount}
            @change=${this.fireChange}
          />
          <label class="sr-only" for=${currencyId}>${t(this.locale, 'currency')}</label>
          <select
            id=${currencyId}
            part="currency"
            ?required=${this.required}
            ?disabled=${this.disabled || this.readonly}
            aria-invalid=${this.#errorsAt('currency') ? 'true' : 'false'}
            aria-describedby="hint error"
            @input=${(e: Event) => this.#write({ currency: (e.target as HTMLSelectElement).value || undefined })}
            @change=${this.fireChange}
            @blur=${this.handleBlur}
          >
            ${cur === undefined ? html`<option value="" selected>—</option>` : nothing}
            ${unknown ? html`<option value=${String(cur)} selected>${t(this.locale, 'notInList', { value: String(cur) })}</option>` : nothing}
            ${currencies.map((c) => html`<option value=${c} ?selected=${c === cur} title=${this.#currencyName(c)}>${c}</option>`)}
          </select>
        </div>
      </fieldset>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-money-field', KcMoneyField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-money-field': KcMoneyField;
  }
}
