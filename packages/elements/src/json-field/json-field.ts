import { html, css } from 'lit';
import { state } from 'lit/decorators.js';
import type { JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { subtreeErrors } from '../internal/widget-utils.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/**
 * @summary The raw JSON editor: the fallback for a part of a schema the engine cannot render. Its
 * data is kept exactly as it came; invalid JSON is reported and kept in the editor, never applied.
 * @event input - When valid JSON was applied.
 * @csspart label @csspart textarea @csspart hint @csspart error
 */
export class KcJsonField extends KcFieldElement {
  static override styles = [tokens, fieldStyles, css`textarea { font-family: ui-monospace, monospace; min-height: 6em; }`];

  /** Text being edited that is not valid JSON yet. */
  @state() private draft: string | undefined;
  @state() private parseError = '';

  // The raw editor edits a whole subtree: errors below its pointer show here too.
  protected override pull(): void {
    super.pull();
    const below = subtreeErrors(this.controller, this.path);
    if (below.length) this.errors = [...this.errors, ...below];
  }

  #onInput = (e: Event) => {
    const text = (e.target as HTMLTextAreaElement).value;
    try {
      const parsed = text.trim() === '' ? undefined : (JSON.parse(text) as JsonValue);
      this.draft = undefined;
      this.parseError = '';
      this.commit(parsed);
    } catch (err) {
      this.draft = text;
      this.parseError = t(this.locale, 'invalidJson', { detail: (err as Error).message });
    }
  };

  override render(): unknown {
    const text = this.draft ?? (this.value === undefined ? '' : JSON.stringify(this.value, null, 2));
    const reason = this.node?.fallbackReason;
    const messages = [this.parseError, ...this.errors.map((e) => e.message)].filter(Boolean).join(' ');
    // A whole card that falls back (the root has no label of its own) is still labelled.
    return html`${this.label ? this.renderLabel() : html`<label part="label" for="input">${t(this.locale, 'rawJson')}</label>`}
      <textarea
        id="input"
        part="textarea"
        spellcheck="false"
        .value=${text}
        ?readonly=${this.readonly}
        ?disabled=${this.disabled}
        aria-invalid=${messages ? 'true' : 'false'}
        aria-describedby="hint error"
        @input=${this.#onInput}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      ></textarea>
      <div class="hint" part="hint" id="hint">${t(this.locale, 'rawJsonHint')}${reason ? html` (${reason})` : null}</div>
      <div class="error" part="error" id="error" aria-live="polite">${messages}</div>`;
  }
}
defineElement('kc-json-field', KcJsonField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-json-field': KcJsonField;
  }
}
