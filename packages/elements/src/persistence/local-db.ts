/**
 * The card's own local database (separate from any storage adapter's): unsaved drafts, so a reload
 * or a crash loses nothing, and the offline outbox, so saves made while the server is unreachable
 * survive a reload and go out in order.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { JsonValue } from '@kartochka/core';
import type { NewOrUpdatedRecord } from '@kartochka/storage';

export interface Draft {
  /** `${scope}:${recordId}` — scope tells apart adapters (IndexedDB vs a REST URL). */
  key: string;
  data: JsonValue | undefined;
  /** The stored revision the draft started from, and its data (the base of a later merge). */
  baseRevision: number;
  baseData: JsonValue | undefined;
  savedAt: string;
}

export interface OutboxEntry {
  seq?: number;
  scope: string;
  record: NewOrUpdatedRecord<JsonValue>;
  expectedRevision: number;
  baseData: JsonValue | undefined;
  queuedAt: string;
}

interface LocalSchema extends DBSchema {
  drafts: { key: string; value: Draft };
  outbox: { key: number; value: OutboxEntry; indexes: { byScope: string } };
}

export class LocalCardDb {
  private constructor(private readonly db: IDBPDatabase<LocalSchema>) {}

  static async open(name = 'kartochka-local'): Promise<LocalCardDb> {
    const db = await openDB<LocalSchema>(name, 1, {
      upgrade(db, oldVersion) {
        // Versioned steps: future versions add steps below and keep existing drafts and outbox.
        if (oldVersion < 1) {
          db.createObjectStore('drafts', { keyPath: 'key' });
          db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('byScope', 'scope');
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

  /** Queued saves of one scope, oldest first. */
  async queued(scope: string): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'byScope', scope);
  }

  async dequeue(seq: number): Promise<void> {
    await this.db.delete('outbox', seq);
  }

  close(): void {
    this.db.close();
  }
}
