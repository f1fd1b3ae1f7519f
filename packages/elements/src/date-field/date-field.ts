import { html, css, nothing, render, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import Calendar from 'lucide/dist/esm/icons/calendar.mjs';
import { KcFieldElement, defineElement, syncAttribute } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { formatIsoDate, parseLocaleDate, dateOrder, dateSeparator } from '../internal/dates.js';
import { icon } from '../internal/icons.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { KcTextField } from '../text-field/text-field.js';
// The calendar comes with the field: the field is itself loaded on demand (card/lazy-widgets.ts).
import './calendar.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

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
  return dateOrder(locale)
    .map((k) => t(locale, k === 'day' ? 'dayLetters' : k === 'month' ? 'monthLetters' : 'yearLetters'))
    .join(dateSeparator(locale));
}

/**
 * @summary A calendar date (`format: "date"`, stored as ISO `YYYY-MM-DD`) shown and typed in the
 * card's language (28.02.1990 in Russian, 02/28/1990 in English), never the browser's, with a
 * calendar button that opens a month grid in the same language (`kc-calendar`).
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
      ${
        locked
          ? nothing
          : html`<button type="button" class="icon picker-button" part="picker-button" aria-label=${t(this.locale, 'chooseDate')}
            aria-haspopup="dialog" aria-expanded=${this.pickerOpen ? 'true' : 'false'} @click=${this.#openPicker}>${icon(Calendar)}</button>`
      }
    </div>
    ${
      locked
        ? nothing
        : html`<div class="picker" part="picker" role="dialog" aria-label=${t(this.locale, 'chooseDate')} popover="manual" ?data-open=${this.pickerOpen}
          @kc-date-pick=${this.#onPick} @kc-calendar-close=${() => this.#closePicker(true)}
          @focusout=${(e: FocusEvent) => {
            if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) this.#closePicker(false);
          }}>${this.pickerOpen ? html`<kc-calendar .value=${typeof this.value === 'string' ? this.value : ''} locale=${this.locale}></kc-calendar>` : nothing}</div>`
    }`;
  }

  // ---- lean rendering (field-element.ts): the same markup as renderControl(), without Lit parts.
  // The calendar button and its popover are in the cloned markup; they are taken out while the
  // field is read-only or disabled (as renderControl() leaves them out) and cloned back after.

  protected override get leanRenderers(): readonly unknown[] {
    return DATE_RENDERERS;
  }

  protected override leanKey(): string {
    return this.locale;
  }

  protected override buildLean(): DocumentFragment {
    const fragment = document.createDocumentFragment();
    // Built once per language through Lit (the icon is a Lit SVG template), then cloned per field.
    render(
      html`<div class="date-row"><input id="input" part="input" type="text" inputmode="numeric" autocomplete="off" aria-describedby="hint error" /><button
          type="button" class="icon picker-button" part="picker-button" aria-label=${t(this.locale, 'chooseDate')} aria-haspopup="dialog" aria-expanded="false">${icon(Calendar)}</button></div><div
          class="picker" part="picker" role="dialog" aria-label=${t(this.locale, 'chooseDate')} popover="manual"></div>`,
      fragment,
    );
    fragment.prepend(KcFieldElement.leanLabel());
    fragment.append(KcFieldElement.leanError());
    return fragment;
  }

  protected override syncLean(changed: PropertyValues<this>, first: boolean): void {
    const root = this.renderRoot as ShadowRoot;
    const input = root.querySelector('input')!;
    if (first) this.listenLean(input, 'input', 'change', 'blur');
    syncAttribute(input, 'placeholder', datePlaceholder(this.locale));
    const text = this.typing ?? this.toInput(this.value);
    if (input.value !== text) input.value = text;
    syncAttribute(input, 'required', this.required && '');
    syncAttribute(input, 'readonly', this.readonly && '');
    syncAttribute(input, 'disabled', this.disabled && '');
    syncAttribute(input, 'aria-invalid', this.invalid && 'true');
    const locked = this.readonly || this.disabled;
    let button = root.querySelector('.picker-button');
    let picker = root.querySelector<HTMLElement>('.picker');
    if (locked) {
      button?.remove();
      picker?.remove();
      return;
    }
    if (!button || !picker || (!first && changed.has('locale'))) {
      // Back after a lock, or in another language: the button and popover of this language's markup.
      const markup = this.buildLeanControls();
      button?.remove();
      picker?.remove();
      button = markup.button;
      picker = markup.picker;
      input.after(button);
      input.parentElement!.after(picker);
      this.listenLean(button, 'click');
      this.listenLean(picker, 'kc-date-pick', 'kc-calendar-close', 'focusout');
    } else if (first) {
      this.listenLean(button, 'click');
      this.listenLean(picker, 'kc-date-pick', 'kc-calendar-close', 'focusout');
    }
    syncAttribute(button, 'aria-expanded', this.pickerOpen ? 'true' : 'false');
    syncAttribute(picker, 'data-open', this.pickerOpen && '');
    let calendar = picker.querySelector('kc-calendar') as (HTMLElement & { value: string }) | null;
    if (!this.pickerOpen) {
      calendar?.remove();
      return;
    }
    if (!calendar) picker.append((calendar = document.createElement('kc-calendar') as HTMLElement & { value: string }));
    calendar.value = typeof this.value === 'string' ? this.value : '';
    syncAttribute(calendar, 'locale', this.locale);
  }

  /** The calendar button and popover from this language's markup (cloned). */
  private buildLeanControls(): { button: Element; picker: HTMLElement } {
    const key = this.leanKey();
    const fragment = (leanControls[key] ??= this.buildLean());
    return {
      button: fragment.querySelector('.picker-button')!.cloneNode(true) as Element,
      picker: fragment.querySelector('.picker')!.cloneNode(true) as HTMLElement,
    };
  }

  protected override leanEvent(e: Event): void {
    switch (e.type) {
      case 'input':
        this.#onInput(e);
        break;
      case 'change':
        this.fireChange();
        break;
      case 'blur':
        this.#onBlur();
        break;
      case 'click':
        void this.#openPicker();
        break;
      case 'kc-date-pick':
        this.#onPick(e as CustomEvent<{ value: string }>);
        break;
      case 'kc-calendar-close':
        this.#closePicker(true);
        break;
      case 'focusout':
        if (!(e.currentTarget as HTMLElement).contains((e as FocusEvent).relatedTarget as Node | null)) this.#closePicker(false);
    }
  }
}
/** Per language: the markup the calendar button and popover are cloned from when they come back. */
const leanControls: Record<string, DocumentFragment> = {};
const DATE_RENDERERS = [KcDateField.prototype['render'], KcDateField.prototype['renderControl']];
defineElement('kc-date-field', KcDateField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-date-field': KcDateField;
  }
}
