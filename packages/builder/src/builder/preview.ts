import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import type { JsonValue, Locale } from '@kartochka/core';
import type { CardRecord, StorageAdapter } from '@kartochka/storage';
import { migrateRecord } from '../model/index.js';
import { BuilderPart } from './part.js';
import { LANGUAGE_NAMES } from './strings.js';

type Mode = 'edit' | 'view' | 'blank';

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
    const rec = await this.storage.put({ id, schemaId: this.schemaId, schemaVersion: published.version, title: titleFrom(data) || id, data, indexed: {} });
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
    const data = rec.schemaVersion < to ? migrateRecord(rec.data as JsonValue, rec.schemaVersion, to, store.versions) : (rec.data as JsonValue);
    this.recordId = rec.id;
    store.setSample(data);
    this.status = this.t('openedRecord', { id: rec.id, from: rec.schemaVersion, to });
    store.announce(this.status);
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const doc = store.doc;
    const locale = this.cardLocale ?? this.locale;
    return html`<div class="kcb-bar">
        <label>${this.t('language')}
          <select name="preview-locale" @change=${(e: Event) => (this.cardLocale = (e.target as HTMLSelectElement).value as Locale)}>
            ${(['ru', 'en'] as Locale[]).map((l) => html`<option value=${l} ?selected=${l === locale}>${LANGUAGE_NAMES[l]}</option>`)}
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
