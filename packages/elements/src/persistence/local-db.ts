/**
 * The card's own local database (separate from any storage adapter's): unsaved drafts, so a reload
 * or a crash loses nothing, and the offline outbox, so saves made while the server is unreachable
 * survive a reload and go out in order. Both are kept per store and user (see draft-store.ts).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { MemoryDraftStore, inScope, type ClearedLocalData, type Draft, type DraftStore, type OutboxEntry } from './draft-store.js';

export type { Draft, OutboxEntry } from './draft-store.js';

/** The default name of the local database. */
export const LOCAL_DB_NAME = 'kartochka-local';

interface LocalSchema extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { byUser: string } };
  outbox: { key: number; value: OutboxEntry; indexes: { byScope: string; byUser: string } };
}

export class LocalCardDb implements DraftStore {
  readonly persistent = true;
  private constructor(private readonly db: IDBPDatabase<LocalSchema>) {}

  static async open(name = LOCAL_DB_NAME): Promise<LocalCardDb> {
    const db = await openDB<LocalSchema>(name, 2, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // Versioned steps: each later version adds a step below and keeps what is stored.
        if (oldVersion < 1) {
          db.createObjectStore('drafts', { keyPath: 'key' });
          db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('byScope', 'scope');
        }
        if (oldVersion < 2) {
          // Version 1 keyed by the adapter's class name, with no user. Its entries stay (nothing
          // is deleted) but belong to no store and no user, so they are never sent anywhere.
          tx.objectStore('drafts').createIndex('byUser', 'user');
          tx.objectStore('outbox').createIndex('byUser', 'user');
        }
      },
      blocking() {
        db.close();
      },
    });
    return new LocalCardDb(db);
  }

  getDraft(key: string): Promise<Draft | undefined> {
    return this.db.get('drafts', key);
  }

  async putDraft(draft: Draft): Promise<void> {
    await this.db.put('drafts', draft);
  }

  async deleteDraft(key: string): Promise<void> {
    await this.db.delete('drafts', key);
  }

  async enqueue(entry: OutboxEntry): Promise<number> {
    return this.db.add('outbox', entry);
  }

  async queued(scope: string): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'byScope', scope);
  }

  async update(entry: OutboxEntry): Promise<void> {
    await this.db.put('outbox', entry);
  }

  async dequeue(seq: number): Promise<void> {
    await this.db.delete('outbox', seq);
  }

  async clearUser(user: string, adapterId?: string): Promise<ClearedLocalData> {
    const tx = this.db.transaction(['drafts', 'outbox'], 'readwrite');
    const cleared = { drafts: 0, queued: 0 };
    for (const d of await tx.objectStore('drafts').index('byUser').getAll(user)) {
      if (!inScope(d.scope, user, adapterId)) continue;
      await tx.objectStore('drafts').delete(d.key);
      cleared.drafts++;
    }
    for (const e of await tx.objectStore('outbox').index('byUser').getAll(user)) {
      if (!inScope(e.scope, user, adapterId)) continue;
      await tx.objectStore('outbox').delete(e.seq!);
      cleared.queued++;
    }
    await tx.done;
    return cleared;
  }

  async countUser(user: string, adapterId?: string): Promise<ClearedLocalData> {
    const drafts = await this.db.getAllFromIndex('drafts', 'byUser', user);
    const queued = await this.db.getAllFromIndex('outbox', 'byUser', user);
    return {
      drafts: drafts.filter((d) => inScope(d.scope, user, adapterId)).length,
      queued: queued.filter((e) => inScope(e.scope, user, adapterId)).length,
    };
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The local database, or an in-memory stand-in when IndexedDB cannot be opened (private modes,
 * sandboxed iframes): then drafts and queued saves last only as long as the page.
 */
export async function openDraftStore(name = LOCAL_DB_NAME): Promise<DraftStore> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('no IndexedDB');
    return await LocalCardDb.open(name);
  } catch {
    return new MemoryDraftStore();
  }
}
