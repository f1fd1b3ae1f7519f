import { html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { fireInputAndChange, subtreeErrors } from '../internal/widget-utils.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/**
 * @summary A list of short strings as tags (the default for `{type: "array", items: {type:
 * "string"}}`; `x-widget: "list"` gives the generic list instead). Type and press Enter or a comma
 * to add (pasted text is split on commas and new lines; leaving the field adds what was typed);
 * Backspace in the empty input removes the last tag; each tag has a remove button. With
 * `uniqueItems`, a tag already present is not added twice.
 * @event input - When a tag is added or removed (not for the text being typed).
 * @event change - When a tag is added or removed.
 * @csspart label - The label.
 * @csspart tags - The list of tags.
 * @csspart tag - One tag.
 * @csspart remove-button - A tag's remove button.
 * @csspart input - The text input for a new tag.
 * @csspart hint - The description.
 * @csspart error - The error message region (errors of single tags too).
 * @cssstate invalid - The field (or one of its tags) has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcTagsField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      .box {
        display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); align-items: center;
        border: 1px solid var(--_border); border-radius: var(--_radius); padding: calc(var(--_space) / 2); background: var(--_bg);
      }
      .box:focus-within { outline: 2px solid var(--_accent); outline-offset: 1px; }
      .box.invalid { border-color: var(--_danger); }
      ul { display: contents; list-style: none; margin: 0; padding: 0; }
      li {
        display: inline-flex; align-items: center; gap: 0.25em; padding: 0.1em 0.2em 0.1em 0.6em;
        border-radius: 999px; background: color-mix(in srgb, var(--_accent) 12%, var(--_bg)); color: var(--_fg);
      }
      li button {
        font: inherit; line-height: 1; border: 0; background: transparent; color: inherit; cursor: pointer;
        border-radius: 999px; padding: 0.15em 0.4em;
      }
      @media (pointer: coarse) {
        li button { min-block-size: var(--_control-h); min-inline-size: var(--_control-h); }
      }
      li button:hover { background: color-mix(in srgb, var(--_accent) 25%, var(--_bg)); }
      input { flex: 1 1 8rem; width: auto; min-width: 6rem; border: 0; padding: calc(var(--_space) / 2); }
      input:focus-visible { outline: none; }
    `,
  ];

  /** The text typed for the next tag. */
  @state() private draft = '';
  @state() private announcement = '';

  protected override pull(): void {
    super.pull();
    const below = subtreeErrors(this.controller, this.path);
    if (below.length) this.errors = [...this.errors, ...below];
  }

  get #tags(): JsonValue[] {
    return Array.isArray(this.value) ? this.value : [];
  }

  get #locked(): boolean {
    return this.disabled || this.readonly;
  }

  /** Adds tags from text (split on commas and new lines); returns whether any was added. */
  #add(text: string): boolean {
    if (this.#locked) return false;
    const unique = this.schema.uniqueItems === true;
    const next = [...this.#tags];
    const added: string[] = [];
    for (const part of text.split(/[,\n]/)) {
      const tag = part.trim();
      if (!tag || (unique && next.includes(tag))) continue;
      next.push(tag);
      added.push(tag);
    }
    this.draft = '';
    // The input may show text the draft never held (a paste): render so `live()` clears it.
    this.requestUpdate();
    if (!added.length) return false;
    this.commit(next);
    this.announcement = added.map((tag) => t(this.locale, 'tagAdded', { tag })).join(' ');
    fireInputAndChange(this);
    return true;
  }

  #remove(index: number, refocus: boolean): void {
    if (this.#locked) return;
    const tags = this.#tags;
    const removed = tags[index];
    const next = tags.filter((_, i) => i !== index);
    this.commit(next);
    this.announcement = t(this.locale, 'tagRemoved', { tag: String(removed) });
    fireInputAndChange(this);
    if (refocus) (this.renderRoot.querySelector('#input') as HTMLInputElement | null)?.focus();
  }

  #onKeyDown = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Enter' || e.key === ',') {
      // Enter must not submit an enclosing form while a tag is being typed.
      if (e.key === ',' || input.value.trim()) e.preventDefault();
      this.#add(input.value);
    } else if (e.key === 'Backspace' && input.value === '' && this.#tags.length) {
      e.preventDefault();
      this.#remove(this.#tags.length - 1, false);
    }
  };

  #onInput = (e: Event) => {
    // The text of a tag being typed is not a value yet: keep its input event inside.
    e.stopPropagation();
    const text = (e.target as HTMLInputElement).value;
    if (/[,\n]/.test(text)) this.#add(text);
    else this.draft = text;
  };

  override render(): unknown {
    const tags = this.#tags;
    return html`${this.renderLabel()}
      <div class="box ${this.invalid ? 'invalid' : ''}">
        ${
          tags.length
            ? html`<ul part="tags" aria-label=${this.label}>
              ${tags.map(
                (tag, i) =>
                  html`<li part="tag">
                    <span>${typeof tag === 'string' ? tag : JSON.stringify(tag)}</span>${
                      this.#locked
                        ? nothing
                        : html`<button type="button" part="remove-button" aria-label=${t(this.locale, 'removeTag', { tag: String(tag) })} @click=${() => this.#remove(i, true)}>
                          <span aria-hidden="true">×</span>
                        </button>`
                    }
                  </li>`,
              )}
            </ul>`
            : nothing
        }
        <input
          id="input"
          part="input"
          type="text"
          autocomplete="off"
          enterkeyhint="enter"
          placeholder=${this.#locked ? '' : t(this.locale, 'addTag')}
          .value=${live(this.draft)}
          ?readonly=${this.readonly}
          ?disabled=${this.disabled}
          aria-invalid=${this.invalid ? 'true' : nothing}
          aria-describedby="hint error"
          @keydown=${this.#onKeyDown}
          @input=${this.#onInput}
          @change=${(e: Event) => e.stopPropagation()}
          @blur=${() => {
            if (this.draft.trim()) this.#add(this.draft);
            this.handleBlur();
          }}
        />
      </div>
      <div class="sr-only" aria-live="polite">${this.announcement}</div>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-tags-field', KcTagsField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-tags-field': KcTagsField;
  }
}
