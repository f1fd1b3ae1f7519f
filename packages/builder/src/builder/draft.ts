/**
 * The builder's unpublished work, kept through the storage adapter — so it follows the admin to
 * another browser when the adapter is the REST server — one draft per card type and user.
 *
 * A draft is a setting of the adapter (`putSetting`, key `builder-draft:<schemaId>:<user>`): never
 * a card, so no card list, count, search, history or audit view sees it. (Older builders kept
 * drafts as cards of `kc-builder-draft`; every adapter moves those into settings when it upgrades.)
 * A user who may not keep settings (or a connection that is down) keeps no draft and gets `false`
 * back: the builder then relies on its warning before leaving.
 */
import { ForbiddenError, NotFoundError, UnauthorizedError, UnavailableError, type StorageAdapter } from '@kartochka/storage';
import type { JsonSchemaObject, LayoutDocument, MessageCatalogue } from '@kartochka/core';

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

/** The setting key of the draft of `schemaId` by `user`. */
export function draftKey(schemaId: string, user: string | undefined): string {
  return `builder-draft:${schemaId}:${user || '-'}`;
}

/** Failures that mean "this user or this connection cannot keep a draft now", not a bug. */
const cannotKeep = (e: unknown): boolean => e instanceof ForbiddenError || e instanceof UnauthorizedError || e instanceof UnavailableError;

/** The user's draft of `schemaId`, if one is kept. */
export async function loadDraft(storage: StorageAdapter, schemaId: string): Promise<BuilderDraft | undefined> {
  try {
    return await storage.getSetting<BuilderDraft>(draftKey(schemaId, storage.user));
  } catch (e) {
    if (e instanceof NotFoundError || cannotKeep(e)) return undefined;
    throw e;
  }
}

/** Keeps `draft` (replacing the last one); `false` when this user or connection cannot keep it. */
export async function saveDraft(storage: StorageAdapter, draft: BuilderDraft): Promise<boolean> {
  try {
    await storage.putSetting(draftKey(draft.schemaId, storage.user), draft);
    return true;
  } catch (e) {
    if (cannotKeep(e)) return false;
    throw e;
  }
}

/** Forgets the user's draft of `schemaId` (after publishing it, or when discarded). */
export async function deleteDraft(storage: StorageAdapter, schemaId: string): Promise<void> {
  try {
    await storage.deleteSetting(draftKey(schemaId, storage.user));
  } catch (e) {
    if (!(e instanceof NotFoundError) && !cannotKeep(e)) throw e;
  }
}
