import { html, css } from 'lit';
import type { JsonValue } from '@kartochka/core';
import { defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { KcNumberField, numberFromInput } from '../number-field/number-field.js';

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
export class KcPercentField extends KcNumberField {
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

  // "12,5 %" pasted with its sign is still a number.
  protected override fromText(text: string): JsonValue | undefined {
    return numberFromInput(text.replace(/%\s*$/, ''));
  }

  protected override renderControl(): unknown {
    return html`<div class="affix">${this.renderInput('unit hint error')}<span class="suffix" part="suffix" id="unit">%</span></div>`;
  }
}
defineElement('kc-percent-field', KcPercentField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-percent-field': KcPercentField;
  }
}
