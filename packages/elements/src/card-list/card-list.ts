import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Locale } from '@kartochka/core';
import type { CardRecord, IndexedValue, ListQuery, StorageAdapter } from '@kartochka/storage';
import { tokens, buttonStyles, fieldStyles } from '../internal/styles.js';
import { emptyState, emptyStyles } from '../internal/empty.js';
import { t } from '../internal/i18n.js';
import { KcOpenEvent } from '../events/events.js';
import { defineElement } from '../internal/field-element.js';
import { StorageWatch } from '../internal/storage-watch.js';
import { formatCalendarDate, formatInstant, formatNumber, localized } from '../history/format.js';

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

type SortState = { field: string; direction: 'asc' | 'desc' };

const DEFAULT_COLUMNS: CardListColumn[] = [{ field: 'title' }, { field: 'updatedAt' }];

/**
 * @summary A table of stored cards with search, click-to-sort headers, filters on indexed fields
 * and paging. Activating a row (click or Enter) fires `kc-open` with the card's id.
 *
 * @event kc-open - A row was activated; `detail: {id}`.
 * @csspart search - The search input.
 * @csspart filters - The filter selects.
 * @csspart table - The table.
 * @csspart row - A card's row.
 * @csspart pager - Paging buttons and the "1–20 of 57" status.
 */
export class KcCardList extends LitElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    emptyStyles,
    css`
      :host { display: block; margin: 0; }
      .controls { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; margin-block-end: var(--_space); }
      .controls > div { min-width: 10rem; }
      table { width: 100%; border-collapse: collapse; }
      caption { text-align: start; font-weight: 600; margin-block-end: calc(var(--_space) / 2); }
      th, td { text-align: start; padding: calc(var(--_space) / 2) var(--_space); border-block-end: 1px solid var(--_border); }
      th button { all: unset; cursor: pointer; font-weight: 600; }
      th button:focus-visible, tr:focus-visible { outline: 2px solid var(--_accent); outline-offset: -2px; }
      tbody tr { cursor: pointer; }
      tbody tr:hover { background: color-mix(in srgb, var(--_accent) 8%, transparent); }
      .pager { display: flex; gap: var(--_space); align-items: center; margin-block-start: var(--_space); }
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

  @state() private items: CardRecord[] = [];
  @state() private total = 0;
  @state() private page = 0;
  @state() private search = '';
  @state() private sort: SortState = { field: 'updatedAt', direction: 'desc' };
  @state() private chosen: Record<string, string> = {};
  @state() private choices: Record<string, IndexedValue[]> = {};
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error = '';
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
    if (['storage', 'schemaId', 'pageSize', 'page', 'sort', 'chosen', 'search'].some((k) => changed.has(k as keyof KcCardList))) void this.reload();
  }

  /** The query the table shows now. */
  get query(): ListQuery {
    const filter: Record<string, IndexedValue> = {};
    for (const [field, key] of Object.entries(this.chosen)) if (key !== '') filter[field] = this.#values.get(`${field}\u0000${key}`) ?? key;
    const q: ListQuery = { sort: this.sort, offset: this.page * this.pageSize, limit: this.pageSize };
    if (this.schemaId) q.schemaId = this.schemaId;
    if (this.search.trim()) q.search = this.search.trim();
    if (Object.keys(filter).length) q.filter = filter;
    return q;
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
    const v = c.field === 'title' ? record.title : c.field === 'updatedAt' || c.field === 'createdAt' ? record[c.field] : record.indexed[c.field];
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
    return html`<div class="controls">
        <div>
          <label for="search">${t(locale, 'listSearch')}</label>
          <input id="search" part="search" type="search" .value=${this.search} @input=${this.#onSearch} />
        </div>
        ${this.filters.map((f) => this.#filter(f))}
        ${Object.values(this.chosen).some((v) => v !== '')
          ? html`<button type="button" @click=${() => ((this.chosen = {}), (this.page = 0))}>${t(locale, 'listResetFilters')}</button>`
          : nothing}
      </div>
      ${this.status === 'error' ? html`<p role="alert">${t(locale, 'loadFailed', { detail: this.error })}</p>` : nothing}
      <table part="table">
        <caption>${t(locale, 'listCaption')}</caption>
        <thead>
          <tr>
            ${this.columns.map((c) => this.#header(c))}
          </tr>
        </thead>
        <tbody>
          ${this.items.length
            ? this.items.map(
                (r) => html`<tr
                  part="row"
                  tabindex="0"
                  data-id=${r.id}
                  aria-label=${t(locale, 'listOpen', { title: r.title || r.id })}
                  @click=${() => this.#open(r.id)}
                  @keydown=${(e: KeyboardEvent) => this.#onRowKey(e, r.id)}
                >
                  ${this.columns.map((c) => html`<td>${this.#cell(r, c)}</td>`)}
                </tr>`,
              )
            : html`<tr>
                <td colspan=${this.columns.length}>${this.status === 'loading' ? t(locale, 'loading') : emptyState(t(locale, 'listEmpty'))}</td>
              </tr>`}
        </tbody>
      </table>
      <div class="pager" part="pager">
        <button type="button" aria-label=${t(locale, 'listPrev')} ?disabled=${this.page === 0} @click=${() => this.page--}>‹</button>
        <span role="status">${t(locale, 'listShown', { from: first, to: last, total: this.total })}</span>
        <button type="button" aria-label=${t(locale, 'listNext')} ?disabled=${this.page >= pages - 1} @click=${() => this.page++}>›</button>
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
