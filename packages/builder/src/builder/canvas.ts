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
import { addAtSelection, deleteNode, moveSelected, moveTo, nodeName, sectionOf } from './actions.js';
import { fieldLook, fieldBadges } from './field-look.js';
import { BuilderPart } from './part.js';
import type { PaletteDragData } from './palette.js';

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
 * @summary The card as it will look: sections as tabs, groups and fields in order. Click selects;
 * drag (pragmatic-drag-and-drop) or Alt+ArrowUp/Down moves; Delete deletes (Ctrl+Z brings it back);
 * a double click on a field's or group's title, or F2, edits the title in place (Enter keeps it,
 * Escape leaves it as it was).
 */
export class KcBuilderCanvas extends BuilderPart {
  #cleanup?: () => void;
  #focusAfter?: string;
  /** The node (`field:id` / `group:id`) whose title is being edited in place. */
  #editing?: string;

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
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || (ref.kind === 'section' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')))) {
      e.preventDefault();
      this.#focusAfter = refKey(ref);
      moveSelected(store, ref, e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.key === 'Delete' && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      deleteNode(store, ref);
    } else if ((e.key === 'Enter' || e.key === ' ') && !e.altKey) {
      e.preventDefault();
      this.#select(ref);
    } else if (e.key === 'F2' && ref.kind !== 'section') {
      e.preventDefault();
      this.#editTitle(ref);
    }
  }

  #editTitle(ref: NodeRef): void {
    this.#select(ref);
    this.#editing = refKey(ref);
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const input = this.querySelector<HTMLInputElement>('input[name="inline-title"]');
      input?.focus();
      input?.select();
    });
  }

  /** Ends in-place editing: keeps the typed title (`keep`) or not, and gives focus back to the node. */
  #endEdit(ref: NodeRef, input: HTMLInputElement, keep: boolean): void {
    if (this.#editing !== refKey(ref)) return;
    this.#editing = undefined;
    const store = this.store!;
    const title = input.value.trim();
    if (keep && title !== titleOf(store.doc, ref, this.locale)) {
      store.edit((d) => setTitle(d, ref, this.locale, title, store.context));
      store.seal();
    }
    this.#focusAfter = refKey(ref);
    this.requestUpdate();
  }

  #titleInput(ref: NodeRef): TemplateResult {
    const keys = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      this.#endEdit(ref, e.target as HTMLInputElement, e.key === 'Enter');
    };
    return html`<input
      class="kcb-inline-title"
      name="inline-title"
      aria-label=${this.t('titleIn', { lang: this.locale.toUpperCase() })}
      .value=${titleOf(this.store!.doc, ref, this.locale)}
      @keydown=${keys}
      @blur=${(e: FocusEvent) => this.#endEdit(ref, e.target as HTMLInputElement, true)}
      @click=${(e: Event) => e.stopPropagation()}
    />`;
  }

  #onDblclick(e: MouseEvent): void {
    const label = (e.target as HTMLElement).closest('.kcb-label');
    const ref = parseRef(label?.closest<HTMLElement>('[data-ref]')?.dataset.ref);
    if (!ref || ref.kind === 'section') return;
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
    return html`<section class="kcb-panel" aria-labelledby="${this.uid}-h" @keydown=${this.#onKeydown} @click=${this.#onClick} @dblclick=${this.#onDblclick}>
      <h2 id="${this.uid}-h">${this.t('canvas')}</h2>
      <div class="kcb-tabs">
      ${sections.length ? html`<div role="tablist" aria-label=${this.t('canvas')}>
        ${sections.map(
          (s) => html`<button
            type="button"
            role="tab"
            id="${this.uid}-tab-${s.id}"
            aria-selected=${s.id === active ? 'true' : 'false'}
            aria-controls="${this.uid}-panel"
            class=${sel === `section:${s.id}` ? 'kcb-selected' : ''}
            data-ref="section:${s.id}"
            data-select="section:${s.id}"
            data-container="section:${s.id}"
            title="Alt+←/→"
          >
            ${nodeName(doc, s, this.locale)}
          </button>`,
        )}
        </div>` : ''}
        <button type="button" @click=${() => addAtSelection(store, 'section')}>+ ${this.t('addSection')}</button>
      </div>
      ${current
        ? html`<div role="tabpanel" id="${this.uid}-panel" aria-labelledby="${this.uid}-tab-${current.id}">
            ${this.#items(current.items, { kind: 'section', id: current.id }, current.section.columns ?? doc.layout.columns)}
          </div>`
        : html`<p class="kcb-empty">${this.t('emptyCard')}</p>`}
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
      data-ref=${refKey(ref)}
      data-select=${refKey(ref)}
    >
      <div class="kcb-label">${this.#editing === refKey(ref) ? this.#titleInput(ref) : name}</div>
      ${this.#items(g.items, ref, g.group.columns)}
    </div>`;
  }

  #field(f: OutlineField): TemplateResult {
    const store = this.store!;
    const doc = store.doc;
    const ref: NodeRef = { kind: 'field', id: f.id };
    const selected = store.selection?.kind === 'field' && store.selection.id === f.id;
    const name = nodeName(doc, ref, this.locale);
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
      data-ref=${refKey(ref)}
      data-select=${refKey(ref)}
    >
      <div class="kcb-label">
        ${editing ? this.#titleInput(ref) : html`<span>${name}</span>`}${required ? html`<span class="kcb-req" aria-hidden="true">*</span>` : nothing}
        <span class="kcb-key">${f.field.key} · ${type}</span>
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
