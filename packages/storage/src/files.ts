/**
 * File values in card data (docs/files.md). A file field holds one of:
 *
 * - a **reference** to a file a store keeps apart from the card: `{fileId, name, size, type, sha256}`
 *   (what the REST server stores; the bytes are fetched with `getFile`);
 * - a **local file**: `{name, size, type, lastModified, blob}` — a Blob the user picked, kept as a
 *   Blob in IndexedDB (drafts, the outbox, the IndexedDB adapter) until a store that keeps files
 *   apart uploads it (`putFile`) before the save that references it;
 * - a **legacy inline file**: `{name, …, url: "data:…;base64,…"}` (or a `data` string with
 *   `contentEncoding: base64`) as older apps stored it. It is read as a local file, so the next save
 *   through such a store uploads it and the card holds a reference from then on: nothing is lost.
 */

/** A file kept by the store, referenced from the card's data. */
export interface FileRef {
  fileId: string;
  name: string;
  size: number;
  type: string;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
}

/** A file picked in the browser, not uploaded yet. */
export interface LocalFile {
  name: string;
  size: number;
  type: string;
  lastModified?: number;
  blob: Blob;
}

/** What `StorageAdapter.putFile` needs: which card and field the file is for, and the bytes. */
export interface FileUpload {
  cardId: string;
  schemaId: string;
  /** The field's JSON Pointer in the card's data (`/contract/file`). */
  field: string;
  blob: Blob;
  name: string;
  /** Default: the Blob's own type. */
  type?: string;
  /** Hex SHA-256 of the bytes (computed when omitted). */
  sha256?: string;
}

import { escapeToken } from '@kartochka/core/internal';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function isFileRef(v: unknown): v is FileRef {
  return isObject(v) && typeof v.fileId === 'string' && typeof v.name === 'string';
}

/** A `data:` URL (base64 or percent-encoded) held inline by a legacy file value, if any. */
function inlineData(v: Record<string, unknown>): string | undefined {
  if (typeof v.url === 'string' && /^data:/i.test(v.url)) return v.url;
  if (typeof v.data === 'string' && v.data.length > 0 && typeof v.name === 'string')
    return `data:${typeof v.type === 'string' ? v.type : ''};base64,${v.data}`;
  return undefined;
}

/** The Blob of a `data:` URL (no fetch: a strict Content-Security-Policy may forbid `connect-src data:`). */
export function blobOfDataUrl(url: string): Blob | undefined {
  const m = /^data:([^,;]*)((?:;[^,;=]+=[^,;]*)*)(;base64)?,(.*)$/is.exec(url);
  if (!m) return undefined;
  const type = m[1] || 'application/octet-stream';
  try {
    if (m[3]) {
      const text = atob(m[4]!.replace(/\s+/g, ''));
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      return new Blob([bytes], { type });
    }
    return new Blob([decodeURIComponent(m[4]!)], { type });
  } catch {
    return undefined;
  }
}

/** A local file, or a legacy inline one read as a local file; `undefined` for anything else. */
export function asLocalFile(v: unknown): LocalFile | undefined {
  if (!isObject(v) || typeof v.fileId === 'string' || typeof v.name !== 'string') return undefined;
  if (typeof Blob !== 'undefined' && v.blob instanceof Blob) {
    return {
      name: v.name,
      size: v.blob.size,
      type: typeof v.type === 'string' ? v.type : v.blob.type,
      lastModified: typeof v.lastModified === 'number' ? v.lastModified : undefined,
      blob: v.blob,
    };
  }
  const inline = inlineData(v);
  const blob = inline === undefined ? undefined : blobOfDataUrl(inline);
  return blob ? { name: v.name, size: blob.size, type: blob.type, blob } : undefined;
}

/** Every local (or legacy inline) file in `data`, with its JSON Pointer. */
export function localFilesIn(
  data: unknown,
  at = '',
  out: { pointer: string; file: LocalFile }[] = [],
  depth = 0,
): { pointer: string; file: LocalFile }[] {
  if (depth > 100 || !data || typeof data !== 'object') return out;
  const local = asLocalFile(data);
  if (local) {
    out.push({ pointer: at, file: local });
    return out;
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) return out;
  for (const [k, v] of Object.entries(data)) localFilesIn(v, `${at}/${escapeToken(k)}`, out, depth + 1);
  return out;
}

/** `data` with the value at each pointer replaced (containers on the way copied, the rest shared). */
export function replaceAt<T>(data: T, replacements: ReadonlyMap<string, unknown>): T {
  const walk = (node: unknown, at: string): unknown => {
    if (replacements.has(at)) return replacements.get(at);
    if (!node || typeof node !== 'object' || (typeof Blob !== 'undefined' && node instanceof Blob)) return node;
    let prefix = false;
    for (const p of replacements.keys()) if (p.startsWith(`${at}/`)) prefix = true;
    if (!prefix) return node;
    const key = (k: string | number) => `${at}/${escapeToken(String(k))}`;
    if (Array.isArray(node)) return node.map((v, i) => walk(v, key(i)));
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, key(k))]));
  };
  return walk(data, '') as T;
}

/** An accept list (`contentMediaType`: `application/pdf`, `image/*`, `.pdf`, comma-separated), lower-cased. */
export function parseAccept(accept: unknown): string[] | undefined {
  if (typeof accept !== 'string') return undefined;
  const list = accept
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** Whether a file of `type` named `name` matches an accept list (`type/sub`, `type/*`, `.ext`); no list accepts all. */
export function acceptsFile(accept: readonly string[] | undefined, type: string, name: string): boolean {
  if (!accept) return true;
  const t = type.toLowerCase();
  const n = name.toLowerCase();
  return accept.some((a) => (a.startsWith('.') ? n.endsWith(a) : a.endsWith('/*') ? t.startsWith(a.slice(0, -1)) : a === t));
}

/** Lower-case hex SHA-256 of a Blob (Web Crypto; in browsers and Node ≥ 20). */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
