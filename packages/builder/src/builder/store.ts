/**
 * The builder's state: the undo history of documents, the selection, the last published version and
 * the sample data. One store per `<kc-builder>`; its parts read it and edit through it, and
 * re-render when it says so (`StoreController`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { JsonValue, Locale } from '@kartochka/core';
import type { SchemaVersion } from '@kartochka/storage';
import { s } from './strings.js';
import {
  canRedo,
  canUndo,
  commit,
  createHistory,
  fieldIndex,
  MoveRefusedError,
  redo,
  seal,
  undo,
  type BuilderDocument,
  type EditContext,
  type History,
  type NodeRef,
} from '../model/index.js';

export class BuilderStore extends EventTarget {
  #history: History;
  /** The selected section, group or field. */
  selection?: NodeRef;
  /** The latest published version (undefined before the first publish). */
  published?: SchemaVersion;
  /** Every published version, oldest first (for migrations). */
  versions: SchemaVersion[] = [];
  /** Data the preview shows and formulas are tried on. */
  sample: JsonValue = {};
  /** The section tab the canvas shows. */
  activeSection?: string;
  /** The builder's UI language. */
  locale: Locale = 'ru';
  /** The last announcement for screen readers. */
  announcement = '';
  /** Why the last edit was not made (shown until the next edit), or `''`. */
  notice = '';

  constructor(doc: BuilderDocument) {
    super();
    this.#history = createHistory(doc);
  }

  get doc(): BuilderDocument {
    return this.#history.present;
  }
  get history(): History {
    return this.#history;
  }
  get canUndo(): boolean {
    return canUndo(this.#history);
  }
  get canRedo(): boolean {
    return canRedo(this.#history);
  }

  /** Ids of published fields (their keys no longer follow titles). */
  get context(): EditContext {
    return { published: this.#publishedIds };
  }
  #publishedIds = new Set<string>();

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Applies an operation. `coalesce` merges successive edits with the same key into one undo step
   * (typing in one box); `select` changes the selection in the same step.
   */
  edit(
    op: (doc: BuilderDocument) => BuilderDocument,
    options: { coalesce?: string; select?: NodeRef | null; announce?: string } = {},
  ): void {
    let next: BuilderDocument;
    try {
      next = op(this.doc);
    } catch (e) {
      return this.refuse(e);
    }
    this.notice = '';
    this.#history = commit(this.#history, next, options.coalesce);
    if (options.select !== undefined) this.selection = options.select ?? undefined;
    if (this.selection && !this.#exists(this.selection)) this.selection = undefined;
    if (options.announce) this.announcement = options.announce;
    this.#changed();
  }

  /**
   * Shows why an operation was refused (a move the rules can't follow, `MoveRefusedError`) in the
   * builder's language, until the next edit; any other error is rethrown.
   */
  refuse(e: unknown): void {
    if (!(e instanceof MoveRefusedError)) throw e;
    this.notice = s(this.locale, e.owner ? 'moveRefused' : 'moveRefusedLayout', { field: e.field, owner: e.owner });
    this.#changed(); // the builder shows it (role="alert"): no second announcement
  }

  /** Replaces the whole history (loading a published version). */
  reset(doc: BuilderDocument): void {
    this.#history = createHistory(doc);
    this.selection = undefined;
    this.#changed();
  }

  /** Ends a run of coalesced edits (a text box lost focus). */
  seal(): void {
    this.#history = seal(this.#history);
  }

  select(ref: NodeRef | undefined, announce?: string): void {
    this.selection = ref;
    if (announce) this.announcement = announce;
    this.#changed();
  }

  undo(announce?: string): void {
    this.#history = undo(this.#history);
    if (this.selection && !this.#exists(this.selection)) this.selection = undefined;
    if (announce) this.announcement = announce;
    this.#changed();
  }

  redo(announce?: string): void {
    this.#history = redo(this.#history);
    if (this.selection && !this.#exists(this.selection)) this.selection = undefined;
    if (announce) this.announcement = announce;
    this.#changed();
  }

  /** Asks the parts to re-render (state outside the document changed, e.g. a draft). */
  refresh(): void {
    this.#changed();
  }

  announce(text: string): void {
    this.announcement = text;
    this.#changed();
  }

  setPublished(versions: SchemaVersion[]): void {
    this.versions = versions;
    this.published = versions[versions.length - 1];
    this.#publishedIds = new Set(this.published ? fieldIndex(this.published.schema as never).keys() : []);
    this.#changed();
  }

  setSample(data: JsonValue): void {
    this.sample = data;
    this.#changed();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.#changed();
  }

  #exists(ref: NodeRef): boolean {
    const d = this.doc;
    if (ref.kind === 'field') return fieldIndex(d.schema).has(ref.id);
    if (ref.kind === 'section') return d.layout.items.some((s) => s.id === ref.id);
    return JSON.stringify(d.layout).includes(`"id":${JSON.stringify(ref.id)}`);
  }
}

/** Re-renders a host whenever the store changes. */
export class StoreController implements ReactiveController {
  #store?: BuilderStore;
  readonly #host: ReactiveControllerHost;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  set store(s: BuilderStore | undefined) {
    if (s === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = s;
    s?.addEventListener('change', this.#onChange);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#store?.addEventListener('change', this.#onChange);
  }
  hostDisconnected(): void {
    this.#store?.removeEventListener('change', this.#onChange);
  }
}
