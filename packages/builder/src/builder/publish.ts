import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compileSchema } from '@kartochka/core';
import type { SchemaVersion, StorageAdapter } from '@kartochka/storage';
import { diffVersions, impact, isEmptyDiff, migrationsFor, nameUntitledFields, withMigrations, type ImpactReport, type VersionDiff } from '../model/index.js';
import { BuilderPart } from './part.js';

import { KcPublishEvent } from './events.js';
export type { KcPublishDetail } from './events.js';

/**
 * @summary Publishing: shows what changed since the last published version (added, removed,
 * renamed, retyped) and how many stored cards each change touches, then stores the new version
 * with its migrations.
 * @event kc-publish - After a version is stored; `detail: {version}`.
 */
export class KcBuilderPublish extends BuilderPart {
  @property({ attribute: false }) storage?: StorageAdapter;
  @property({ attribute: 'schema-id' }) schemaId = '';
  @state() private diff?: VersionDiff;
  @state() private report?: ImpactReport;
  @state() private error = '';
  @state() private busy = false;

  get dialog(): HTMLDialogElement | null {
    return this.querySelector('dialog');
  }

  /** Computes the diff and its impact, and opens the dialog. */
  async open(): Promise<void> {
    const store = this.store!;
    this.error = '';
    this.report = undefined;
    this.diff = diffVersions(store.published, store.doc);
    try {
      compileSchema(store.doc.schema);
    } catch (e) {
      this.error = this.t('publishInvalid', { detail: (e as Error).message });
    }
    if (!this.storage || !this.schemaId) this.error ||= this.t('noStorage');
    await this.updateComplete;
    this.dialog?.showModal();
    if (this.storage && this.schemaId) {
      this.report = await impact(this.diff, this.storage, this.schemaId, { fromVersion: store.published?.version, versions: store.versions });
    }
  }

  /** Stores the new version with its migrations. */
  async confirm(): Promise<SchemaVersion | undefined> {
    const store = this.store!;
    if (!this.storage || !this.diff || this.error) return undefined;
    this.busy = true;
    try {
      // Untitled fields get their type's name in each language before they reach the cards.
      const named = nameUntitledFields(store.doc);
      if (named !== store.doc) store.edit(() => named);
      const prev = store.published;
      const schema = prev ? withMigrations(store.doc.schema, prev.version, migrationsFor(this.diff)) : store.doc.schema;
      const version = await this.storage.publishSchema({ schemaId: this.schemaId, schema, layout: store.doc.layout, messages: store.doc.messages });
      store.setPublished(await this.storage.listSchemaVersions(this.schemaId));
      store.announce(this.t('published', { n: version.version }));
      this.dialog?.close();
      this.dispatchEvent(new KcPublishEvent({ version }));
      return version;
    } catch (e) {
      this.error = this.t('publishError', { detail: (e as Error).message });
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  #rows(): TemplateResult[] {
    const d = this.diff!;
    const count = (kind: string, id: string) => {
      const c = this.report?.changes.find((x) => x.kind === kind && x.id === id);
      return c ? this.t('touches', { n: c.records }) : this.report ? '' : '…';
    };
    const row = (kind: string, label: string, what: TemplateResult, note: string, id: string) =>
      html`<tr data-change=${kind}><th scope="row">${label}</th><td>${what}</td><td>${note}</td><td data-records>${kind === 'added' ? '' : count(kind, id)}</td></tr>`;
    return [
      ...d.added.map((c) => row('added', this.t('changeAdded'), html`<code>${c.pointer}</code>`, c.type, c.id)),
      ...d.removed.map((c) => row('removed', this.t('changeRemoved'), html`<code>${c.pointer}</code>`, c.type, c.id)),
      ...d.renamed.map((c) => row('renamed', this.t('changeRenamed'), html`<code>${c.from}</code> → <code>${c.to}</code>`, '', c.id)),
      ...d.retyped.map((c) =>
        row(
          'retyped',
          this.t('changeRetyped'),
          html`<code>${c.pointer}</code>: ${c.fromType} → ${c.toType}${c.optionsAdded ? ` +[${c.optionsAdded.join(', ')}]` : ''}${c.optionsRemoved ? ` −[${c.optionsRemoved.join(', ')}]` : ''}`,
          c.compatible ? (c.convert ? this.t('compatibleConvert', { convert: c.convert }) : this.t('compatible')) : this.t('incompatible'),
          c.id,
        ),
      ),
    ];
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const next = (store.published?.version ?? 0) + 1;
    const d = this.diff;
    return html`<dialog aria-labelledby="${this.uid}-h" @close=${() => (this.diff = undefined)}>
      <h2 id="${this.uid}-h">${this.t('publishTitle', { n: next })}</h2>
      ${d
        ? html`${!store.published ? html`<p>${this.t('publishFirst')}</p>` : isEmptyDiff(d) ? html`<p>${this.t('publishNoChanges', { n: store.published.version })}</p>` : nothing}
            ${this.report ? html`<p data-total>${this.t('publishRecords', { n: this.report.total })}</p>` : nothing}
            ${isEmptyDiff(d) ? nothing : html`<table><tbody>${this.#rows()}</tbody></table>`}`
        : nothing}
      ${this.error ? html`<p class="kcb-error" role="alert">${this.error}</p>` : nothing}
      <div class="kcb-actions" style="display:flex;gap:8px;justify-content:flex-end;margin-top:12px">
        <button type="button" @click=${() => this.dialog?.close()}>${this.t('cancel')}</button>
        <button type="button" class="primary" name="confirm-publish" ?disabled=${!!this.error || this.busy} @click=${() => void this.confirm()}>${this.t('publishConfirm')}</button>
      </div>
    </dialog>`;
  }
}

if (!customElements.get('kc-builder-publish')) customElements.define('kc-builder-publish', KcBuilderPublish);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-publish': KcBuilderPublish;
  }
}
