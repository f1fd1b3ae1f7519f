import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { compileSchema, localize } from '@kartochka/core';
import { parsePointer } from '@kartochka/core/internal';
import type { SchemaVersion, StorageAdapter } from '@kartochka/storage';
import {
  diffVersions,
  fieldById,
  fieldTypeInfo,
  impact,
  isEmptyDiff,
  migrationsFor,
  nameUntitledFields,
  titleOf,
  withMigrations,
  type BuilderDocument,
  type FieldType,
  type ImpactReport,
  type Retype,
  type VersionDiff,
} from '../model/index.js';
import { BuilderPart } from './part.js';

import { KcPublishEvent } from './events.js';
export type { KcPublishDetail } from './events.js';

/**
 * @summary Publishing: says in words, by field title and type name, what changed since the last
 * published version (added, removed, renamed, retyped), what each change does to stored values and
 * how many stored cards it touches, then stores the new version
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
      this.report = await impact(this.diff, this.storage, this.schemaId, {
        fromVersion: store.published?.version,
        versions: store.versions,
      });
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
      const version = await this.storage.publishSchema({
        schemaId: this.schemaId,
        schema,
        layout: store.doc.layout,
        messages: store.doc.messages,
      });
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

  /** A field's title in the UI language (then the other one, then its key): admins know fields by title. */
  #title(doc: BuilderDocument | undefined, id: string, pointer: string): string {
    const ref = { kind: 'field' as const, id };
    if (doc && fieldById(doc, id)) {
      for (const l of [this.locale, 'ru', 'en'] as const) {
        const title = titleOf(doc, ref, l);
        if (title) return title;
      }
    }
    return parsePointer(pointer).at(-1) ?? pointer;
  }

  #typeName(type: FieldType): string {
    return localize(fieldTypeInfo(type).label, this.locale) ?? type;
  }

  /** What a type change does to stored values, in words. */
  #effect(c: Retype): string {
    const parts: string[] = [];
    if (c.fromType !== c.toType) {
      if (!c.compatible && !c.optionsRemoved) parts.push(this.t('effectIncompatible'));
      else if (c.convert === 'numberToString') parts.push(this.t('effectToText'));
      else if (c.convert === 'valueToList') parts.push(this.t('effectToList'));
      else if (c.compatible) parts.push(this.t('effectKept'));
    }
    if (c.optionsAdded) parts.push(this.t('optionsAdded', { list: c.optionsAdded.join(', ') }));
    if (c.optionsRemoved) parts.push(this.t('optionsRemoved', { list: c.optionsRemoved.join(', ') }));
    return parts.join('; ');
  }

  #rows(): TemplateResult[] {
    const d = this.diff!;
    const store = this.store!;
    const now = store.doc;
    const p = store.published;
    const before = p
      ? ({ schema: p.schema, layout: p.layout ?? { items: [] }, messages: p.messages ?? {} } as unknown as BuilderDocument)
      : undefined;
    const count = (kind: string, id: string) => {
      const c = this.report?.changes.find((x) => x.kind === kind && x.id === id);
      return c ? this.t('touches', { n: c.records }) : this.report ? '' : '…';
    };
    const row = (kind: string, label: string, what: string, note: string, id: string) =>
      html`<tr data-change=${kind}><th scope="row">${label}</th><td>${what}</td><td>${note}</td><td data-records>${kind === 'added' ? '' : count(kind, id)}</td></tr>`;
    return [
      ...d.added.map((c) =>
        row(
          'added',
          this.t('changeAdded'),
          this.t('changeAddedWhat', { field: this.#title(now, c.id, c.pointer), type: this.#typeName(c.type) }),
          '',
          c.id,
        ),
      ),
      ...d.removed.map((c) =>
        row(
          'removed',
          this.t('changeRemoved'),
          this.t('changeRemovedWhat', { field: this.#title(before, c.id, c.pointer), type: this.#typeName(c.type) }),
          this.t('effectKeptRemoved'),
          c.id,
        ),
      ),
      ...d.renamed.map((c) => {
        const from = this.#title(before, c.id, c.from);
        const to = this.#title(now, c.id, c.to);
        const what = from === to ? this.t('changeMovedWhat', { field: to }) : this.t('changeRenamedWhat', { from, to });
        return row('renamed', this.t('changeRenamed'), what, this.t('effectMoved'), c.id);
      }),
      ...d.retyped.map((c) => {
        const field = this.#title(now, c.id, c.pointer);
        const what =
          c.fromType === c.toType
            ? this.t('changeOptionsWhat', { field })
            : this.t('changeRetypedWhat', { field, from: this.#typeName(c.fromType), to: this.#typeName(c.toType) });
        return row('retyped', this.t('changeRetyped'), what, this.#effect(c), c.id);
      }),
    ];
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const next = (store.published?.version ?? 0) + 1;
    const d = this.diff;
    return html`<dialog aria-labelledby="${this.uid}-h" @close=${() => (this.diff = undefined)}>
      <h2 id="${this.uid}-h">${this.t('publishTitle', { n: next })}</h2>
      ${
        d
          ? html`${!store.published ? html`<p>${this.t('publishFirst')}</p>` : isEmptyDiff(d) ? html`<p>${this.t('publishNoChanges', { n: store.published.version })}</p>` : nothing}
            ${this.report ? html`<p data-total>${this.t('publishRecords', { n: this.report.total })}</p>` : nothing}
            ${isEmptyDiff(d) ? nothing : html`<table><tbody>${this.#rows()}</tbody></table>`}`
          : nothing
      }
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
