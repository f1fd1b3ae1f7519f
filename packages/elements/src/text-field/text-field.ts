import { nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { KcFieldElement, defineElement, syncAttribute } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';

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
 * @summary A single-line text field. Email, phone, URL, date-time and time fields are the same
 * element with another native input type (dates: `kc-date-field`, a module of its own).
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

  // ---- lean rendering (field-element.ts): the same markup as renderControl(), without Lit parts.
  // A subclass that replaces renderControl() (kc-date-field) renders it through Lit instead.

  protected override get leanRenderers(): readonly unknown[] {
    return TEXT_RENDERERS;
  }

  protected override leanKey(): string {
    return `${INPUT_TYPES.has(this.type) ? this.type : 'text'} ${AUTOCOMPLETE.has(this.nativeAutocomplete) ? this.nativeAutocomplete : 'off'}`;
  }

  protected override buildLean(): DocumentFragment {
    const input = document.createElement('input');
    input.id = 'input';
    input.setAttribute('part', 'input');
    input.type = INPUT_TYPES.has(this.type) ? this.type : 'text';
    input.setAttribute('autocomplete', AUTOCOMPLETE.has(this.nativeAutocomplete) ? this.nativeAutocomplete || 'off' : 'off');
    input.setAttribute('aria-describedby', 'hint error');
    const fragment = document.createDocumentFragment();
    fragment.append(KcFieldElement.leanLabel(), input, KcFieldElement.leanError());
    return fragment;
  }

  protected override syncLean(changed: PropertyValues<this>, first: boolean): void {
    const input = this.renderRoot.querySelector('input')!;
    if (first) this.listenLean(input, 'input', 'change', 'blur');
    else if (changed.has('type')) {
      const type = INPUT_TYPES.has(this.type) ? this.type : 'text';
      if (input.type !== type) input.type = type;
    }
    const s = this.schema;
    const text = this.toInput(this.value);
    if (input.value !== text) input.value = text;
    syncAttribute(input, 'required', this.required && '');
    syncAttribute(input, 'readonly', this.readonly && '');
    syncAttribute(input, 'disabled', this.disabled && '');
    syncAttribute(input, 'maxlength', typeof s.maxLength === 'number' && this.type === 'text' ? String(s.maxLength) : undefined);
    syncAttribute(input, 'inputmode', this.nativeInputMode || undefined);
    syncAttribute(input, 'placeholder', Array.isArray(s.examples) && s.examples.length ? String(s.examples[0]) : undefined);
    syncAttribute(input, 'aria-invalid', this.invalid && 'true');
  }

  protected override leanEvent(e: Event): void {
    if (e.type === 'input') this.#onInput(e);
    else if (e.type === 'change') this.fireChange();
    else this.handleBlur();
  }
}
const TEXT_RENDERERS = [KcTextField.prototype['render'], KcTextField.prototype['renderControl']];
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
    'kc-time-field': KcTimeField;
    'kc-datetime-field': KcDateTimeField;
  }
}
