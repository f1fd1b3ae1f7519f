/**
 * `kartochka-server migrate-files --db …`: moves files that stored cards hold inline — a `data:` URL
 * in `url`, or a base64 `data` string, as older clients saved them — into the file store
 * (docs/files.md). Each such value becomes a reference `{fileId, name, size, type, sha256}` in a
 * new revision of its card (author `migrate-files`), so the history keeps the old value and no byte
 * is lost. Safe to run again: a card without inline files is left alone. Files are moved as they
 * are, whatever the field's limits say now (the data was accepted once; refusing it would lose it).
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConflictError, localFilesIn, replaceAt, type CardRecord } from '@kartochka/storage';
import { FILE_CHUNK_BYTES, type FileRows } from './file-store.js';
import { cleanFileName } from './files.js';
import { openStore, defaultDb } from './open-store.js';
import type { SqlListSource } from './sql-list.js';
import type { CardStore } from './store.js';

const AUTHOR = 'migrate-files';

export interface MigrateFilesReport {
  cards: number;
  files: number;
  bytes: number;
}

/** Stores `bytes` as one committed file of `cardId`'s `field`; returns its reference. */
async function storeBytes(files: FileRows, cardId: string, field: string, name: string, type: string, bytes: Uint8Array, now: string) {
  const id = `f_${randomBytes(16).toString('base64url')}`;
  try {
    for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq++, at += FILE_CHUNK_BYTES)
      await files.putChunk(id, seq, bytes.subarray(at, at + FILE_CHUNK_BYTES));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = {
      id,
      cardId,
      field,
      name: cleanFileName(name),
      type: type || 'application/octet-stream',
      size: bytes.length,
      sha256,
      createdAt: now,
      author: AUTHOR,
    };
    await files.commit(file);
    return { fileId: id, name: file.name, size: file.size, type: file.type, sha256 };
  } catch (error) {
    await files.discard(id);
    throw error;
  }
}

/** One card: its inline files moved, then the card saved referencing them (a new revision). */
async function migrateCard(store: CardStore, card: CardRecord, report: MigrateFilesReport): Promise<void> {
  const inline = localFilesIn(card.data);
  if (inline.length === 0) return;
  const now = new Date().toISOString();
  const refs = new Map<string, unknown>();
  for (const { pointer, file } of inline) {
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    refs.set(pointer, await storeBytes(store.files(), card.id, pointer, file.name, file.type, bytes, now));
    report.files++;
    report.bytes += bytes.length;
  }
  const { revision: _revision, createdAt: _created, updatedAt: _updated, author: _author, ...input } = card;
  await store.put({ ...input, data: replaceAt(card.data, refs) }, { expectedRevision: card.revision, author: AUTHOR }, now);
  report.cards++;
}

/** Moves every inline file of `tenants` (default: every tenant with cards) into the file store. */
export async function migrateInlineFiles(store: CardStore, tenants?: readonly string[]): Promise<MigrateFilesReport> {
  const report: MigrateFilesReport = { cards: 0, files: 0, bytes: 0 };
  const names =
    tenants ??
    (await (store as unknown as SqlListSource).select<{ tenant: string }>('SELECT DISTINCT tenant FROM cards', [])).map((r) => r.tenant);
  for (const tenant of names) {
    const view = store.forTenant(tenant);
    for (let after: string | undefined, more = true; more;) {
      const page = await view.list({ sort: { field: 'createdAt', direction: 'asc' }, limit: 200, ...(after ? { after } : {}) });
      for (const card of page.items) {
        try {
          await migrateCard(view, card, report);
        } catch (error) {
          // Written meanwhile by someone else: that save went through a client, which uploads itself.
          if (!(error instanceof ConflictError)) throw error;
        }
      }
      after = page.nextCursor;
      more = after !== undefined && page.items.length > 0;
    }
  }
  return report;
}

/** The CLI command. */
export async function migrateFilesCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string', default: defaultDb() }, tenant: { type: 'string', multiple: true } },
    strict: true,
  });
  const store = await openStore(values.db);
  try {
    const r = await migrateInlineFiles(store, values.tenant);
    console.log(`Moved ${r.files} inline file(s), ${r.bytes} bytes, out of ${r.cards} card(s) into the file store.`);
  } finally {
    await store.close();
  }
}
