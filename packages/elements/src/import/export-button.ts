import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JsonSchema, Locale, MessageCatalogue } from '@kartochka/core';
import { KcExportEvent } from '../events/events.js';
import { StorageError, formatStorageMessage, type ListQuery, type StorageAdapter } from '@kartochka/storage';
import { tokens, buttonStyles, fieldStyles } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import { formatNumber } from '../history/format.js';
import { imt } from './messages.js';
import { downloadBlob, exportList, type ExportFormat } from './export.js';

/**
 * @summary Exports the cards a list shows — its filters and search, every page — to CSV, XLSX or
 * JSON, values as words or as stored. Point it at a `<kc-card-list>` with `for` (its id), or give
 * it a `query`.
 *
 * @event kc-export - A file was made; `detail: {blob, filename, count}` (cancel it to skip the download).
 */
export class KcCardExport extends LitElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    css`
      :host { display: block; }
      fieldset { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; border: 1px solid var(--_border); padding: var(--_space); }
    `,
  ];

  @property({ attribute: false }) storage?: StorageAdapter;
  @property({ attribute: false }) schema?: JsonSchema;
  @property({ attribute: false }) messages?: MessageCatalogue;
  /** The id of a `<kc-card-list>` in the same document or shadow root: its current query is exported. */
  @property() for = '';
  /** The query when there is no list (its paging is dropped). */
  @property({ attribute: false }) query: ListQuery = {};
  /** The file name's start (`clients` → `clients-2026-12-02.xlsx`). */
  @property() name = 'cards';
  @property({ reflect: true }) locale: Locale = 'en';

  @state() private format: ExportFormat = 'xlsx';
  @state() private values: 'labels' | 'raw' = 'labels';
  @state() private busy = false;
  @state() private message = '';

  /** The query exported now: the list's (`for`), else `query`. */
  get currentQuery(): ListQuery {
    const root = this.getRootNode() as Document | ShadowRoot;
    const list = this.for ? (root.getElementById?.(this.for) as (HTMLElement & { query?: ListQuery }) | null) : null;
    return list?.query ?? this.query;
  }

  /** Makes the file (and offers it as a download unless the `kc-export` event is cancelled). */
  async export(): Promise<{ blob: Blob; filename: string; count: number } | undefined> {
    if (!this.storage || !this.schema) return undefined;
    this.busy = true;
    this.message = '';
    try {
      const out = await exportList(this.storage, this.currentQuery, {
        format: this.format,
        values: this.values,
        schema: this.schema,
        messages: this.messages,
        locale: this.locale,
        name: this.name,
      });
      const event = new KcExportEvent(out);
      if (this.dispatchEvent(event)) downloadBlob(out.blob, out.filename);
      this.message = `${out.filename}: ${formatNumber(out.count, this.locale)}`;
      return out;
    } catch (e) {
      this.message = e instanceof StorageError ? formatStorageMessage(e, this.locale) : (e as Error).message;
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  override render(): unknown {
    const l = this.locale;
    return html`<fieldset>
      <legend>${imt(l, 'exportLabel')}</legend>
      <div><label for="format">${imt(l, 'exportFormat')}</label>
        <select id="format" @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value as ExportFormat)}>
          ${(['xlsx', 'csv', 'json'] as const).map((f) => html`<option value=${f} ?selected=${this.format === f}>${f.toUpperCase()}</option>`)}
        </select></div>
      <div><label for="values">${imt(l, 'exportValues')}</label>
        <select id="values" @change=${(e: Event) => (this.values = (e.target as HTMLSelectElement).value as 'labels' | 'raw')}>
          <option value="labels" ?selected=${this.values === 'labels'}>${imt(l, 'exportLabels')}</option>
          <option value="raw" ?selected=${this.values === 'raw'}>${imt(l, 'exportRaw')}</option>
        </select></div>
      <button type="button" name="export" ?disabled=${this.busy || !this.storage} @click=${() => this.export()}>${imt(l, 'exportLabel')}</button>
      ${this.message ? html`<span role="status">${this.message}</span>` : nothing}
    </fieldset>`;
  }
}

defineElement('kc-card-export', KcCardExport);

declare global {
  interface HTMLElementTagNameMap {
    'kc-card-export': KcCardExport;
  }
}
