import { html, css } from 'lit';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';

/**
 * @summary A yes/no field as a checkbox (`kc-checkbox`) or a switch (`kc-switch`, role="switch").
 * @event input - When toggled.
 * @event change - When toggled.
 * @csspart label @csspart control @csspart hint @csspart error
 */
export class KcCheckbox extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      .row { display: flex; align-items: center; gap: var(--_space); }
      input { width: auto; margin: 0; accent-color: var(--_accent); inline-size: 1.1rem; block-size: 1.1rem; }
      label { margin: 0; font-weight: 500; }
    `,
  ];

  protected role_ = '';

  override render() {
    return html`<div class="row">
        <input
          id=${this.inputId}
          part="control"
          type="checkbox"
          role=${this.role_ || 'checkbox'}
          .checked=${this.value === true}
          ?disabled=${this.disabled || this.readonly}
          aria-invalid=${this.invalid ? 'true' : 'false'}
          aria-describedby=${this.describedBy}
          @input=${(e: Event) => this.commit((e.target as HTMLInputElement).checked)}
          @change=${this.fireChange}
          @blur=${this.handleBlur}
        />${this.renderLabel()}
      </div>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-checkbox', KcCheckbox);

export class KcSwitch extends KcCheckbox {
  protected override role_ = 'switch';
}
defineElement('kc-switch', KcSwitch);
