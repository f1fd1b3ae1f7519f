import { html, css, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { JsonValue } from '@kartochka/core';
import { foldCase } from '@kartochka/core/internal';
import { KcFieldElement, defineElement, syncAttribute } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { displayUnknown, fireInputAndChange, keyOf, labelOptions, schemaOptions, type LabelledOption } from '../internal/widget-utils.js';

/** Up to this many options a native select is used; beyond it, a searchable combobox. */
export const COMBOBOX_THRESHOLD = 10;

/**
 * @summary Choose one of a list of options (`enum`, or `oneOf` of `const` + `title`). Up to ten
 * options it is a native select; with more, a searchable combobox (ARIA 1.2 combobox + listbox:
 * type to filter, case-insensitively and in Cyrillic too; arrows, Enter, Escape). Option values
 * may be any JSON. A stored value that is not among the options is shown and kept.
 * @event input - When the choice changes (never for the filter text).
 * @event change - When the choice changes.
 * @csspart label - The label.
 * @csspart select - The native select (up to ten options).
 * @csspart combobox - The text box of the combobox (more than ten options).
 * @csspart listbox - The popup list of the combobox.
 * @csspart option - One option of the combobox.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcSelect extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      .combo { position: relative; }
      [role='listbox'] {
        position: absolute; z-index: 10; inset-inline: 0; margin: 2px 0 0; padding: 2px 0; list-style: none;
        max-block-size: 16rem; overflow-y: auto; background: var(--_bg); border: 1px solid var(--_border);
        border-radius: var(--_radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
      }
      [role='option'] { padding: calc(var(--_space) / 2) var(--_space); cursor: pointer; }
      [role='option'][aria-selected='true'] { font-weight: 600; }
      [role='option'].active { background: var(--_accent); color: var(--_bg); }
      .empty { position: absolute; inset-inline: 0; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) / 2) var(--_space); color: var(--_muted); }
    `,
  ];

  /** Filter text while the user types in the combobox; undefined when not filtering. */
  @state() private query: string | undefined;
  @state() private open = false;
  /** Index into the filtered list of the option under the keyboard cursor. */
  @state() private active = -1;

  protected get options(): LabelledOption[] {
    const raw = this.node?.options ?? schemaOptions(this.schema);
    return labelOptions(this.controller, this.node, raw);
  }

  #selectedIndex(opts: LabelledOption[]): number {
    const v = keyOf(this.value);
    return opts.findIndex((o) => keyOf(o.value) === v);
  }

  protected override renderControl(): unknown {
    const opts = this.options;
    if (opts.length <= COMBOBOX_THRESHOLD) return this.#renderNative(opts);
    this.#native = undefined;
    return this.#renderCombobox(opts);
  }

  #renderNative(opts: LabelledOption[]) {
    const selected = this.#selectedIndex(opts);
    // A stored value that is not among the options is shown, not dropped.
    const unknown = this.value !== undefined && selected === -1;
    this.#native = { opts, selected, unknown };
    // The options are written in updated(), not by the template: an option list per select as Lit
    // template instances was a fifth of a large card's widget instances (#syncNativeOptions).
    return html`<select
        id="input"
        part="select"
        ?required=${this.required || nothing}
        ?disabled=${this.disabled || this.readonly}
        aria-invalid=${this.invalid ? 'true' : nothing}
        aria-describedby="hint error"
        @input=${(e: Event) => {
          const i = Number((e.target as HTMLSelectElement).value);
          this.commit(i >= 0 ? opts[i].value : undefined);
        }}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      ></select>`;
  }

  // ---- lean rendering (field-element.ts) of the native select: the same markup as #renderNative,
  // without Lit parts. The combobox (more than ten options) renders through Lit.

  protected override get leanRenderers(): readonly unknown[] {
    return SELECT_RENDERERS;
  }

  protected override leanWanted(): boolean {
    return this.options.length <= COMBOBOX_THRESHOLD;
  }

  protected override leanKey(): string {
    return '';
  }

  protected override buildLean(): DocumentFragment {
    const select = document.createElement('select');
    select.id = 'input';
    select.setAttribute('part', 'select');
    select.setAttribute('aria-describedby', 'hint error');
    const fragment = document.createDocumentFragment();
    fragment.append(KcFieldElement.leanLabel(), select, KcFieldElement.leanError());
    return fragment;
  }

  protected override syncLean(_changed: PropertyValues<this>, first: boolean): void {
    const select = this.renderRoot.querySelector('select')!;
    if (first) this.listenLean(select, 'input', 'change', 'blur');
    const opts = this.options;
    const selected = this.#selectedIndex(opts);
    // The options and the selection are written in updated() (#syncNativeOptions), as for Lit.
    this.#native = { opts, selected, unknown: this.value !== undefined && selected === -1 };
    syncAttribute(select, 'required', this.required && '');
    syncAttribute(select, 'disabled', (this.disabled || this.readonly) && '');
    syncAttribute(select, 'aria-invalid', this.invalid && 'true');
  }

  protected override leanEvent(e: Event): void {
    if (e.type === 'input') {
      const i = Number((e.target as HTMLSelectElement).value);
      const opts = this.#native?.opts ?? [];
      this.commit(i >= 0 ? opts[i].value : undefined);
    } else if (e.type === 'change') this.fireChange();
    else this.handleBlur();
  }

  /** What the last native render showed, for #syncNativeOptions. */
  #native: { opts: LabelledOption[]; selected: number; unknown: boolean } | undefined;
  /** The select element and the option texts last written into it. */
  #nativeWritten: { select: HTMLSelectElement; key: string } | undefined;

  /**
   * Writes the native select's options (text via textContent: never parsed as HTML) when they
   * changed, then its selection. Values are indexes: "-1" not chosen, "-2" a stored value that is
   * not among the options (shown, disabled), "0"… the options.
   */
  #syncNativeOptions(): void {
    const select = this.renderRoot.querySelector('select');
    const shown = this.#native;
    if (!select || !shown) return;
    const texts = [
      t(this.locale, 'choose'),
      ...(shown.unknown ? [t(this.locale, 'notInList', { value: displayUnknown(this.value) })] : []),
      ...shown.opts.map((o) => o.label),
    ];
    const key = `${shown.unknown ? 'u' : ''}\u0000${texts.join('\u0000')}`;
    if (this.#nativeWritten?.select !== select || this.#nativeWritten.key !== key) {
      const values = ['-1', ...(shown.unknown ? ['-2'] : []), ...shown.opts.map((_, i) => String(i))];
      select.replaceChildren(
        ...values.map((value, i) => {
          const option = document.createElement('option');
          option.value = value;
          option.textContent = texts[i];
          if (value === '-2') option.disabled = true;
          return option;
        }),
      );
      this.#nativeWritten = { select, key };
    }
    select.value = shown.selected >= 0 ? String(shown.selected) : shown.unknown ? '-2' : '-1';
  }

  // ---- combobox ------------------------------------------------------------------------------

  #filtered(opts: LabelledOption[]): { o: LabelledOption; i: number }[] {
    const all = opts.map((o, i) => ({ o, i }));
    if (!this.query) return all;
    const q = foldCase(this.query.trim());
    return all.filter(({ o }) => foldCase(o.label).includes(q) || foldCase(String(o.value)).includes(q));
  }

  #text(opts: LabelledOption[]): string {
    if (this.query !== undefined) return this.query;
    if (this.value === undefined) return '';
    const i = this.#selectedIndex(opts);
    return i >= 0 ? opts[i].label : displayUnknown(this.value);
  }

  #choose(o: LabelledOption | undefined): void {
    this.query = undefined;
    this.open = false;
    this.active = -1;
    if (keyOf(o?.value) === keyOf(this.value)) return;
    this.commit(o?.value as JsonValue | undefined);
    fireInputAndChange(this);
  }

  #openList(opts: LabelledOption[], at?: 'first' | 'last'): void {
    if (this.readonly || this.disabled) return;
    this.open = true;
    const list = this.#filtered(opts);
    const sel = list.findIndex(({ o }) => keyOf(o.value) === keyOf(this.value));
    this.active = at === 'last' ? list.length - 1 : sel >= 0 && at === undefined ? sel : list.length ? 0 : -1;
  }

  #onKeyDown(e: KeyboardEvent, opts: LabelledOption[]): void {
    const list = this.#filtered(opts);
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open || e.altKey) this.#openList(opts);
        else if (list.length) this.active = Math.min(this.active + 1, list.length - 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!this.open) this.#openList(opts, 'last');
        else if (list.length) this.active = Math.max(this.active - 1, 0);
        break;
      case 'Home':
      case 'End':
        if (this.open && list.length) {
          e.preventDefault();
          this.active = e.key === 'Home' ? 0 : list.length - 1;
        }
        break;
      case 'Enter':
        if (this.open && this.active >= 0 && list[this.active]) {
          e.preventDefault();
          this.#choose(list[this.active].o);
        } else if (this.query === '') {
          e.preventDefault();
          this.#choose(undefined);
        }
        break;
      case 'Escape':
        if (this.open || this.query !== undefined) {
          e.preventDefault();
          // First Escape closes the list; the text goes back to the chosen option.
          this.open = false;
          this.query = undefined;
          this.active = -1;
        }
        break;
    }
  }

  #onBlur(): void {
    // Emptying the text and leaving clears the choice; any other unfinished filter is dropped.
    if (this.query === '') this.#choose(undefined);
    this.query = undefined;
    this.open = false;
    this.active = -1;
    this.handleBlur();
  }

  protected override updated(): void {
    super.updated();
    this.#syncNativeOptions();
    if (this.open) {
      this.renderRoot.querySelector('[role="option"].active')?.scrollIntoView?.({ block: 'nearest' });
    }
  }

  #renderCombobox(opts: LabelledOption[]) {
    const list = this.#filtered(opts);
    const listId = `${this.uid}-listbox`;
    const optId = (i: number) => `${this.uid}-opt-${i}`;
    const activeId = this.open && this.active >= 0 && list[this.active] ? optId(list[this.active].i) : undefined;
    // lit-a11y cannot see the <label for="input"> the base class renders beside this template: the
    // combobox is labelled. The options take clicks; keys go to the combobox (aria-activedescendant).
    /* eslint-disable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
    return html`<div class="combo">
        <input
          id="input"
          part="combobox"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${activeId ?? nothing}
          aria-invalid=${this.invalid ? 'true' : nothing}
          aria-describedby="hint error"
          placeholder=${t(this.locale, 'choose')}
          .value=${live(this.#text(opts))}
          ?required=${this.required || nothing}
          ?readonly=${this.readonly || nothing}
          ?disabled=${this.disabled || nothing}
          @input=${(e: Event) => {
            // The filter text is not a value: keep its input event inside.
            e.stopPropagation();
            this.query = (e.target as HTMLInputElement).value;
            this.#openList(opts, 'first');
            // Emptied text: nothing is under the cursor, so Enter (or leaving) clears the choice.
            if (this.query === '') this.active = -1;
          }}
          @change=${(e: Event) => e.stopPropagation()}
          @keydown=${(e: KeyboardEvent) => this.#onKeyDown(e, opts)}
          @click=${() => (this.open ? (this.open = false) : this.#openList(opts))}
          @blur=${() => this.#onBlur()}
        />
        <ul id=${listId} part="listbox" role="listbox" aria-label=${this.label} ?hidden=${!this.open || list.length === 0}>
          ${list.map(
            ({ o, i }, n) =>
              html`<li
                id=${optId(i)}
                part="option"
                role="option"
                class=${n === this.active ? 'active' : ''}
                aria-selected=${keyOf(o.value) === keyOf(this.value) ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.#choose(o)}
              >
                ${o.label}
              </li>`,
          )}
        </ul>
        ${this.open && list.length === 0 ? html`<div class="empty" part="listbox">${t(this.locale, 'noMatches')}</div>` : nothing}
        <div class="sr-only" aria-live="polite">${this.open && this.query ? (list.length ? t(this.locale, 'matches', { n: list.length }) : t(this.locale, 'noMatches')) : ''}</div>
      </div>`;
    /* eslint-enable lit-a11y/accessible-name, lit-a11y/click-events-have-key-events */
  }
}
const SELECT_RENDERERS = [KcSelect.prototype['render'], KcSelect.prototype['renderControl']];
defineElement('kc-select', KcSelect);

declare global {
  interface HTMLElementTagNameMap {
    'kc-select': KcSelect;
  }
}
