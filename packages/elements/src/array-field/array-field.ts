import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { FormController, JsonValue, JsonSchemaObject } from '@kartochka/core';
import { deref } from '@kartochka/core';
import { joinPointer } from '@kartochka/core/internal';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { renderWidget } from '../section/render-widget.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { arrayFieldStyles } from './array-field.styles.js';
import { moveItem } from './list-ops.js';
import addIcon from 'lucide/dist/esm/icons/plus.mjs';
import dragIcon from 'lucide/dist/esm/icons/grip-vertical.mjs';
import duplicateIcon from 'lucide/dist/esm/icons/copy.mjs';
import menuIcon from 'lucide/dist/esm/icons/ellipsis-vertical.mjs';
import moveDownIcon from 'lucide/dist/esm/icons/arrow-down.mjs';
import moveUpIcon from 'lucide/dist/esm/icons/arrow-up.mjs';
import removeIcon from 'lucide/dist/esm/icons/trash.mjs';
import { icon, type IconNode } from '../internal/icons.js';
import { emptyState, emptyStyles } from '../internal/empty.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

type RowAction = 'duplicate' | 'up' | 'down' | 'remove';

/** Past this many items only the rows in view exist in the DOM (@lit-labs/virtualizer). */
export const VIRTUALIZE_ABOVE = 200;

/**
 * @summary A repeating group: one compact sub-card per array item (`layout="list"`) or one table
 * row per item (`layout="table"`). Each row has a drag handle (drag and drop, or Alt+↑/Alt+↓) and a
 * row menu (an ARIA menu button: duplicate, move up, move down, delete with undo; arrows, Home/End,
 * Enter, Escape). Re-renders when items are added, removed or moved, never when one is edited. Past
 * 200 items only the visible rows are rendered.
 * @csspart group @csspart legend @csspart item @csspart row @csspart row-head @csspart table
 * @csspart drag-handle @csspart row-menu-button @csspart row-menu @csspart row-menu-item
 * @csspart add-button @csspart empty
 * @cssproperty --kc-array-viewport-size - The height of the scrolling viewport past 200 items.
 */
export class KcArrayField extends KcFieldElement {
  static override styles = [tokens, fieldStyles, buttonStyles, emptyStyles, arrayFieldStyles];

  @property({ type: Number }) level = 1;
  /** `list`: a sub-card per item; `table`: a row per item, a column per item property. */
  @property({ reflect: true }) layout: 'list' | 'table' = 'list';
  @state() private removed?: { index: number; value: JsonValue };
  /** The last reorder, read out by a polite live region. */
  @state() private announcement = '';
  @state() private drop?: { index: number; after: boolean };
  /** The row whose menu is open. */
  @state() private menuFor?: number;
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
    const s: JsonSchemaObject =
      this.controller && items && typeof items === 'object' && !Array.isArray(items) ? deref(this.controller.ctx, items) : {};
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

  /** The per-item controls: the drag handle and the row menu's button. */
  #renderTools(i: number): TemplateResult {
    const open = this.menuFor === i;
    return html`<button type="button" class="handle icon" part="drag-handle" draggable="true" aria-label=${t(this.locale, 'moveItem', { n: i + 1 })}
        aria-describedby="${this.uid}-move-hint" @keydown=${(e: KeyboardEvent) => this.#onHandleKey(e, i)}
        @dragstart=${(e: DragEvent) => this.#onDragStart(e, i)} @dragend=${this.#endDrag}>${icon(dragIcon)}</button>
      <button type="button" class="icon menu-button" part="row-menu-button" aria-haspopup="menu" aria-expanded=${open ? 'true' : 'false'}
        aria-controls="${this.uid}-menu" aria-label=${t(this.locale, 'itemActions', { n: i + 1 })}
        @click=${(e: Event) => this.#toggleMenu(i, e.currentTarget as HTMLElement)} @keydown=${(e: KeyboardEvent) => this.#onMenuButtonKey(e, i)}>${icon(menuIcon)}</button>`;
  }

  // ---- the row menu (one per array, shown for one row at a time, in the top layer) --------------

  get #menu(): HTMLElement | null {
    return this.renderRoot.querySelector('.menu');
  }

  #menuItems(): HTMLElement[] {
    return [...(this.#menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  #toggleMenu(i: number, button: HTMLElement) {
    if (this.menuFor === i) this.#closeMenu(true);
    else void this.#openMenu(i, button, 'first');
  }

  async #openMenu(i: number, button: HTMLElement, focus: 'first' | 'last') {
    this.menuFor = i;
    await this.updateComplete;
    const menu = this.#menu;
    if (!menu) return;
    // The top layer: neither the table's scroll box nor a section's containment clips the menu.
    if (typeof menu.showPopover === 'function' && !menu.matches(':popover-open')) menu.showPopover();
    const r = button.getBoundingClientRect();
    const m = menu.getBoundingClientRect();
    let top = r.bottom + 4;
    if (top + m.height > innerHeight - 4) top = Math.max(4, r.top - m.height - 4);
    menu.style.top = `${top}px`;
    menu.style.left = `${Math.max(4, Math.min(r.right - m.width, innerWidth - m.width - 4))}px`;
    const items = this.#menuItems();
    (focus === 'first' ? items[0] : items[items.length - 1])?.focus();
    document.addEventListener('pointerdown', this.#onOutside, true);
    window.addEventListener('scroll', this.#onScroll, true);
  }

  /** Closes the menu; `refocus` puts focus back on the row's menu button (Escape, Tab, a toggle). */
  #closeMenu(refocus: boolean) {
    const i = this.menuFor;
    if (i === undefined) return;
    document.removeEventListener('pointerdown', this.#onOutside, true);
    window.removeEventListener('scroll', this.#onScroll, true);
    const menu = this.#menu;
    if (menu && typeof menu.hidePopover === 'function' && menu.matches(':popover-open')) menu.hidePopover();
    this.menuFor = undefined;
    if (refocus) (this.renderRoot.querySelector(`[data-index="${i}"] .menu-button`) as HTMLElement | null)?.focus();
  }

  #onOutside = (e: Event) => {
    const path = e.composedPath();
    const menu = this.#menu;
    const button = this.renderRoot.querySelector(`[data-index="${this.menuFor}"] .menu-button`);
    if ((menu && path.includes(menu)) || (button && path.includes(button))) return;
    this.#closeMenu(false);
  };

  #onScroll = (e: Event) => {
    if (!this.#menu || !e.composedPath().includes(this.#menu)) this.#closeMenu(false);
  };

  #onMenuButtonKey(e: KeyboardEvent, i: number) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    void this.#openMenu(i, e.currentTarget as HTMLElement, e.key === 'ArrowUp' ? 'last' : 'first');
  }

  #onMenuKey = (e: KeyboardEvent) => {
    const items = this.#menuItems();
    const at = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (e.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      this.#closeMenu(true);
      return;
    } else return;
    e.preventDefault();
    items[next]?.focus();
  };

  #onMenuClick = (e: Event) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role="menuitem"]');
    const i = this.menuFor;
    if (!item || i === undefined || item.getAttribute('aria-disabled') === 'true') return;
    const action = item.dataset.action as RowAction;
    this.#closeMenu(action !== 'remove' && action !== 'duplicate');
    if (action === 'duplicate') {
      this.#duplicate(i);
      void this.#withRow(i + 1, (row) => (row.querySelector('.menu-button') as HTMLElement | null)?.focus());
    } else if (action === 'up') this.#move(i, i - 1, '.menu-button');
    else if (action === 'down') this.#move(i, i + 1, '.menu-button');
    else this.#remove(i);
  };

  #renderMenu(): TemplateResult {
    const i = this.menuFor;
    const n = this.#indices.length;
    const max = typeof this.schema.maxItems === 'number' ? this.schema.maxItems : Infinity;
    const item = (action: RowAction, label: string, glyph: IconNode, disabled: boolean) =>
      html`<button type="button" role="menuitem" tabindex="-1" part="row-menu-item" data-action=${action} aria-disabled=${disabled ? 'true' : 'false'}
        class=${action === 'remove' ? 'danger' : ''}>${icon(glyph)}<span>${label}</span></button>`;
    return html`<div class="menu" part="row-menu" id="${this.uid}-menu" role="menu" popover="manual" ?data-open=${i !== undefined}
      aria-label=${i === undefined ? nothing : t(this.locale, 'itemActions', { n: i + 1 })} @keydown=${this.#onMenuKey} @click=${this.#onMenuClick}>
      ${
        i === undefined
          ? nothing
          : html`${item('duplicate', t(this.locale, 'duplicate'), duplicateIcon, n >= max)}
          ${item('up', t(this.locale, 'moveUp'), moveUpIcon, i === 0)}
          ${item('down', t(this.locale, 'moveDown'), moveDownIcon, i === n - 1)}
          ${item('remove', t(this.locale, 'remove'), removeIcon, false)}`
      }
    </div>`;
  }

  #renderItem = (i: number): TemplateResult => {
    const c = this.controller!;
    const node = c.node(joinPointer(this.path, String(i)));
    const n = this.#indices.length;
    return html`<li part="item" data-index=${i} class=${this.#dropClass(i)}
      aria-posinset=${this.#virtual ? i + 1 : nothing} aria-setsize=${this.#virtual ? n : nothing}
      @dragover=${(e: DragEvent) => this.#onDragOver(e, i)} @drop=${(e: DragEvent) => this.#onDrop(e, i)}>
      ${this.#locked ? nothing : html`<div class="row-head" part="row-head"><span class="row-label" aria-hidden="true">${node ? c.label(node) : i + 1}</span>${this.#renderTools(i)}</div>`}
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
    return html`<tr part="row" data-index=${i} class=${this.#dropClass(i)} aria-rowindex=${this.#virtual ? i + 2 : nothing}
      @dragover=${(e: DragEvent) => this.#onDragOver(e, i)} @drop=${(e: DragEvent) => this.#onDrop(e, i)}>
      ${columns.map((col) => {
        const node = c.node(joinPointer(row, col.key));
        return html`<td>${node ? renderWidget(c, node, this.level + 2, { disabled: this.disabled }) : nothing}</td>`;
      })}
      ${this.#locked ? nothing : html`<td class="actions">${this.#renderTools(i)}</td>`}
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
      ${
        this.#virtual
          ? html`<tbody class="virtual">${virtualize({ items: this.#indices, keyFunction: (i: number) => i, renderItem: row, scroller: true })}<tr virtualizer-sizer aria-hidden="true"></tr></tbody>`
          : html`<tbody>${repeat(this.#indices, (i) => i, row)}</tbody>`
      }
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
      ${n === 0 ? emptyState(t(this.locale, 'empty')) : this.layout === 'table' ? this.#renderTable(c) : this.#renderList()}
      <span id="${this.uid}-move-hint" hidden>${t(this.locale, 'moveHint')}</span>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      <div role="status" aria-live="polite">
        ${
          this.removed
            ? html`${t(this.locale, 'itemRemoved', { n: this.removed.index + 1 })}
              <button type="button" class="undo" @click=${this.#undo}>${t(this.locale, 'undo')}</button>`
            : nothing
        }
      </div>
      ${locked ? nothing : html`<button type="button" class="add" part="add-button" ?disabled=${n >= max} @click=${this.#add}>${icon(addIcon)}${t(this.locale, 'add')}</button>`}
      ${locked ? nothing : this.#renderMenu()}
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
