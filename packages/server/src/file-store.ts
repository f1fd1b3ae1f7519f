/**
 * Where the server keeps the bytes of file fields (docs/files.md): in the database, next to the
 * cards, in chunks of {@link FILE_CHUNK_BYTES}. Not on disk, because
 * - several server instances share one PostgreSQL database, not one disk;
 * - a file and its metadata are written, backed up (backup.ts, pg_dump) and isolated per tenant
 *   exactly like the cards, with the same `tenant` column in every statement;
 * - no path is ever built from anything a client sends, so there is no path to trick.
 * Chunks let both a write and a read stream: an upload is stored chunk by chunk as it arrives and a
 * download reads one chunk at a time, so neither holds a whole file in memory.
 *
 * A file's chunks are written first; the file exists (can be found, referenced, downloaded) only
 * once its metadata row is committed, after its size, type and checksum were verified. A refused
 * or broken upload removes its chunks; chunks without a metadata row (a crash mid-upload) are never
 * served and `sweep` removes them.
 */

/** Bytes per stored chunk (and the most one upload buffers before writing). */
export const FILE_CHUNK_BYTES = 256 * 1024;

/** A stored file's metadata. Files are immutable: a new version of a document is a new file. */
export interface StoredFile {
  /** `f_` + 22 url-safe characters (128 random bits). */
  id: string;
  /** The card it was uploaded for; only that card may reference it. */
  cardId: string;
  /** The field (a JSON Pointer into the card's data) it was uploaded for. */
  field: string;
  name: string;
  type: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes, verified against the client's on upload. */
  sha256: string;
  createdAt: string;
  author: string;
}

/** One tenant's files (every method is scoped to the store's tenant). */
export interface FileRows {
  /** Stores chunk `seq` (0, 1, …) of a file being uploaded; invisible until {@link FileRows.commit}. */
  putChunk(fileId: string, seq: number, bytes: Uint8Array): Promise<void>;
  /** Makes an uploaded file exist: writes its metadata row. */
  commit(file: StoredFile): Promise<void>;
  /** Removes a file's chunks (and metadata, if any): a refused upload leaves nothing behind. */
  discard(fileId: string): Promise<void>;
  /** A committed file's metadata, or `undefined`. */
  get(fileId: string): Promise<StoredFile | undefined>;
  /** Chunk `seq` of a committed file, or `undefined` past the last one. */
  chunk(fileId: string, seq: number): Promise<Uint8Array | undefined>;
  /** Removes chunks of uploads that never committed and started before `before` (ISO time). */
  sweep(before: string): Promise<number>;
}

/** The row shape both SQL stores read. */
export interface FileRow {
  id: string;
  card_id: string;
  field: string;
  name: string;
  type: string;
  size: number | string;
  sha256: string;
  created_at: string;
  author: string;
}

export function fileOfRow(r: FileRow): StoredFile {
  return {
    id: r.id,
    cardId: r.card_id,
    field: r.field,
    name: r.name,
    type: r.type,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: r.created_at,
    author: r.author,
  };
}
