import { html, nothing } from 'lit';
import type { JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { groupStyles, renderLegend } from '../internal/group-styles.js';
import { t } from '../internal/i18n.js';
import { displayUnknown, keyOf, labelOptions, schemaOptions, subtreeErrors, type LabelledOption } from '../internal/widget-utils.js';

/**
 * @summary Choose several options: an array whose items are enum-like
 * (`{type: "array", uniqueItems: true, items: {enum: [...]}}`), as checkboxes in a fieldset. The
 * value lists the chosen options in option order, each once. Stored values that are not among the
 * options are shown (checked) after the options and kept until unchecked.
 * @event input - When an option is checked or unchecked.
 * @event change - When an option is checked or unchecked.
 * @csspart group - The fieldset.
 * @csspart legend - The group label.
 * @csspart option - One checkbox with its label.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field (or one of its items) has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcMultiSelect extends KcFieldElement {
  static override styles = [tokens, fieldStyles, groupStyles];

  protected get options(): LabelledOption[] {
    const items = this.schema.items;
    const fallback = items && typeof items === 'object' && !Array.isArray(items) ? schemaOptions(items) : [];
    return labelOptions(this.controller, this.node, this.node?.itemOptions ?? fallback);
  }

  protected override pull(): void {
    super.pull();
    const below = subtreeErrors(this.controller, this.path);
    if (below.length) this.errors = [...this.errors, ...below];
  }

  get #current(): JsonValue[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  #toggle(value: JsonValue, on: boolean): void {
    const opts = this.options;
    const current = this.#current;
    const chosen = new Set(current.map(keyOf));
    if (on) chosen.add(keyOf(value));
    else chosen.delete(keyOf(value));
    const known = new Set(opts.map((o) => keyOf(o.value)));
    // Option order first, then values the options do not know, in their stored order.
    const next = [
      ...opts.filter((o) => chosen.has(keyOf(o.value))).map((o) => o.value),
      ...current.filter((v) => !known.has(keyOf(v)) && chosen.has(keyOf(v))),
    ];
    this.commit(next);
  }

  #box(id: string, label: string, checked: boolean, value: JsonValue, cls = '') {
    const locked = this.disabled || this.readonly;
    return html`<div class="choice ${cls}" part="option">
      <input
        type="checkbox"
        id=${id}
        .checked=${checked}
        ?disabled=${this.disabled}
        aria-disabled=${this.readonly ? 'true' : nothing}
        @click=${(e: Event) => locked && e.preventDefault()}
        @input=${(e: Event) => !locked && this.#toggle(value, (e.target as HTMLInputElement).checked)}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      /><label for=${id}>${label}</label>
    </div>`;
  }

  override render(): unknown {
    const opts = this.options;
    const chosen = new Set(this.#current.map(keyOf));
    const known = new Set(opts.map((o) => keyOf(o.value)));
    const unknown = this.#current.filter((v) => !known.has(keyOf(v)));
    return html`<fieldset part="group" aria-invalid=${this.invalid ? 'true' : nothing} aria-describedby="hint error">
        ${renderLegend(this.label, this.required, this.locale)}
        <div class="choices">
          ${opts.map((o, i) => this.#box(`${this.uid}-${i}`, o.label, chosen.has(keyOf(o.value)), o.value))}
          ${unknown.map((v, i) => this.#box(`${this.uid}-u${i}`, t(this.locale, 'notInList', { value: displayUnknown(v) }), true, v, 'unknown'))}
        </div>
      </fieldset>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-multi-select', KcMultiSelect);

declare global {
  interface HTMLElementTagNameMap {
    'kc-multi-select': KcMultiSelect;
  }
}
