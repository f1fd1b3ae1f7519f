import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import type { JsonValue, Locale } from '@kartochka/core';
import type { BuilderDocument } from '../model/index.js';
import type { CardRecord, StorageAdapter } from '@kartochka/storage';
import { migrateRecord } from '../model/index.js';
import { BuilderPart } from './part.js';
import { LANGUAGE_NAMES } from './strings.js';

type Mode = 'edit' | 'view' | 'blank';

/**
 * How long the preview waits after an edit before it shows the next document. A new schema means
 * a new validator compile (tens of ms for a large card): typing a title must not compile per
 * keystroke. The first edit after a quiet spell shows at once; a burst shows its last state.
 */
export const PREVIEW_DELAY_MS = 250;

/** The first non-empty string in the data: a record's title for lists and search. */
function titleFrom(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data && typeof data === 'object') {
    for (const v of Object.values(data)) {
      const t = titleFrom(v);
      if (t) return t;
    }
  }
  return '';
}

/**
 * @summary The real `<kc-card>` with the document being built, on sample data: switch language and
 * mode, save the data as a record of the published version, open a stored record (migrated to the
 * latest version).
 */
export class KcBuilderPreview extends BuilderPart {
  /** Where records are saved and read. */
  @property({ attribute: false }) storage?: StorageAdapter;
  @property({ attribute: 'schema-id' }) schemaId = '';
  @state() private cardLocale?: Locale;
  @state() private mode: Mode = 'edit';
  @state() private status = '';
  @state() private records: CardRecord[] = [];
  @state() private recordId = 'card-1';
  #pushed?: JsonValue;
  /** The document the card shows (store.doc, at most every PREVIEW_DELAY_MS). */
  #shown?: BuilderDocument;
  #shownAt = 0;
  #timer?: ReturnType<typeof setTimeout>;
  #settled?: { promise: Promise<void>; resolve: () => void };

  /** Resolves when the card shows the store's current document. */
  get settled(): Promise<void> {
    if (!this.store || this.#shown === this.store.doc) return Promise.resolve();
    if (!this.#settled) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.#settled = { promise, resolve };
    }
    return this.#settled.promise;
  }

  /** The document to render: the store's, or the last one shown while edits come in fast. */
  #docToShow(doc: BuilderDocument): BuilderDocument {
    if (doc === this.#shown) return doc;
    const wait = this.#shownAt + PREVIEW_DELAY_MS - performance.now();
    if (this.#shown === undefined || wait <= 0) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#shown = doc;
      this.#shownAt = performance.now();
      queueMicrotask(() => this.#resolveSettled());
      return doc;
    }
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.requestUpdate();
    }, wait);
    return this.#shown;
  }

  #resolveSettled(): void {
    if (this.#settled && this.#shown === this.store?.doc) {
      this.#settled.resolve();
      this.#settled = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  get card(): KcCard | null {
    return this.querySelector('kc-card');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const card = this.card;
    const sample = this.store?.sample;
    // Push sample data into the card only when it came from elsewhere (a template, an opened record).
    if (card && sample !== undefined && sample !== this.#pushed) {
      this.#pushed = sample;
      card.value = sample;
    }
    if ((changed.has('storage') || changed.has('schemaId')) && this.storage && this.schemaId) void this.refreshRecords();
  }

  /** Re-reads the stored records of the schema. */
  async refreshRecords(): Promise<void> {
    if (!this.storage || !this.schemaId) return;
    this.records = (await this.storage.list({ schemaId: this.schemaId, sort: { field: 'title', direction: 'asc' } })).items;
  }

  #onChange(): void {
    const v = this.card?.value;
    if (v === undefined || !this.store) return;
    this.#pushed = v;
    this.store.setSample(v);
  }

  /** Saves the card's data as a record of the latest published version. */
  async save(): Promise<CardRecord | undefined> {
    const store = this.store!;
    const published = store.published;
    if (!this.storage || !this.schemaId) return void (this.status = this.t('noStorage'));
    if (!published) return void (this.status = this.t('saveNeedsPublish'));
    const data = this.card?.value ?? {};
    const id = this.recordId.trim() || 'card-1';
    const rec = await this.storage.put({
      id,
      schemaId: this.schemaId,
      schemaVersion: published.version,
      title: titleFrom(data) || id,
      data,
      indexed: {},
    });
    this.status = this.t('savedRecord', { id, v: published.version });
    store.announce(this.status);
    await this.refreshRecords();
    return rec;
  }

  /** Opens a stored record, migrated from the version it was saved under to the latest. */
  async open(id: string): Promise<void> {
    const store = this.store!;
    if (!this.storage || !id) return;
    const rec = await this.storage.get(id);
    const to = store.published?.version ?? rec.schemaVersion;
    const data =
      rec.schemaVersion < to ? migrateRecord(rec.data as JsonValue, rec.schemaVersion, to, store.versions) : (rec.data as JsonValue);
    this.recordId = rec.id;
    store.setSample(data);
    this.status = this.t('openedRecord', { id: rec.id, from: rec.schemaVersion, to });
    store.announce(this.status);
  }

  override render(): unknown {
    const store = this.store;
    if (!store) return nothing;
    const doc = this.#docToShow(store.doc);
    const locale = this.cardLocale ?? this.locale;
    return html`<div class="kcb-bar">
        <label>${this.t('language')}
          <select name="preview-locale" @change=${(e: Event) => (this.cardLocale = (e.target as HTMLSelectElement).value as Locale)}>
            ${(Object.keys(LANGUAGE_NAMES) as Locale[]).map((l) => html`<option value=${l} ?selected=${l === locale}>${LANGUAGE_NAMES[l]}</option>`)}
          </select>
        </label>
        <label>${this.t('mode')}
          <select name="preview-mode" @change=${(e: Event) => (this.mode = (e.target as HTMLSelectElement).value as Mode)}>
            <option value="edit" ?selected=${this.mode === 'edit'}>${this.t('modeEdit')}</option>
            <option value="view" ?selected=${this.mode === 'view'}>${this.t('modeView')}</option>
            <option value="blank" ?selected=${this.mode === 'blank'}>${this.t('modeBlank')}</option>
          </select>
        </label>
        <label>${this.t('recordId')}
          <input name="record-id" .value=${this.recordId} @input=${(e: Event) => (this.recordId = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="button" name="save-record" @click=${() => void this.save()}>${this.t('saveRecord')}</button>
        <label>${this.t('openRecord')}
          <select name="open-record" @focus=${() => void this.refreshRecords()} @change=${(e: Event) => void this.open((e.target as HTMLSelectElement).value)}>
            <option value="">${this.t('noRecord')}</option>
            ${this.records.map((r) => html`<option value=${r.id}>${r.title} (${r.id}, v${r.schemaVersion})</option>`)}
          </select>
        </label>
      </div>
      <p class="kcb-status" role="status" data-preview-status>${this.status}</p>
      <kc-card
        .schema=${doc.schema}
        .layout=${doc.layout}
        .messages=${doc.messages}
        .locale=${locale}
        .mode=${this.mode}
        @kc-change=${this.#onChange}
      ></kc-card>`;
  }
}

if (!customElements.get('kc-builder-preview')) customElements.define('kc-builder-preview', KcBuilderPreview);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-preview': KcBuilderPreview;
  }
}
