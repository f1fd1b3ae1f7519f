import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  FormController,
  type FieldError,
  type JsonSchema,
  type JsonValue,
  type Locale,
  type MessageCatalogue,
  type ValidationMode,
  type ValidationResult,
  type WidgetRegistry,
} from '@kartochka/core';
import { tokens } from '../internal/styles.js';
import { renderField } from '../internal/render-field.js';
import { t } from '../internal/i18n.js';

export interface KcChangeDetail {
  path: string;
  value: JsonValue | undefined;
}

/**
 * @summary A client card rendered from a JSON Schema: every field validated as you type, each
 * keystroke re-rendering only its own field.
 *
 * @event kc-change - After every edit; `detail: {path, value}` with `path` a JSON Pointer.
 * @event kc-submit - From `submit()` when the data is valid; `detail: {value}`.
 * @event kc-invalid - From `submit()` when it is not; `detail: {errors}`.
 * @csspart form - The wrapper around all fields.
 * @csspart summary - The error summary shown after a failed submit.
 * @cssproperty --kc-color-accent - Accent colour (focus rings, buttons).
 * @cssproperty --kc-color-danger - Error colour.
 * @cssproperty --kc-color-text - Text colour.
 * @cssproperty --kc-color-surface - Background of inputs.
 * @cssproperty --kc-radius - Corner radius.
 * @cssproperty --kc-space - Base spacing unit.
 * @cssproperty --kc-font-family - Font.
 * @cssstate invalid - The card has errors.
 * @cssstate dirty - The data differs from what was loaded.
 */
export class KcCard extends LitElement {
  /** Form-associated: inside a native <form> the card submits its JSON under `name`. */
  static formAssociated = true;
  static override styles = [
    tokens,
    css`
      :host { display: block; }
      .summary { color: var(--_danger); border: 1px solid var(--_danger); border-radius: var(--_radius); padding: var(--_space); margin-block-end: var(--_space); }
    `,
  ];

  /** The card's JSON Schema. Setting a new schema rebuilds the form. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** Language of labels and messages. */
  @property({ reflect: true }) locale: Locale = 'en';
  /** Labels per locale keyed by pointer template (see docs). */
  @property({ attribute: false }) messages?: MessageCatalogue;
  /** When errors show: as you type, once a field is left, or only on submit. */
  @property({ attribute: 'validation-mode' }) validationMode: ValidationMode = 'onInput';
  /** Widgets to use instead of, or besides, the defaults. */
  @property({ attribute: false }) registry?: WidgetRegistry;
  /** The form field name used when the card sits inside a native <form>. */
  @property({ reflect: true }) name = '';
  @property({ type: Boolean, reflect: true }) required = false;

  @state() private summary: readonly FieldError[] = [];
  #controller?: FormController;
  #pendingValue: JsonValue | undefined;
  #hasPendingValue = false;
  #offChange?: () => void;
  #internals = this.attachInternals();

  /** The card's data. Reading it returns the current, edited data. */
  @property({ attribute: false })
  get value(): JsonValue | undefined {
    return this.#controller ? this.#controller.value : this.#pendingValue;
  }
  set value(v: JsonValue | undefined) {
    const old = this.value;
    this.#pendingValue = v;
    this.#hasPendingValue = true;
    if (this.#controller) {
      this.#controller.reset(v);
      this.#hasPendingValue = false;
      this.#syncForm();
    }
    this.requestUpdate('value', old);
  }

  /** The form engine behind the card (for advanced use: subscriptions, server errors). */
  get controller(): FormController | undefined {
    return this.#controller;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema') || changed.has('registry') || changed.has('messages') || !this.#controller) {
      if (this.schema !== undefined) this.#createController();
    }
    const c = this.#controller;
    if (!c) return;
    if (changed.has('locale')) c.locale = this.locale;
    if (changed.has('validationMode')) c.validationMode = this.validationMode;
  }

  #createController(): void {
    const value = this.#hasPendingValue ? this.#pendingValue : this.#controller?.value;
    this.#offChange?.();
    this.#controller = new FormController(this.schema!, {
      value,
      locale: this.locale,
      messages: this.messages,
      validationMode: this.validationMode,
      registry: this.registry,
    });
    this.#hasPendingValue = false;
    this.#offChange = this.#controller.onChange((detail) => {
      this.#syncForm();
      if (this.summary.length) this.summary = this.#controller!.allErrors();
      this.dispatchEvent(new CustomEvent<KcChangeDetail>('kc-change', { detail, bubbles: true, composed: true }));
    });
    this.#syncForm();
  }

  /** Validates the whole card, shows every error, and returns them. */
  validate(): ValidationResult {
    const r = this.#controller?.validate() ?? { valid: true, errors: [] };
    this.#syncForm();
    return r;
  }

  /** Validates; fires `kc-submit` with the data when valid, else `kc-invalid` and focuses the first error. */
  submit(): boolean {
    const r = this.validate();
    this.summary = r.errors;
    if (r.valid) {
      this.dispatchEvent(new CustomEvent('kc-submit', { detail: { value: this.value }, bubbles: true, composed: true }));
    } else {
      this.dispatchEvent(new CustomEvent('kc-invalid', { detail: { errors: r.errors }, bubbles: true, composed: true }));
      void this.updateComplete.then(() => this.focusFirstInvalid());
    }
    return r.valid;
  }

  /** Puts the data back to what was last loaded. */
  reset(): void {
    this.#controller?.reset();
    this.summary = [];
    this.#syncForm();
  }

  /** Moves focus to the first field that has an error. Returns whether one was found. */
  focusFirstInvalid(): boolean {
    const errors = this.#controller?.allErrors() ?? [];
    for (const e of errors) {
      const el = findField(this.renderRoot, e.path);
      if (el) {
        el.focus();
        return true;
      }
    }
    return false;
  }

  /** Merges errors from a server (e.g. a 422 answer) into the fields they name. */
  setServerErrors(errors: readonly FieldError[]): void {
    this.#controller?.setExternalErrors(errors.map((e) => ({ ...e, source: 'server' as const })));
    this.#syncForm();
  }

  // Native <form> integration.
  formResetCallback(): void {
    this.reset();
  }

  #syncForm(): void {
    const c = this.#controller;
    if (!c) return;
    this.#internals.setFormValue(this.name ? JSON.stringify(c.value ?? null) : null);
    const errors = c.allErrors();
    if (errors.length) this.#internals.setValidity({ customError: true }, errors[0].message);
    else this.#internals.setValidity({});
    try {
      if (errors.length) this.#internals.states.add('invalid');
      else this.#internals.states.delete('invalid');
      if (c.isDirty()) this.#internals.states.add('dirty');
      else this.#internals.states.delete('dirty');
    } catch {
      // custom states are cosmetic
    }
  }

  override render() {
    const c = this.#controller;
    if (!c) return nothing;
    return html`${this.summary.length
        ? html`<div class="summary" part="summary" role="alert">${t(this.locale, 'errorsSummary', { n: this.summary.length })}</div>`
        : nothing}
      <div part="form">${renderField(c, c.root, 0)}</div>`;
  }
}

/** Finds the widget for a pointer, through nested shadow roots. */
function findField(root: ParentNode, pointer: string): HTMLElement | undefined {
  const direct = root.querySelector(`[path="${CSS.escape(pointer)}"]`) as HTMLElement | null;
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = findField(el.shadowRoot, pointer);
      if (found) return found;
    }
  }
  return undefined;
}

if (!customElements.get('kc-card')) customElements.define('kc-card', KcCard);

declare global {
  interface HTMLElementTagNameMap {
    'kc-card': KcCard;
  }
}
