/**
 * Files on the way to a store that keeps them apart from cards (docs/files.md): before a save
 * (a direct one or the outbox's), every local file in the card's data — a Blob the user picked, or
 * a legacy inline `data:` file — is uploaded with the storage's `putFile`, and the record sent
 * holds references instead. The outbox keeps the record as it was, Blobs included (IndexedDB
 * stores Blobs), so a save queued offline uploads its files when it goes out. A store that keeps
 * Blobs itself (IndexedDB) gets legacy inline files as Blobs instead: base64 leaves the JSON there too.
 */
import { getAt } from '@kartochka/core/internal';
import { localFilesIn, replaceAt, type CardRecord, type FileRef, type NewOrUpdatedRecord, type StorageAdapter } from '@kartochka/storage';

/** Uploads already made in this page, per Blob: a retried save does not upload the same file twice. */
const uploaded = new WeakMap<Blob, { key: string; ref: FileRef }>();
/** Recent files by id, so a file just uploaded previews without a download. */
const recent = new Map<string, Blob>();
const RECENT = 20;

function remember(fileId: string, blob: Blob): void {
  recent.delete(fileId);
  recent.set(fileId, blob);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
}

/** Forgets the files kept in memory (sign-out: they were the previous user's). */
export function forgetRecentFiles(): void {
  recent.clear();
}

/** The record to send: local files uploaded and replaced by references (the same record when there are none). */
export async function withUploadedFiles<T>(storage: StorageAdapter, record: NewOrUpdatedRecord<T>): Promise<NewOrUpdatedRecord<T>> {
  const local = localFilesIn(record.data);
  if (local.length === 0) return record;
  if (!storage.putFile) {
    // A store that keeps Blobs (IndexedDB): a legacy inline file is kept as a Blob from now on.
    const inline = local.filter(({ pointer }) => !((getAt(record.data, pointer) as { blob?: unknown } | undefined)?.blob instanceof Blob));
    if (inline.length === 0) return record;
    return {
      ...record,
      data: replaceAt(
        record.data,
        new Map(inline.map(({ pointer, file }) => [pointer, { name: file.name, size: file.size, type: file.type, blob: file.blob }])),
      ),
    };
  }
  const refs = new Map<string, unknown>();
  for (const { pointer, file } of local) {
    const key = `${storage.id ?? ''}\n${record.id}\n${pointer}`;
    let ref = uploaded.get(file.blob)?.key === key ? uploaded.get(file.blob)!.ref : undefined;
    if (!ref) {
      ref = await storage.putFile({
        cardId: record.id,
        schemaId: record.schemaId,
        field: pointer,
        blob: file.blob,
        name: file.name,
        type: file.type,
      });
      uploaded.set(file.blob, { key, ref });
    }
    remember(ref.fileId, file.blob);
    refs.set(pointer, ref);
  }
  return { ...record, data: replaceAt(record.data, refs) };
}

/** A stored file's bytes: from this page's recent uploads, else from the storage. */
export function fetchFile(storage: StorageAdapter, record: Pick<CardRecord, 'id'>, fileId: string): Promise<Blob> {
  const kept = recent.get(fileId);
  if (kept) return Promise.resolve(kept);
  if (!storage.getFile) return Promise.reject(new Error(`This storage keeps no files apart (file ${fileId}).`));
  return storage.getFile(record.id, fileId).then((blob) => (remember(fileId, blob), blob));
}
