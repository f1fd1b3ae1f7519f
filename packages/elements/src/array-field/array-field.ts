import { html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FieldNode, JsonValue, JsonSchemaObject } from '@kartochka/core';
import { deref } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { renderWidget } from '../section/render-widget.js';
import { t } from '../internal/i18n.js';

/**
 * @summary A repeating group: one sub-card per array item, with add, remove (with undo), duplicate
 * and move up/down. Re-renders when items are added, removed or moved, not when one is edited.
 * @csspart group @csspart legend @csspart item @csspart add-button
 */
export class KcArrayField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    css`
      fieldset { border: 1px solid var(--kc-color-border-subtle, #d5d9e2); border-radius: var(--_radius); padding: var(--_space) calc(var(--_space) * 2); margin: 0; min-width: 0; }
      legend { font-weight: 700; padding: 0 calc(var(--_space) / 2); }
      ol { list-style: none; margin: 0; padding: 0; }
      li { border-block-end: 1px dashed var(--kc-color-border-subtle, #d5d9e2); padding-block: var(--_space); }
      .tools { display: flex; gap: calc(var(--_space) / 2); flex-wrap: wrap; margin-block-end: calc(var(--_space) / 2); }
      .tools button { font-size: 0.85em; }
      .empty { color: var(--_muted); }
    `,
  ];

  @property({ type: Number }) level = 1;
  @state() private removed?: { index: number; value: JsonValue };
  #items: FieldNode[] = [];
  #unsubscribeStructure?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribeStructure();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribeStructure?.();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed as never);
    // The controller may arrive after connection (set as a property by the parent's template).
    if ((changed.has('controller') || changed.has('path')) && this.isConnected) this.#subscribeStructure();
  }

  #subscribeStructure(): void {
    this.#unsubscribeStructure?.();
    const c = this.controller;
    if (!c) return;
    this.#unsubscribeStructure = c.subscribeStructure(this.path, () => {
      this.#items = c.children(this.path);
      this.requestUpdate();
    });
    this.#items = c.children(this.path);
  }

  get #list(): JsonValue[] {
    const v = this.controller?.getValue(this.path) ?? this.value;
    return Array.isArray(v) ? v : [];
  }

  #newItem(): JsonValue {
    const items = this.schema.items;
    const s: JsonSchemaObject = this.controller && items && typeof items === 'object' && !Array.isArray(items) ? deref(this.controller.ctx, items) : {};
    if (s.default !== undefined) return structuredClone(s.default);
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    if (type === 'object' || s.properties) return {};
    if (type === 'string') return '';
    return null;
  }

  #set(list: JsonValue[]): void {
    this.commit(list);
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #add = () => {
    this.removed = undefined;
    this.#set([...this.#list, this.#newItem()]);
    this.updateComplete.then(() => this.#focusItem(this.#list.length - 1));
  };

  #remove(i: number) {
    const list = this.#list;
    this.removed = { index: i, value: list[i] };
    this.#set(list.filter((_, j) => j !== i));
    this.updateComplete.then(() => (this.renderRoot.querySelector('.undo') as HTMLElement | null)?.focus());
  }

  #undo = () => {
    if (!this.removed) return;
    const list = [...this.#list];
    list.splice(this.removed.index, 0, this.removed.value);
    const index = this.removed.index;
    this.removed = undefined;
    this.#set(list);
    this.updateComplete.then(() => this.#focusItem(index));
  };

  #duplicate(i: number) {
    const list = [...this.#list];
    list.splice(i + 1, 0, structuredClone(list[i]));
    this.#set(list);
  }

  #move(i: number, delta: number) {
    const j = i + delta;
    const list = [...this.#list];
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j], list[i]];
    this.#set(list);
    // Keep keyboard focus on the same button of the moved item.
    this.updateComplete.then(() => (this.renderRoot.querySelector(`[data-move="${delta}"][data-index="${j}"]`) as HTMLElement | null)?.focus());
  }

  #focusItem(i: number) {
    const el = this.renderRoot.querySelectorAll('li')[i]?.querySelector('[path]') as HTMLElement | null;
    el?.focus();
  }

  override render() {
    const c = this.controller;
    if (!c) return nothing;
    const n = this.#items.length;
    const locked = this.readonly || this.disabled;
    const max = typeof this.schema.maxItems === 'number' ? this.schema.maxItems : Infinity;
    return html`<fieldset part="group" aria-describedby=${this.describedBy}>
      <legend part="legend">${this.label}${this.required ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</legend>
      ${n === 0 ? html`<p class="empty">${t(this.locale, 'empty')}</p>` : nothing}
      <ol>
        ${repeat(
          this.#items,
          (item) => item.pointer,
          (item, i) => html`<li part="item">
            ${locked
              ? nothing
              : html`<div class="tools">
                  <button type="button" data-move="-1" data-index=${i} ?disabled=${i === 0} aria-label="${t(this.locale, 'moveUp')}: ${i + 1}" @click=${() => this.#move(i, -1)}>↑</button>
                  <button type="button" data-move="1" data-index=${i} ?disabled=${i === n - 1} aria-label="${t(this.locale, 'moveDown')}: ${i + 1}" @click=${() => this.#move(i, 1)}>↓</button>
                  <button type="button" ?disabled=${n >= max} @click=${() => this.#duplicate(i)}>${t(this.locale, 'duplicate')}</button>
                  <button type="button" aria-label=${t(this.locale, 'removeItem', { n: i + 1 })} @click=${() => this.#remove(i)}>${t(this.locale, 'remove')}</button>
                </div>`}
            ${renderWidget(c, item, this.level + 1, { disabled: this.disabled })}
          </li>`,
        )}
      </ol>
      <div role="status" aria-live="polite">
        ${this.removed
          ? html`${t(this.locale, 'itemRemoved', { n: this.removed.index + 1 })}
              <button type="button" class="undo" @click=${this.#undo}>${t(this.locale, 'undo')}</button>`
          : nothing}
      </div>
      ${locked ? nothing : html`<button type="button" part="add-button" ?disabled=${n >= max} @click=${this.#add}>${t(this.locale, 'add')}</button>`}
      ${this.renderFeedback()}
    </fieldset>`;
  }
}
defineElement('kc-array-field', KcArrayField);
