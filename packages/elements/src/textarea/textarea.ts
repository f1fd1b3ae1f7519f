import { html, css, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';

/**
 * @summary Long text (several lines).
 * @event input - On every edit.
 * @event change - When the edit is committed.
 * @csspart label @csspart textarea @csspart hint @csspart error
 */
export class KcTextarea extends KcFieldElement {
  static override styles = [tokens, fieldStyles, css`textarea { min-height: 5em; resize: vertical; }`];

  protected override renderControl(): unknown {
    return html`<textarea
        id="input"
        part="textarea"
        .value=${live(this.value == null ? '' : String(this.value))}
        ?required=${this.required || nothing}
        ?readonly=${this.readonly || nothing}
        ?disabled=${this.disabled || nothing}
        aria-invalid=${this.invalid ? 'true' : nothing}
        aria-describedby="hint error"
        @input=${(e: Event) => this.commit((e.target as HTMLTextAreaElement).value || undefined)}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      ></textarea>`;
  }
}
defineElement('kc-textarea', KcTextarea);

declare global {
  interface HTMLElementTagNameMap {
    'kc-textarea': KcTextarea;
  }
}
