/**
 * The write rules every adapter shares, so they cannot drift apart: what a well-formed record is,
 * how a put is checked against the stored revision, and what the stored record and its history
 * entry look like.
 */
import { diff } from './diff.js';
import { ConflictError, NotFoundError, ValidationError, type StorageFieldError } from './errors.js';
import type { CardRecord, NewOrUpdatedRecord, PutOptions, Revision } from './types.js';

function problem(path: string, keyword: string, message: string): StorageFieldError {
  return { path, keyword, message, source: 'app' };
}

/** Throws `ValidationError` listing every problem with the shape of a record passed to `put`. */
export function validateRecord(record: NewOrUpdatedRecord): void {
  const errors: StorageFieldError[] = [];
  if (typeof record !== 'object' || record === null) {
    throw new ValidationError('?', [problem('', 'type', 'the record must be an object')]);
  }
  const r = record as unknown as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id === '') errors.push(problem('/id', 'type', 'id must be a non-empty string'));
  if (typeof r.schemaId !== 'string' || r.schemaId === '') {
    errors.push(problem('/schemaId', 'type', 'schemaId must be a non-empty string'));
  }
  if (!Number.isInteger(r.schemaVersion) || (r.schemaVersion as number) < 1) {
    errors.push(problem('/schemaVersion', 'type', 'schemaVersion must be an integer ≥ 1'));
  }
  if (typeof r.title !== 'string') errors.push(problem('/title', 'type', 'title must be a string'));
  if (r.data === undefined) errors.push(problem('/data', 'required', 'data is required'));
  if (typeof r.indexed !== 'object' || r.indexed === null || Array.isArray(r.indexed)) {
    errors.push(problem('/indexed', 'type', 'indexed must be an object of strings, numbers, booleans or null'));
  } else {
    for (const [key, value] of Object.entries(r.indexed)) {
      const ok =
        value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
      if (!ok) {
        const path = '/indexed/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
        errors.push(problem(path, 'type', 'an indexed value must be a string, finite number, boolean or null'));
      }
    }
  }
  if (r.unique !== undefined && (!Array.isArray(r.unique) || r.unique.some((k) => typeof k !== 'string' || k === ''))) {
    errors.push(problem('/unique', 'type', 'unique must be a list of non-empty key strings'));
  }
  if (errors.length > 0) throw new ValidationError(typeof r.id === 'string' ? r.id : '?', errors);
}

/** The distinct unique keys a put asks for (none when it gives none). */
export function uniqueOf(input: NewOrUpdatedRecord): string[] {
  return input.unique ? [...new Set(input.unique)] : [];
}

/** Throws when `expectedRevision` does not match what is stored (see `PutOptions`). */
export function checkRevision(id: string, stored: CardRecord | undefined, expected: number | undefined): void {
  if (expected === undefined) return;
  if (stored === undefined) {
    if (expected !== 0) throw NotFoundError.card(id);
  } else if (stored.revision !== expected) {
    throw new ConflictError(stored, expected);
  }
}

/**
 * The history entry that closes a deleted card's history (its tombstone): who deleted it, and when.
 * The history stays, so a merged-away or deleted card's changes can still be read, and a card
 * created again under the same id continues the count (`nextRecord`'s `previousRevision`).
 */
export function tombstoneOf(stored: Pick<CardRecord, 'id' | 'revision' | 'schemaId'>, at: string, author?: string): Revision {
  const tombstone: Revision = {
    recordId: stored.id,
    revision: stored.revision + 1,
    at,
    changedPaths: [],
    deleted: true,
    schemaId: stored.schemaId,
  };
  if (author !== undefined) tombstone.author = author;
  return tombstone;
}

/** The record to store and the history entry for a put, given what is stored now. */
export function nextRecord<T>(
  input: NewOrUpdatedRecord<T>,
  stored: CardRecord | undefined,
  options: PutOptions | undefined,
  now: string,
  /** For a card created again after a delete: the last revision of its kept history (its tombstone). */
  previousRevision = 0,
): { record: CardRecord<T>; revision: Revision } {
  const author = options?.author ?? input.author;
  const revisionNo = (stored?.revision ?? previousRevision) + 1;
  // Listing fields (not spreading `input`) keeps unknown extra properties out of storage.
  const record: CardRecord<T> = {
    id: input.id,
    schemaId: input.schemaId,
    schemaVersion: input.schemaVersion,
    revision: revisionNo,
    title: input.title,
    data: input.data,
    indexed: input.indexed,
    createdAt: stored?.createdAt ?? now,
    updatedAt: now,
  };
  if (author !== undefined) record.author = author;
  const revision: Revision = { recordId: input.id, revision: revisionNo, at: now, changedPaths: [''] };
  if (author !== undefined) revision.author = author;
  if (stored !== undefined) {
    // Only the changed values are kept, not whole snapshots: history stays small and puts cheap.
    const changes = diff(stored.data, input.data);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const c of changes) {
      if ('before' in c) before[c.path] = c.before;
      if ('after' in c) after[c.path] = c.after;
    }
    revision.changedPaths = changes.map((c) => c.path);
    revision.before = before;
    revision.after = after;
  }
  return { record, revision };
}
