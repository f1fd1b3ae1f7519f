import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { localize } from '@kartochka/core';
import { draggable, dropTargetForElements, monitorForElements } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import {
  fieldTypeInfo,
  isRequired,
  outline,
  setTitle,
  titleOf,
  type NodeRef,
  type OutlineField,
  type OutlineItem,
  type Target,
} from '../model/index.js';
import { addAtSelection, deleteNode, moveSelected, moveTo, nodeName, nodeTitle, sectionOf } from './actions.js';
import { fieldLook, fieldBadges } from './field-look.js';
import { BuilderPart } from './part.js';
import type { PaletteDragData } from './palette.js';
import { typeIcon } from './type-icons.js';

const refKey = (r: NodeRef) => `${r.kind}:${r.id}`;
const parseRef = (k: string | undefined): NodeRef | undefined => {
  if (!k) return undefined;
  const i = k.indexOf(':');
  return { kind: k.slice(0, i) as NodeRef['kind'], id: k.slice(i + 1) };
};

interface NodeDragData {
  readonly kcb: 'node';
  readonly ref: string;
  [key: string]: unknown;
}

/**
 * @summary The card as it will look, in the admin's words: sections as tabs, groups and fields in
 * order, each field with its title and its type (icon and name; the data key only when it has no
 * title). Click selects; drag (pragmatic-drag-and-drop) or Alt+ArrowUp/Down moves; Delete deletes
 * (Ctrl+Z brings it back). A double click on a title, F2, or Enter on the selected item edits a
 * field's, group's or section's title in place: Enter keeps it (one undo step), Escape leaves it as
 * it was, an empty title is refused with a message.
 */
export class KcBuilderCanvas extends BuilderPart {
  #cleanup?: () => void;
  #focusAfter?: string;
  /** The node (`field:id` / `group:id` / `section:id`) whose title is being edited in place. */
  #editing?: string;
  /** Why the typed title was refused (empty), shown under the box until it is fixed or left. */
  #titleError = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.#monitor = monitorForElements({
      canMonitor: ({ source }) => source.data.kcb === 'palette' || source.data.kcb === 'node',
      onDrop: ({ source, location }) => {
        this.#clearIndicators();
        const target = location.current.dropTargets[0];
        if (target) this.#drop(source.data as PaletteDragData | NodeDragData, target.data, target.element);
      },
    });
  }
  #monitor?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cleanup?.();
    this.#monitor?.();
  }

  get #active(): string | undefined {
    const store = this.store;
    if (!store) return undefined;
    const doc = store.doc;
    const fromSel = sectionOf(doc, store.selection);
    if (fromSel) store.activeSection = fromSel;
    if (!store.activeSection || !doc.layout.items.some((s) => s.id === store.activeSection)) store.activeSection = doc.layout.items[0]?.id;
    return store.activeSection;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#registerDnd();
    if (this.#focusAfter) {
      this.querySelector<HTMLElement>(`[data-ref="${CSS.escape(this.#focusAfter)}"]`)?.focus();
      this.#focusAfter = undefined;
    }
  }

  #registerDnd(): void {
    this.#cleanup?.();
    const parts: (() => void)[] = [];
    for (const el of this.querySelectorAll<HTMLElement>('[data-ref].kcb-node')) {
      parts.push(draggable({ element: el, getInitialData: (): NodeDragData => ({ kcb: 'node', ref: el.dataset.ref! }) }));
      parts.push(
        dropTargetForElements({
          element: el,
          canDrop: ({ source }) => !(source.data.kcb === 'node' && this.#inside(el, source.data.ref as string)),
          getData: ({ input }) => {
            const r = el.getBoundingClientRect();
            return { kcb: 'before-after', ref: el.dataset.ref!, edge: input.clientY < r.top + r.height / 2 ? 'before' : 'after' };
          },
          onDrag: ({ self, location }) => {
            if (location.current.dropTargets[0]?.element !== el) return;
            this.#indicate(el, self.data.edge === 'before' ? 'kcb-drop-before' : 'kcb-drop-after');
          },
          onDragLeave: () => el.classList.remove('kcb-drop-before', 'kcb-drop-after'),
        }),
      );
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-container]')) {
      parts.push(
        dropTargetForElements({
          element: el,
          canDrop: ({ source }) => !(source.data.kcb === 'node' && this.#inside(el, source.data.ref as string)),
          getData: () => ({ kcb: 'into', container: el.dataset.container! }),
          onDrag: ({ location }) => {
            if (location.current.dropTargets[0]?.element === el) this.#indicate(el, 'kcb-drop-into');
          },
          onDragLeave: () => el.classList.remove('kcb-drop-into'),
        }),
      );
    }
    this.#cleanup = combine(...parts);
  }

  /** True when `el` is the dragged node or inside it. */
  #inside(el: HTMLElement, ref: string): boolean {
    const src = this.querySelector(`[data-ref="${CSS.escape(ref)}"]`);
    return !!src && src.contains(el);
  }

  #indicate(el: HTMLElement, cls: string): void {
    this.#clearIndicators(el);
    el.classList.remove('kcb-drop-before', 'kcb-drop-after');
    el.classList.add(cls);
  }

  #clearIndicators(except?: HTMLElement): void {
    for (const e of this.querySelectorAll('.kcb-drop-before, .kcb-drop-after, .kcb-drop-into')) {
      if (e !== except) e.classList.remove('kcb-drop-before', 'kcb-drop-after', 'kcb-drop-into');
    }
  }

  #drop(source: PaletteDragData | NodeDragData, data: Record<string | symbol, unknown>, element: Element): void {
    const store = this.store;
    if (!store) return;
    let target: Target | undefined;
    if (data.kcb === 'into') {
      target = { container: parseRef(data.container as string)! };
    } else if (data.kcb === 'before-after') {
      const list = element.parentElement?.closest<HTMLElement>('[data-container]');
      const container = parseRef(list?.dataset.container);
      if (!list || !container) return;
      const siblings = [...list.children].filter((c) => (c as HTMLElement).dataset.ref);
      let index = siblings.indexOf(element) + (data.edge === 'after' ? 1 : 0);
      if (source.kcb === 'node') {
        const from = siblings.findIndex((c) => (c as HTMLElement).dataset.ref === source.ref);
        if (from >= 0 && from < index) index -= 1;
      }
      target = { container, index };
    }
    if (!target) return;
    if (source.kcb === 'palette') {
      addAtSelection(store, source.what, this.#active, source.what === 'section' ? undefined : target);
      return;
    }
    const ref = parseRef(source.ref)!;
    if (ref.kind === 'section') return;
    moveTo(store, ref, target);
  }

  #onKeydown(e: KeyboardEvent): void {
    const store = this.store;
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-ref]');
    const ref = parseRef(el?.dataset.ref);
    if (!store || !ref || e.target !== el) return;
    if (
      e.altKey &&
      (e.key === 'ArrowUp' || e.key === 'ArrowDown' || (ref.kind === 'section' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')))
    ) {
      e.preventDefault();
      this.#focusAfter = refKey(ref);
      moveSelected(store, ref, e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.key === 'Delete' && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      deleteNode(store, ref);
    } else if (e.key === 'Enter' && !e.altKey && store.selection && refKey(store.selection) === refKey(ref)) {
      // Enter on the selected item renames it (as in a file manager); on another item it selects.
      e.preventDefault();
      this.#editTitle(ref);
    } else if ((e.key === 'Enter' || e.key === ' ') && !e.altKey) {
      e.preventDefault();
      this.#select(ref);
    } else if (e.key === 'F2') {
      e.preventDefault();
      this.#editTitle(ref);
    }
  }

  #editTitle(ref: NodeRef): void {
    this.#select(ref);
    this.#editing = refKey(ref);
    this.#titleError = '';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const input = this.querySelector<HTMLInputElement>('input[name="inline-title"]');
      input?.focus();
      input?.select();
    });
  }

  /**
   * Ends in-place editing: keeps the typed title (`keep`, one undo step) or not, and gives focus back
   * to the node. An empty title is refused: Enter keeps the box open with the reason, leaving the box
   * (blur) leaves the title as it was.
   */
  #endEdit(ref: NodeRef, input: HTMLInputElement, keep: 'enter' | 'blur' | false): void {
    if (this.#editing !== refKey(ref)) return;
    const store = this.store!;
    const title = input.value.trim();
    if (keep && !title) {
      if (keep === 'enter') {
        this.#titleError = this.t('titleEmpty');
        this.requestUpdate();
        return;
      }
      keep = false;
    }
    this.#editing = undefined;
    this.#titleError = '';
    let now = ref;
    if (keep && title !== titleOf(store.doc, ref, this.locale)) {
      const index = ref.kind === 'section' ? store.doc.layout.items.findIndex((x) => x.id === ref.id) : -1;
      store.seal();
      store.edit((d) => setTitle(d, ref, this.locale, title, store.context), { announce: this.t('renamed', { name: title }) });
      store.seal();
      // A section's id follows its title until published: find it again by its place.
      const id = index >= 0 ? store.doc.layout.items[index]?.id : undefined;
      if (id && id !== ref.id) {
        now = { kind: 'section', id };
        store.activeSection = id;
        store.select(now);
      }
    }
    this.#focusAfter = refKey(now);
    this.requestUpdate();
  }

  /** The in-place title box; `id` lets a section's tab panel keep its label while the tab is a box. */
  #titleInput(ref: NodeRef, id?: string): TemplateResult {
    const keys = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.#endEdit(ref, e.target as HTMLInputElement, e.key === 'Enter' ? 'enter' : false);
    };
    const error = `${this.uid}-title-error`;
    return html`<input
      class="kcb-inline-title"
      name="inline-title"
      id=${id ?? nothing}
      aria-label=${this.t('titleIn', { lang: this.locale.toUpperCase() })}
      aria-invalid=${this.#titleError ? 'true' : 'false'}
      aria-describedby=${this.#titleError ? error : nothing}
      .value=${titleOf(this.store!.doc, ref, this.locale)}
      @keydown=${keys}
      @input=${() => {
        if (this.#titleError) {
          this.#titleError = '';
          this.requestUpdate();
        }
      }}
      @blur=${(e: FocusEvent) => this.#endEdit(ref, e.target as HTMLInputElement, 'blur')}
      @click=${(e: Event) => e.stopPropagation()}
    />${this.#titleError ? html`<span class="kcb-error kcb-title-error" id=${error} role="alert">${this.#titleError}</span>` : nothing}`;
  }

  #onDblclick(e: MouseEvent): void {
    const target = e.target as HTMLElement;
    if (target.closest('input')) return;
    const label = target.closest('.kcb-label, [role=tab]');
    const ref = parseRef(label?.closest<HTMLElement>('[data-ref]')?.dataset.ref);
    if (!ref) return;
    e.preventDefault();
    this.#editTitle(ref);
  }

  #select(ref: NodeRef): void {
    const store = this.store!;
    if (ref.kind === 'section') store.activeSection = ref.id;
    store.select(ref, this.t('selected', { name: nodeName(store.doc, ref, this.locale) }));
  }

  #onClick(e: Event): void {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-select]');
    const ref = parseRef(el?.dataset.select);
    if (ref) this.#select(ref);
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const doc = store.doc;
    const sections = outline(doc);
    const active = this.#active;
    const current = sections.find((s) => s.id === active);
    const sel = store.selection && refKey(store.selection);
    // While a tab's title is a text box the strip is plain buttons: a tab can't hold a text box.
    const renaming = sections.find((s) => this.#editing === `section:${s.id}`);
    const tab = renaming ? nothing : 'tab';
    return html`<section class="kcb-panel" aria-labelledby="${this.uid}-h" @keydown=${this.#onKeydown} @click=${this.#onClick} @dblclick=${this.#onDblclick}>
      <h2 id="${this.uid}-h">${this.t('canvas')}</h2>
      <p class="kcb-hint">${this.t('canvasHint')}</p>
      <div class="kcb-tabs">
      ${
        sections.length
          ? html`<div class="kcb-tablist" role=${renaming ? nothing : 'tablist'} aria-label=${renaming ? nothing : this.t('canvas')}>
        ${sections.map((s) =>
          s === renaming
            ? html`<span class="kcb-tab-edit" data-ref="section:${s.id}">${this.#titleInput({ kind: 'section', id: s.id }, `${this.uid}-tab-${s.id}`)}</span>`
            : html`<button
            type="button"
            role=${tab}
            id="${this.uid}-tab-${s.id}"
            aria-selected=${renaming ? nothing : s.id === active ? 'true' : 'false'}
            aria-controls=${renaming ? nothing : `${this.uid}-panel`}
            aria-keyshortcuts="F2"
            class=${sel === `section:${s.id}` ? 'kcb-selected' : ''}
            data-ref="section:${s.id}"
            data-select="section:${s.id}"
            data-container="section:${s.id}"
            title="Alt+←/→, F2"
          >
            ${typeIcon('section')}<span>${nodeName(doc, s, this.locale)}</span>
          </button>`,
        )}
        </div>`
          : ''
      }
        <button type="button" @click=${() => addAtSelection(store, 'section')}>+ ${this.t('addSection')}</button>
      </div>
      ${
        current
          ? html`<div role=${renaming ? 'region' : 'tabpanel'} id="${this.uid}-panel" aria-labelledby="${this.uid}-tab-${current.id}">
            ${this.#items(current.items, { kind: 'section', id: current.id }, current.section.columns ?? doc.layout.columns)}
          </div>`
          : html`<p class="kcb-empty">${this.t('emptyCard')}</p>`
      }
    </section>`;
  }

  #items(items: readonly OutlineItem[], container: NodeRef, columns?: number): TemplateResult {
    return html`<div class="kcb-items ${columns && columns > 1 ? `kcb-cols-${Math.min(columns, 3)}` : ''}" data-container=${refKey(container)}>
      ${items.length ? items.map((it) => (it.kind === 'group' ? this.#group(it) : this.#field(it))) : html`<p class="kcb-empty">${this.t('emptySection')}</p>`}
    </div>`;
  }

  #group(g: Extract<OutlineItem, { kind: 'group' }>): TemplateResult {
    const store = this.store!;
    const ref: NodeRef = { kind: 'group', id: g.id };
    const selected = store.selection?.kind === 'group' && store.selection.id === g.id;
    const name = nodeName(store.doc, ref, this.locale);
    return html`<div
      class="kcb-node kcb-group ${selected ? 'kcb-selected' : ''}"
      role="group"
      tabindex="0"
      aria-label="${this.t('group')}: ${name}"
      aria-current=${selected ? 'true' : 'false'}
      aria-keyshortcuts="F2"
      data-ref=${refKey(ref)}
      data-select=${refKey(ref)}
    >
      <div class="kcb-label">${typeIcon('group')}${this.#editing === refKey(ref) ? this.#titleInput(ref) : html`<span class="kcb-title">${name}</span>`}</div>
      ${this.#items(g.items, ref, g.group.columns)}
    </div>`;
  }

  #field(f: OutlineField): TemplateResult {
    const store = this.store!;
    const doc = store.doc;
    const ref: NodeRef = { kind: 'field', id: f.id };
    const selected = store.selection?.kind === 'field' && store.selection.id === f.id;
    const name = nodeName(doc, ref, this.locale);
    const titled = !!nodeTitle(doc, ref, this.locale);
    const type = localize(fieldTypeInfo(f.field.type).label, this.locale);
    const required = isRequired(doc, f.id);
    const container = f.field.type === 'repeating' || f.field.type === 'object';
    const editing = this.#editing === refKey(ref);
    return html`<div
      class="kcb-node ${selected ? 'kcb-selected' : ''}"
      role=${container || editing ? 'group' : 'button'}
      aria-label=${editing ? name : nothing}
      tabindex="0"
      aria-current=${selected ? 'true' : 'false'}
      aria-keyshortcuts="F2"
      data-ref=${refKey(ref)}
      data-select=${refKey(ref)}
    >
      <div class="kcb-label">
        ${
          editing
            ? this.#titleInput(ref)
            : html`<span class="kcb-title ${titled ? '' : 'kcb-untitled'}">${titled ? name : this.t('noTitle')}</span>`
        }${required ? html`<span class="kcb-req" aria-hidden="true">*</span>` : nothing}
        <span class="kcb-type">${typeIcon(f.field.type)}${type}</span>
        ${titled ? nothing : html`<span class="kcb-key" title=${this.t('key')}>${f.field.key}</span>`}
      </div>
      ${container ? this.#items(f.children, ref) : fieldLook(doc, f.field, this.locale)} ${fieldBadges(doc, f.field, this.locale)}
    </div>`;
  }
}

if (!customElements.get('kc-builder-canvas')) customElements.define('kc-builder-canvas', KcBuilderCanvas);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-canvas': KcBuilderCanvas;
  }
}
