/**
 * Where a card keeps what is not on the server yet: unsaved drafts and the outbox of queued saves.
 * Both belong to one store (the adapter's stable `id`) and one signed-in user: a draft of Alice's
 * card on server A is never offered to Bob, nor on server B, and Alice's queued save is only ever
 * sent through an adapter of Alice to server A.
 *
 * `LocalCardDb` (IndexedDB) is the store that survives a reload; `MemoryDraftStore` stands in when
 * IndexedDB cannot be opened (private modes, some iframes), so the card still loads and saves and
 * says that drafts are off.
 */
import type { FieldError, JsonValue } from '@kartochka/core';
import type { CardRecord, NewOrUpdatedRecord } from '@kartochka/storage';

/** Whose local data: a store (adapter id) and a user (`''` when the app has none). */
export interface LocalScope {
  adapterId: string;
  user: string;
}

/** One text key per scope, used to index drafts and queued saves. */
export function scopeKey(scope: LocalScope): string {
  return JSON.stringify([scope.adapterId, scope.user]);
}

/** The key of one record's draft in one scope. */
export function draftKey(scope: LocalScope, recordId: string): string {
  return JSON.stringify([scope.adapterId, scope.user, recordId]);
}

export interface Draft {
  /** {@link draftKey} of its scope and record. */
  key: string;
  /** {@link scopeKey}, and the user alone, so sign-out can find every draft of a user. */
  scope: string;
  user: string;
  recordId: string;
  data: JsonValue | undefined;
  /** The stored revision the draft started from, and its data (the base of a later merge). */
  baseRevision: number;
  baseData: JsonValue | undefined;
  savedAt: string;
}

/** Why a queued save is held back instead of sent: it met a newer version, or was refused. */
export interface HeldSave {
  reason: 'conflict' | 'rejected';
  /** `conflict`: the card as stored when the save met it. */
  current?: CardRecord<JsonValue>;
  /** `rejected`: the server's field errors, or its message. */
  errors?: FieldError[];
  message?: string;
  at: string;
}

export interface OutboxEntry {
  seq?: number;
  /** {@link scopeKey}: only an adapter of this scope may send it. */
  scope: string;
  user: string;
  record: NewOrUpdatedRecord<JsonValue>;
  expectedRevision: number;
  baseData: JsonValue | undefined;
  queuedAt: string;
  /** Set when sending met a conflict or a refusal: kept for the user to resolve when they open the card. */
  held?: HeldSave;
}

/** What sign-out removed. */
export interface ClearedLocalData {
  drafts: number;
  queued: number;
}

/** The draft-store interface: an IndexedDB database by default, any implementation will do. */
export interface DraftStore {
  /** False when what it keeps is lost on reload (IndexedDB was unavailable). */
  readonly persistent: boolean;
  getDraft(key: string): Promise<Draft | undefined>;
  putDraft(draft: Draft): Promise<void>;
  deleteDraft(key: string): Promise<void>;
  enqueue(entry: OutboxEntry): Promise<number>;
  /** Queued saves of one scope ({@link scopeKey}), oldest first. */
  queued(scope: string): Promise<OutboxEntry[]>;
  /** Rewrites a queued entry in place (to mark it held). */
  update(entry: OutboxEntry): Promise<void>;
  dequeue(seq: number): Promise<void>;
  /** Deletes a user's drafts and queued saves (of one store when `adapterId` is given). */
  clearUser(user: string, adapterId?: string): Promise<ClearedLocalData>;
  /** Counts them, removing nothing. */
  countUser(user: string, adapterId?: string): Promise<ClearedLocalData>;
  close(): void;
}

/** Whether a scope key belongs to `user` (and to the store `adapterId`, when given). */
export const inScope = (scope: string, user: string, adapterId?: string): boolean => {
  const [id, u] = JSON.parse(scope) as [string, string];
  return u === user && (adapterId === undefined || id === adapterId);
};

/** Keeps drafts and the outbox in memory: used where IndexedDB is unavailable (and in tests). */
export class MemoryDraftStore implements DraftStore {
  readonly persistent = false;
  #drafts = new Map<string, Draft>();
  #outbox = new Map<number, OutboxEntry>();
  #seq = 0;

  async getDraft(key: string): Promise<Draft | undefined> {
    return structuredClone(this.#drafts.get(key));
  }
  async putDraft(draft: Draft): Promise<void> {
    this.#drafts.set(draft.key, structuredClone(draft));
  }
  async deleteDraft(key: string): Promise<void> {
    this.#drafts.delete(key);
  }
  async enqueue(entry: OutboxEntry): Promise<number> {
    const seq = ++this.#seq;
    this.#outbox.set(seq, structuredClone({ ...entry, seq }));
    return seq;
  }
  async queued(scope: string): Promise<OutboxEntry[]> {
    return [...this.#outbox.values()].filter((e) => e.scope === scope).map((e) => structuredClone(e));
  }
  async update(entry: OutboxEntry): Promise<void> {
    if (entry.seq !== undefined && this.#outbox.has(entry.seq)) this.#outbox.set(entry.seq, structuredClone(entry));
  }
  async dequeue(seq: number): Promise<void> {
    this.#outbox.delete(seq);
  }
  async clearUser(user: string, adapterId?: string): Promise<ClearedLocalData> {
    const cleared = { drafts: 0, queued: 0 };
    for (const [k, d] of this.#drafts) {
      if (!inScope(d.scope, user, adapterId)) continue;
      this.#drafts.delete(k);
      cleared.drafts++;
    }
    for (const [k, e] of this.#outbox) {
      if (!inScope(e.scope, user, adapterId)) continue;
      this.#outbox.delete(k);
      cleared.queued++;
    }
    return cleared;
  }
  async countUser(user: string, adapterId?: string): Promise<ClearedLocalData> {
    return {
      drafts: [...this.#drafts.values()].filter((d) => inScope(d.scope, user, adapterId)).length,
      queued: [...this.#outbox.values()].filter((e) => inScope(e.scope, user, adapterId)).length,
    };
  }
  close(): void {}
}
