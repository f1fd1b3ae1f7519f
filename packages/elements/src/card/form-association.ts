/**
 * How <kc-card> takes part in a native <form>, after Web Awesome's form-associated base class: its
 * JSON is the form value (and the state the browser restores after back/forward navigation), its
 * first error is the form's validity with the invalid control as the anchor the browser reports
 * at, `required` means "not empty", and a disabled <fieldset> disables it without touching the
 * card's own `disabled` (so re-enabling the fieldset gives the card back).
 */
import type { FormController, JsonValue, Locale } from '@kartochka/core';
import { findIn } from '../section/section.js';
import { t } from '../internal/i18n.js';

/** What the card tells this helper; kept small so the card's file stays about rendering. */
export interface FormHost extends HTMLElement {
  readonly controller: FormController | undefined;
  readonly name: string;
  readonly required: boolean;
  readonly locale: Locale;
}

export class CardFormAssociation {
  readonly internals: ElementInternals;
  #host: FormHost;
  /** The states last written (custom states are touched only when they change). */
  #invalid = false;
  #dirty = false;
  #validating = false;

  constructor(host: FormHost) {
    this.#host = host;
    this.internals = host.attachInternals();
    // Fired by checkValidity(), reportValidity() and a form's submit. Finding the control to anchor
    // the browser's message at walks the card's shadow trees, so it happens here, not per keystroke.
    host.addEventListener('invalid', (e) => {
      if (e.target === host) this.#anchor();
    });
  }

  /** After every change: the form value, the validity and the custom states. */
  sync(): void {
    const c = this.#host.controller;
    if (!c) return;
    // The JSON is both the submitted value and the state the browser restores on back/forward
    // navigation. Without a name nothing is submitted or restored, and a keystroke does not pay
    // for serialising the whole card.
    if (this.#host.name) {
      const json = JSON.stringify(c.value ?? null);
      this.internals.setFormValue(json, json);
    } else this.internals.setFormValue(null);
    const pending = c.validationPending;
    this.#setState('validating', pending, this.#validating, (v) => (this.#validating = v));
    if (pending) {
      // Paint first: the validator is not compiled yet. Neither valid nor invalid is known, so the
      // `invalid` state is left alone (no flash of either), and a native form that asks the
      // element directly (its own submit) is held off; the card's own checkValidity(),
      // reportValidity() and validity compile the validator first and answer for real.
      this.internals.setValidity({ customError: true }, t(this.#host.locale, 'validationPending'));
    } else {
      const problem = this.#problem(c);
      if (problem) this.internals.setValidity(problem.flags, problem.message);
      else this.internals.setValidity({});
      this.#setState('invalid', !!problem, this.#invalid, (v) => (this.#invalid = v));
    }
    const dirty = c.isDirty();
    this.#setState('dirty', dirty, this.#dirty, (v) => (this.#dirty = v));
  }

  /** The first reason the card is invalid, as ValidityState flags and a message. */
  #problem(c: FormController): { flags: ValidityStateFlags; message: string; path?: string } | undefined {
    const first = c.firstError();
    if (first) return { flags: { customError: true }, message: first.message, path: first.path };
    if (this.#host.required && isEmpty(c.value)) return { flags: { valueMissing: true }, message: t(this.#host.locale, 'cardRequired') };
    return undefined;
  }

  /** Points the validity at the first invalid control (when it is rendered), for the browser's report. */
  #anchor(): void {
    const c = this.#host.controller;
    const problem = c && !c.validationPending ? this.#problem(c) : undefined;
    if (!problem?.path) return;
    const widget = findIn(this.#host.shadowRoot!, problem.path);
    const control = widget?.shadowRoot?.querySelector<HTMLElement>('input, select, textarea, button, [tabindex="0"]') ?? widget;
    if (control) this.internals.setValidity(problem.flags, problem.message, control);
  }

  /**
   * The browser gives back what `sync()` stored as the state (back/forward navigation, autofill):
   * JSON of the card's data. Unreadable state is ignored, so nothing the card holds is lost.
   */
  restoredValue(state: string | File | FormData | null): { ok: true; value: JsonValue } | { ok: false } {
    if (typeof state !== 'string') return { ok: false };
    try {
      return { ok: true, value: JSON.parse(state) as JsonValue };
    } catch {
      return { ok: false };
    }
  }

  #setState(name: string, on: boolean, was: boolean, remember: (v: boolean) => void): void {
    if (on === was) return;
    remember(on);
    try {
      if (on) this.internals.states.add(name);
      else this.internals.states.delete(name);
    } catch {
      // custom states are cosmetic
    }
  }
}

/** "Nothing filled in": no value, null, '', or an object or array with nothing in it. */
function isEmpty(v: JsonValue | undefined): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.every(isEmpty);
  if (typeof v === 'object') return Object.values(v).every(isEmpty);
  return false;
}
