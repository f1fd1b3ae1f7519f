import { html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { state } from 'lit/decorators.js';
import type { JsonValue, Locale } from '@kartochka/core';
import { KcFieldElement, defineElement, syncAttribute } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { numberFormat } from '../internal/intl.js';

/**
 * Parses a number typed in either language: spaces (and no-break spaces) as group separators,
 * a comma or a dot as the decimal separator. Returns undefined when the text is not a number.
 */
export function parseLocaleNumber(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The text a number input shows: formatted for the locale when not being edited (1 234,5), plain
 * with the locale's decimal sign while it is (1234,5). Text that is not a number shows as typed.
 */
const PLAIN_NUMBER: Intl.NumberFormatOptions = { maximumFractionDigits: 20 };

export function numberInputText(v: unknown, locale: Locale, editing: boolean, format: Intl.NumberFormatOptions = PLAIN_NUMBER): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'number') return String(v);
  if (editing) return String(v).replace('.', locale === 'ru' ? ',' : '.');
  // Small integers read the same in every locale the card speaks (no group or decimal sign), and
  // the page's first Intl.NumberFormat costs ~15 ms (ICU data): most cards show only such numbers.
  if (format === PLAIN_NUMBER && Number.isInteger(v) && Math.abs(v) < 1000 && !Object.is(v, -0)) return String(v);
  return numberFormat(locale, format).format(v);
}

/**
 * The value for what was typed: removed when empty, the number when it is one, else the text as
 * typed — kept, so validation says "must be a number" and nothing is silently dropped.
 */
export function numberFromInput(text: string): JsonValue | undefined {
  if (text.trim() === '') return undefined;
  const n = parseLocaleNumber(text);
  return n === undefined ? text : n;
}

/**
 * @summary A number or integer, shown formatted for the locale (1 234,5 in Russian) when not being
 * edited. Text that is not a number is kept as typed and reported, never silently dropped.
 * @event input - On every edit.
 * @event change - When the edit is committed.
 * @csspart label @csspart input @csspart hint @csspart error
 */
export class KcNumberField extends KcFieldElement {
  static override styles = [tokens, fieldStyles];

  @state() protected editing = false;

  /** The value for the typed text (subclasses strip their own decorations, e.g. a `%`). */
  protected fromText(text: string): JsonValue | undefined {
    return numberFromInput(text);
  }

  // A method, not an arrow-function field: no closure per field (Lit calls listeners with the host as `this`).
  #onInput(e: Event): void {
    this.commit(this.fromText((e.target as HTMLInputElement).value));
  }

  /** The native input; subclasses wrap it (units) and may add ids to `aria-describedby`. */
  protected renderInput(describedBy: string = this.describedBy): unknown {
    const type = this.schema.type;
    const integer = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
    return html`<input
      id="input"
      part="input"
      type="text"
      inputmode=${integer ? 'numeric' : 'decimal'}
      autocomplete="off"
      .value=${live(numberInputText(this.value, this.locale, this.editing))}
      ?required=${this.required || nothing}
      ?readonly=${this.readonly || nothing}
      ?disabled=${this.disabled || nothing}
      aria-invalid=${this.invalid ? 'true' : nothing}
      aria-describedby=${describedBy}
      @focus=${() => (this.editing = true)}
      @blur=${() => {
        this.editing = false;
        this.handleBlur();
      }}
      @input=${this.#onInput}
      @change=${this.fireChange}
    />`;
  }

  protected override renderControl(): unknown {
    return this.renderInput();
  }

  // ---- lean rendering (field-element.ts): the same markup as renderInput(), without Lit parts.
  // A subclass that replaces renderControl() (kc-percent-field) renders it through Lit instead.

  protected override get leanRenderers(): readonly unknown[] {
    return NUMBER_RENDERERS;
  }

  protected override leanKey(): string {
    return '';
  }

  protected override buildLean(): DocumentFragment {
    const input = document.createElement('input');
    input.id = 'input';
    input.setAttribute('part', 'input');
    input.type = 'text';
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('aria-describedby', this.describedBy);
    const fragment = document.createDocumentFragment();
    fragment.append(KcFieldElement.leanLabel(), input, KcFieldElement.leanError());
    return fragment;
  }

  protected override syncLean(_changed: PropertyValues<this>, first: boolean): void {
    const input = this.renderRoot.querySelector('input')!;
    if (first) this.listenLean(input, 'focus', 'blur', 'input', 'change');
    const type = this.schema.type;
    const integer = type === 'integer' || (Array.isArray(type) && type.includes('integer'));
    syncAttribute(input, 'inputmode', integer ? 'numeric' : 'decimal');
    const text = numberInputText(this.value, this.locale, this.editing);
    if (input.value !== text) input.value = text;
    syncAttribute(input, 'required', this.required && '');
    syncAttribute(input, 'readonly', this.readonly && '');
    syncAttribute(input, 'disabled', this.disabled && '');
    syncAttribute(input, 'aria-invalid', this.invalid && 'true');
  }

  protected override leanEvent(e: Event): void {
    switch (e.type) {
      case 'focus':
        this.editing = true;
        break;
      case 'blur':
        this.editing = false;
        this.handleBlur();
        break;
      case 'input':
        this.#onInput(e);
        break;
      default:
        this.fireChange();
    }
  }
}
const NUMBER_RENDERERS = [KcNumberField.prototype['render'], KcNumberField.prototype['renderControl']];
defineElement('kc-number-field', KcNumberField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-number-field': KcNumberField;
  }
}
