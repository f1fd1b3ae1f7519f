/**
 * Connects a card to a StorageAdapter: load, save with the expected revision, keep an unsaved
 * draft locally (a reload or a crash loses nothing), queue saves while the server is unreachable
 * (the outbox, sent in order when it is back), and turn a stale save into a field-by-field choice
 * instead of a silent overwrite. It is a Lit ReactiveController: the host re-renders on status.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepEqual, type FieldError, type JsonValue, type Locale, type ValidationResult } from '@kartochka/core';
import {
  ConflictError,
  NotFoundError,
  QuotaExceededError,
  UnavailableError,
  ValidationError,
  type CardRecord,
  type IndexedValue,
  type NewOrUpdatedRecord,
  type StorageAdapter,
} from '@kartochka/storage';
import { LocalCardDb, type Draft } from './local-db.js';
import { mergeThreeWay, resolveConflicts, type FieldConflict } from './merge.js';
import { pt, type PersistenceStrings } from './messages.js';

export interface PersistenceHost extends ReactiveControllerHost, EventTarget {
  value: JsonValue | undefined;
  locale: Locale;
  validate(): ValidationResult;
  focusFirstInvalid(): boolean;
  setServerErrors(errors: readonly FieldError[]): void;
}

export interface PersistenceOptions {
  storage: StorageAdapter;
  recordId: string;
  schemaId: string;
  schemaVersion?: number;
  /** Tells drafts and queued saves of different backends apart (default: the adapter's class name). */
  scope?: string;
  /** The card's title for lists and search (default: the first string field found). */
  title?: (data: JsonValue | undefined) => string;
  /** Values of indexed fields copied out of the data. */
  indexed?: (data: JsonValue | undefined) => Record<string, IndexedValue>;
  author?: string;
  /** Name of the local IndexedDB database for drafts and the outbox. */
  localDbName?: string;
  /** Milliseconds between a keystroke and the draft write. */
  draftDelay?: number;
  /**
   * Brings data saved under an older schema version up to `schemaVersion` (e.g. the builder's
   * `migrateRecord`). The next save stores the migrated data under the current version.
   */
  migrate?: (data: JsonValue, savedWith: number) => JsonValue | Promise<JsonValue>;
}

export type PersistenceStatus =
  | 'idle'
  | 'loading'
  | 'loaded'
  | 'new'
  | 'saving'
  | 'saved'
  | 'invalid'
  | 'server-invalid'
  | 'queued'
  | 'flushed'
  | 'draft-available'
  | 'draft-restored'
  | 'conflict'
  | 'merged'
  | 'quota'
  | 'failed'
  | 'not-found'
  | 'refreshed'
  | 'changed-elsewhere';

const STATUS_MESSAGE: Partial<Record<PersistenceStatus, keyof PersistenceStrings>> = {
  loading: 'loading', loaded: 'loaded', new: 'newCard', saving: 'saving', saved: 'saved', invalid: 'invalid',
  'server-invalid': 'serverInvalid', queued: 'queued', flushed: 'flushed', 'draft-available': 'draftAvailable',
  'draft-restored': 'draftRestored', conflict: 'conflict', merged: 'merged', quota: 'quota', failed: 'failed', 'not-found': 'notFound',
  refreshed: 'refreshed', 'changed-elsewhere': 'changedElsewhere',
};

const ERROR_STATUSES = new Set<PersistenceStatus>(['invalid', 'server-invalid', 'conflict', 'quota', 'failed', 'not-found']);

function firstString(data: JsonValue | undefined): string {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const v of Object.values(data)) {
      if (typeof v === 'string' && v) return v;
      const nested = firstString(v);
      if (nested) return nested;
    }
  }
  return '';
}

export class CardPersistence implements ReactiveController {
  status: PersistenceStatus = 'idle';
  /** The field-by-field conflicts of a stale save, until the user resolves them. */
  conflicts: FieldConflict[] = [];
  /** A draft found on load that differs from the stored card. */
  draft?: Draft;
  revision = 0;
  queuedCount = 0;
  #detail: Record<string, string | number> = {};
  #options?: PersistenceOptions;
  #base: JsonValue | undefined;
  #merged: JsonValue | undefined;
  #remote?: CardRecord<JsonValue>;
  #local?: Promise<LocalCardDb>;
  #draftTimer?: ReturnType<typeof setTimeout>;
  #retryTimer?: ReturnType<typeof setInterval>;
  #loading = false;

  constructor(private readonly host: PersistenceHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('kc-change', this.#onChange);
    (this.host as unknown as HTMLElement).addEventListener?.('keydown', this.#onKeydown as EventListener);
    globalThis.addEventListener?.('online', this.#onOnline);
  }

  #unwatch?: () => void;
  #writing = 0;

  async #put(record: NewOrUpdatedRecord<JsonValue>, expectedRevision: number): Promise<CardRecord<JsonValue>> {
    this.#writing++;
    try {
      return await this.#options!.storage.put(record, { expectedRevision, author: this.#options!.author });
    } finally {
      this.#writing--;
    }
  }

  /**
   * Another tab (or another adapter instance) saved this card: with no edits here the card shows
   * the new version at once; with edits, it says so now (the save will offer the field-by-field
   * choice) instead of surprising the user later.
   */
  #watch(): void {
    this.#unwatch?.();
    const o = this.#options;
    if (!o) return;
    this.#unwatch = o.storage.watch(o.recordId, (e) => {
      // Our own puts notify too: ignore events while one is in flight (its revision is ours).
      if (e.type !== 'put' || e.revision <= this.revision || this.#writing > 0) return;
      if (deepEqual(this.host.value, this.#base)) {
        void this.load().then(() => this.#set('refreshed', { n: this.revision }));
      } else {
        this.#set('changed-elsewhere', { n: e.revision });
      }
    });
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.host.removeEventListener('kc-change', this.#onChange);
    (this.host as unknown as HTMLElement).removeEventListener?.('keydown', this.#onKeydown as EventListener);
    globalThis.removeEventListener?.('online', this.#onOnline);
    void this.#flushDraftNow();
    clearInterval(this.#retryTimer);
  }

  /** The status line in the host's language. */
  message(locale: Locale = this.host.locale): string {
    const key = STATUS_MESSAGE[this.status];
    return key ? pt(locale, key, this.#detail) : '';
  }

  get isError(): boolean {
    return ERROR_STATUSES.has(this.status);
  }

  get options(): PersistenceOptions | undefined {
    return this.#options;
  }

  get #scope(): string {
    const o = this.#options!;
    return o.scope ?? o.storage.constructor.name;
  }

  get #draftKey(): string {
    return `${this.#scope}:${this.#options!.recordId}`;
  }

  #db(): Promise<LocalCardDb> {
    return (this.#local ??= LocalCardDb.open(this.#options?.localDbName));
  }

  /** Grows on every status change: a cheap "something changed" key for views. */
  changes = 0;

  #set(status: PersistenceStatus, detail: Record<string, string | number> = {}): void {
    this.status = status;
    this.changes++;
    this.#detail = detail;
    this.host.requestUpdate();
    this.host.dispatchEvent(new CustomEvent('kc-storage-status', { detail: { status, message: this.message() }, bubbles: true, composed: true }));
  }

  /** Points the card at a record and loads it (with any draft and queued saves). */
  async attach(options: PersistenceOptions): Promise<void> {
    this.#options = options;
    this.#watch();
    await this.load();
  }

  async load(): Promise<void> {
    const o = this.#options;
    if (!o) return;
    this.#loading = true;
    this.#set('loading');
    try {
      try {
        const stored = await o.storage.get<JsonValue>(o.recordId);
        const current = o.schemaVersion ?? stored.schemaVersion;
        const data = o.migrate && stored.schemaVersion < current ? await o.migrate(stored.data, stored.schemaVersion) : stored.data;
        this.revision = stored.revision;
        this.#base = data;
        this.host.value = data;
        this.#set('loaded', { n: stored.revision });
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        this.revision = 0;
        this.#base = this.host.value;
        this.#set('new');
      }
      const db = await this.#db();
      const queued = await db.queued(this.#scope);
      const mine = queued.filter((q) => q.record.id === o.recordId);
      this.queuedCount = queued.length;
      if (mine.length) {
        // What is queued is newer than what the server has: show it, then try to send it.
        this.host.value = mine[mine.length - 1].record.data;
        this.#set('queued', { n: queued.length });
        void this.flushOutbox();
      }
      const draft = await db.getDraft(this.#draftKey);
      if (draft && !deepEqual(draft.data, this.host.value)) {
        this.draft = draft;
        this.#set('draft-available', { when: new Date(draft.savedAt).toLocaleString(this.host.locale) });
      }
    } catch (e) {
      this.#set('failed', { msg: (e as Error).message });
    } finally {
      this.#loading = false;
    }
  }

  /** Puts the unsaved draft back into the card (merging with a newer stored version if needed). */
  async restoreDraft(): Promise<void> {
    const d = this.draft;
    if (!d) return;
    this.draft = undefined;
    if (d.baseRevision === this.revision) {
      this.host.value = d.data;
      this.#set('draft-restored');
      return;
    }
    // The card was saved elsewhere after the draft began: merge like a stale save.
    this.#startMerge(d.baseData, d.data, { data: this.#base, revision: this.revision } as CardRecord<JsonValue>);
  }

  async discardDraft(): Promise<void> {
    this.draft = undefined;
    await (await this.#db()).deleteDraft(this.#draftKey);
    this.#set(this.revision ? 'loaded' : 'new', { n: this.revision });
  }

  /** Validates and saves. Returns whether the card is now stored (queued counts as not yet). */
  async save(): Promise<boolean> {
    const o = this.#options;
    if (!o || this.status === 'saving') return false;
    const result = this.host.validate();
    if (!result.valid) {
      this.#set('invalid');
      this.host.focusFirstInvalid();
      return false;
    }
    const data = this.host.value;
    const record: NewOrUpdatedRecord<JsonValue> = {
      id: o.recordId,
      schemaId: o.schemaId,
      schemaVersion: o.schemaVersion ?? 1,
      title: (o.title ?? firstString)(data),
      indexed: o.indexed?.(data) ?? {},
      data: data ?? null,
    };
    this.#set('saving');
    try {
      const stored = await this.#put(record, this.revision);
      this.revision = stored.revision;
      this.#base = stored.data;
      this.conflicts = [];
      clearTimeout(this.#draftTimer);
      await (await this.#db()).deleteDraft(this.#draftKey);
      this.#set('saved', { n: stored.revision });
      this.host.dispatchEvent(new CustomEvent('kc-saved', { detail: { record: stored }, bubbles: true, composed: true }));
      return true;
    } catch (e) {
      return this.#saveFailed(e, record);
    }
  }

  async #saveFailed(e: unknown, record: NewOrUpdatedRecord<JsonValue>): Promise<false> {
    if (e instanceof ConflictError) {
      this.#startMerge(this.#base, this.host.value, e.current as CardRecord<JsonValue>);
    } else if (e instanceof ValidationError) {
      this.host.setServerErrors(e.errors.map((x) => ({ ...x, source: 'server' as const })));
      this.#set('server-invalid');
    } else if (e instanceof UnavailableError) {
      const db = await this.#db();
      await db.enqueue({ scope: this.#scope, record, expectedRevision: this.revision, baseData: this.#base, queuedAt: new Date().toISOString() });
      await db.deleteDraft(this.#draftKey);
      this.queuedCount = (await db.queued(this.#scope)).length;
      this.#set('queued', { n: this.queuedCount });
      this.#scheduleRetry();
    } else if (e instanceof QuotaExceededError) {
      this.#set('quota');
    } else if (e instanceof NotFoundError) {
      this.#set('not-found');
    } else {
      this.#set('failed', { msg: (e as Error).message ?? String(e) });
    }
    return false;
  }

  #startMerge(base: JsonValue | undefined, local: JsonValue | undefined, remote: CardRecord<JsonValue>): void {
    const { merged, conflicts, autoApplied } = mergeThreeWay(base, local, remote.data);
    this.#remote = remote;
    this.revision = remote.revision;
    this.#base = remote.data;
    this.#merged = merged;
    this.conflicts = conflicts;
    if (conflicts.length) {
      this.#set('conflict', { n: remote.revision });
    } else {
      this.host.value = merged;
      this.#set('merged', { n: remote.revision, fields: autoApplied.join(', ') || '—' });
    }
  }

  /** Applies the user's per-field choices to a conflict and saves. */
  async resolve(choices: Readonly<Record<string, 'local' | 'remote'>>): Promise<boolean> {
    if (!this.#remote) return false;
    this.host.value = resolveConflicts(this.#merged, this.conflicts, choices);
    this.conflicts = [];
    this.#remote = undefined;
    return this.save();
  }

  /** Sends queued saves in order; stops at the first that cannot go yet. Calls never overlap. */
  flushOutbox(): Promise<void> {
    this.#flushChain = this.#flushChain.then(() => this.#flushOnce()).catch((e) => this.#set('failed', { msg: (e as Error).message }));
    return this.#flushChain;
  }

  #flushChain: Promise<void> = Promise.resolve();

  async #flushOnce(): Promise<void> {
    const o = this.#options;
    if (!o) return;
    const db = await this.#db();
    let sent = 0;
    for (const entry of await db.queued(this.#scope)) {
      try {
        const stored = await this.#put(entry.record, entry.expectedRevision);
        await db.dequeue(entry.seq!);
        sent++;
        if (entry.record.id === o.recordId) {
          this.revision = stored.revision;
          this.#base = stored.data;
        }
      } catch (e) {
        if (e instanceof UnavailableError) break;
        // A conflict or a rejection: take it out of the queue and show it on the card it belongs to.
        await db.dequeue(entry.seq!);
        if (entry.record.id === o.recordId) {
          this.host.value = entry.record.data;
          this.#base = entry.baseData;
          this.revision = entry.expectedRevision;
          await this.#saveFailed(e, entry.record);
        }
        break;
      }
    }
    this.queuedCount = (await db.queued(this.#scope)).length;
    if (this.queuedCount === 0) clearInterval(this.#retryTimer);
    if (sent && this.status === 'queued') this.#set(this.queuedCount ? 'queued' : 'flushed', { n: this.queuedCount });
  }

  #scheduleRetry(): void {
    clearInterval(this.#retryTimer);
    this.#retryTimer = setInterval(() => void this.flushOutbox(), 15000);
  }

  #onOnline = () => void this.flushOutbox();

  #onKeydown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S' || e.key === 'ы' || e.key === 'Ы')) {
      e.preventDefault();
      void this.save();
    }
  };

  #onChange = () => {
    if (!this.#options || this.#loading) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => this.#flushDraftNow(), this.#options.draftDelay ?? 400);
  };

  #flushDraftNow(): Promise<unknown> | undefined {
    if (!this.#options || this.#draftTimer === undefined) return undefined;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    const draft: Draft = {
      key: this.#draftKey,
      data: this.host.value,
      baseRevision: this.revision,
      baseData: this.#base,
      savedAt: new Date().toISOString(),
    };
    return this.#db().then((db) => (deepEqual(draft.data, this.#base) ? db.deleteDraft(draft.key) : db.putDraft(draft)));
  }

  /** Writes a pending draft now (tests; page hide). */
  async flushDraft(): Promise<void> {
    await this.#flushDraftNow();
  }
}
