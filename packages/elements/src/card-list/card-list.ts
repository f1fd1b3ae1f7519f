import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JsonSchema, JsonValue, Locale, MessageCatalogue } from '@kartochka/core';
import type { CardRecord, IndexRange, IndexedValue, ListQuery, StorageAdapter } from '@kartochka/storage';
import { DEFAULT_SORT } from '@kartochka/storage/data';
import { lt } from './messages.js';
import { changeField, deleteCards, deleteView, loadViews, rangeOf, restoreCards, saveView, viewQuery, type SavedView } from './views.js';
import { tokens, buttonStyles, fieldStyles } from '../internal/styles.js';
import { emptyState, emptyStyles } from '../internal/empty.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { registerGermanUiStrings } from '../internal/ui-strings.js';
import { KcOpenEvent } from '../events/events.js';
import { defineElement } from '../internal/field-element.js';
import { StorageWatch } from '../internal/storage-watch.js';
import { formatCalendarDate, formatInstant, formatNumber, localized } from '../history/format.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

// German up front, as the package root has it: this entry is not the card's, which loads it on demand.
registerGermanUiStrings();

type Text = string | Partial<Record<Locale, string>>;

/** One column: `title`, `updatedAt`, `createdAt`, or an indexed field of the records. */
export interface CardListColumn {
  field: string;
  label?: Text;
  /** Labels of the column's values (`{dealer: {ru: 'Дилер', en: 'Dealer'}}`). */
  options?: Record<string, Text>;
  /** Click-to-sort; default true. */
  sortable?: boolean;
}

/** A filter on an indexed field; its choices are `options` or else the values found in the cards. */
export interface CardListFilter {
  field: string;
  label?: Text;
  options?: Record<string, Text>;
}

/** A range filter: two inputs (from, to) on an indexed number or ISO date. */
export interface CardListRange {
  field: string;
  label?: Text;
  type: 'number' | 'date';
}

/** A field bulk "change a field" may set: its pointer in the data, and its choices when it has them. */
export interface CardListBulkField {
  pointer: string;
  label?: Text;
  options?: Record<string, Text>;
  type?: 'text' | 'number';
}

type SortState = { field: string; direction: 'asc' | 'desc' };

const DEFAULT_COLUMNS: CardListColumn[] = [{ field: 'title' }, { field: 'updatedAt' }];

/**
 * @summary A table of stored cards with search, click-to-sort headers, filters on indexed fields
 * and paging. Activating a row (click or Enter) fires `kc-open` with the card's id.
 *
 * Saved views (with a storage that keeps settings): the user names the current columns, filters,
 * ranges, "my cards", search and sort, and picks them again later; kept per user through the
 * adapter (docs/list-views.md). Rows can be selected for bulk actions: change a field, export,
 * delete with undo.
 *
 * @event kc-open - A row was activated; `detail: {id}`.
 * @csspart search - The search input.
 * @csspart filters - The filter selects.
 * @csspart table - The table.
 * @csspart row - A card's row.
 * @csspart pager - Paging buttons and the "1–20 of 57" status.
 * @csspart views - The saved views bar (pick, save, delete) and the column chooser.
 * @csspart bulk - The bulk actions bar, shown while cards are selected.
 * @csspart notice - What a bulk action did (changed, deleted, exported), with Undo after a delete.
 */
export class KcCardList extends LitElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    emptyStyles,
    css`
      :host { display: block; margin: 0; container-type: inline-size; }
      .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; margin-block-end: var(--_space); }
      .controls > div { min-width: 10rem; }
      table { width: 100%; border-collapse: collapse; }
      caption { text-align: start; font-weight: 600; margin-block-end: calc(var(--_space) / 2); }
      th, td { text-align: start; padding: calc(var(--_space) / 2) var(--_space); border-block-end: 1px solid var(--_border); }
      th button { all: unset; cursor: pointer; font-weight: 600; display: inline-flex; align-items: center; min-block-size: var(--_control-h); }
      th button:focus-visible, tr:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; }
      tbody tr { cursor: pointer; }
      tbody tr:hover { background: color-mix(in srgb, var(--_accent) 8%, transparent); }
      .pager { display: flex; gap: var(--_space); align-items: center; margin-block-start: var(--_space); }
      .views, .bulk { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; margin-block-end: var(--_space); }
      .bulk { padding: calc(var(--_space) / 2) var(--_space); border: 1px solid var(--_border); border-radius: 4px; }
      .views details { position: relative; }
      .views fieldset { display: grid; gap: 0.25em; border: 1px solid var(--_border); padding: calc(var(--_space) / 2); }
      .check { display: flex; gap: 0.35em; align-items: center; }
      td.pick, th.pick { width: 2.5em; }
      .check input, .pick input { inline-size: auto; }
      /* Touch: a check box's label (the whole cell for a row's pick) and the column chooser are 44 px targets. */
      @media (pointer: coarse) {
        .views summary, .check, .pick-target { display: inline-flex; align-items: center; min-block-size: var(--_control-h); }
        .pick-target { justify-content: center; min-inline-size: var(--_control-h); }
        .check input, .pick input { inline-size: 1.25rem; block-size: 1.25rem; }
      }
      .pager button { min-inline-size: var(--_control-h); }
      /* A narrow list (a phone): each card is a block of "column: value" lines, the sort headers a
         wrapping row above them; nothing is wider than the list. */
      @container (max-width: 36rem) {
        table, caption, thead, tbody, tr, td { display: block; }
        thead tr { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 2); border-block-end: 1px solid var(--_border); }
        th { display: block; border: none; padding: 0; }
        tbody tr { border-block-end: 1px solid var(--_border); padding-block: var(--_space); }
        td { border: none; padding: 0.15em var(--_space); overflow-wrap: anywhere; }
        td[data-label]::before { content: attr(data-label) ': '; color: var(--_muted); }
        td.pick { float: inline-end; inline-size: auto; }
        td[data-label]:is(td:first-child, td.pick + td) { font-weight: 600; }
        td[data-label]:is(td:first-child, td.pick + td)::before { content: none; }
        .controls > div { flex: 1 1 100%; min-width: 0; }
      }
    `,
  ];

  /** Where the cards are. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** Only cards of this schema (all when empty). */
  @property({ attribute: 'schema-id' }) schemaId = '';
  /** The columns; default title and last change. */
  @property({ attribute: false }) columns: CardListColumn[] = DEFAULT_COLUMNS;
  /** Filters on indexed fields (segment, category, priority, manager…). */
  @property({ attribute: false }) filters: CardListFilter[] = [];
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Milliseconds between the last keystroke and the search. */
  @property({ type: Number, attribute: 'search-delay' }) searchDelay = 250;
  @property({ reflect: true }) locale: Locale = 'en';
  /** Columns the user may choose from for a view (default: `columns`). */
  @property({ attribute: false }) available?: CardListColumn[];
  /** Range filters (from–to) on indexed numbers and ISO dates. */
  @property({ attribute: false }) rangeFields: CardListRange[] = [];
  /** The indexed field that names a card's owner (e.g. the manager): "My cards" shows those equal to `user`. */
  @property({ attribute: 'mine-field' }) mineField = '';
  /** The signed-in user for "My cards" and as the author of bulk changes (default: the storage's `user`). */
  @property() user = '';
  /** The card type's schema: bulk changes are validated against it and keep titles, indexes and unique keys right. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** The card type's messages, for exported column titles. */
  @property({ attribute: false }) messages?: MessageCatalogue;
  /** Show the saved views bar (pick, save, delete a view; choose columns). */
  @property({ type: Boolean, attribute: 'saved-views' }) savedViews = false;
  /** Rows get checkboxes, and selected cards the bulk actions bar. */
  @property({ type: Boolean }) selectable = false;
  /**
   * How "Export selected" writes its file (e.g. CSV through `exportCards` and `downloadBlob` of
   * `@kartochka/elements/import`); default: the records as a JSON download. The list does not load
   * the import module itself, so pages without export never ship it.
   */
  @property({ attribute: false }) exporter?: (records: CardRecord[]) => Promise<void> | void;
  /** Fields bulk "change a field" may set; none: no such action. */
  @property({ attribute: false }) bulkFields: CardListBulkField[] = [];

  @state() private items: CardRecord[] = [];
  @state() private total = 0;
  @state() private page = 0;
  @state() private search = '';
  @state() private sort: SortState = { ...DEFAULT_SORT };
  @state() private chosen: Record<string, string> = {};
  @state() private choices: Record<string, IndexedValue[]> = {};
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error = '';
  @state() private views: SavedView[] = [];
  @state() private viewName = '';
  @state() private shown?: string[];
  @state() private rangeText: Record<string, { from: string; to: string }> = {};
  @state() private mine = false;
  @state() private selected: string[] = [];
  @state() private bulkField = '';
  @state() private bulkValue = '';
  @state() private notice = '';
  @state() private busy = false;
  #undo?: CardRecord[];
  #timer?: ReturnType<typeof setTimeout>;
  /** Any card's change re-reads the page; a page read for an older query is dropped. */
  #watch = new StorageWatch(this, () => {
    void this.reload();
    void this.#loadChoices();
  });
  /** Each filter select's indexed values, by the select's string value. */
  #values = new Map<string, IndexedValue>();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage')) this.#watch.point(this.storage, '*');
    if (changed.has('storage') || changed.has('schemaId') || changed.has('filters')) void this.#loadChoices();
    if (changed.has('storage') || changed.has('schemaId')) void this.#loadViews();
    if (
      ['storage', 'schemaId', 'pageSize', 'page', 'sort', 'chosen', 'search', 'rangeText', 'mine', 'mineField', 'user'].some((k) =>
        changed.has(k as keyof KcCardList),
      )
    )
      void this.reload();
  }

  /** The signed-in user: the `user` property, else the storage's. */
  get #me(): string {
    return this.user || this.storage?.user || '';
  }

  /** The ranges typed in, as query ranges. */
  get #ranges(): Record<string, IndexRange> {
    const out: Record<string, IndexRange> = {};
    for (const f of this.rangeFields) {
      const typed = this.rangeText[f.field];
      const r = typed && rangeOf(f.type, typed.from, typed.to);
      if (r) out[f.field] = r;
    }
    return out;
  }

  /** The columns shown now: the view's choice, else `columns`. */
  get #shownColumns(): CardListColumn[] {
    if (!this.shown) return this.columns;
    const all = [...(this.available ?? []), ...this.columns];
    return this.shown.map((field) => all.find((c) => c.field === field) ?? { field });
  }

  /** The query the table shows now. */
  get query(): ListQuery {
    const filter: Record<string, IndexedValue> = {};
    for (const [field, key] of Object.entries(this.chosen)) if (key !== '') filter[field] = this.#values.get(`${field}\u0000${key}`) ?? key;
    const q: ListQuery = { sort: this.sort, offset: this.page * this.pageSize, limit: this.pageSize };
    if (this.schemaId) q.schemaId = this.schemaId;
    if (this.search.trim()) q.search = this.search.trim();
    if (Object.keys(filter).length) q.filter = filter;
    return viewQuery(q, { range: this.#ranges, mine: this.mine }, { field: this.mineField, user: this.#me });
  }

  /** The view the list shows now, under `name`. */
  currentView(name: string): SavedView {
    const view: SavedView = { name, columns: this.#shownColumns.map((c) => c.field), sort: this.sort };
    const filter: Record<string, IndexedValue> = {};
    for (const [field, key] of Object.entries(this.chosen)) if (key !== '') filter[field] = this.#values.get(`${field}\u0000${key}`) ?? key;
    if (Object.keys(filter).length) view.filter = filter;
    const range = this.#ranges;
    if (Object.keys(range).length) view.range = range;
    if (this.mine) view.mine = true;
    if (this.search.trim()) view.search = this.search.trim();
    return view;
  }

  /** Shows a saved view (or the default one for `undefined`). */
  applyView(view: SavedView | undefined): void {
    this.viewName = view?.name ?? '';
    this.shown = view?.columns.length ? [...view.columns] : undefined;
    this.sort = view?.sort ?? { ...DEFAULT_SORT };
    this.search = view?.search ?? '';
    this.mine = view?.mine ?? false;
    const chosen: Record<string, string> = {};
    for (const [field, v] of Object.entries(view?.filter ?? {})) {
      const key = typeof v === 'string' ? v : JSON.stringify(v);
      this.#values.set(`${field}\u0000${key}`, v);
      chosen[field] = key;
    }
    this.chosen = chosen;
    const text: Record<string, { from: string; to: string }> = {};
    for (const [field, r] of Object.entries(view?.range ?? {}))
      text[field] = { from: r.min === undefined ? '' : String(r.min), to: r.max === undefined ? '' : String(r.max) };
    this.rangeText = text;
    this.page = 0;
    this.selected = [];
  }

  async #loadViews(): Promise<void> {
    const storage = this.storage;
    if (!storage?.getSetting) return;
    try {
      const views = await loadViews(storage, this.schemaId);
      if (storage === this.storage) this.views = views;
    } catch (e) {
      this.notice = lt(this.locale, 'viewsFailed', { msg: (e as Error).message });
    }
  }

  async #saveView(name: string): Promise<void> {
    const storage = this.storage;
    const n = name.trim();
    if (!storage || !n) return;
    try {
      this.views = await saveView(storage, this.schemaId, this.currentView(n));
      this.viewName = n;
      this.notice = lt(this.locale, 'viewSaved', { name: n });
    } catch (e) {
      this.notice = lt(this.locale, 'viewsFailed', { msg: (e as Error).message });
    }
  }

  async #deleteView(): Promise<void> {
    const storage = this.storage;
    const name = this.viewName;
    if (!storage || !name) return;
    try {
      this.views = await deleteView(storage, this.schemaId, name);
      this.applyView(undefined);
      this.notice = lt(this.locale, 'viewDeleted', { name });
    } catch (e) {
      this.notice = lt(this.locale, 'viewsFailed', { msg: (e as Error).message });
    }
  }

  /** Reads the current page again. */
  async reload(): Promise<void> {
    const load = this.#watch.begin();
    if (!this.storage) {
      this.items = [];
      this.total = 0;
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    try {
      const r = await this.storage.list(this.query);
      if (!this.#watch.isCurrent(load)) return;
      // A page past the end (after a delete or a narrower filter): go to the last one.
      if (!r.items.length && r.total && this.page > 0) {
        this.page = Math.max(0, Math.ceil(r.total / this.pageSize) - 1);
        return;
      }
      this.items = r.items;
      this.total = r.total;
      this.status = 'ready';
    } catch (e) {
      if (!this.#watch.isCurrent(load)) return;
      this.error = (e as Error).message;
      this.status = 'error';
    }
  }

  async #loadChoices(): Promise<void> {
    const storage = this.storage;
    if (!storage || this.filters.every((f) => f.options)) return;
    try {
      const { items } = await storage.list(this.schemaId ? { schemaId: this.schemaId } : {});
      if (storage !== this.storage) return; // pointed at another storage meanwhile
      const choices: Record<string, IndexedValue[]> = {};
      for (const f of this.filters) {
        if (f.options) continue;
        const seen = new Set<IndexedValue>();
        for (const r of items) {
          const v = r.indexed[f.field];
          if (v !== undefined && v !== null && v !== '') seen.add(v);
        }
        choices[f.field] = [...seen].sort((a, b) => String(a).localeCompare(String(b), this.locale));
      }
      this.choices = choices;
    } catch {
      // Filters then offer only their configured options; the table shows the load error.
    }
  }

  #label(field: string, label?: Text): string {
    if (label !== undefined) return localized(label, this.locale) ?? field;
    if (field === 'title') return t(this.locale, 'listTitle');
    if (field === 'updatedAt') return t(this.locale, 'listUpdated');
    return field;
  }

  #cell(record: CardRecord, c: CardListColumn): string {
    const v =
      c.field === 'title' ? record.title : c.field === 'updatedAt' || c.field === 'createdAt' ? record[c.field] : record.indexed[c.field];
    if (v === undefined || v === null || v === '') return t(this.locale, 'notSet');
    if (c.field === 'updatedAt' || c.field === 'createdAt') return formatInstant(String(v), this.locale);
    const option = c.options?.[String(v)];
    if (option !== undefined) return localized(option, this.locale) ?? String(v);
    if (typeof v === 'number') return formatNumber(v, this.locale);
    if (typeof v === 'boolean') return t(this.locale, v ? 'yes' : 'no');
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatCalendarDate(v, this.locale, 'medium');
    return v;
  }

  #sortBy(field: string): void {
    const direction = this.sort.field === field && this.sort.direction === 'asc' ? 'desc' : 'asc';
    this.sort = { field, direction };
    this.page = 0;
  }

  #onSearch(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    const apply = () => {
      this.search = value;
      this.page = 0;
    };
    if (this.searchDelay <= 0) apply();
    else this.#timer = setTimeout(apply, this.searchDelay);
  }

  #onFilter(field: string, e: Event): void {
    this.chosen = { ...this.chosen, [field]: (e.target as HTMLSelectElement).value };
    this.page = 0;
  }

  get #ctx() {
    return { storage: this.storage!, schema: this.schema, locale: this.locale, author: this.#me || undefined };
  }

  async #bulk(work: () => Promise<void>): Promise<void> {
    if (!this.storage || this.busy) return;
    this.busy = true;
    this.notice = lt(this.locale, 'working');
    try {
      await work();
    } catch (e) {
      this.notice = (e as Error).message;
    } finally {
      this.busy = false;
    }
  }

  #bulkSummary(key: 'bulkChanged' | 'bulkDeleted' | 'bulkRestored', r: { done: unknown[]; failed: { message: string }[] }): string {
    const done = lt(this.locale, key, { n: r.done.length });
    return r.failed.length ? `${done} ${lt(this.locale, 'bulkSkipped', { n: r.failed.length, msg: r.failed[0]!.message })}` : done;
  }

  /** Bulk: sets the chosen field to the typed value in every selected card (each its own put and history entry). */
  changeSelected(pointer = this.bulkField || this.bulkFields[0]?.pointer || '', raw = this.bulkValue): Promise<void> {
    return this.#bulk(async () => {
      const field = this.bulkFields.find((f) => f.pointer === pointer);
      if (!field) return;
      const text = raw.trim();
      const value: JsonValue | undefined =
        text === '' ? undefined : field.type === 'number' ? Number(text.replace(/\s/g, '').replace(',', '.')) : text;
      const r = await changeField(this.#ctx, this.selected, pointer, value);
      this.#undo = undefined;
      this.notice = this.#bulkSummary('bulkChanged', r);
      this.selected = r.failed.map((f) => f.id);
    });
  }

  /** Bulk: deletes the selected cards; {@link undoDelete} puts them back. */
  deleteSelected(): Promise<void> {
    return this.#bulk(async () => {
      const r = await deleteCards(this.#ctx, this.selected);
      this.#undo = r.done;
      this.notice = this.#bulkSummary('bulkDeleted', r);
      this.selected = r.failed.map((f) => f.id);
    });
  }

  /** Puts back the cards of the last bulk delete. */
  undoDelete(): Promise<void> {
    const records = this.#undo;
    if (!records?.length) return Promise.resolve();
    return this.#bulk(async () => {
      const r = await restoreCards(this.#ctx, records);
      this.#undo = undefined;
      this.notice = this.#bulkSummary('bulkRestored', r);
    });
  }

  /**
   * Bulk: the selected cards to a file, by `exporter` (the page's: e.g. `exportCards` of
   * `@kartochka/elements/import` for CSV/XLSX with words and titles); without one, the records as JSON.
   */
  exportSelected(): Promise<void> {
    return this.#bulk(async () => {
      const storage = this.storage!;
      const records = await Promise.all(this.selected.map((id) => storage.get(id)));
      if (this.exporter) await this.exporter(records);
      else {
        const url = URL.createObjectURL(new Blob([JSON.stringify(records, null, 2)], { type: 'application/json' }));
        const a = Object.assign(document.createElement('a'), {
          href: url,
          download: `cards-${new Date().toISOString().slice(0, 10)}.json`,
        });
        this.renderRoot.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      this.notice = lt(this.locale, 'bulkExported', { n: records.length });
    });
  }

  #toggle(id: string, on: boolean): void {
    this.selected = on ? [...new Set([...this.selected, id])] : this.selected.filter((x) => x !== id);
  }

  #open(id: string): void {
    this.dispatchEvent(new KcOpenEvent({ id }));
  }

  #onRowKey(e: KeyboardEvent, id: string): void {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.#open(id);
    }
  }

  override render(): unknown {
    const locale = this.locale;
    const pages = Math.max(1, Math.ceil(this.total / this.pageSize));
    const first = this.total ? this.page * this.pageSize + 1 : 0;
    const last = Math.min(this.total, (this.page + 1) * this.pageSize);
    const columns = this.#shownColumns;
    const pageIds = this.items.map((r) => r.id);
    const allPicked = pageIds.length > 0 && pageIds.every((id) => this.selected.includes(id));
    return html`${this.savedViews ? this.#viewsBar() : nothing}
      <div class="controls">
        <div>
          <label for="search">${t(locale, 'listSearch')}</label>
          <input id="search" part="search" type="search" .value=${this.search} @input=${this.#onSearch} />
        </div>
        ${this.filters.map((f) => this.#filter(f))}
        ${this.rangeFields.map((f) => this.#range(f))}
        ${
          this.mineField
            ? html`<label class="check"><input type="checkbox" name="mine" .checked=${this.mine} ?disabled=${!this.#me} @change=${(e: Event) => ((this.mine = (e.target as HTMLInputElement).checked), (this.page = 0))} />${lt(locale, 'mine')}</label>`
            : nothing
        }
        ${
          Object.values(this.chosen).some((v) => v !== '')
            ? html`<button type="button" @click=${() => ((this.chosen = {}), (this.page = 0))}>${t(locale, 'listResetFilters')}</button>`
            : nothing
        }
      </div>
      ${this.status === 'error' ? html`<p role="alert">${t(locale, 'loadFailed', { detail: this.error })}</p>` : nothing}
      ${this.selectable && this.selected.length ? this.#bulkBar() : nothing}
      <p class="notice" role="status" part="notice">${this.notice}${
        this.#undo?.length && !this.busy
          ? html` <button type="button" name="undo" @click=${() => this.undoDelete()}>${lt(locale, 'undo')}</button>`
          : nothing
      }</p>
      <table part="table">
        <caption>${t(locale, 'listCaption')}</caption>
        <thead>
          <tr>
            ${
              this.selectable
                ? html`<th scope="col" class="pick"><label class="pick-target"><input type="checkbox" name="pick-page" aria-label=${lt(locale, 'selectPage')} .checked=${allPicked}
              @change=${(e: Event) => (this.selected = (e.target as HTMLInputElement).checked ? [...new Set([...this.selected, ...pageIds])] : this.selected.filter((id) => !pageIds.includes(id)))} /></label></th>`
                : nothing
            }
            ${columns.map((c) => this.#header(c))}
          </tr>
        </thead>
        <tbody>
          ${
            this.items.length
              ? this.items.map(
                  (r) => html`<tr
                  part="row"
                  tabindex="0"
                  data-id=${r.id}
                  aria-label=${t(locale, 'listOpen', { title: r.title || r.id })}
                  @click=${() => this.#open(r.id)}
                  @keydown=${(e: KeyboardEvent) => this.#onRowKey(e, r.id)}
                >
                  ${
                    this.selectable
                      ? html`<td class="pick" @click=${(e: Event) => e.stopPropagation()} @keydown=${(e: Event) => e.stopPropagation()}>
                    <label class="pick-target"><input type="checkbox" name="pick" data-id=${r.id} aria-label=${lt(locale, 'select', { title: r.title || r.id })} .checked=${this.selected.includes(r.id)}
                      @change=${(e: Event) => this.#toggle(r.id, (e.target as HTMLInputElement).checked)} /></label>
                  </td>`
                      : nothing
                  }
                  ${columns.map((c) => html`<td data-label=${this.#label(c.field, c.label)}>${this.#cell(r, c)}</td>`)}
                </tr>`,
                )
              : html`<tr>
                <td colspan=${columns.length + (this.selectable ? 1 : 0)}>${this.status === 'loading' ? t(locale, 'loading') : emptyState(t(locale, 'listEmpty'))}</td>
              </tr>`
          }
        </tbody>
      </table>
      <div class="pager" part="pager">
        <button type="button" aria-label=${t(locale, 'listPrev')} ?disabled=${this.page === 0} @click=${() => this.page--}>‹</button>
        <span role="status">${t(locale, 'listShown', { from: first, to: last, total: this.total })}</span>
        <button type="button" aria-label=${t(locale, 'listNext')} ?disabled=${this.page >= pages - 1} @click=${() => this.page++}>›</button>
      </div>`;
  }

  #viewsBar() {
    const l = this.locale;
    if (!this.storage) return nothing;
    const all = [...this.columns, ...(this.available ?? []).filter((a) => !this.columns.some((c) => c.field === a.field))];
    const shown = this.#shownColumns.map((c) => c.field);
    const toggle = (field: string, on: boolean) => {
      // What is shown at the time of the click (two quick clicks come before a re-render).
      const now = this.#shownColumns.map((c) => c.field);
      const next = on ? [...now, field] : now.filter((f) => f !== field);
      this.shown = all.map((c) => c.field).filter((f) => next.includes(f));
    };
    return html`<div class="views" part="views">
      <div>
        <label for="view">${lt(l, 'view')}</label>
        <select id="view" name="view" .value=${this.viewName} @change=${(e: Event) => this.applyView(this.views.find((v) => v.name === (e.target as HTMLSelectElement).value))}>
          <option value="">${lt(l, 'viewDefault')}</option>
          ${this.views.map((v) => html`<option value=${v.name} ?selected=${v.name === this.viewName}>${v.name}</option>`)}
        </select>
      </div>
      <form @submit=${(e: Event) => {
        e.preventDefault();
        const input = (e.target as HTMLFormElement).elements.namedItem('view-name') as HTMLInputElement;
        void this.#saveView(input.value);
      }}>
        <label for="view-name">${lt(l, 'viewName')}</label>
        <input id="view-name" name="view-name" .value=${this.viewName} required />
        <button type="submit">${lt(l, 'viewSave')}</button>
      </form>
      ${this.viewName ? html`<button type="button" name="delete-view" @click=${() => this.#deleteView()}>${lt(l, 'viewDelete')}</button>` : nothing}
      <details>
        <summary>${lt(l, 'columns')}</summary>
        <fieldset>
          <legend>${lt(l, 'columns')}</legend>
          ${all.map(
            (c) => html`<label class="check"><input type="checkbox" name="column" value=${c.field} .checked=${shown.includes(c.field)}
            @change=${(e: Event) => toggle(c.field, (e.target as HTMLInputElement).checked)} />${this.#label(c.field, c.label)}</label>`,
          )}
        </fieldset>
      </details>
    </div>`;
  }

  #range(f: CardListRange) {
    const l = this.locale;
    const label = this.#label(f.field, f.label);
    const typed = this.rangeText[f.field] ?? { from: '', to: '' };
    const set = (end: 'from' | 'to') => (e: Event) => {
      this.rangeText = { ...this.rangeText, [f.field]: { ...typed, [end]: (e.target as HTMLInputElement).value } };
      this.page = 0;
    };
    const type = f.type === 'date' ? 'date' : 'text';
    const mode = f.type === 'number' ? 'decimal' : undefined;
    return html`<div part="filters" data-range=${f.field}>
        <label for=${`from-${f.field}`}>${lt(l, 'from', { field: label })}</label>
        <input id=${`from-${f.field}`} name="range-from" type=${type} inputmode=${mode ?? nothing} .value=${typed.from} @change=${set('from')} />
      </div>
      <div part="filters">
        <label for=${`to-${f.field}`}>${lt(l, 'to', { field: label })}</label>
        <input id=${`to-${f.field}`} name="range-to" type=${type} inputmode=${mode ?? nothing} .value=${typed.to} @change=${set('to')} />
      </div>`;
  }

  #bulkBar() {
    const l = this.locale;
    const field = this.bulkFields.find((f) => f.pointer === this.bulkField) ?? this.bulkFields[0];
    return html`<div class="bulk" part="bulk" role="group" aria-label=${lt(l, 'selected', { n: this.selected.length })}>
      <span>${lt(l, 'selected', { n: this.selected.length })}</span>
      <button type="button" name="clear-selection" @click=${() => (this.selected = [])}>${lt(l, 'clearSelection')}</button>
      ${
        field
          ? html`<div>
              <label for="bulk-field">${lt(l, 'bulkField')}</label>
              <select id="bulk-field" name="bulk-field" @change=${(e: Event) => ((this.bulkField = (e.target as HTMLSelectElement).value), (this.bulkValue = ''))}>
                ${this.bulkFields.map((f) => html`<option value=${f.pointer} ?selected=${f.pointer === field.pointer}>${this.#label(f.pointer, f.label)}</option>`)}
              </select>
            </div>
            <div>
              <label for="bulk-value">${lt(l, 'bulkValue')}</label>
              ${
                field.options
                  ? html`<select id="bulk-value" name="bulk-value" @change=${(e: Event) => (this.bulkValue = (e.target as HTMLSelectElement).value)}>
                    <option value="" ?selected=${this.bulkValue === ''}>${t(l, 'notSet')}</option>
                    ${Object.entries(field.options).map(([v, label]) => html`<option value=${v} ?selected=${this.bulkValue === v}>${localized(label, l) ?? v}</option>`)}
                  </select>`
                  : html`<input id="bulk-value" name="bulk-value" inputmode=${field.type === 'number' ? 'decimal' : nothing} .value=${this.bulkValue} @input=${(e: Event) => (this.bulkValue = (e.target as HTMLInputElement).value)} />`
              }
            </div>
            <button type="button" name="bulk-apply" ?disabled=${this.busy} @click=${() => this.changeSelected()}>${lt(l, 'bulkApply')}</button>`
          : nothing
      }
      <button type="button" name="bulk-export" ?disabled=${this.busy} @click=${() => this.exportSelected()}>${lt(l, 'bulkExport')}</button>
      <button type="button" name="bulk-delete" class="danger" ?disabled=${this.busy} @click=${() => this.deleteSelected()}>${lt(l, 'bulkDelete')}</button>
    </div>`;
  }

  #header(c: CardListColumn) {
    const label = this.#label(c.field, c.label);
    if (c.sortable === false) return html`<th scope="col">${label}</th>`;
    const sorted = this.sort.field === c.field;
    const ariaSort = sorted ? (this.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<th scope="col" aria-sort=${ariaSort} data-field=${c.field}>
      <button type="button" @click=${() => this.#sortBy(c.field)}>
        ${label}<span aria-hidden="true">${sorted ? (this.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>`;
  }

  #filter(f: CardListFilter) {
    const id = `filter-${f.field}`;
    const values: [string, string][] = f.options
      ? Object.entries(f.options).map(([v, l]) => [v, localized(l, this.locale) ?? v])
      : (this.choices[f.field] ?? []).map((v) => {
          const key = typeof v === 'string' ? v : JSON.stringify(v);
          this.#values.set(`${f.field}\u0000${key}`, v);
          const column = this.columns.find((c) => c.field === f.field);
          return [key, localized(column?.options?.[String(v)], this.locale) ?? String(v)];
        });
    return html`<div part="filters">
      <label for=${id}>${this.#label(f.field, f.label)}</label>
      <select id=${id} data-field=${f.field} .value=${this.chosen[f.field] ?? ''} @change=${(e: Event) => this.#onFilter(f.field, e)}>
        <option value="">${t(this.locale, 'listAll')}</option>
        ${values.map(([v, l]) => html`<option value=${v} ?selected=${(this.chosen[f.field] ?? '') === v}>${l}</option>`)}
      </select>
    </div>`;
  }
}

defineElement('kc-card-list', KcCardList);

declare global {
  interface HTMLElementTagNameMap {
    'kc-card-list': KcCardList;
  }
}
