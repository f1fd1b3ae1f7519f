import { html } from 'lit';
import type { JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';

/**
 * @summary Choose one of a list of options (`enum`, or `oneOf` of `const` + `title`). Option values
 * may be any JSON; the native select only holds their index.
 * @event input - When the choice changes.
 * @event change - When the choice changes.
 * @csspart label @csspart select @csspart hint @csspart error
 */
export class KcSelect extends KcFieldElement {
  static override styles = [tokens, fieldStyles];

  protected get options(): { value: JsonValue; label: string }[] {
    const node = this.node;
    const c = this.controller;
    const raw = node?.options ?? (Array.isArray(this.schema.enum) ? this.schema.enum.map((value) => ({ value, title: undefined })) : []);
    return raw.map((o) => ({
      value: o.value,
      label: c && node ? c.optionLabel(node, o.value, o.title) : (o.title ?? String(o.value)),
    }));
  }

  #selectedIndex(): number {
    const v = JSON.stringify(this.value);
    return this.options.findIndex((o) => JSON.stringify(o.value) === v);
  }

  override render() {
    const opts = this.options;
    const selected = this.#selectedIndex();
    // A stored value that is not among the options is shown, not dropped.
    const unknown = this.value !== undefined && selected === -1;
    return html`${this.renderLabel()}
      <select
        id=${this.inputId}
        part="select"
        ?required=${this.required}
        ?disabled=${this.disabled || this.readonly}
        aria-invalid=${this.invalid ? 'true' : 'false'}
        aria-describedby=${this.describedBy}
        @input=${(e: Event) => {
          const i = Number((e.target as HTMLSelectElement).value);
          this.commit(i >= 0 ? opts[i].value : undefined);
        }}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      >
        <option value="-1" ?selected=${selected === -1 && !unknown}>${t(this.locale, 'choose')}</option>
        ${unknown ? html`<option value="-2" selected disabled>${JSON.stringify(this.value)}</option>` : null}
        ${opts.map((o, i) => html`<option value=${i} ?selected=${i === selected}>${o.label}</option>`)}
      </select>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-select', KcSelect);
