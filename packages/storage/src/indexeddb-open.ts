/** Opening the database: idb's `openDB`, on an injectable factory, with typed failures. */
import { wrap, type IDBPDatabase } from 'idb';
import { UnavailableError } from './errors.js';
import { DB_VERSION, upgrade, type KartochkaDB } from './indexeddb-schema.js';

/** `Error: message` for any thrown value, for error texts. */
export const errorText = (e: unknown): string => (e instanceof Error || e instanceof DOMException ? `${e.name}: ${e.message}` : String(e));

/** What {@link openDatabase} needs of the adapter's options. */
export interface OpenOptions {
  indexedDB?: IDBFactory;
  blockedTimeoutMs?: number;
}

/**
 * What idb's `openDB` does (`wrap(indexedDB.open(...))` plus an upgrade listener), but on an
 * injectable factory, and with open failures turned into `UnavailableError`s.
 */
export async function openDatabase(name: string, options: OpenOptions): Promise<IDBPDatabase<KartochkaDB>> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) throw new UnavailableError(name, 'this environment has no IndexedDB (in Node, use fake-indexeddb).');
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, DB_VERSION);
  } catch (error) {
    throw new UnavailableError(name, `IndexedDB refused to open it (${errorText(error)}).`, { cause: error });
  }
  request.addEventListener('upgradeneeded', (event) => {
    upgrade(wrap(request.result) as IDBPDatabase<unknown>, event.oldVersion, wrap(request.transaction!) as never);
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    request.addEventListener('blocked', () => {
      timer = setTimeout(() => {
        settled = true;
        reject(
          new UnavailableError(name, 'another tab keeps an older version of the database open; close other tabs of this app and reload.'),
        );
      }, options.blockedTimeoutMs ?? 5000);
    });
    (wrap(request) as Promise<IDBPDatabase<KartochkaDB>>).then(
      (db) => {
        clearTimeout(timer);
        if (settled)
          db.close(); // opened after we gave up: don't leak the connection
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        const reason =
          (error as { name?: string } | null)?.name === 'VersionError'
            ? `the stored database is newer than this code (version ${DB_VERSION}); update the app.`
            : `IndexedDB failed to open it (${errorText(error)}).`;
        reject(new UnavailableError(name, reason, { cause: error }));
      },
    );
  });
}
