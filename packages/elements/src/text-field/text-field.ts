import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { formatIsoDate, parseLocaleDate, dateOrder, dateSeparator } from '../internal/dates.js';
import { icon, icons } from '../internal/icons.js';
import { t } from '../internal/i18n.js';

const dateFieldStyles = css`
  .date-row { position: relative; display: flex; }
  .date-row input { padding-inline-end: var(--_control-h); font-variant-numeric: tabular-nums; }
  .picker-button { position: absolute; inset-inline-end: 0; inset-block: 0; min-block-size: 0; color: var(--_muted); }
  .picker-button:hover { color: var(--_fg); }
  .picker { display: none; position: fixed; inset: auto; margin: 0; padding: var(--_space); color: var(--_fg); background: var(--_bg);
    border: 1px solid var(--_border-subtle); border-radius: var(--_radius); box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }
  .picker[data-open] { display: block; }
  @media print { .picker-button { display: none; } }
`;

/** The placeholder: the card language's order of day, month and year in its own letters (дд.мм.гггг). */
function datePlaceholder(locale: string): string {
  return dateOrder(locale).map((k) => t(locale, k === 'day' ? 'dayLetters' : k === 'month' ? 'monthLetters' : 'yearLetters')).join(dateSeparator(locale));
}

const INPUT_TYPES = new Set(['text', 'email', 'tel', 'url', 'date', 'datetime-local', 'time']);
const AUTOCOMPLETE = new Set(['off', 'email', 'tel', 'url']);
const statics = new Map<string, StaticValue>();
/**
 * A known attribute value as part of the template itself: each input is cloned with its type and
 * autocomplete already set, instead of being written per field on mount (changing an input's
 * type rebuilds its internals: ~0.1 s on a 2,000-field card). Only values from the lists above
 * ever reach the template, never what a page set.
 */
function staticToken(value: string, allowed: Set<string>, fallback: string): StaticValue {
  const v = allowed.has(value) ? value : fallback;
  let s = statics.get(v);
  if (!s) statics.set(v, (s = unsafeStatic(v)));
  return s;
}

/**
 * @summary A single-line text field. Email, phone, URL, date, date-time and time fields are the same
 * element with another native input type.
 * @event input - On every edit (the native event, composed out of the shadow root).
 * @event change - When an edit is committed (on blur or Enter).
 * @csspart label - The label.
 * @csspart input - The native input.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcTextField extends KcFieldElement {
  static override styles = [tokens, fieldStyles];

  /** The native input type. */
  @property() type: 'text' | 'email' | 'tel' | 'url' | 'date' | 'datetime-local' | 'time' = 'text';
  /** inputmode / autocomplete hints for the native input. */
  protected nativeInputMode = '';
  protected nativeAutocomplete = '';

  /** Converts the stored value to the input's text. */
  protected toInput(value: unknown): string {
    return value === undefined || value === null ? '' : String(value);
  }

  /** Converts the input's text to the value to store. An empty field removes the value. */
  protected fromInput(text: string): string | undefined {
    return text === '' ? undefined : text;
  }

  // A method (Lit calls it with the host as `this`): no closure per field.
  #onInput(e: Event): void {
    this.commit(this.fromInput((e.target as HTMLInputElement).value));
  }

  protected override renderControl(): unknown {
    const s = this.schema;
    // `?required=${x || nothing}`: a false flag is `nothing`, which a fresh boolean binding does not
    // write at all (with `false` Lit calls toggleAttribute on every field on mount: ~75 ms on a
    // 2,000-field card). The same in the other standard widgets.
    return staticHtml`<input
        id="input"
        part="input"
        type=${staticToken(this.type, INPUT_TYPES, 'text')}
        .value=${live(this.toInput(this.value))}
        ?required=${this.required || nothing}
        ?readonly=${this.readonly || nothing}
        ?disabled=${this.disabled || nothing}
        maxlength=${ifDefined(typeof s.maxLength === 'number' && this.type === 'text' ? s.maxLength : undefined)}
        inputmode=${ifDefined(this.nativeInputMode || undefined)}
        autocomplete=${staticToken(this.nativeAutocomplete || 'off', AUTOCOMPLETE, 'off')}
        placeholder=${ifDefined(Array.isArray(s.examples) && s.examples.length ? String(s.examples[0]) : undefined)}
        aria-invalid=${this.invalid ? 'true' : nothing}
        aria-describedby="hint error"
        @input=${this.#onInput}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      />`;
  }
}
defineElement('kc-text-field', KcTextField);

export class KcEmailField extends KcTextField {
  override type = 'email' as const;
  protected override nativeAutocomplete = 'email';
}
defineElement('kc-email-field', KcEmailField);

export class KcPhoneField extends KcTextField {
  override type = 'tel' as const;
  protected override nativeAutocomplete = 'tel';
}
defineElement('kc-phone-field', KcPhoneField);

export class KcUrlField extends KcTextField {
  override type = 'url' as const;
  protected override nativeAutocomplete = 'url';
}
defineElement('kc-url-field', KcUrlField);

/**
 * @summary A calendar date (`format: "date"`, stored as ISO `YYYY-MM-DD`) shown and typed in the
 * card's language (28.02.1990 in Russian, 02/28/1990 in English), never the browser's, with a
 * calendar button that opens a month grid in the same language (`kc-calendar`, loaded on first use).
 * Text that names no day is kept as typed and reported by validation.
 * @event input - On every edit and when a day is picked.
 * @event change - When an edit is committed or a day is picked.
 * @csspart label @csspart input @csspart picker-button @csspart picker @csspart hint @csspart error
 */
export class KcDateField extends KcTextField {
  static override styles = [tokens, fieldStyles, buttonStyles, dateFieldStyles];
  override type = 'date' as const;
  @state() private typing?: string;
  @state() private pickerOpen = false;

  protected override toInput(value: unknown): string {
    return formatIsoDate(value, this.locale);
  }

  protected override fromInput(text: string): string | undefined {
    if (text.trim() === '') return undefined;
    return parseLocaleDate(text, this.locale) ?? text;
  }

  /** A value set from outside (a reset, a load, another field's rule) replaces the text being typed. */
  protected override pull(): void {
    super.pull();
    if (this.typing !== undefined && this.fromInput(this.typing) !== this.value) this.typing = undefined;
  }

  #onInput(e: Event): void {
    this.typing = (e.target as HTMLInputElement).value;
    this.commit(this.fromInput(this.typing));
  }

  #onBlur(): void {
    this.typing = undefined;
    this.handleBlur();
  }

  async #openPicker(): Promise<void> {
    if (this.pickerOpen) return this.#closePicker(true);
    await import('../date-field/calendar.js');
    this.pickerOpen = true;
    await this.updateComplete;
    const pop = this.renderRoot.querySelector('.picker') as HTMLElement;
    if (typeof pop.showPopover === 'function' && !pop.matches(':popover-open')) pop.showPopover();
    const r = (this.renderRoot.querySelector('.date-row') as HTMLElement).getBoundingClientRect();
    const m = pop.getBoundingClientRect();
    let top = r.bottom + 4;
    if (top + m.height > innerHeight - 4) top = Math.max(4, r.top - m.height - 4);
    pop.style.top = `${top}px`;
    pop.style.left = `${Math.max(4, Math.min(r.right - m.width, innerWidth - m.width - 4))}px`;
    (pop.querySelector('kc-calendar') as HTMLElement).focus();
    document.addEventListener('pointerdown', this.#onOutside, true);
  }

  #closePicker(refocus: boolean): void {
    document.removeEventListener('pointerdown', this.#onOutside, true);
    const pop = this.renderRoot.querySelector('.picker') as HTMLElement | null;
    if (pop && typeof pop.hidePopover === 'function' && pop.matches(':popover-open')) pop.hidePopover();
    this.pickerOpen = false;
    if (refocus) (this.renderRoot.querySelector('.picker-button') as HTMLElement | null)?.focus();
  }

  #onOutside = (e: Event): void => {
    const path = e.composedPath();
    const pop = this.renderRoot.querySelector('.picker');
    const button = this.renderRoot.querySelector('.picker-button');
    if ((pop && path.includes(pop)) || (button && path.includes(button))) return;
    this.#closePicker(false);
  };

  #onPick(e: CustomEvent<{ value: string }>): void {
    this.typing = undefined;
    this.commit(e.detail.value);
    this.fireChange();
    this.#closePicker(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  protected override renderControl(): unknown {
    const locked = this.readonly || this.disabled;
    return html`<div class="date-row">
      <input id="input" part="input" type="text" inputmode="numeric" autocomplete="off"
        placeholder=${datePlaceholder(this.locale)}
        .value=${live(this.typing ?? this.toInput(this.value))}
        ?required=${this.required || nothing} ?readonly=${this.readonly || nothing} ?disabled=${this.disabled || nothing}
        aria-invalid=${this.invalid ? 'true' : nothing} aria-describedby="hint error"
        @input=${this.#onInput} @change=${this.fireChange} @blur=${this.#onBlur} />
      ${locked
        ? nothing
        : html`<button type="button" class="icon picker-button" part="picker-button" aria-label=${t(this.locale, 'chooseDate')}
            aria-haspopup="dialog" aria-expanded=${this.pickerOpen ? 'true' : 'false'} @click=${this.#openPicker}>${icon(icons.calendar)}</button>`}
    </div>
    ${locked
      ? nothing
      : html`<div class="picker" part="picker" role="dialog" aria-label=${t(this.locale, 'chooseDate')} popover="manual" ?data-open=${this.pickerOpen}
          @kc-date-pick=${this.#onPick} @kc-calendar-close=${() => this.#closePicker(true)}
          @focusout=${(e: FocusEvent) => {
            if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.#closePicker(false);
          }}>${this.pickerOpen ? html`<kc-calendar .value=${typeof this.value === 'string' ? this.value : ''} locale=${this.locale}></kc-calendar>` : nothing}</div>`}`;
  }
}
defineElement('kc-date-field', KcDateField);

export class KcTimeField extends KcTextField {
  override type = 'time' as const;
  // JSON Schema `time` wants seconds (and an offset); the native input gives HH:MM.
  protected override toInput(value: unknown): string {
    return typeof value === 'string' ? value.slice(0, 8).replace(/(Z|[+-]\d\d:\d\d)$/, '') : '';
  }
  protected override fromInput(text: string): string | undefined {
    if (!text) return undefined;
    return (text.length === 5 ? `${text}:00` : text) + 'Z';
  }
}
defineElement('kc-time-field', KcTimeField);

/** Date and time: shown in local time, stored as an ISO 8601 date-time in UTC. */
export class KcDateTimeField extends KcTextField {
  override type = 'datetime-local' as const;
  protected override toInput(value: unknown): string {
    if (typeof value !== 'string' || !value) return '';
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }
  protected override fromInput(text: string): string | undefined {
    if (!text) return undefined;
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? text : d.toISOString();
  }
}
defineElement('kc-datetime-field', KcDateTimeField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-text-field': KcTextField;
    'kc-email-field': KcEmailField;
    'kc-phone-field': KcPhoneField;
    'kc-url-field': KcUrlField;
    'kc-date-field': KcDateField;
    'kc-time-field': KcTimeField;
    'kc-datetime-field': KcDateTimeField;
  }
}
