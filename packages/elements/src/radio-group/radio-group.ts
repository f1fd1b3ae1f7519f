import { html, nothing } from 'lit';
import type { JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { groupStyles, renderLegend } from '../internal/group-styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { displayUnknown, keyOf, labelOptions, schemaOptions, type LabelledOption } from '../internal/widget-utils.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/**
 * @summary Choose one option with native radio buttons in a fieldset (`x-widget: "radio"` on an
 * enum-like field). Arrow keys move between options natively. An optional field offers "Not
 * chosen"; a stored value that is not among the options is shown (checked) and kept.
 * @event input - When the choice changes.
 * @event change - When the choice changes.
 * @csspart group - The fieldset.
 * @csspart legend - The group label.
 * @csspart option - One radio with its label.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcRadioGroup extends KcFieldElement {
  static override styles = [tokens, fieldStyles, groupStyles];

  protected get options(): LabelledOption[] {
    return labelOptions(this.controller, this.node, this.node?.options ?? schemaOptions(this.schema));
  }

  #radio(id: string, label: string, checked: boolean, value: JsonValue | undefined, cls = '') {
    const locked = this.disabled || this.readonly;
    return html`<div class="choice ${cls}" part="option">
      <input
        type="radio"
        id=${id}
        name=${this.uid}
        .checked=${checked}
        ?required=${this.required}
        ?disabled=${this.disabled || (this.readonly && !checked)}
        aria-disabled=${this.readonly ? 'true' : nothing}
        @click=${(e: Event) => {
          // A read-only group keeps its choice; the checked radio stays focusable for reading.
          if (locked) e.preventDefault();
        }}
        @input=${() => !locked && this.commit(value)}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      /><label for=${id}>${label}</label>
    </div>`;
  }

  override render(): unknown {
    const opts = this.options;
    const v = keyOf(this.value);
    const selected = opts.findIndex((o) => keyOf(o.value) === v);
    const unknown = this.value !== undefined && selected === -1;
    return html`<fieldset
        part="group"
        aria-invalid=${this.invalid ? 'true' : nothing}
        aria-describedby="hint error"
        ?disabled=${this.disabled}
      >
        ${renderLegend(this.label, this.required, this.locale)}
        <div class="choices">
          ${this.required ? nothing : this.#radio(`${this.uid}-none`, t(this.locale, 'notChosen'), this.value === undefined, undefined)}
          ${unknown ? this.#radio(`${this.uid}-unknown`, t(this.locale, 'notInList', { value: displayUnknown(this.value) }), true, this.value as JsonValue, 'unknown') : nothing}
          ${opts.map((o, i) => this.#radio(`${this.uid}-${i}`, o.label, i === selected, o.value))}
        </div>
      </fieldset>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-radio-group', KcRadioGroup);

declare global {
  interface HTMLElementTagNameMap {
    'kc-radio-group': KcRadioGroup;
  }
}
