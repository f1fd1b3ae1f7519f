/**
 * `RestAdapter`: the {@link StorageAdapter} over HTTP, speaking the protocol in docs/rest-api.md
 * to `@kartochka/server` (or any server that implements it). It runs on the platform `fetch`
 * (injectable for tests), retries what is safe to retry (see `rest-http.ts`), and maps every
 * answer back to the typed storage errors, so code written against `MemoryAdapter` or
 * `IndexedDbAdapter` works unchanged.
 *
 * `watch()` reports the writes made through this adapter instance at once (`remote: false`) and,
 * while anybody watches, other clients' writes as the server announces them on `GET /api/events`
 * (`remote: true`; docs/rest-api.md, "Live changes"). Changes made while that stream was down are
 * not replayed: a save still meets them as a conflict, as without the stream.
 */
import { ConflictError, UnavailableError, ValidationError } from './errors.js';
import { sha256Hex, type FileRef, type FileUpload } from './files.js';
import { pageBounds } from './query.js';
import { validateRecord } from './record.js';
import { errorFromResponse, type ErrorContext } from './rest-errors.js';
import { send, type HttpRequest, type HttpResponse, type HttpSettings } from './rest-http.js';
import type {
  CardRecord,
  DeleteOptions,
  ListQuery,
  ListResult,
  NewOrUpdatedRecord,
  PublishSchemaInput,
  PutOptions,
  Revision,
  SchemaInfo,
  SchemaSummary,
  SchemaVersion,
  StorageAdapter,
  UniqueMatch,
  WatchCallback,
} from './types.js';
import { Watchers } from './watchers.js';
import { checkSchemaInfo, checkSettingKey } from './catalogue.js';
import { followChanges, newClientId, type ChangeNotice } from './rest-events.js';

/** Per-call options that every `RestAdapter` method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call (including its retries and backoff); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of {@link RestAdapter}. */
export interface RestAdapterOptions {
  /** The API root, e.g. `http://127.0.0.1:8787/api`. */
  baseUrl: string | URL;
  /** The `fetch` to use. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Extra headers per request, e.g. `async () => ({ 'Accept-Language': 'ru' })`. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /**
   * The signed-in user's credential, sent as `Authorization: Bearer …`: an API key (`kc_…`) or a
   * JWT from the company's login. A function is asked before every request (and every event-stream
   * reconnect), so a refreshed JWT is picked up without a new adapter. Wins over an
   * `Authorization` from `headers`.
   */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Attempts per request, including the first (default 4). 1 turns retries off. */
  attempts?: number;
  /** Backoff: the first retry waits up to `baseMs` (default 100), doubling up to `maxMs` (default 2000), with full jitter. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Timeout per attempt in ms (default 10 000). */
  timeoutMs?: number;
  /** Random source for jitter, for deterministic tests. Default `Math.random`. */
  random?: () => number;
  /**
   * Follow other clients' changes on `GET /api/events` while anybody watches (default true).
   * Off: `watch()` reports this instance's own writes only.
   */
  live?: boolean;
  /**
   * The signed-in user whose credentials `headers` sends (an id or login, not a secret). Cards
   * keep drafts and queued saves per user, and send a user's queued saves only through an adapter
   * of that user. Create a new adapter when another user signs in.
   */
  user?: string;
}

/** `headers` plus the bearer `token`, asked for per request. */
function withToken(headers: RestAdapterOptions['headers'], token: RestAdapterOptions['token']): RestAdapterOptions['headers'] {
  if (token === undefined) return headers;
  return async () => {
    const out = new Headers(headers ? await headers() : undefined);
    const value = typeof token === 'function' ? await token() : token;
    if (value) out.set('Authorization', `Bearer ${value}`);
    return out;
  };
}

/** Sent on writes so this adapter can tell its own changes in the event stream from others'. */
const CLIENT_HEADER = 'X-Kartochka-Client';

const enc = encodeURIComponent;

function sameContent(sent: Record<string, unknown>, stored: CardRecord): boolean {
  // JSON text comparison is exact here: the server stores and returns the body's JSON as parsed,
  // keys in the same order, so equal content serialises equally.
  const pick = (r: Record<string, unknown>): string => JSON.stringify([r.schemaId, r.schemaVersion, r.title, r.data, r.indexed]);
  return pick(sent) === pick(stored as unknown as Record<string, unknown>);
}

/** A {@link StorageAdapter} that talks to a Kartochka REST server. */
export class RestAdapter implements StorageAdapter {
  private readonly http: HttpSettings;
  private readonly watchers = new Watchers();
  private readonly closer = new AbortController();
  /** `rest:` + the API root: stable across builds and tabs (local drafts and the outbox are keyed by it). */
  readonly id: string;
  /** The signed-in user this adapter sends credentials of, when the app said. */
  readonly user: string | undefined;
  /** This adapter's id on the server's change stream. */
  readonly clientId = newClientId();
  private readonly live: boolean;
  /** The open change stream, while anybody watches. */
  private stream: AbortController | undefined;

  constructor(options: RestAdapterOptions) {
    const base = new URL(String(options.baseUrl));
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const attempts = options.attempts ?? 4;
    if (!Number.isInteger(attempts) || attempts < 1) {
      throw new RangeError(`RestAdapter: attempts must be an integer ≥ 1, got ${String(options.attempts)}.`);
    }
    if (!options.fetch && typeof globalThis.fetch !== 'function') {
      throw new TypeError('RestAdapter: this environment has no fetch; pass options.fetch.');
    }
    this.http = {
      base,
      store: `rest ${base.href}`,
      // Bound, so a browser's fetch is not called with the adapter as `this` (an "Illegal invocation").
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: withToken(options.headers, options.token),
      attempts,
      baseDelayMs: options.backoff?.baseMs ?? 100,
      maxDelayMs: options.backoff?.maxMs ?? 2000,
      timeoutMs: options.timeoutMs ?? 10_000,
      random: options.random ?? Math.random,
      closed: this.closer.signal,
    };
    this.live = options.live ?? true;
    this.id = `rest:${base.href}`;
    this.user = options.user;
  }

  private async call(req: HttpRequest, ctx: Omit<ErrorContext, 'store'>): Promise<HttpResponse> {
    const res = await send(this.http, req);
    if (res.status >= 200 && res.status < 300) return res;
    throw errorFromResponse(res.status, res.body, { ...ctx, store: this.http.store }, res.headers);
  }

  private json<T>(res: HttpResponse): T {
    if (res.body === undefined) {
      throw new UnavailableError(this.http.store, `HTTP ${res.status} came without a JSON body.`);
    }
    return res.body as T;
  }

  async get<T = unknown>(id: string, options?: RequestOptions): Promise<CardRecord<T>> {
    const res = await this.call({ method: 'GET', path: `cards/${enc(id)}`, retryable: true, signal: options?.signal }, { id });
    return this.json<CardRecord<T>>(res);
  }

  async put<T = unknown>(input: NewOrUpdatedRecord<T>, options?: PutOptions & RequestOptions): Promise<CardRecord<T>> {
    validateRecord(input);
    const expected = options?.expectedRevision;
    const sent: Record<string, unknown> = {
      id: input.id,
      schemaId: input.schemaId,
      schemaVersion: input.schemaVersion,
      title: input.title,
      data: input.data,
      indexed: input.indexed,
    };
    const author = options?.author ?? input.author;
    if (author !== undefined) sent.author = author;
    let body: string;
    try {
      body = JSON.stringify(sent);
    } catch (error) {
      throw new ValidationError(input.id, [{ path: '/data', keyword: 'json', message: String(error), source: 'app' }], {
        cause: error,
      });
    }
    const headers: Record<string, string> = { [CLIENT_HEADER]: this.clientId };
    if (expected === 0) headers['If-None-Match'] = '*';
    else if (expected !== undefined) headers['If-Match'] = `"${expected}"`;
    // A conditional PUT can be repeated safely: if an earlier attempt was applied, the repeat
    // fails its precondition instead of writing twice (handled just below).
    const res = await send(this.http, {
      method: 'PUT',
      path: `cards/${enc(input.id)}`,
      body,
      headers,
      retryable: expected !== undefined,
      signal: options?.signal,
    });
    let record: CardRecord<T>;
    if (res.status >= 200 && res.status < 300) {
      record = this.json<CardRecord<T>>(res);
    } else {
      const error = errorFromResponse(
        res.status,
        res.body,
        { id: input.id, expectedRevision: expected, store: this.http.store },
        res.headers,
      );
      const current = error instanceof ConflictError ? error.current : undefined;
      // An earlier attempt got through but its answer was lost (server restarted, timeout): the
      // stored card is exactly what we sent, one revision on. That is our success, not a conflict.
      const ours = res.attempt > 1 && current !== undefined && current.revision === expected! + 1 && sameContent(sent, current);
      if (!ours) throw error;
      record = current as CardRecord<T>;
    }
    this.watchers.emit({ type: 'put', id: record.id, revision: record.revision, remote: false });
    return record;
  }

  /**
   * Uploads a file for a card's field (`POST cards/{id}/files`), with its SHA-256 for the server to
   * verify. Not retried once the server may have seen it (each upload makes a new file); the
   * outbox tries the whole save again later.
   */
  async putFile(upload: FileUpload, options?: RequestOptions): Promise<FileRef> {
    const sha256 = upload.sha256 ?? (await sha256Hex(upload.blob));
    const query = new URLSearchParams({ field: upload.field, schemaId: upload.schemaId });
    const res = await this.call(
      {
        method: 'POST',
        path: `cards/${enc(upload.cardId)}/files?${query}`,
        body: upload.blob,
        contentType: upload.type || upload.blob.type || 'application/octet-stream',
        headers: { 'X-Kartochka-File-Name': enc(upload.name), 'X-Kartochka-Sha256': sha256, [CLIENT_HEADER]: this.clientId },
        retryable: false,
        timeoutMs: Math.max(this.http.timeoutMs, 120_000),
        signal: options?.signal,
      },
      { id: upload.cardId },
    );
    return this.json<FileRef>(res);
  }

  /** A stored file's bytes (`GET cards/{id}/files/{fileId}`), checked against the SHA-256 the server sends. */
  async getFile(cardId: string, fileId: string, options?: RequestOptions): Promise<Blob> {
    const res = await this.call(
      {
        method: 'GET',
        path: `cards/${enc(cardId)}/files/${enc(fileId)}`,
        blob: true,
        retryable: true,
        timeoutMs: Math.max(this.http.timeoutMs, 120_000),
        signal: options?.signal,
      },
      { id: cardId },
    );
    const blob = res.blob!;
    const expected = res.headers.get('X-Kartochka-Sha256');
    if (expected && (await sha256Hex(blob)) !== expected) {
      throw new UnavailableError(this.http.store, `file ${fileId} of card ${cardId} arrived damaged (checksum mismatch); try again.`);
    }
    return blob;
  }

  async delete(id: string, options?: DeleteOptions & RequestOptions): Promise<void> {
    const expected = options?.expectedRevision;
    const headers: Record<string, string> = { [CLIENT_HEADER]: this.clientId };
    if (expected !== undefined) headers['If-Match'] = `"${expected}"`;
    const res = await send(this.http, { method: 'DELETE', path: `cards/${enc(id)}`, headers, retryable: true, signal: options?.signal });
    let revision: number;
    if (res.status === 404 && res.attempt > 1) {
      // A repeated DELETE finds the card gone when an earlier attempt deleted it and its answer
      // was lost; the caller's intent (the card no longer exists) holds. A first-attempt 404 is reported.
      revision = expected ?? 0;
    } else if (res.status >= 200 && res.status < 300) {
      revision = this.json<{ revision: number }>(res).revision;
    } else {
      throw errorFromResponse(res.status, res.body, { id, expectedRevision: expected, store: this.http.store }, res.headers);
    }
    this.watchers.emit({ type: 'delete', id, revision, remote: false });
  }

  async list<T = unknown>(query: ListQuery = {}, options?: RequestOptions): Promise<ListResult<T>> {
    const { offset, limit } = pageBounds(query);
    const params = new URLSearchParams();
    if (query.schemaId !== undefined) params.set('schemaId', query.schemaId);
    if (query.search) params.set('search', query.search);
    for (const [field, value] of Object.entries(query.filter ?? {})) params.append(`filter.${field}`, JSON.stringify(value));
    for (const [field, { min, max }] of Object.entries(query.range ?? {})) {
      if (min !== undefined) params.append(`min.${field}`, JSON.stringify(min));
      if (max !== undefined) params.append(`max.${field}`, JSON.stringify(max));
    }
    if (query.sort) {
      params.set('sort', query.sort.field);
      params.set('order', query.sort.direction);
    }
    if (offset > 0) params.set('offset', String(offset));
    if (limit !== Infinity) params.set('limit', String(limit));
    const qs = params.toString();
    let path = qs ? `cards?${qs}` : 'cards';
    const items: ListResult<T>['items'] = [];
    for (;;) {
      const res = await this.call({ method: 'GET', path, retryable: true, signal: options?.signal }, {});
      const page = this.json<ListResult<T> & { next?: string }>(res);
      items.push(...page.items);
      // The server caps a page (docs/rest-api.md, Limits); asked for everything, follow `next`.
      const more = limit === Infinity && typeof page.next === 'string' && page.next.includes('?') && page.items.length > 0;
      if (!more) return { items, total: page.total };
      path = `cards${page.next!.slice(page.next!.indexOf('?'))}`;
    }
  }

  async findUnique(schemaId: string, keys: readonly string[], options?: RequestOptions): Promise<UniqueMatch[]> {
    if (keys.length === 0) return [];
    const res = await this.call(
      {
        method: 'POST',
        path: 'unique',
        body: JSON.stringify({ schemaId, keys: [...new Set(keys)] }),
        retryable: true,
        signal: options?.signal,
      },
      { schemaId },
    );
    return this.json<{ items: UniqueMatch[] }>(res).items;
  }

  async history(id: string, options?: RequestOptions): Promise<Revision[]> {
    const res = await this.call({ method: 'GET', path: `cards/${enc(id)}/history`, retryable: true, signal: options?.signal }, { id });
    return this.json<{ items: Revision[] }>(res).items;
  }

  async publishSchema(input: PublishSchemaInput, options?: RequestOptions): Promise<SchemaVersion> {
    if (typeof input.schemaId !== 'string' || input.schemaId === '') {
      throw new TypeError('publishSchema(): schemaId must be a non-empty string.');
    }
    const { schemaId, ...rest } = input;
    // Not retried once it may have reached the server: a repeat would publish a second version.
    const res = await this.call(
      {
        method: 'POST',
        path: `schemas/${enc(schemaId)}/versions`,
        body: JSON.stringify(rest),
        retryable: false,
        signal: options?.signal,
      },
      { schemaId },
    );
    return this.json<SchemaVersion>(res);
  }

  async getSchema(schemaId: string, version?: number, options?: RequestOptions): Promise<SchemaVersion> {
    const path = version === undefined ? `schemas/${enc(schemaId)}/latest` : `schemas/${enc(schemaId)}/versions/${enc(String(version))}`;
    const res = await this.call({ method: 'GET', path, retryable: true, signal: options?.signal }, { schemaId, version });
    return this.json<SchemaVersion>(res);
  }

  async listSchemaVersions(schemaId: string, options?: RequestOptions): Promise<SchemaVersion[]> {
    const res = await this.call(
      { method: 'GET', path: `schemas/${enc(schemaId)}/versions`, retryable: true, signal: options?.signal },
      { schemaId },
    );
    return this.json<{ items: SchemaVersion[] }>(res).items;
  }

  async listSchemas(options?: RequestOptions): Promise<SchemaSummary[]> {
    const res = await this.call({ method: 'GET', path: 'schemas', retryable: true, signal: options?.signal }, {});
    return this.json<{ items: SchemaSummary[] }>(res).items;
  }

  async putSchemaInfo(schemaId: string, info: SchemaInfo, options?: RequestOptions): Promise<SchemaSummary> {
    const change = checkSchemaInfo(schemaId, info);
    // A merge of the same keys: repeating it changes nothing, so it may be retried.
    const res = await this.call(
      { method: 'PUT', path: `schemas/${enc(schemaId)}/info`, body: JSON.stringify(change), retryable: true, signal: options?.signal },
      { schemaId },
    );
    return this.json<SchemaSummary>(res);
  }

  async getSetting<T = unknown>(key: string, options?: RequestOptions): Promise<T | undefined> {
    checkSettingKey(key);
    const res = await send(this.http, { method: 'GET', path: `settings/${enc(key)}`, retryable: true, signal: options?.signal });
    if (res.status === 204) return undefined; // not set
    if (res.status < 200 || res.status >= 300)
      throw errorFromResponse(res.status, res.body, { id: key, store: this.http.store }, res.headers);
    return this.json<{ value: T }>(res).value;
  }

  async putSetting(key: string, value: unknown, options?: RequestOptions): Promise<void> {
    checkSettingKey(key);
    let body: string;
    try {
      body = JSON.stringify({ value });
    } catch (error) {
      throw new ValidationError(key, [{ path: '/value', keyword: 'json', message: String(error), source: 'app' }], { cause: error });
    }
    await this.call({ method: 'PUT', path: `settings/${enc(key)}`, body, retryable: true, signal: options?.signal }, { id: key });
  }

  async deleteSetting(key: string, options?: RequestOptions): Promise<void> {
    checkSettingKey(key);
    await this.call({ method: 'DELETE', path: `settings/${enc(key)}`, retryable: true, signal: options?.signal }, { id: key });
  }

  /**
   * Reports this instance's writes at once, and other clients' writes (`remote: true`) as the
   * server announces them; the change stream is open only while somebody watches.
   */
  watch(id: string | '*', callback: WatchCallback): () => void {
    const off = this.watchers.add(id, callback);
    this.follow();
    return () => {
      off();
      if (this.watchers.empty) this.unfollow();
    };
  }

  private follow(): void {
    if (!this.live || this.stream || this.closer.signal.aborted) return;
    const stream = new AbortController();
    this.stream = stream;
    const onChange = (n: ChangeNotice) => {
      if (n.client === this.clientId || typeof n.id !== 'string' || typeof n.revision !== 'number') return;
      if (n.type === 'put' || n.type === 'delete') this.watchers.emit({ type: n.type, id: n.id, revision: n.revision, remote: true });
    };
    void followChanges(this.http, AbortSignal.any([stream.signal, this.closer.signal]), { onChange }).finally(() => {
      if (this.stream === stream) this.stream = undefined;
    });
  }

  private unfollow(): void {
    this.stream?.abort();
    this.stream = undefined;
  }

  /** Aborts requests in flight and the change stream; later calls reject with `UnavailableError`. */
  async close(): Promise<void> {
    this.closer.abort();
    this.unfollow();
    this.watchers.clear();
  }
}
