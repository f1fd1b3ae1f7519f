/**
 * What a card's persistence is configured with, what it needs from its host, and the small pure
 * helpers it uses (the default title, how a failed send is held).
 */
import type { FieldError, FormController, JsonValue, Locale, ValidationResult } from '@kartochka/core';
import type { ReactiveControllerHost } from 'lit';
import { ConflictError, ValidationError, type CardRecord, type IndexedValue, type StorageAdapter } from '@kartochka/storage';
import type { DraftStore, HeldSave } from './draft-store.js';

export interface PersistenceHost extends ReactiveControllerHost, EventTarget {
  value: JsonValue | undefined;
  /** Loads a value clean (nothing dirty or touched): setting `value` after edits keeps them. */
  reset(...value: [] | [JsonValue | undefined]): void;
  locale: Locale;
  validate(): ValidationResult;
  focusFirstInvalid(): boolean;
  setServerErrors(errors: readonly FieldError[]): void;
  /** The card's form, when it has one: merge messages name fields by their labels through it. */
  readonly controller?: FormController;
}

export interface PersistenceOptions {
  storage: StorageAdapter;
  recordId: string;
  schemaId: string;
  schemaVersion?: number;
  /**
   * Which store drafts and queued saves belong to. Default: the adapter's stable `id` (REST: its
   * API root; IndexedDB: its database name). Needed only for adapters without an `id`; without
   * either, drafts and the outbox last only as long as the page.
   */
  scope?: string;
  /** The signed-in user, for adapters that do not say (`storage.user` wins: it sends the credentials). */
  user?: string;
  /** The card's title for lists and search (default: the first string field found). */
  title?: (data: JsonValue | undefined) => string;
  /** Values of indexed fields copied out of the data. */
  indexed?: (data: JsonValue | undefined) => Record<string, IndexedValue>;
  author?: string;
  /** A link to another card (the duplicate warning's "Open «…»"); without it the link only fires `kc-open`. */
  recordHref?: (id: string) => string;
  /** Name of the local IndexedDB database for drafts and the outbox. */
  localDbName?: string;
  /** Where drafts and queued saves are kept instead of the local IndexedDB database. */
  draftStore?: DraftStore;
  /** Milliseconds between a keystroke and the draft write. */
  draftDelay?: number;
  /**
   * Brings data saved under an older schema version up to `schemaVersion` (e.g. the builder's
   * `migrateRecord`). The next save stores the migrated data under the current version.
   */
  migrate?: (data: JsonValue, savedWith: number) => JsonValue | Promise<JsonValue>;
}

/** `save()` on a card that has no `storage` or `record-id` (any more). */
export class CardDetachedError extends Error {
  readonly messageKey = 'detached';
  constructor() {
    super('kc-card: save() needs `storage` and `record-id`, and this card has none (it was detached). Set both to save.');
    this.name = 'CardDetachedError';
  }
}

export function firstString(data: JsonValue | undefined): string {
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const v of Object.values(data)) {
      if (typeof v === 'string' && v) return v;
      const nested = firstString(v);
      if (nested) return nested;
    }
  }
  return '';
}

export function heldFrom(e: unknown): HeldSave {
  const at = new Date().toISOString();
  if (e instanceof ConflictError) return { reason: 'conflict', current: e.current as CardRecord<JsonValue>, at };
  if (e instanceof ValidationError)
    return { reason: 'rejected', errors: e.errors.map((x) => ({ ...x, source: 'server' as const })), message: e.message, at };
  return { reason: 'rejected', message: (e as Error)?.message ?? String(e), at };
}
