import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { FormController, JsonValue, JsonSchemaObject } from '@kartochka/core';
import { deref, joinPointer } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { renderWidget } from '../section/render-widget.js';
import { t } from '../internal/i18n.js';
import { arrayFieldStyles } from './array-field.styles.js';
import { moveItem } from './list-ops.js';

/** Two overlapping sheets; an SVG because no glyph for "duplicate" is in every system font. */
const copyIcon = html`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="5.5" y="5.5" width="8" height="8" rx="1"/><path d="M2.5 10.5v-8h8"/></svg>`;

/** Past this many items only the rows in view exist in the DOM (@lit-labs/virtualizer). */
export const VIRTUALIZE_ABOVE = 200;

/**
 * @summary A repeating group: one sub-card per array item (`layout="list"`) or one table row per
 * item (`layout="table"`), with add, remove (with undo), duplicate, and reorder by ↑/↓ buttons,
 * Alt+↑/Alt+↓ on the drag handle, or drag and drop. Re-renders when items are added, removed or
 * moved, never when one is edited. Past 200 items only the visible rows are rendered.
 * @csspart group @csspart legend @csspart item @csspart row @csspart table @csspart drag-handle
 * @csspart add-button
 * @cssproperty --kc-array-viewport-size - The height of the scrolling viewport past 200 items.
 */
export class KcArrayField extends KcFieldElement {
  static override styles = [tokens, fieldStyles, buttonStyles, arrayFieldStyles];

  @property({ type: Number }) level = 1;
  /** `list`: a sub-card per item; `table`: a row per item, a column per item property. */
  @property({ reflect: true }) layout: 'list' | 'table' = 'list';
  @state() private removed?: { index: number; value: JsonValue };
  /** The last reorder, read out by a polite live region. */
  @state() private announcement = '';
  @state() private drop?: { index: number; after: boolean };
  /** Item indices: the virtualizer and `repeat` key rows by them (their pointers never change). */
  #indices: number[] = [];
  #dragFrom?: number;

  /** Only the length is read here: item nodes are built lazily, per rendered row, so 10,000 items
   * cost 10,000 numbers, not 10,000 nodes. */
  protected override structureChanged(): void {
    this.#indices = Array.from({ length: this.#list.length }, (_, i) => i);
  }

  get #list(): JsonValue[] {
    const v = this.controller?.getValue(this.path) ?? this.value;
    return Array.isArray(v) ? v : [];
  }

  get #virtual(): boolean {
    return this.#indices.length > VIRTUALIZE_ABOVE;
  }

  get #locked(): boolean {
    return this.readonly || this.disabled;
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
    void this.#withRow(this.#list.length - 1, focusFirstField);
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
    void this.#withRow(index, focusFirstField);
  };

  #duplicate(i: number) {
    const list = [...this.#list];
    list.splice(i + 1, 0, structuredClone(list[i]));
    this.#set(list);
  }

  /**
   * Every reorder goes through here (↑/↓ buttons, Alt+↑/↓ on the handle, drag and drop): the list
   * is written once, the move is announced, and focus follows the item to `focusSelector`.
   */
  #move(from: number, to: number, focusSelector: string) {
    const list = this.#list;
    if (from === to || to < 0 || to >= list.length) return;
    this.removed = undefined;
    this.#set(moveItem(list, from, to));
    this.announcement = t(this.locale, 'itemMoved', { from: from + 1, to: to + 1 });
    void this.#withRow(to, (row) => {
      const target = row.querySelector(focusSelector) as HTMLButtonElement | null;
      (target && !target.disabled ? target : (row.querySelector('.handle') as HTMLElement | null))?.focus();
    });
  }

  /** Runs `fn` with row `i` once it is rendered (in a virtualized list, after scrolling to it). */
  async #withRow(i: number, fn: (row: HTMLElement) => void): Promise<void> {
    await this.updateComplete;
    const find = () => this.renderRoot.querySelector(`[data-index="${i}"]`) as HTMLElement | null;
    let row = find();
    if (!row && this.#virtual) {
      const v = (this.renderRoot.querySelector('.virtual') as VirtualizerHostElement | null)?.[virtualizerRef];
      // Asked again every few frames: a new item count reaches the virtualizer's layout a frame
      // later (until then it pins to a clamped index), and a scroll it did not start unpins it.
      // (Its `layoutComplete` is no help here: created after the layout ran, it never settles.)
      for (let tries = 0; !row && tries < 30; tries++) {
        if (tries % 3 === 0) v?.element(i)?.scrollIntoView({ block: 'nearest' });
        await new Promise(requestAnimationFrame);
        row = find();
      }
    }
    if (row) fn(row);
  }

  #onHandleKey(e: KeyboardEvent, i: number) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    this.#move(i, i + (e.key === 'ArrowUp' ? -1 : 1), '.handle');
  }

  // ---- drag and drop (native HTML5, within this element's shadow root) --------------------------

  #onDragStart(e: DragEvent, i: number) {
    this.#dragFrom = i;
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = 'move';
      // Some engines start no drag without data; the index is only read back from #dragFrom.
      e.dataTransfer.setData('text/plain', String(i + 1));
      const row = (e.target as HTMLElement).closest('[data-index]');
      if (row) e.dataTransfer.setDragImage(row, 16, 16);
    }
  }

  #onDragOver(e: DragEvent, i: number) {
    if (this.#dragFrom === undefined) return; // not our drag (a file, text from elsewhere)
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const after = e.clientY > rect.top + rect.height / 2;
    if (this.drop?.index !== i || this.drop.after !== after) this.drop = { index: i, after };
  }

  #onDrop(e: DragEvent, i: number) {
    const from = this.#dragFrom;
    if (from === undefined) return;
    e.preventDefault();
    const after = this.drop?.index === i ? this.drop.after : false;
    this.#endDrag();
    const slot = after ? i + 1 : i; // the gap the item is dropped into
    this.#move(from, slot > from ? slot - 1 : slot, '.handle');
  }

  #endDrag = () => {
    this.#dragFrom = undefined;
    this.drop = undefined;
  };

  #dropClass(i: number): string {
    const d = this.drop;
    if (!d || d.index !== i) return '';
    return d.after ? 'drop-after' : 'drop-before';
  }

  // ---- rendering --------------------------------------------------------------------------------

  /** The per-item actions: drag handle, ↑, ↓, duplicate, remove. */
  #renderTools(i: number, n: number, compact = false): TemplateResult {
    const max = typeof this.schema.maxItems === 'number' ? this.schema.maxItems : Infinity;
    const duplicate = t(this.locale, 'duplicateItem', { n: i + 1 });
    const remove = t(this.locale, 'removeItem', { n: i + 1 });
    return html`<button type="button" class="handle" part="drag-handle" draggable="true" aria-label=${t(this.locale, 'moveItem', { n: i + 1 })}
        aria-describedby="${this.uid}-move-hint" @keydown=${(e: KeyboardEvent) => this.#onHandleKey(e, i)}
        @dragstart=${(e: DragEvent) => this.#onDragStart(e, i)} @dragend=${this.#endDrag}>⠿</button>
      <button type="button" data-move="-1" ?disabled=${i === 0} aria-label="${t(this.locale, 'moveUp')}: ${i + 1}" @click=${() => this.#move(i, i - 1, '[data-move="-1"]')}>↑</button>
      <button type="button" data-move="1" ?disabled=${i === n - 1} aria-label="${t(this.locale, 'moveDown')}: ${i + 1}" @click=${() => this.#move(i, i + 1, '[data-move="1"]')}>↓</button>
      <button type="button" class="duplicate" ?disabled=${n >= max} aria-label=${duplicate} title=${compact ? duplicate : nothing} @click=${() => this.#duplicate(i)}>${compact ? copyIcon : t(this.locale, 'duplicate')}</button>
      <button type="button" class="remove" aria-label=${remove} title=${compact ? remove : nothing} @click=${() => this.#remove(i)}>${compact ? '✕' : t(this.locale, 'remove')}</button>`;
  }

  #renderItem = (i: number): TemplateResult => {
    const c = this.controller!;
    const node = c.node(joinPointer(this.path, String(i)));
    const n = this.#indices.length;
    return html`<li part="item" data-index=${i} class=${this.#dropClass(i)}
      aria-posinset=${this.#virtual ? i + 1 : nothing} aria-setsize=${this.#virtual ? n : nothing}
      @dragover=${(e: DragEvent) => this.#onDragOver(e, i)} @drop=${(e: DragEvent) => this.#onDrop(e, i)}>
      ${this.#locked ? nothing : html`<div class="tools">${this.#renderTools(i, n)}</div>`}
      ${node ? renderWidget(c, node, this.level + 1, { disabled: this.disabled }) : nothing}
    </li>`;
  };

  /**
   * The columns of the table: every property the items' schema allows (labels from the controller),
   * so an empty table has headers and items with conditional properties line up.
   */
  #columns(c: FormController): { key: string; label: string }[] {
    return c.itemColumns(this.path);
  }

  #renderRow(c: FormController, columns: { key: string }[], i: number): TemplateResult {
    const row = joinPointer(this.path, String(i));
    const n = this.#indices.length;
    return html`<tr part="row" data-index=${i} class=${this.#dropClass(i)} aria-rowindex=${this.#virtual ? i + 2 : nothing}
      @dragover=${(e: DragEvent) => this.#onDragOver(e, i)} @drop=${(e: DragEvent) => this.#onDrop(e, i)}>
      ${columns.map((col) => {
        const node = c.node(joinPointer(row, col.key));
        return html`<td>${node ? renderWidget(c, node, this.level + 2, { disabled: this.disabled }) : nothing}</td>`;
      })}
      ${this.#locked ? nothing : html`<td class="actions">${this.#renderTools(i, n, true)}</td>`}
    </tr>`;
  }

  #renderTable(c: FormController): TemplateResult {
    const columns = this.#columns(c);
    const n = this.#indices.length;
    // Every row is its own grid (see the styles), so no column may size to its content.
    const cols = `repeat(${columns.length}, minmax(7rem, 1fr))${this.#locked ? '' : ' var(--_actions-size)'}`;
    const row = (i: number) => this.#renderRow(c, columns, i);
    return html`<div class="table-wrap"><table part="table" class=${this.#virtual ? 'has-virtual-body' : ''} aria-labelledby="${this.uid}-legend" aria-rowcount=${this.#virtual ? n + 1 : nothing} style=${styleMap({ '--_cols': cols })}>
      <thead><tr aria-rowindex=${this.#virtual ? 1 : nothing}>
        ${columns.map((col) => html`<th scope="col">${col.label}</th>`)}
        ${this.#locked ? nothing : html`<th scope="col"><span class="sr-only">${t(this.locale, 'actions')}</span></th>`}
      </tr></thead>
      ${this.#virtual
        ? html`<tbody class="virtual">${virtualize({ items: this.#indices, keyFunction: (i: number) => i, renderItem: row, scroller: true })}<tr virtualizer-sizer aria-hidden="true"></tr></tbody>`
        : html`<tbody>${repeat(this.#indices, (i) => i, row)}</tbody>`}
    </table></div>`;
  }

  #renderList(): TemplateResult {
    return this.#virtual
      ? html`<ol class="virtual">${virtualize({ items: this.#indices, keyFunction: (i: number) => i, renderItem: this.#renderItem, scroller: true })}<li virtualizer-sizer aria-hidden="true"></li></ol>`
      : html`<ol>${repeat(this.#indices, (i) => i, this.#renderItem)}</ol>`;
  }

  override render() {
    const c = this.controller;
    if (!c) return nothing;
    const n = this.#indices.length;
    const locked = this.#locked;
    const max = typeof this.schema.maxItems === 'number' ? this.schema.maxItems : Infinity;
    return html`<fieldset part="group" aria-describedby="hint error" @dragend=${this.#endDrag}>
      <legend part="legend" id="${this.uid}-legend">${this.label}${this.required ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</legend>
      ${n === 0 ? html`<p class="empty">${t(this.locale, 'empty')}</p>` : this.layout === 'table' ? this.#renderTable(c) : this.#renderList()}
      <span id="${this.uid}-move-hint" hidden>${t(this.locale, 'moveHint')}</span>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
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

/**
 * Focuses the first field inside `root`, looking through nested groups (an object item's widgets
 * live in its group's shadow root, so the group itself has no control to focus).
 */
function focusFirstField(root: ParentNode): boolean {
  for (const el of root.querySelectorAll<HTMLElement>('[path]')) {
    const inner = el.shadowRoot;
    if (!inner) continue;
    if (inner.querySelector('[path]')) {
      if (focusFirstField(inner)) return true;
    } else if (inner.querySelector('input, select, textarea, button')) {
      el.focus();
      return true;
    }
  }
  return false;
}

/**
 * @summary `kc-array-field` in table layout: what `x-widget: "table"` (or a layout hint `table`)
 * selects for an array of objects. One row per item, one column per item property.
 */
export class KcTableField extends KcArrayField {
  constructor() {
    super();
    this.layout = 'table';
  }
}
defineElement('kc-table-field', KcTableField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-array-field': KcArrayField;
    'kc-table-field': KcTableField;
  }
}
