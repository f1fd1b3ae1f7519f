/**
 * Connects a card to a StorageAdapter: load, save with the expected revision, keep an unsaved
 * draft locally (a reload or a crash loses nothing), queue saves while the server is unreachable
 * (the outbox, sent in order when it is back), and turn a stale save into a field-by-field choice
 * instead of a silent overwrite. It is a Lit ReactiveController: the host re-renders on status.
 *
 * It follows the record it is pointed at: each `attach` starts a new generation (StorageWatch), a
 * late answer for an earlier record is dropped, and everything per record (draft offered,
 * conflicts, remote copy, merge, status) starts afresh. Drafts and queued saves are kept per store
 * (the adapter's `id`) and signed-in user (draft-store.ts).
 */
import type { ReactiveController } from 'lit';
import { deepEqual, type JsonValue, type Locale } from '@kartochka/core';
import { serverMessage } from '@kartochka/core/internal';
import {
  ConflictError,
  DuplicateError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  localFilesIn,
  type CardRecord,
  type NewOrUpdatedRecord,
  type StorageAdapter,
} from '@kartochka/storage';
import { KcSavedEvent, KcStorageStatusEvent, type KcFileRequestEvent } from '../events/events.js';
import { fetchFile, withUploadedFiles } from './files.js';
import { StorageWatch } from '../internal/storage-watch.js';
import {
  MemoryDraftStore,
  draftKey,
  scopeKey,
  type Draft,
  type DraftStore,
  type HeldSave,
  type LocalScope,
  type OutboxEntry,
} from './draft-store.js';
import { openDraftStore } from './local-db.js';
import { mergeThreeWay, resolveConflicts, type FieldConflict } from './merge.js';
import { pt, type PersistenceStrings } from './messages.js';
import { fieldName } from '../view/format.js';
import { STATUS_MESSAGE, ERROR_STATUSES, type PersistenceStatus } from './status.js';

import { DuplicateWatch, pointersOfKey, uniqueKeysOf } from './duplicate-watch.js';
import { CardDetachedError, firstString, heldFrom, type PersistenceHost, type PersistenceOptions } from './options.js';

export type { PersistenceStatus } from './status.js';
export { CardDetachedError, type PersistenceHost, type PersistenceOptions } from './options.js';

const stopsTheOutbox = (e: unknown): boolean => e instanceof UnavailableError || e instanceof UnauthorizedError;

/**
 * Server refusals of the card as a whole, not of one of its fields (docs/rest-api.md,
 * "Validation", "Limits"): no field can be marked red, so the status line says them.
 */
const WHOLE_CARD_KEYWORDS = new Set([
  'schemaNotPublished',
  'schemaVersionNotLatest',
  'schemaVersion',
  'maxBodySize',
  'maxDepth',
  'invalidId',
]);

/** How long the outbox waits before trying an unreachable server again. */
const RETRY_MS = 15_000;

/** "No carried value": the record was attached first, not moved to from another one. */
const NONE = Symbol('none');

export class CardPersistence implements ReactiveController {
  status: PersistenceStatus = 'idle';
  /** The field-by-field conflicts of a stale save, until the user resolves them. */
  conflicts: FieldConflict[] = [];
  /** A draft found on load that differs from the stored card. */
  draft?: Draft;
  revision = 0;
  /** Queued saves of this store and user still to send. */
  queuedCount = 0;
  /** Queued saves of other cards that met a conflict or a refusal: open them to resolve. */
  heldElsewhere: { id: string; title: string }[] = [];
  /** False when drafts and queued saves last only as long as the page (no IndexedDB, or no adapter id). */
  draftsPersistent = true;
  /** Grows on every status change: a cheap "something changed" key for views. */
  changes = 0;
  #detail: Record<string, string | number> = {};
  #options?: PersistenceOptions;
  #base: JsonValue | undefined;
  /**
   * The card's data as last loaded, saved or queued: what the unsaved marker compares with (not
   * `#base`, the stored data: the card may add computed values on load without anyone editing).
   */
  #clean: JsonValue | undefined;
  #merged: JsonValue | undefined;
  #remote?: CardRecord<JsonValue>;
  #store?: Promise<DraftStore>;
  #storeName?: string;
  #pageOnly?: MemoryDraftStore;
  #draftTimer?: ReturnType<typeof setTimeout>;
  #retryTimer?: ReturnType<typeof setTimeout>;
  /** No outbox retry before this time (ms): the server asked us to wait (429 `Retry-After`). */
  #retryAt = 0;
  /**
   * The server refused the credentials: no retries until they change (the card is pointed at
   * another adapter or user) or the user saves again — retrying would only be refused again.
   */
  #authPaused = false;
  #loading = false;
  /** An edit arrived while a load was still looking up the outbox and drafts (after 'loaded' showed). */
  #editedWhileLoading = false;
  #writing = 0;
  #carried: JsonValue | undefined | typeof NONE = NONE;
  #flushChain: Promise<void> = Promise.resolve();
  /** Watches the attached record; its generation tells a current answer from a late one. */
  #watch: StorageWatch;

  /** Other cards holding this card's unique keys (`x-unique`), looked up while the user types. */
  readonly duplicates: DuplicateWatch;

  constructor(private readonly host: PersistenceHost) {
    host.addController(this);
    this.duplicates = new DuplicateWatch(
      host,
      () => this.#options,
      () => {
        this.changes++;
        host.requestUpdate();
      },
    );
    this.#watch = new StorageWatch(host, (e) => this.#onStoredChange(e.type, e.revision));
  }

  hostConnected(): void {
    this.host.addEventListener('kc-change', this.#onChange);
    this.host.addEventListener('kc-file-request', this.#onFileRequest as EventListener);
    (this.host as unknown as HTMLElement).addEventListener?.('keydown', this.#onKeydown as EventListener);
    globalThis.addEventListener?.('online', this.#onOnline);
    // Back in the document (a DOM move): go on sending what waits.
    if (this.#options && this.queuedCount > 0) this.#resume();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('kc-change', this.#onChange);
    this.host.removeEventListener('kc-file-request', this.#onFileRequest as EventListener);
    (this.host as unknown as HTMLElement).removeEventListener?.('keydown', this.#onKeydown as EventListener);
    globalThis.removeEventListener?.('online', this.#onOnline);
    void this.#flushDraftNow();
    this.#stopRetries();
  }

  /** The status line in the host's language. */
  message(locale: Locale = this.host.locale): string {
    const key = STATUS_MESSAGE[this.status];
    return key ? pt(locale, key, this.#detail) : '';
  }

  /** One of the persistence strings (button labels, notices) in `locale`. */
  text(key: keyof PersistenceStrings, locale: Locale = this.host.locale): string {
    return pt(locale, key);
  }

  get isError(): boolean {
    return ERROR_STATUSES.has(this.status);
  }

  get options(): PersistenceOptions | undefined {
    return this.#options;
  }

  /** True while pointed at a storage and a record. */
  get attached(): boolean {
    return this.#options !== undefined;
  }

  /** The store and user whose drafts and queued saves this card uses. */
  get scope(): LocalScope | undefined {
    const o = this.#options;
    if (!o) return undefined;
    return { adapterId: o.scope ?? o.storage.id ?? '', user: o.storage.user ?? o.user ?? '' };
  }

  #db(): Promise<DraftStore> {
    const o = this.#options;
    if (o?.draftStore) return Promise.resolve(o.draftStore);
    if (!this.scope?.adapterId) return Promise.resolve((this.#pageOnly ??= new MemoryDraftStore()));
    if (!this.#store || this.#storeName !== o?.localDbName) {
      this.#storeName = o?.localDbName;
      this.#store = openDraftStore(o?.localDbName);
    }
    return this.#store;
  }

  #set(status: PersistenceStatus, detail: Record<string, string | number> = {}): void {
    this.status = status;
    this.changes++;
    this.#detail = detail;
    this.host.requestUpdate();
    this.host.dispatchEvent(new KcStorageStatusEvent({ ...detail, status, message: this.message() }));
  }

  #resetRecord(): void {
    this.duplicates.reset();
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    this.draft = undefined;
    this.conflicts = [];
    this.#remote = undefined;
    this.#merged = undefined;
    this.#base = undefined;
    this.#clean = undefined;
    this.revision = 0;
  }

  /** Points the card at a record and loads it (with any draft and queued saves). */
  async attach(options: PersistenceOptions): Promise<void> {
    const prev = this.#options;
    const moved =
      !prev ||
      prev.storage !== options.storage ||
      prev.recordId !== options.recordId ||
      prev.scope !== options.scope ||
      prev.user !== options.user;
    if (moved) {
      // The old record's pending draft is written under its own key before anything changes.
      void this.#flushDraftNow();
      this.#resetRecord();
      this.#carried = prev ? this.host.value : NONE;
    }
    this.#options = options;
    if (moved) {
      // New credentials (another adapter or user): the outbox may try again at once.
      this.#authPaused = false;
      this.#retryAt = 0;
      this.#watch.point(options.storage, options.recordId);
    }
    await this.load();
  }

  /** Stops persisting: no Save, `save()` rejects, watching and retries stop. Drafts and queued saves stay. */
  detach(): void {
    if (!this.#options) return;
    void this.#flushDraftNow();
    this.#options = undefined;
    this.#watch.point(undefined, '');
    this.#stopRetries();
    this.#resetRecord();
    this.queuedCount = 0;
    this.heldElsewhere = [];
    this.#loading = false;
    this.#set('detached');
  }

  /** (Re)loads the record; resolves `false` when the card was pointed elsewhere meanwhile. */
  load(): Promise<boolean> {
    return (this.#ready = this.#load());
  }

  #ready: Promise<boolean> = Promise.resolve(false);

  /** The latest load, with its draft and outbox checks: resolves once the card shows what it will. */
  get ready(): Promise<boolean> {
    return this.#ready;
  }

  async #load(): Promise<boolean> {
    const o = this.#options;
    if (!o) return false;
    const generation = this.#watch.begin();
    const current = () => this.#watch.isCurrent(generation) && this.#options === o;
    this.#loading = true;
    this.#editedWhileLoading = false;
    this.#set('loading');
    try {
      let stored: CardRecord<JsonValue> | undefined;
      try {
        stored = await o.storage.get<JsonValue>(o.recordId);
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
      if (!current()) return false;
      if (stored) {
        const want = o.schemaVersion ?? stored.schemaVersion;
        const data = o.migrate && stored.schemaVersion < want ? await o.migrate(stored.data, stored.schemaVersion) : stored.data;
        if (!current()) return false;
        this.revision = stored.revision;
        this.#base = data;
        // A load, not an edit: `value =` after edits would keep them dirty (controlled use).
        this.host.reset(data);
        this.#clean = this.host.value;
        this.#set('loaded', { n: stored.revision });
      } else {
        this.revision = 0;
        // Moved here from another record and the app set no value of its own: start empty, not
        // with the other card's data.
        if (this.#carried !== NONE && deepEqual(this.host.value, this.#carried)) this.host.reset(undefined);
        this.#base = this.host.value;
        this.#clean = this.host.value;
        this.#set('new');
      }
      this.#carried = NONE;
      const db = await this.#db();
      if (this.draftsPersistent !== db.persistent) {
        this.draftsPersistent = db.persistent;
        this.changes++;
        this.host.requestUpdate();
      }
      const queued = await db.queued(scopeKey(this.scope!));
      if (!current()) return false;
      const mine = queued.filter((q) => q.record.id === o.recordId);
      this.#count(queued, o.recordId);
      const held = mine.find((q) => q.held);
      if (held) {
        this.#showHeld(held, mine[mine.length - 1], stored);
      } else if (mine.length) {
        // What is queued is newer than what the server has: show it, then try to send it.
        this.host.value = mine[mine.length - 1].record.data;
        this.#clean = this.host.value;
        this.#set('queued', { n: this.queuedCount });
        if (!this.#authPaused) void this.flushOutbox();
      }
      const draft = held ? undefined : await db.getDraft(draftKey(this.scope!, o.recordId));
      if (!current()) return false;
      if (draft && !deepEqual(draft.data, this.host.value)) {
        this.draft = draft;
        this.#set('draft-available', { when: new Date(draft.savedAt).toLocaleString(this.host.locale) });
      } else if (!held && !mine.length && this.heldElsewhere.length) {
        this.#set('held-elsewhere', { title: this.heldElsewhere[0].title, n: this.heldElsewhere.length });
      }
      return true;
    } catch (e) {
      if (!current()) return false;
      if (e instanceof UnauthorizedError) this.#set('unauthorized', { user: this.scope!.user || '—' });
      else this.#set('failed', { msg: (e as Error).message });
      return false;
    } finally {
      if (current()) {
        this.#loading = false;
        // The card shows 'loaded' before the outbox and draft lookups end: what the user typed in
        // that window is still theirs and goes into the draft like any other edit.
        if (this.#editedWhileLoading && !deepEqual(this.host.value, this.#clean)) this.#scheduleDraft();
        this.#editedWhileLoading = false;
      }
    }
  }

  #count(queued: OutboxEntry[], recordId: string): void {
    this.queuedCount = queued.filter((q) => !q.held).length;
    const seen = new Map<string, string>();
    for (const q of queued) if (q.held && q.record.id !== recordId) seen.set(q.record.id, q.record.title || q.record.id);
    this.heldElsewhere = [...seen].map(([id, title]) => ({ id, title }));
  }

  /** A queued save of this card met a newer version (or a refusal) while it was closed: show it now. */
  #showHeld(held: OutboxEntry, last: OutboxEntry, stored: CardRecord<JsonValue> | undefined): void {
    const when = new Date(held.queuedAt).toLocaleString(this.host.locale);
    const remote = stored ?? held.held!.current;
    if (held.held!.reason === 'conflict' && remote) {
      this.#startMerge(held.baseData, last.record.data, remote, { queued: when });
      return;
    }
    this.host.value = last.record.data;
    this.#base = held.baseData;
    this.revision = stored?.revision ?? held.expectedRevision;
    if (held.held!.errors?.length) this.host.setServerErrors(held.held!.errors);
    this.#set('queued-rejected', { when, msg: held.held!.message ?? '' });
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

  /** True when the card's data differs from what was last loaded or saved (the unsaved marker). */
  get unsaved(): boolean {
    return this.#options !== undefined && this.status !== 'loading' && !deepEqual(this.host.value ?? null, this.#clean ?? null);
  }

  /**
   * Cancel: puts the card back to what was last loaded or saved and drops the unsaved draft (the
   * edits are gone, as the button says). A conflict being resolved stays: it is a choice still to make.
   */
  async revert(): Promise<void> {
    const o = this.#options;
    const scope = this.scope;
    if (!o || !scope) return;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    this.draft = undefined;
    this.host.reset(this.#base);
    this.#clean = this.host.value;
    await (await this.#db()).deleteDraft(draftKey(scope, o.recordId));
    if (this.#options === o && !this.conflicts.length) this.#set(this.revision ? 'loaded' : 'new', { n: this.revision });
  }

  async discardDraft(): Promise<void> {
    const scope = this.scope;
    const o = this.#options;
    this.draft = undefined;
    if (!scope || !o) return;
    await (await this.#db()).deleteDraft(draftKey(scope, o.recordId));
    if (this.#options === o) this.#set(this.revision ? 'loaded' : 'new', { n: this.revision });
  }

  /** A file field asks for a stored file: this card's storage fetches it. */
  #onFileRequest = (e: KcFileRequestEvent): void => {
    const o = this.#options;
    if (!o || e.detail.blob) return;
    e.detail.blob = fetchFile(o.storage, { id: o.recordId }, e.detail.fileId);
  };

  async #put(
    storage: StorageAdapter,
    record: NewOrUpdatedRecord<JsonValue>,
    expectedRevision: number,
    author?: string,
  ): Promise<CardRecord<JsonValue>> {
    this.#writing++;
    try {
      // Files first: the card saved after them references what the store now keeps (files.ts).
      return await storage.put(await withUploadedFiles(storage, record), { expectedRevision, author });
    } finally {
      this.#writing--;
    }
  }

  /**
   * Validates and saves. Resolves whether the card is now stored (queued counts as not yet);
   * rejects with {@link CardDetachedError} when the card has no storage or record.
   */
  async save(): Promise<boolean> {
    const o = this.#options;
    if (!o) throw new CardDetachedError();
    if (this.status === 'saving') return false;
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
    // Captured now: if the card is pointed elsewhere before the answer, it still belongs to this record.
    const scope = this.scope!;
    const expected = this.revision;
    const base = this.#base;
    // Saving again is the user's "try now": it lifts a pause after refused credentials.
    this.#authPaused = false;
    this.#set('saving');
    try {
      // The card's unique keys go with the save: the store refuses a second holder (docs/duplicates.md).
      const unique = await uniqueKeysOf(this.host.controller?.schema, data);
      if (unique) record.unique = unique;
      const stored = await this.#put(o.storage, record, expected, o.author);
      const db = await this.#db();
      await db.deleteDraft(draftKey(scope, o.recordId));
      // A held queued save of this card is settled by this save: the user chose what to keep.
      for (const q of await db.queued(scopeKey(scope))) if (q.record.id === o.recordId) await db.dequeue(q.seq!);
      if (this.#options !== o) return true;
      clearTimeout(this.#draftTimer);
      this.#draftTimer = undefined;
      this.revision = stored.revision;
      this.#base = stored.data;
      this.#clean = record.data;
      // Uploaded files: the card now holds their references, as the store does (unless edited meanwhile).
      if (this.host.value === data && stored.data !== undefined && localFilesIn(data).length > 0 && o.storage.putFile) {
        this.host.reset(stored.data);
        this.#clean = stored.data;
      }
      this.conflicts = [];
      this.#count(await db.queued(scopeKey(scope)), o.recordId);
      this.#set('saved', { n: stored.revision });
      this.host.dispatchEvent(new KcSavedEvent({ record: stored }));
      // The server takes saves again: send what still waits (unless it asked us to wait).
      if (this.queuedCount > 0 && Date.now() >= this.#retryAt) void this.flushOutbox();
      return true;
    } catch (e) {
      return this.#saveFailed(e, { record, expected, base, scope, options: o });
    }
  }

  async #saveFailed(
    e: unknown,
    s: {
      record: NewOrUpdatedRecord<JsonValue>;
      expected: number;
      base: JsonValue | undefined;
      scope: LocalScope;
      options: PersistenceOptions;
    },
  ): Promise<false> {
    const here = this.#options === s.options;
    const queue = async (held?: HeldSave) => {
      const db = await this.#db();
      const sk = scopeKey(s.scope);
      // One pending save per card: a newer one replaces the data of the one already waiting.
      const waiting = (await db.queued(sk)).filter((q) => q.record.id === s.record.id && !q.held).pop();
      if (waiting && !held) await db.update({ ...waiting, record: s.record, queuedAt: new Date().toISOString() });
      else
        await db.enqueue({
          scope: sk,
          user: s.scope.user,
          record: s.record,
          expectedRevision: s.expected,
          baseData: s.base,
          queuedAt: new Date().toISOString(),
          held,
        });
      await db.deleteDraft(draftKey(s.scope, s.record.id));
      if (this.#options === s.options) this.#count(await db.queued(sk), s.record.id);
    };
    if (e instanceof UnavailableError || e instanceof UnauthorizedError) {
      await queue();
      if (this.#options !== s.options) return false;
      this.#clean = s.record.data;
      this.#retryAfter(e);
      if (e instanceof UnauthorizedError) this.#set('unauthorized', { user: s.scope.user || '—' });
      else if (e instanceof RateLimitedError) this.#set('rate-limited', { n: this.queuedCount, s: Math.ceil(e.retryAfterMs / 1000) });
      else this.#set('queued', { n: this.queuedCount });
    } else if (!here) {
      // The card shows another record now: keep the save, held, for when this one is opened.
      if (e instanceof ConflictError || e instanceof ValidationError) await queue(heldFrom(e));
    } else if (e instanceof ConflictError) {
      this.#startMerge(s.base, this.host.value, e.current as CardRecord<JsonValue>);
    } else if (e instanceof DuplicateError) {
      // On the key's fields, in the card's language; the notice above names the other card and links to it.
      const message = pt(this.host.locale, 'duplicateField');
      const paths = pointersOfKey(e.key);
      this.host.setServerErrors(
        (paths.length ? paths : ['']).map((path) => ({ path, keyword: 'x-unique', message, source: 'server' as const })),
      );
      this.#set('duplicate');
      this.host.focusFirstInvalid();
      void this.duplicates.check(true);
    } else if (e instanceof ValidationError) {
      this.host.setServerErrors(e.errors.map((x) => ({ ...x, source: 'server' as const })));
      const whole = e.errors.filter((x) => WHOLE_CARD_KEYWORDS.has(x.keyword));
      if (whole.length || e.errors.length === 0) {
        // Worded in the card's language from the keyword and its params (the server answered in its own).
        const say = (x: (typeof whole)[number]) => {
          const params = (x as { params?: Record<string, string | number> }).params;
          return params ? serverMessage(this.host.locale, x.keyword, params) : x.message;
        };
        this.#set('server-rejected', { msg: whole.length ? whole.map(say).join(' ') : e.message });
      } else {
        this.#set('server-invalid');
      }
    } else if (e instanceof QuotaExceededError) {
      this.#set('quota');
    } else if (e instanceof NotFoundError) {
      this.#set('not-found');
    } else {
      this.#set('failed', { msg: (e as Error).message ?? String(e) });
    }
    return false;
  }

  #startMerge(base: JsonValue | undefined, local: JsonValue | undefined, remote: CardRecord<JsonValue>, queued?: { queued: string }): void {
    const { merged, conflicts, autoApplied } = mergeThreeWay(base, local, remote.data);
    this.#remote = remote;
    this.revision = remote.revision;
    this.#base = remote.data;
    this.#merged = merged;
    this.conflicts = conflicts;
    if (conflicts.length) {
      this.host.value = local;
      this.#set(queued ? 'queued-conflict' : 'conflict', { n: remote.revision, when: queued?.queued ?? '' });
    } else {
      this.host.value = merged;
      // Fields by their labels («Штат»), not their pointers (/general/size/headcount).
      this.#set('merged', { n: remote.revision, fields: autoApplied.map((p) => fieldName(this.host.controller, p)).join(', ') || '—' });
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

  /** Sends queued saves of this store and user in order; stops when the server cannot be reached. Calls never overlap. */
  flushOutbox(): Promise<void> {
    this.#flushChain = this.#flushChain.then(() => this.#flushOnce()).catch((e) => this.#set('failed', { msg: (e as Error).message }));
    return this.#flushChain;
  }

  async #flushOnce(): Promise<void> {
    const o = this.#options;
    // Paused (refused credentials) or asked to wait (429): the scheduled retry comes later.
    if (!o || this.#authPaused || Date.now() < this.#retryAt) return;
    const scope = this.scope!;
    const sk = scopeKey(scope);
    const db = await this.#db();
    let sent = 0;
    let stop: unknown;
    // A card with a held save sends nothing newer before the user resolves it.
    const blocked = new Set<string>();
    for (const entry of await db.queued(sk)) {
      if (this.#options !== o) return; // detached or moved: the next attach sends the rest
      if (entry.held || blocked.has(entry.record.id)) {
        blocked.add(entry.record.id);
        continue;
      }
      try {
        const stored = await this.#put(o.storage, entry.record, entry.expectedRevision, o.author);
        await db.dequeue(entry.seq!);
        sent++;
        if (entry.record.id === o.recordId && this.#options === o) {
          this.revision = stored.revision;
          this.#base = stored.data;
        }
      } catch (e) {
        if (stopsTheOutbox(e)) {
          stop = e;
          break;
        }
        // A conflict or a refusal: keep it, held, and show it on the card it belongs to.
        await db.update({ ...entry, held: heldFrom(e) });
        blocked.add(entry.record.id);
        if (this.#options !== o) return;
        if (entry.record.id === o.recordId) {
          const queued = await db.queued(sk);
          this.#count(queued, o.recordId);
          const mine = queued.filter((q) => q.record.id === o.recordId);
          this.#showHeld(
            mine.find((q) => q.held)!,
            mine[mine.length - 1],
            e instanceof ConflictError ? (e.current as CardRecord<JsonValue>) : undefined,
          );
        } else {
          this.#set('held-elsewhere', { title: entry.record.title || entry.record.id, n: 1 });
        }
      }
    }
    if (this.#options !== o) return;
    this.#count(await db.queued(sk), o.recordId);
    if (this.queuedCount === 0) this.#stopRetries();
    else if (stop) this.#retryAfter(stop);
    if (stop instanceof UnauthorizedError) this.#set('unauthorized', { user: scope.user || '—' });
    else if (stop instanceof RateLimitedError && this.status !== 'rate-limited')
      this.#set('rate-limited', { n: this.queuedCount, s: Math.ceil(stop.retryAfterMs / 1000) });
    else if (sent && (this.status === 'queued' || this.status === 'rate-limited'))
      this.#set(this.queuedCount ? 'queued' : 'flushed', { n: this.queuedCount });
    if (sent && this.heldElsewhere.length && this.status === 'flushed')
      this.#set('held-elsewhere', { title: this.heldElsewhere[0].title, n: this.heldElsewhere.length });
  }

  /**
   * Schedules the outbox's next try after a save or a flush stopped on `stop`: after the server's
   * `Retry-After` for a 429, in {@link RETRY_MS} when it was unreachable, and not at all when it
   * refused the credentials (paused until they change or the user saves again).
   */
  #retryAfter(stop: unknown): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    if (stop instanceof UnauthorizedError) {
      this.#authPaused = true;
      return;
    }
    const wait = stop instanceof RateLimitedError ? stop.retryAfterMs : RETRY_MS;
    this.#retryAt = stop instanceof RateLimitedError ? Date.now() + wait : 0;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      this.#retryAt = 0;
      void this.flushOutbox();
    }, wait);
  }

  #stopRetries(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  /** Sends what waits now, or when the server said it may be sent; nothing while paused. */
  #resume(): void {
    if (this.#authPaused) return;
    const wait = this.#retryAt - Date.now();
    if (wait <= 0) {
      void this.flushOutbox();
    } else if (this.#retryTimer === undefined) {
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = undefined;
        this.#retryAt = 0;
        void this.flushOutbox();
      }, wait);
    }
  }

  /** Whether the outbox will try again by itself (false when empty, or paused after refused credentials). */
  get retryScheduled(): boolean {
    return this.#retryTimer !== undefined;
  }

  #onOnline = () => this.#resume();

  /**
   * Another tab (or another client) saved this card: with no edits here the card shows the new
   * version at once; with edits, it says so now (the save will offer the field-by-field choice).
   */
  #onStoredChange(type: 'put' | 'delete', revision: number): void {
    // Our own puts notify too: ignore events while one is in flight (its revision is ours).
    if (type !== 'put' || revision <= this.revision || this.#writing > 0 || !this.#options) return;
    if (deepEqual(this.host.value, this.#base)) {
      void this.load().then((applied) => applied && this.#set('refreshed', { n: this.revision }));
    } else {
      this.#set('changed-elsewhere', { n: revision });
    }
  }

  #onKeydown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S' || e.key === 'ы' || e.key === 'Ы')) {
      e.preventDefault();
      if (this.#options) void this.save();
    }
  };

  #onChange = () => {
    // Edits made while a draft is still being looked up count for the duplicate check too.
    if (this.#options) this.duplicates.schedule();
    if (!this.#options) return;
    if (this.#loading) {
      this.#editedWhileLoading = true;
      return;
    }
    this.#scheduleDraft();
  };

  #scheduleDraft(): void {
    clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => this.#flushDraftNow(), this.#options?.draftDelay ?? 400);
  }

  /** Writes the pending draft of the record attached now (its key and data taken at once). */
  #flushDraftNow(): Promise<unknown> | undefined {
    const o = this.#options;
    if (!o || this.#draftTimer === undefined) return undefined;
    clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    const scope = this.scope!;
    const draft: Draft = {
      key: draftKey(scope, o.recordId),
      scope: scopeKey(scope),
      user: scope.user,
      recordId: o.recordId,
      data: this.host.value,
      baseRevision: this.revision,
      baseData: this.#base,
      savedAt: new Date().toISOString(),
    };
    return this.#db().then((db) => (deepEqual(draft.data, draft.baseData) ? db.deleteDraft(draft.key) : db.putDraft(draft)));
  }

  /** Writes a pending draft now (tests; page hide). */
  async flushDraft(): Promise<void> {
    await this.#flushDraftNow();
  }
}
