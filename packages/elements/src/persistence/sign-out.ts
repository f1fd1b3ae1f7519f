/**
 * Sign-out: remove a user's drafts and queued saves from this device, so the next person at the
 * browser neither sees them nor sends them. Call it before (or right after) dropping the user's
 * credentials; it returns how much was removed, so an app can first warn about unsent saves with
 * {@link pendingLocalData}.
 */
import type { StorageAdapter } from '@kartochka/storage';
import type { ClearedLocalData, DraftStore } from './draft-store.js';
import { openDraftStore } from './local-db.js';
import { forgetRecentFiles } from './files.js';

export interface LocalDataOptions {
  /** The user whose data to remove (`''`: data kept without a user). */
  user: string;
  /** Only this store's data (an adapter, or its `id`); default every store's. */
  storage?: StorageAdapter | string;
  /** The local database name, when cards use another than the default. */
  localDbName?: string;
  /** The draft store, when cards use their own. */
  draftStore?: DraftStore;
}

async function withStore<T>(o: LocalDataOptions, fn: (store: DraftStore) => Promise<T>): Promise<T> {
  const store = o.draftStore ?? (await openDraftStore(o.localDbName));
  try {
    return await fn(store);
  } finally {
    if (!o.draftStore) store.close();
  }
}

const adapterIdOf = (s: StorageAdapter | string | undefined): string | undefined => (typeof s === 'string' ? s : s?.id);

/** Deletes the user's drafts and queued saves on this device. */
export function clearLocalData(o: LocalDataOptions): Promise<ClearedLocalData> {
  if (typeof o?.user !== 'string') throw new TypeError('clearLocalData: pass { user } (the signed-in user, as given to the adapter).');
  // Files fetched or uploaded in this page are the signed-out user's too.
  forgetRecentFiles();
  return withStore(o, (store) => store.clearUser(o.user, adapterIdOf(o.storage)));
}

/** How many drafts and queued saves the user has on this device, without removing them. */
export function pendingLocalData(o: LocalDataOptions): Promise<ClearedLocalData> {
  if (typeof o?.user !== 'string') throw new TypeError('pendingLocalData: pass { user } (the signed-in user, as given to the adapter).');
  return withStore(o, (store) => store.countUser(o.user, adapterIdOf(o.storage)));
}
