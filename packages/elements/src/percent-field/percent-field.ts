import { html, css } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { numberFromInput, numberInputText } from '../number-field/number-field.js';

/**
 * @summary A share in percent: a number from 0 to 100 (the schema's `minimum`/`maximum` say so; the
 * validator reports values outside) with a visible `%` suffix. Chosen by `"x-unit": "%"` or
 * `x-widget: "percent"`. Typed with a comma or a dot; shown formatted for the locale when not focused.
 * @event input - On every edit.
 * @event change - When the edit is committed.
 * @csspart label - The label.
 * @csspart input - The native input.
 * @csspart suffix - The `%` sign.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcPercentField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      .affix { display: flex; align-items: stretch; }
      input { text-align: end; border-start-end-radius: 0; border-end-end-radius: 0; font-variant-numeric: tabular-nums; }
      .suffix {
        display: flex; align-items: center; padding: 0 var(--_space); border: 1px solid var(--_border); border-inline-start: 0;
        border-start-end-radius: var(--_radius); border-end-end-radius: var(--_radius); color: var(--_muted); background: var(--_bg);
      }
    `,
  ];

  @state() private editing = false;

  #display(): string {
    return numberInputText(this.value, this.locale, this.editing);
  }

  // "12,5 %" pasted with its sign is still a number.
  #onInput = (e: Event) => this.commit(numberFromInput((e.target as HTMLInputElement).value.replace(/%\s*$/, '')));

  override render() {
    const s = this.schema;
    const integer = s.type === 'integer';
    return html`${this.renderLabel()}
      <div class="affix">
        <input
          id=${this.inputId}
          part="input"
          type="text"
          inputmode=${integer ? 'numeric' : 'decimal'}
          autocomplete="off"
          .value=${live(this.#display())}
          ?required=${this.required}
          ?readonly=${this.readonly}
          ?disabled=${this.disabled}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby="${this.uid}-unit ${this.describedBy}"
          @focus=${() => (this.editing = true)}
          @blur=${() => {
            this.editing = false;
            this.handleBlur();
          }}
          @input=${this.#onInput}
          @change=${this.fireChange}
        /><span class="suffix" part="suffix" id="${this.uid}-unit">%</span>
      </div>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-percent-field', KcPercentField);
