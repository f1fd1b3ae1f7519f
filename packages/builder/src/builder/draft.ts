/**
 * The builder's unpublished work, kept through the storage adapter — so it follows the admin to
 * another browser when the adapter is the REST server — one draft per card type and user.
 *
 * A draft is an ordinary record of the card type `kc-builder-draft` (id
 * `kc-builder-draft:<schemaId>:<user>`), so every adapter can keep it without a new method. Saves
 * need a published schema on the server, so the first draft publishes an accept-anything schema
 * for that type; a user who may not publish (or write) keeps no draft and gets `false` back: the
 * builder then relies on its warning before leaving.
 */
import { ForbiddenError, NotFoundError, UnauthorizedError, UnavailableError, ValidationError, type StorageAdapter } from '@kartochka/storage';
import type { JsonSchemaObject, LayoutDocument, MessageCatalogue } from '@kartochka/core';

/** The card type of builder drafts. */
export const DRAFT_SCHEMA_ID = 'kc-builder-draft';

/** What a draft keeps. */
export interface BuilderDraft {
  /** The card type the draft is of. */
  schemaId: string;
  /** The published version the work started from (`null`: none yet). */
  basedOn: number | null;
  document: { schema: JsonSchemaObject; layout: LayoutDocument; messages: MessageCatalogue };
  /** ISO time of the last change kept. */
  savedAt: string;
}

export function draftId(schemaId: string, user: string | undefined): string {
  return `${DRAFT_SCHEMA_ID}:${schemaId}:${user || '-'}`;
}

/** The version of the drafts' own schema per adapter, published the first time it is needed. */
const draftSchemaVersion = new WeakMap<StorageAdapter, number>();

async function ensureDraftSchema(storage: StorageAdapter): Promise<number> {
  const known = draftSchemaVersion.get(storage);
  if (known !== undefined) return known;
  let version: number;
  try {
    version = (await storage.getSchema(DRAFT_SCHEMA_ID)).version;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    version = (await storage.publishSchema({ schemaId: DRAFT_SCHEMA_ID, schema: { type: 'object' }, note: 'Builder drafts (unpublished card types)' })).version;
  }
  draftSchemaVersion.set(storage, version);
  return version;
}

/** Failures that mean "this user or this connection cannot keep a draft now", not a bug. */
const cannotKeep = (e: unknown): boolean => e instanceof ForbiddenError || e instanceof UnauthorizedError || e instanceof UnavailableError;

/** The user's draft of `schemaId`, if one is kept. */
export async function loadDraft(storage: StorageAdapter, schemaId: string): Promise<BuilderDraft | undefined> {
  try {
    const record = await storage.get<BuilderDraft>(draftId(schemaId, storage.user));
    return record.data;
  } catch (e) {
    if (e instanceof NotFoundError || cannotKeep(e)) return undefined;
    throw e;
  }
}

/** Keeps `draft` (replacing the last one); `false` when this user or connection cannot keep it. */
export async function saveDraft(storage: StorageAdapter, draft: BuilderDraft): Promise<boolean> {
  try {
    const schemaVersion = await ensureDraftSchema(storage);
    await storage.put<BuilderDraft>({
      id: draftId(draft.schemaId, storage.user),
      schemaId: DRAFT_SCHEMA_ID,
      schemaVersion,
      title: draft.schemaId,
      data: draft,
      indexed: { draftOf: draft.schemaId },
    });
    return true;
  } catch (e) {
    if (cannotKeep(e)) return false;
    // The drafts' schema went away (a reset server): publish it again next time.
    if (e instanceof ValidationError && e.errors.some((x) => x.keyword === 'schemaNotPublished' || x.keyword === 'schemaVersion')) {
      draftSchemaVersion.delete(storage);
      return false;
    }
    throw e;
  }
}

/** Forgets the user's draft of `schemaId` (after publishing it, or when discarded). */
export async function deleteDraft(storage: StorageAdapter, schemaId: string): Promise<void> {
  try {
    await storage.delete(draftId(schemaId, storage.user));
  } catch (e) {
    if (!(e instanceof NotFoundError) && !cannotKeep(e)) throw e;
  }
}
