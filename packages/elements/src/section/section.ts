import { LitElement, html, css, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { localize, type FieldNode, type FormController, type JsonValue, type ResolvedItem, type ResolvedSection } from '@kartochka/core';
import { escapeToken, getAt, isWithin, parentPointer } from '@kartochka/core/internal';
import { buttonStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { widgetElement } from './render-widget.js';
import { keyedElements, type ElementsOf } from './keyed-elements.js';
import { isMoneyNode } from '../internal/widget-utils.js';
import { KcSaveEvent } from '../events/events.js';

export type CardMode = 'edit' | 'view' | 'blank';

export type { KcSaveDetail } from '../events/events.js';

/**
 * @summary The fields of one layout section on a grid (`columns`, `span`), with titled groups.
 * In `view` mode it shows values as text and offers **Edit**, which turns just this section into
 * inputs with **Save** (validates the section, fires `kc-save`) and **Cancel** (restores its values).
 * @event kc-save - After a successful Save; `detail: {value, section}`.
 * @csspart grid - A grid of fields.
 * @csspart group - A titled group.
 * @csspart group-title - A group's title.
 * @csspart section-tools - The Edit/Save/Cancel bar.
 * @csspart section-description - The section's description from the layout, above its fields.
 */
export class KcSection extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      /* Sections off screen skip layout and paint until scrolled near (they stay in the DOM and the
         accessibility tree): a long card's first frame and every later frame cost what is visible. */
      :host { display: block; content-visibility: auto; contain-intrinsic-size: auto 600px; }
      @media print { :host { content-visibility: visible; } }
      .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(max(min(100%, var(--kc-field-min-width, 11rem)), calc((100% - (var(--kc-columns, 1) - 1) * var(--_gap)) / var(--kc-columns, 1))), 1fr)); --_gap: calc(var(--_space) * 2); column-gap: var(--_gap); }
      .grid > * { min-width: 0; }
      /* At most \`columns\` columns, each at least --kc-field-min-width: a narrow group wraps its fields
         instead of crushing them (850 000 000 read "850 0" in a third of a half-width group). */
      :host { container-type: inline-size; }
      @container (max-width: 36rem) { .grid > * { grid-column: auto !important; } }
      .group { border: 1px solid var(--kc-color-border-subtle, #d5d9e2); border-radius: var(--_radius); padding: var(--_space) calc(var(--_space) * 2) 0; margin: 0 0 calc(var(--_space) * 1.5); min-width: 0; }
      .group-title { font-weight: 700; padding: 0 calc(var(--_space) / 2); }
      div.group > .group-title { margin-block-end: var(--_space); }
      .description { margin: 0 0 calc(var(--_space) * 1.5); color: var(--kc-color-text-muted, #5b6270); }
      .tools { display: flex; gap: var(--_space); justify-content: flex-end; margin-block-end: var(--_space); }
      @media (max-width: 40rem) { .grid { grid-template-columns: minmax(0, 1fr); } .grid > * { grid-column: auto !important; } }
      @media print { .tools { display: none; } .group { break-inside: avoid; } }
    `,
  ];

  @property({ attribute: false }) controller?: FormController;
  @property({ attribute: false }) section?: ResolvedSection;
  /** How the card shows this section. */
  @property({ reflect: true }) mode: CardMode = 'edit';
  @property({ type: Boolean }) disabled = false;
  /** Whether the view mode offers Edit (not when the card is read-only or disabled). */
  @property({ type: Boolean }) editable = true;
  /** The card's language: set by the card so the section's own texts follow a runtime switch. */
  @property({ attribute: false }) locale = '';
  /** The section's title, for the Edit button's accessible name. */
  @property() heading = '';
  /** In view mode: this section is being edited inline. */
  @state() editing = false;

  #snapshot: { pointer: string; value: JsonValue | undefined }[] = [];
  #before: JsonValue | undefined;
  #offStructure: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const off of this.#offStructure) off();
    this.#offStructure = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('controller') || changed.has('section')) && this.isConnected) this.#subscribe();
    if (changed.has('mode') && this.mode !== 'view') this.editing = false;
  }

  /** A field the layout places may come and go with the data (a conditional): follow its parent's structure. */
  #subscribe(): void {
    for (const off of this.#offStructure) off();
    this.#offStructure = [];
    const c = this.controller;
    if (!c || !this.section) return;
    const parents = new Set(this.section.pointers.map((p) => parentPointer(p) ?? ''));
    for (const p of parents) this.#offStructure.push(c.subscribeStructure(p, () => this.requestUpdate()));
  }

  /** The mode the fields are shown in right now. */
  get effectiveMode(): CardMode {
    return this.mode === 'view' && this.editing ? 'edit' : this.mode;
  }

  /** Switches this section (in view mode) to inline editing, remembering its values for Cancel. */
  edit(): void {
    const c = this.controller;
    if (!c || !this.section || this.editing) return;
    this.#before = c.value;
    this.#snapshot = this.section.pointers.map((pointer) => ({ pointer, value: c.getValue(pointer) }));
    this.editing = true;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('[path]') as HTMLElement | null)?.focus());
  }

  /** Validates this section; when valid fires `kc-save` and returns to view. Returns validity. */
  save(): boolean {
    const c = this.controller;
    if (!c || !this.section) return false;
    const r = c.validateWithin(this.section.pointers);
    if (!r.valid) {
      void this.updateComplete.then(() => this.focusField(r.errors[0].path));
      return false;
    }
    this.editing = false;
    this.dispatchEvent(new KcSaveEvent({ value: c.value, section: this.section.id }));
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.tools button') as HTMLElement | null)?.focus());
    return true;
  }

  /** Puts this section's values back exactly as they were when Edit was pressed (key order too), and returns to view. */
  cancel(): void {
    const c = this.controller;
    if (!c || !this.section) return;
    const mine = this.#snapshot.map((x) => x.pointer);
    const tops = new Set(mine.map((p) => '/' + p.split('/')[1]));
    for (const top of tops) c.setValue(top, restore(top, c.getValue(top), getAt(this.#before, top), mine));
    this.#snapshot = [];
    this.editing = false;
    void this.updateComplete.then(() => (this.renderRoot.querySelector('.tools button') as HTMLElement | null)?.focus());
  }

  /** Focuses the widget of `pointer` (or the first one inside it) in this section. */
  focusField(pointer: string): boolean {
    const el = findIn(this.renderRoot, pointer);
    el?.focus();
    return !!el;
  }

  override render() {
    const c = this.controller;
    const s = this.section;
    if (!c || !s) return nothing;
    const mode = this.effectiveMode;
    const tools =
      this.mode === 'view' && this.editable
        ? html`<div class="tools" part="section-tools">
            ${
              this.editing
                ? html`<button type="button" class="primary" @click=${() => this.save()}>${t(c.locale, 'save')}</button>
                  <button type="button" @click=${() => this.cancel()}>${t(c.locale, 'cancel')}</button>`
                : html`<button type="button" aria-label=${t(c.locale, 'editSection', { title: this.heading })} @click=${() => this.edit()}>${t(c.locale, 'edit')}</button>`
            }
          </div>`
        : nothing;
    const description = s.description === undefined ? '' : (localize(s.description, c.locale) ?? '');
    return html`${tools}${description ? html`<p class="description" part="section-description">${description}</p>` : nothing}${this.#grid(c, s.items, s.columns, mode, 1)}`;
  }

  #grid(c: FormController, items: readonly ResolvedItem[], columns: number, mode: CardMode, level: number): TemplateResult {
    const style = styleMap({ '--kc-columns': String(columns) });
    // Editing, every item is one element (a widget, or a group's fieldset): no part per field.
    if (mode === 'edit')
      return html`<div class="grid" part="grid" style=${style} ${keyedElements(items, this.#editItems(c, level))}></div>`;
    return html`<div class="grid" part="grid" style=${style}>
      ${repeat(
        items,
        (item) => (item.type === 'field' ? item.pointer : `#${item.id}`),
        (item) => (item.type === 'field' ? this.#field(c, item.pointer, item.span, mode, level) : this.#group(c, item, mode, level)),
      )}
    </div>`;
  }

  /** The elements of an edited grid: a field's widget (none while its data lacks it), a group's fieldset. */
  #editItems(c: FormController, level: number): ElementsOf<ResolvedItem> {
    return {
      key: (item) => (item.type === 'field' ? item.pointer : `#${item.id}`),
      element: (item, previous) => {
        if (item.type === 'group') return this.#editGroup(c, item, level, previous);
        const node = c.node(item.pointer);
        return node && widgetElement(c, node, level, { disabled: this.disabled, span: item.span }, previous);
      },
    };
  }

  /** An edited group: a fieldset with its legend and its own grid, rendered into the kept element. */
  #editGroup(c: FormController, g: Extract<ResolvedItem, { type: 'group' }>, level: number, previous: Element | undefined): Element {
    let el = previous as HTMLFieldSetElement | undefined;
    if (!el) {
      el = document.createElement('fieldset');
      el.className = 'group';
      el.setAttribute('part', 'group');
    }
    const span = g.span > 1 ? `span ${g.span}` : '';
    if (el.style.gridColumn !== span) el.style.gridColumn = span;
    const title = this.#groupTitle(c, g);
    render(
      html`${title ? html`<legend class="group-title" part="group-title">${title}</legend>` : nothing}${this.#grid(c, g.items, g.columns, 'edit', level + 1)}`,
      el,
      { host: this },
    );
    return el;
  }

  #groupTitle(c: FormController, g: Extract<ResolvedItem, { type: 'group' }>): string {
    if (g.title === undefined) return '';
    return typeof g.title === 'string' ? g.title : (g.title[c.locale] ?? g.title.en ?? Object.values(g.title)[0] ?? '');
  }

  /** View and blank modes: a group is a titled `role=group` block. */
  #group(c: FormController, g: Extract<ResolvedItem, { type: 'group' }>, mode: 'view' | 'blank', level: number): TemplateResult {
    const title = this.#groupTitle(c, g);
    const span = g.span > 1 ? styleMap({ gridColumn: `span ${g.span}` }) : '';
    const inner = this.#grid(c, g.items, g.columns, mode, level + 1);
    const id = `g-${g.id}`;
    return html`<div class="group" part="group" role="group" aria-labelledby=${title ? id : nothing} style=${span}>
      ${title ? html`<div class="group-title" part="group-title" id=${id}>${title}</div>` : nothing}${inner}
    </div>`;
  }

  #field(c: FormController, pointer: string, span: number, mode: 'view' | 'blank', level: number): unknown {
    const node = c.node(pointer);
    if (!node) return nothing;
    return this.#view(c, node, span, mode, level);
  }

  /** View and blank modes: one kc-field-view per leaf; objects become titled groups. */
  #view(c: FormController, node: FieldNode, span: number, mode: 'view' | 'blank', level: number): TemplateResult {
    const style = span > 1 ? styleMap({ gridColumn: `span ${span}` }) : '';
    // A file is one value in view mode (its name as a link, its size: view/format.ts), not a group of its parts.
    const file = mode === 'view' && node.widget === 'kc-file-field';
    if (node.kind === 'object' && !isMoneyNode(node) && !node.branches && !file) {
      const id = `v-${node.pointer.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}`)}`;
      return html`<div class="group" part="group" role="group" aria-labelledby=${id} style=${style} path-group=${node.pointer}>
        <div class="group-title" part="group-title" id=${id}>${c.label(node)}</div>
        <div class="grid" part="grid">${c.children(node.pointer).map((ch) => this.#view(c, ch, 1, mode, level + 1))}</div>
      </div>`;
    }
    return html`<kc-field-view .controller=${c} path=${node.pointer} mode=${mode} style=${style}></kc-field-view>`;
  }
}

function isEmptyContainer(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

const isPlainObject = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value at `path` with the section's places (`mine`) taken from `before` and everything else
 * (other sections' edits, keys no schema describes) from `now`; keys keep `before`'s order.
 */
function restore(path: string, now: JsonValue | undefined, before: JsonValue | undefined, mine: readonly string[]): JsonValue | undefined {
  if (mine.some((p) => isWithin(path, p))) return before === undefined ? undefined : structuredClone(before);
  if (!mine.some((p) => isWithin(p, path))) return now;
  if (!isPlainObject(now) && !isPlainObject(before)) return before;
  const a = isPlainObject(before) ? before : {};
  const b = isPlainObject(now) ? now : {};
  const out: Record<string, JsonValue> = {};
  for (const k of [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.prototype.hasOwnProperty.call(a, k))]) {
    const v = restore(
      `${path}/${escapeToken(k)}`,
      Object.prototype.hasOwnProperty.call(b, k) ? b[k] : undefined,
      Object.prototype.hasOwnProperty.call(a, k) ? a[k] : undefined,
      mine,
    );
    if (v !== undefined) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return before === undefined && isEmptyContainer(out) ? undefined : out;
}

/** The widget for `pointer` (or the first below it), through nested shadow roots. */
export function findIn(root: ParentNode, pointer: string): HTMLElement | undefined {
  for (const el of root.querySelectorAll('[path]')) {
    const p = el.getAttribute('path')!;
    if (p === pointer) return el as HTMLElement;
  }
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = findIn(el.shadowRoot, pointer);
      if (found) return found;
    }
  }
  // Not rendered as its own widget (inside a group view): the closest enclosing one.
  const parent = parentPointer(pointer);
  return parent !== undefined && parent !== '' && root instanceof ShadowRoot && root.host.localName === 'kc-section'
    ? findIn(root, parent)
    : undefined;
}

/** True when `path` belongs to one of a section's placed pointers. */
export function inSection(section: ResolvedSection, path: string): boolean {
  return section.pointers.some((p) => isWithin(path, p));
}

defineSection();
function defineSection() {
  if (!customElements.get('kc-section')) customElements.define('kc-section', KcSection);
}

declare global {
  interface HTMLElementTagNameMap {
    'kc-section': KcSection;
  }
}
