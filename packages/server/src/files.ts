/**
 * File fields on the server (docs/files.md): `POST /api/cards/:id/files?field=/contract/file`
 * streams a file into the database (file-store.ts) under the limits of the field's schema, and
 * `GET /api/cards/:id/files/:fileId` streams it back to a caller who may read that card and field.
 * The card's data holds a reference `{fileId, name, size, type, sha256}`; a save is checked so a
 * card can only reference files uploaded for it.
 *
 * What an upload must get past, in order, before anything is stored: the caller's role (write on
 * the card) and field access (`x-access` write); the field being a file field of the card's schema;
 * the declared size (Content-Length) and type (Content-Type against `contentMediaType`); then, as the
 * bytes arrive, the running size, the first bytes against the type (a "PDF" must start `%PDF-`), a
 * stall longer than `fileIdleMs`, and at the end the SHA-256 the client sent. A refusal removes
 * every chunk already written; the file exists only once all checks passed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { createSchemaContext, type JsonSchema, type JsonSchemaObject } from '@kartochka/core';
import { getAt, joinPointer, parsePointer, schemaAtTemplate } from '@kartochka/core/internal';
import { ForbiddenError, NotFoundError, acceptsFile, parseAccept, type StorageFieldError } from '@kartochka/storage';
import type { AccessRules } from './access.js';
import { principalOf, requireRole } from './auth/authenticate.js';
import { FILE_CHUNK_BYTES, type StoredFile } from './file-store.js';
import { isValidId, limitProblem, refuse, type Limits } from './limits.js';
import type { CardStore } from './store.js';
import type { SqlListSource } from './sql-list.js';

/** Headers an upload carries besides Content-Type: the file's name (percent-encoded UTF-8) and its SHA-256. */
export const FILE_NAME_HEADER = 'X-Kartochka-File-Name';
export const FILE_SHA256_HEADER = 'X-Kartochka-Sha256';

/** The size limit of a file field without `x-maxSize` (the same as the widget's). */
export const DEFAULT_FIELD_FILE_BYTES = 10 * 1024 * 1024;

const FILE_ID = /^f_[A-Za-z0-9_-]{22}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export const isFileId = (id: string): boolean => FILE_ID.test(id);
const newFileId = (): string => `f_${randomBytes(16).toString('base64url')}`;

/** An upload request: the files route with the checksum header (a custom header, so a cross-site page needs a CORS preflight). */
export function isFileUpload(c: Context): boolean {
  return c.req.method === 'POST' && /^\/api\/cards\/[^/]+\/files$/.test(c.req.path) && c.req.header(FILE_SHA256_HEADER) !== undefined;
}

/** What a file field accepts: `x-maxSize` (bytes) and `contentMediaType` (one type or an accept list). */
export interface FileFieldRules {
  maxBytes: number;
  /** `image/*`, `application/pdf`, `.pdf`…; `undefined` accepts any type. */
  accept?: string[];
}

/** The field's rules, or `undefined` when the schema there is not a file field. */
export function fileFieldRules(schema: JsonSchemaObject | undefined, cap: number): FileFieldRules | undefined {
  if (!schema || (schema['x-widget'] !== 'file' && typeof schema.contentMediaType !== 'string')) return undefined;
  const m = schema['x-maxSize'];
  const maxBytes = Math.min(typeof m === 'number' && m > 0 ? m : DEFAULT_FIELD_FILE_BYTES, cap);
  const accept = parseAccept(schema.contentMediaType);
  return accept ? { maxBytes, accept } : { maxBytes };
}

/** The first bytes of types whose content we can recognise: a file declared one of these must start so. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'application/pdf': (b) => ascii(b, 0, '%PDF-'),
  'image/png': (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'),
  'image/webp': (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'),
};
const SNIFF_BYTES = 12;
function ascii(b: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Types shown inline (the card's preview); everything else downloads as an attachment. */
export const PREVIEWABLE = new Set(Object.keys(SIGNATURES));

// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** A stored name: the last path segment, no control characters, at most 255 characters. */
export function cleanFileName(raw: string): string {
  const name = raw.replace(CONTROL_CHARACTERS, '').split(/[\\/]/).pop()!.trim().slice(0, 255);
  return name === '' || name === '.' || name === '..' ? 'file' : name;
}

/** A file reference in card data, found by shape: an object with a `fileId`. */
export interface FileRefAt {
  pointer: string;
  fileId: string;
}

/** Every file reference in `data`, with its pointer (depth-bounded like any stored JSON). */
export function fileRefsIn(data: unknown, at = '', out: FileRefAt[] = [], depth = 0): FileRefAt[] {
  if (depth > 100 || data === null || typeof data !== 'object') return out;
  if (Array.isArray(data)) {
    data.forEach((v, i) => fileRefsIn(v, joinPointer(at, i), out, depth + 1));
    return out;
  }
  const o = data as Record<string, unknown>;
  if (typeof o.fileId === 'string') out.push({ pointer: at, fileId: o.fileId });
  for (const [k, v] of Object.entries(o)) if (v !== null && typeof v === 'object') fileRefsIn(v, joinPointer(at, k), out, depth + 1);
  return out;
}

/**
 * Checks a save's file references before the put: each must name a file of this tenant uploaded for
 * this card. Returns the errors, and a function that writes the stored files' own name, size, type
 * and checksum into the data (the server's word, not the client's).
 */
export async function checkFileRefs(
  store: CardStore,
  cardId: string,
  data: unknown,
  c: Context,
): Promise<{ errors: StorageFieldError[]; normalise: <T>(data: T) => T }> {
  const refs = fileRefsIn(data);
  const files = new Map<string, StoredFile | undefined>();
  const errors: StorageFieldError[] = [];
  for (const ref of refs.slice(0, 1000)) {
    if (!files.has(ref.fileId)) files.set(ref.fileId, isFileId(ref.fileId) ? await store.files().get(ref.fileId) : undefined);
    const file = files.get(ref.fileId);
    if (!file || file.cardId !== cardId) errors.push(limitProblem(c, ref.pointer, 'fileRef', { fileId: ref.fileId.slice(0, 40) }));
  }
  if (refs.length > 1000) errors.push(limitProblem(c, '', 'fileRef', {}));
  const normalise = <T>(doc: T): T => {
    for (const ref of refs) {
      const file = files.get(ref.fileId);
      const target = getAt(doc, ref.pointer) as Record<string, unknown> | undefined;
      if (!file || !target || target.fileId !== ref.fileId) continue;
      Object.assign(target, { name: file.name, size: file.size, type: file.type, sha256: file.sha256 });
    }
    return doc;
  };
  return { errors, normalise };
}

/** Uploads older than this without a committed file were cut off (a crash, a restart): their chunks go. */
export const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;

/**
 * Removes the chunks of uploads that never committed and started more than {@link ABANDONED_UPLOAD_MS}
 * ago, in every tenant (the server runs it on start: a crash mid-upload leaves such chunks).
 */
export async function sweepAbandonedUploads(store: CardStore, now = new Date()): Promise<number> {
  const tenants = await (store as unknown as SqlListSource).select<{ tenant: string }>('SELECT DISTINCT tenant FROM file_chunks', []);
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_MS).toISOString();
  let removed = 0;
  for (const { tenant } of tenants) removed += await store.forTenant(tenant).files().sweep(before);
  return removed;
}

class Stalled extends Error {}

/** Reads the next piece of `reader`, or throws {@link Stalled} after `ms` of silence. */
async function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ms: number,
): ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([reader.read(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Stalled()), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** How much of a refused body is still read (and dropped), so the client gets the answer instead of a reset. */
const DRAIN_BYTES = 16 * 1024 * 1024;

export interface FileRouteOptions {
  storeOf: (c: Context) => CardStore;
  rules: AccessRules;
  limits: Limits;
  now: () => Date;
}

/** Mounts the upload and download routes (after auth and before the API's catch-all). */
export function mountFileRoutes(app: Hono, { storeOf, rules, limits, now }: FileRouteOptions): void {
  app.post('/api/cards/:id/files', async (c) => {
    const id = c.req.param('id');
    if (!isValidId(id)) return refuse(c, 400, 'invalidId', {});
    requireRole(c, 'write', id);
    const store = storeOf(c);
    const principal = principalOf(c);
    const field = c.req.query('field') ?? '';
    const stored = await store.get(id);
    const schemaId = stored?.schemaId ?? c.req.query('schemaId') ?? '';
    const published = isValidId(schemaId) ? await store.getSchema(schemaId) : undefined;
    if (!published) throw NotFoundError.schema(schemaId.slice(0, 200) || '?');
    let fieldRules: FileFieldRules | undefined;
    if (field.startsWith('/') && field.length <= 1000 && !parsePointer(field).includes('*')) {
      const schema = published.schema as JsonSchema;
      fieldRules = fileFieldRules(schemaAtTemplate(createSchemaContext(schema), field), limits.fileBytes);
    }
    if (!fieldRules) return refuse(c, 422, 'notAFileField', { field: field.slice(0, 200), schemaId });
    const access = await rules.for(store, schemaId, principal);
    if (access && !access.writable(field)) throw new ForbiddenError(id, `Your role may not write ${field} of card "${id}".`);

    const sha = (c.req.header(FILE_SHA256_HEADER) ?? '').trim().toLowerCase();
    if (!SHA256.test(sha)) return refuse(c, 400, 'checksum', {});
    let name: string;
    try {
      name = cleanFileName(decodeURIComponent(c.req.header(FILE_NAME_HEADER) ?? 'file'));
    } catch {
      name = 'file';
    }
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
    if (!acceptsFile(fieldRules.accept, type, name))
      return drainAndRefuse(c, 415, 'fileType', { type: type.slice(0, 100), accept: fieldRules.accept!.join(', ') });
    const declared = Number(c.req.header('Content-Length'));
    if (declared > fieldRules.maxBytes) return drainAndRefuse(c, 413, 'fileTooLarge', { limit: fieldRules.maxBytes });

    const fileId = newFileId();
    const files = store.files();
    const reader = c.req.raw.body?.getReader();
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let head = new Uint8Array(0);
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const chunk = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await files.putChunk(fileId, seq++, chunk);
    };
    let problem: { status: 408 | 413 | 415 | 422; keyword: string; params: Record<string, unknown> } | undefined;
    try {
      while (reader) {
        const { done, value } = await readWithin(reader, limits.fileIdleMs);
        if (done) break;
        size += value.byteLength;
        if (size > fieldRules.maxBytes) {
          problem = { status: 413, keyword: 'fileTooLarge', params: { limit: fieldRules.maxBytes } };
          break;
        }
        if (head.byteLength < SNIFF_BYTES) head = Buffer.concat([head, value.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
        hash.update(value);
        pending.push(value);
        pendingBytes += value.byteLength;
        if (pendingBytes >= FILE_CHUNK_BYTES) await flush();
      }
      if (!problem) {
        const signature = SIGNATURES[type];
        if (signature && !signature(head)) problem = { status: 415, keyword: 'fileContent', params: { type } };
        else if (hash.digest('hex') !== sha) problem = { status: 422, keyword: 'checksum', params: {} };
      }
    } catch (error) {
      await reader?.cancel().catch(() => undefined);
      await files.discard(fileId);
      if (!(error instanceof Stalled)) throw error;
      c.header('Connection', 'close');
      return refuse(c, 408, 'uploadStalled', { limit: Math.round(limits.fileIdleMs / 1000) });
    }
    if (problem) {
      await files.discard(fileId);
      if (problem.status === 413) return drainAndRefuse(c, 413, problem.keyword, problem.params, reader);
      return refuse(c, problem.status, problem.keyword, problem.params);
    }
    await flush();
    const file: StoredFile = {
      id: fileId,
      cardId: id,
      field,
      name,
      type,
      size,
      sha256: sha,
      createdAt: now().toISOString(),
      author: principal.name,
    };
    await files.commit(file);
    c.header('Location', `/api/cards/${encodeURIComponent(id)}/files/${fileId}`);
    return c.json({ fileId, name, size, type, sha256: sha }, 201);
  });

  app.get('/api/cards/:id/files/:fileId', async (c) => {
    requireRole(c, 'read');
    const id = c.req.param('id');
    const fileId = c.req.param('fileId');
    const store = storeOf(c);
    // One answer for every way of not being allowed to see it: the file's existence is not told.
    const missing = () => c.json({ error: { code: 'not-found', message: 'No such file on this card.', params: {} } }, 404);
    if (!isValidId(id) || !isFileId(fileId)) return missing();
    const file = await store.files().get(fileId);
    if (!file || file.cardId !== id) return missing();
    const card = await store.get(id);
    if (!card) return missing();
    // Under the card's rights: the file must be referenced where the caller may read.
    const visible = await rules.stripper(store, principalOf(c))(card);
    if (!fileRefsIn(visible.data).some((r) => r.fileId === fileId)) return missing();
    const files = store.files();
    let seq = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = await files.chunk(fileId, seq++);
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const inline = PREVIEWABLE.has(file.type) && c.req.query('download') === undefined;
    return c.body(body, 200, {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      ETag: `"${file.sha256}"`,
      [FILE_SHA256_HEADER]: file.sha256,
      'Cache-Control': 'private, no-cache',
      'X-Content-Type-Options': 'nosniff',
      // Opened directly, a file runs nothing and reaches nothing (an uploaded HTML or SVG stays inert).
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
}

/** Reads (and drops) a bounded part of the rest of the body, then refuses and closes the connection. */
async function drainAndRefuse(
  c: Context,
  status: 413 | 415,
  keyword: string,
  params: Record<string, unknown>,
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined = c.req.raw.body?.getReader(),
): Promise<Response> {
  for (let seen = 0; reader && seen <= DRAIN_BYTES;) {
    const next = await readWithin(reader, 2000).catch(() => ({ done: true as const, value: undefined }));
    if (next.done) break;
    seen += next.value.byteLength;
  }
  await reader?.cancel().catch(() => undefined);
  c.header('Connection', 'close');
  return refuse(c, status, keyword, params);
}
