import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { withCardSettings, type JsonValue, type Locale } from '@kartochka/core';
import type { StorageAdapter } from '@kartochka/storage';
import { blankDocument, normalizeDocument, type BuilderDocument } from '../model/index.js';
import { adoptStyles } from './part.js';
import { BuilderStore, StoreController } from './store.js';
import { LANGUAGE_NAMES, s, type BuilderStringKey } from './strings.js';
import './palette.js';
import './canvas.js';
import './inspector.js';
import './preview.js';
import './json-view.js';
import './card-settings.js';
import './publish.js';
import type { KcBuilderPublish } from './publish.js';
import type { KcBuilderPreview } from './preview.js';
import { KcBuilderChangeEvent } from './events.js';
import { deleteDraft, loadDraft, saveDraft, type BuilderDraft } from './draft.js';
import { INSPECTOR_WIDTH, clampInspectorWidth, inspectorSplitter } from './splitter.js';

interface TemplateLike {
  id: string;
  title: Record<Locale, string>;
  schema: object;
  layout: object;
  messages: object;
  sample: unknown;
}

/**
 * @summary The card builder: admins shape their own client card with no code. A palette of field
 * types, the card as it will look (drag-and-drop and keyboard moves), settings of the selection,
 * a live preview with the real `<kc-card>`, an editable JSON view, undo/redo, templates,
 * import/export, and publishing of versions with migrations of stored cards.
 *
 * Renders in light DOM (see part.ts: pragmatic-drag-and-drop needs it); styles are scoped by tag.
 *
 * Unpublished work is kept as a draft through `storage`, per card type and user (draft.ts): a
 * reload or another visit offers to restore it, and leaving the page with unpublished changes asks
 * first (`beforeunload`; an app's own navigation can ask {@link KcBuilder.hasUnpublishedChanges}).
 *
 * @event kc-publish - After a version is published; `detail: {version}` (a `SchemaVersion`).
 * @event kc-builder-change - After every edit, undo or redo; `detail: {document}`.
 * @cssproperty --kc-color-accent - Accent colour.
 * @cssproperty --kc-color-danger - Error colour.
 * @cssproperty --kc-font-family - Font.
 */
export class KcBuilder extends LitElement {
  /** Where published versions and records live. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** The schema id the builder edits and publishes (`storage.getSchema(schemaId)`). */
  @property({ attribute: 'schema-id' }) schemaId = '';
  /** Language of the builder's own UI (the card has both). */
  @property({ reflect: true }) locale: Locale = 'ru';
  /** Milliseconds after the last edit before the draft is kept (default 800). */
  @property({ attribute: false }) draftDelay = 800;
  /** The settings panel's width in CSS pixels (280–720); the admin drags the handle or uses its arrow keys. */
  @property({ attribute: 'inspector-width', type: Number }) inspectorWidth: number = INSPECTOR_WIDTH.initial;
  /** A kept draft that differs from what was loaded, offered until restored or discarded. */
  @state() draftOffered?: BuilderDraft;

  /** The builder's state: document history, selection, published versions. */
  readonly store = new BuilderStore(blankDocument());
  readonly #sc = new StoreController(this);
  @state() private view: 'preview' | 'json' | 'card' = 'preview';
  @state() private loading = false;
  @state() private templates: TemplateLike[] = [];
  #loadedFor = '';

  constructor() {
    super();
    this.#sc.store = this.store;
    this.store.addEventListener('change', () => {
      this.dispatchEvent(new KcBuilderChangeEvent({ document: this.store.doc }));
      this.#scheduleDraft();
    });
  }

  /** True when the document differs from the version it was loaded or last published as. */
  get hasUnpublishedChanges(): boolean {
    return !this.loading && this.#snapshot() !== this.#publishedSnapshot;
  }

  #draftTimer?: ReturnType<typeof setTimeout>;
  /** Whether a draft of this card type and user is kept now (so going back to published deletes it). */
  #draftKept = false;
  #draftChain: Promise<unknown> = Promise.resolve();

  #scheduleDraft(): void {
    clearTimeout(this.#draftTimer);
    // While a kept draft is offered, it is not overwritten: the admin chooses first.
    if (this.loading || this.draftOffered || !this.storage || !this.schemaId) return;
    this.#draftTimer = setTimeout(() => void this.keepDraft(), this.draftDelay);
  }

  /** Keeps the unpublished work now (or forgets the draft when there is none); resolves once stored. */
  keepDraft(schemaId = this.schemaId, storage = this.storage): Promise<unknown> {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    if (!storage || !schemaId || this.loading || this.draftOffered) return this.#draftChain;
    const dirty = this.hasUnpublishedChanges;
    const { schema, layout, messages } = this.store.doc;
    const draft: BuilderDraft = {
      schemaId,
      basedOn: this.store.published?.version ?? null,
      document: { schema, layout, messages },
      savedAt: new Date().toISOString(),
    };
    this.#draftChain = this.#draftChain
      .then(async () => {
        if (dirty) this.#draftKept = await saveDraft(storage, draft);
        else if (this.#draftKept) {
          await deleteDraft(storage, schemaId);
          this.#draftKept = false;
        }
      })
      .catch((e: unknown) => console.warn('[kc-builder] the draft was not kept:', e));
    return this.#draftChain;
  }

  /** Puts the offered draft back into the builder (an undoable step) and keeps it. */
  restoreDraft(): void {
    const d = this.draftOffered;
    if (!d) return;
    this.draftOffered = undefined;
    this.store.edit(() => normalizeDocument(d.document), { select: null, announce: this.#t('draftRestored') });
  }

  /** Forgets the offered draft. */
  async discardDraft(): Promise<void> {
    if (!this.draftOffered || !this.storage) return;
    this.draftOffered = undefined;
    this.#draftKept = false;
    await deleteDraft(this.storage, this.schemaId);
  }

  readonly #onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.hasUnpublishedChanges) return;
    void this.keepDraft();
    e.preventDefault();
    // Older browsers show the prompt only with a returnValue.
    e.returnValue = '';
  };

  /** The document being edited. */
  get document(): BuilderDocument {
    return this.store.doc;
  }
  /** Replaces the document (an undoable step). */
  set document(doc: BuilderDocument) {
    this.store.edit(() => normalizeDocument(doc), { select: null });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this);
    this.addEventListener('keydown', this.#onKeydown);
    this.addEventListener('kc-publish', this.#onPublished);
    window.addEventListener('beforeunload', this.#onBeforeUnload);
    this.#templatesLoaded = import('@kartochka/templates')
      .then((m) => {
        // A type started from a template takes its title, columns, filters and chips along (x-card).
        this.templates = (m.templates ?? []).map((t) => ({
          ...t,
          schema: withCardSettings(t.schema, m.templateCardSettings(t as never)),
        })) as unknown as TemplateLike[];
      })
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKeydown);
    this.removeEventListener('kc-publish', this.#onPublished);
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
    // Leaving the page (or the app's view): the pending draft goes now.
    if (this.#draftTimer !== undefined) void this.keepDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.store.locale = this.locale;
    if (changed.has('storage') && this.storage) void this.#loadLook(this.storage);
    const key = this.storage && this.schemaId ? this.schemaId : '';
    if ((changed.has('storage') || changed.has('schemaId')) && key && key !== this.#loadedFor) {
      // Pending work of the card type shown so far is kept under that type, before the next loads.
      if (this.#draftTimer !== undefined && this.#loadedFor)
        void this.keepDraft(this.#loadedFor, (changed.get('storage') as StorageAdapter | undefined) ?? this.storage);
      this.#loadedFor = key;
      void this.load();
    }
  }

  /** The admin's own builder look (the settings panel's width), kept as a setting of the adapter. */
  #lookKey = () => `builder-look:${this.storage?.user || '-'}`;
  #lookTimer?: ReturnType<typeof setTimeout>;

  async #loadLook(storage: StorageAdapter): Promise<void> {
    const look = await storage.getSetting<{ inspectorWidth?: unknown }>(this.#lookKey()).catch(() => undefined);
    if (storage === this.storage && typeof look?.inspectorWidth === 'number')
      this.inspectorWidth = clampInspectorWidth(look.inspectorWidth);
  }

  #setInspectorWidth(width: number): void {
    this.inspectorWidth = width;
    clearTimeout(this.#lookTimer);
    // Kept once the handle rests: a drag is many widths, one setting.
    this.#lookTimer = setTimeout(
      () => void this.storage?.putSetting(this.#lookKey(), { inspectorWidth: width }).catch(() => undefined),
      400,
    );
  }

  /** Loads the latest published version of `schemaId` (if any) and the version list. */
  async load(): Promise<void> {
    if (!this.storage || !this.schemaId) return;
    this.loading = true;
    this.draftOffered = undefined;
    try {
      const versions = await this.storage.listSchemaVersions(this.schemaId);
      const latest = versions[versions.length - 1];
      if (latest) this.store.reset(normalizeDocument(latest));
      this.store.setPublished(versions);
      this.#markPublished();
      const draft = await loadDraft(this.storage, this.schemaId);
      this.#draftKept = draft !== undefined;
      const { schema, layout, messages } = draft ? normalizeDocument(draft.document) : this.store.doc;
      if (draft && JSON.stringify([normalizeForCompare(schema), layout, messages]) !== this.#publishedSnapshot) this.draftOffered = draft;
    } finally {
      this.loading = false;
    }
  }

  #publishedSnapshot = '';

  #snapshot(): string {
    const { schema, layout, messages } = this.store.doc;
    return JSON.stringify([normalizeForCompare(schema), layout, messages]);
  }

  #markPublished(): void {
    this.#publishedSnapshot = this.#snapshot();
  }

  #t(key: BuilderStringKey, params?: Record<string, string | number>): string {
    return s(this.store.locale, key, params);
  }

  readonly #onPublished = (): void => {
    this.#markPublished();
    this.draftOffered = undefined;
    // Published: the draft is settled.
    if (this.storage && this.#draftKept) {
      this.#draftKept = false;
      void deleteDraft(this.storage, this.schemaId);
    }
    this.requestUpdate();
  };

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement;
    // Text boxes keep their own undo.
    if (target?.matches?.('input:not([type=checkbox]), textarea, [contenteditable]') || target?.closest?.('kc-card')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      this.undo();
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      this.redo();
    }
  };

  undo(): void {
    this.store.seal();
    this.store.undo(this.#t('undone'));
  }
  redo(): void {
    this.store.redo(this.#t('redone'));
  }

  #templatesLoaded: Promise<void> = Promise.resolve();

  /** Starts over from a template (by id) or a blank card; undoable. Waits for the templates to load. */
  async startFrom(id: string): Promise<void> {
    if (!this.templates.some((t) => t.id === id)) await this.#templatesLoaded;
    const tpl = this.templates.find((t) => t.id === id);
    this.store.edit(() => (tpl ? normalizeDocument(tpl) : blankDocument()), { select: null });
    this.store.setSample(tpl ? (structuredClone(tpl.sample) as JsonValue) : {});
  }

  /** The document as a downloadable JSON file. */
  exportJson(): string {
    const { schema, layout, messages } = this.store.doc;
    return JSON.stringify({ schema, layout, messages }, null, 2);
  }

  #download(): void {
    const url = URL.createObjectURL(new Blob([this.exportJson()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this.schemaId || 'card'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** Imports `{schema, layout?, messages?}` (or a bare schema) from JSON text; undoable. */
  importJson(text: string, name = 'JSON'): boolean {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const input =
        parsed && typeof parsed.schema === 'object'
          ? (parsed as { schema: object; layout?: object; messages?: object })
          : { schema: parsed };
      const doc = normalizeDocument(input);
      this.store.edit(() => doc, { select: null, announce: this.#t('imported', { name }) });
      return true;
    } catch (e) {
      this.store.announce(this.#t('importError', { detail: (e as Error).message }));
      return false;
    }
  }

  async #onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.importJson(await file.text(), file.name);
    input.value = '';
  }

  /** Opens the publish dialog (diff and impact first). */
  publish(): Promise<void> {
    return this.querySelector<KcBuilderPublish>('kc-builder-publish')!.open();
  }

  get preview(): KcBuilderPreview | null {
    return this.querySelector('kc-builder-preview');
  }

  override render(): unknown {
    const store = this.store;
    const t = (k: BuilderStringKey, p?: Record<string, string | number>) => this.#t(k, p);
    const pub = store.published;
    // Compared with the document as it was when loaded or published (normalised the same way), so
    // opening a version never reads as "unpublished changes"; layout and labels count too.
    const dirty = pub ? this.#snapshot() !== this.#publishedSnapshot : true;
    const fileId = `kcb-file-${this.schemaId || 'x'}`;
    return html`<div class="kcb-toolbar" role="toolbar" aria-label=${t('builder')}>
        <strong>${t('builder')}</strong>
        <button type="button" name="undo" title="Ctrl+Z" aria-keyshortcuts="Control+Z" ?disabled=${!store.canUndo} @click=${() => this.undo()}>↶ ${t('undo')}</button>
        <button type="button" name="redo" title="Ctrl+Shift+Z" aria-keyshortcuts="Control+Shift+Z" ?disabled=${!store.canRedo} @click=${() => this.redo()}>↷ ${t('redo')}</button>
        <label>${t('start')}
          <select name="start-from">
            <option value="blank">${t('blank')}</option>
            ${this.templates.map((tpl) => html`<option value=${tpl.id}>${tpl.title[store.locale] ?? tpl.id}</option>`)}
          </select>
        </label>
        <button type="button" name="start" @click=${() => this.startFrom((this.querySelector('select[name=start-from]') as HTMLSelectElement).value)}>${t('startButton')}</button>
        <button type="button" name="import" @click=${() => (this.querySelector(`#${fileId}`) as HTMLInputElement).click()}>${t('import')}</button>
        <input id=${fileId} type="file" accept="application/json,.json" hidden aria-label=${t('import')} @change=${this.#onFile} />
        <button type="button" name="export" @click=${() => this.#download()}>${t('export')}</button>
        <span class="kcb-spacer"></span>
        <span class="kcb-status" data-published>${this.loading ? t('loading') : pub ? t('publishedVersion', { n: pub.version }) : t('notPublished')}${pub && dirty ? ` · ${t('unpublishedChanges')}` : ''}</span>
        <label>${t('uiLanguage')}
          <select name="ui-locale" @change=${(e: Event) => (this.locale = (e.target as HTMLSelectElement).value as Locale)}>
            ${(Object.keys(LANGUAGE_NAMES) as Locale[]).map((l) => html`<option value=${l} ?selected=${l === store.locale}>${LANGUAGE_NAMES[l]}</option>`)}
          </select>
        </label>
        <button type="button" class="primary" name="publish" ?disabled=${this.loading} @click=${() => void this.publish()}>${t('publish')}</button>
      </div>
      ${store.notice ? html`<p class="kcb-error" role="alert" data-notice>${store.notice}</p>` : nothing}
      ${
        this.draftOffered
          ? html`<p class="kcb-draft" role="status" data-draft>${t('draftAvailable', { when: new Date(this.draftOffered.savedAt).toLocaleString(store.locale) })}
            <button type="button" name="restore-draft" @click=${() => this.restoreDraft()}>${t('restoreDraft')}</button>
            <button type="button" name="discard-draft" @click=${() => void this.discardDraft()}>${t('discardDraft')}</button></p>`
          : nothing
      }
      <!-- While a load is under way its result replaces the document: edits made meanwhile would be
           lost and not yet counted as unpublished, so the editing surface takes none. -->
      <div class="kcb-main" ?inert=${this.loading} aria-busy=${this.loading ? 'true' : 'false'} style=${styleMap({ '--kcb-inspector-width': `${clampInspectorWidth(this.inspectorWidth)}px` })}>
        <kc-builder-palette .store=${store}></kc-builder-palette>
        <kc-builder-canvas .store=${store}></kc-builder-canvas>
        ${inspectorSplitter(this.inspectorWidth, t('inspectorWidth'), (w) => this.#setInspectorWidth(w))}
        <kc-builder-inspector .store=${store}></kc-builder-inspector>
      </div>
      <div class="kcb-bottom" ?inert=${this.loading}>
        <section class="kcb-panel" aria-label=${t('views')}>
          <div class="kcb-tabs" role="tablist" aria-label=${t('views')}>
            <button type="button" role="tab" name="view-preview" aria-selected=${this.view === 'preview' ? 'true' : 'false'} @click=${() => (this.view = 'preview')}>${t('preview')}</button>
            <button type="button" role="tab" name="view-json" aria-selected=${this.view === 'json' ? 'true' : 'false'} @click=${() => (this.view = 'json')}>${t('json')}</button>
            <button type="button" role="tab" name="view-card" aria-selected=${this.view === 'card' ? 'true' : 'false'} @click=${() => (this.view = 'card')}>${t('cardSettings')}</button>
          </div>
          <kc-builder-preview .store=${store} .storage=${this.storage} schema-id=${this.schemaId} ?hidden=${this.view !== 'preview'}></kc-builder-preview>
          ${this.view === 'json' ? html`<kc-builder-json .store=${store}></kc-builder-json>` : nothing}
          ${this.view === 'card' ? html`<kc-builder-card-settings .store=${store}></kc-builder-card-settings>` : nothing}
        </section>
      </div>
      <kc-builder-publish .store=${store} .storage=${this.storage} schema-id=${this.schemaId}></kc-builder-publish>
      <div class="kcb-sr" role="status" aria-live="polite" data-announcer>${store.announcement}</div>`;
  }
}

/** A published schema without its migrations, to tell whether the document has unpublished edits. */
function normalizeForCompare(schema: object): object {
  const { ['x-kc-migrations']: _m, ...rest } = schema as Record<string, unknown>;
  void _m;
  return rest;
}

if (!customElements.get('kc-builder')) customElements.define('kc-builder', KcBuilder);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder': KcBuilder;
  }
}
