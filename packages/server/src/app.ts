/**
 * The HTTP side of the reference server: a Hono app implementing docs/rest-api.md over a
 * {@link CardStore}. Transport only — the write rules, list semantics and error mapping all come
 * from `@kartochka/storage`, validation from `@kartochka/core`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  StorageError,
  ValidationError,
  type CardRecord,
  type IndexedValue,
  type IndexRange,
  type NewOrUpdatedRecord,
  type PublishSchemaInput,
  type SchemaInfo,
  type StorageFieldError,
} from '@kartochka/storage';
import { errorBody, statusOf, validateRecord, checkSchemaInfo } from '@kartochka/storage/backend';
import { AccessRules, stripHistory, stripRecord } from './access.js';
import { authenticate, principalOf, requireRole } from './auth/authenticate.js';
import type { JwtOptions } from './auth/jwt.js';
import type { KeyStore } from './auth/keys.js';
import { mountAdminRoutes } from './admin-routes.js';
import { bearerChecker } from './auth.js';
import { faultMiddleware, noFaults, type FaultState } from './faults.js';
import type { CardStore } from './store.js';
import { DEFAULT_TENANT } from './sqlite-store.js';
import { ChangeFeed, type ChangeNotice } from './change-feed.js';
import { CursorError, type StoreListQuery } from './sql-list.js';
import { SchemaCache, dataChecker, uniqueKeyer } from './validation.js';
import { DEFAULT_LIMITS, isValidId, jsonDepthOver, limitProblem, localeOf, refuse, type Limits } from './limits.js';
import { LOOPBACK_HOSTS, hostGuard, jsonWritesOnly } from './guards.js';
import { identityOf } from './identity.js';
import { rateLimit } from './rate-limit.js';
import { StreamSlots, eventStream } from './event-stream.js';
import { schemaBudgetProblems } from './schema-publish.js';
import { staticGuard } from './static-guard.js';
import { FILE_NAME_HEADER, FILE_SHA256_HEADER, checkFileRefs, isFileUpload, mountFileRoutes } from './files.js';

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = DEFAULT_LIMITS.bodyBytes;
/** How much of an oversized body is read (and dropped) before answering 413. */
const DRAIN_LIMIT = 16 * 1024 * 1024;
/** Default CORS origins: the demo's Vite dev server and preview. */
export const DEFAULT_CORS_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'];

/** Options of {@link createApp}. */
export interface AppOptions {
  store: CardStore;
  /**
   * The bootstrap admin token of the default tenant (`KARTOCHKA_TOKEN`). With no token, no JWT
   * settings and no API key ever created, the server is open (docs/rest-api.md, "Auth").
   */
  token?: string;
  /** Server-managed API keys (the SQLite store's `api_keys`). */
  keys?: KeyStore;
  /** Accept bearer JWTs checked against an OIDC provider's JWKS. */
  jwt?: JwtOptions;
  /** Largest accepted request body in bytes (default 1 MiB); larger ones get 413. Same as `limits.bodyBytes`. */
  bodyLimit?: number;
  /** The server's limits (limits.ts, docs/rest-api.md "Limits"); any subset, the rest default. */
  limits?: Partial<Limits>;
  /** Host names (`name` or `name:port`) answered besides localhost, 127.0.0.1 and [::1]. */
  allowedHosts?: string[];
  /** Origins allowed by CORS (default: the demo's dev origins). `['*']` allows any. */
  corsOrigins?: string[];
  /** Serve files from this directory for paths outside `/api` (the demo's REST mode). */
  staticDir?: string;
  /**
   * @deprecated Ignored: a card whose `schemaId` has no published version is always refused (422
   * `schemaNotPublished`, docs/rest-api.md "Validation").
   */
  requireSchemas?: boolean;
  /**
   * Mount `/__test/reset` and `/__test/faults`, answering only requests with
   * `X-Kartochka-Test-Token: <token>`. Tests only: the CLI never sets it (test-support/test-cli.ts does).
   */
  testHooks?: { token: string };
  /** The clock (tests). */
  now?: () => Date;
  /** Where writes are announced for `GET /api/events` (default: a new in-process feed). */
  feed?: ChangeFeed;
  /** Milliseconds between keep-alive comments on an idle event stream (default 15 000). */
  keepAliveMs?: number;
}

/** The header a client sends on writes so it can recognise (and skip) its own changes in `/api/events`. */
export const CLIENT_HEADER = 'X-Kartochka-Client';

/** Thrown by request parsing; becomes a 400 with field errors. */
class BadRequest extends ValidationError {}

function badRequest(path: string, keyword: string, message: string): BadRequest {
  return new BadRequest('?', [{ path, keyword, message, source: 'server' }]);
}

function respondError(c: Context, error: StorageError, status = statusOf(error)): Response {
  return c.json(errorBody(error), status as 404);
}

/** `"3"`, `W/"3"` or `3` → 3. Anything else (a list, `*`) is a 400. */
function parseRevisionTag(value: string, header: string): number {
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(value.trim());
  if (!m) throw badRequest('', header, `${header} must be one revision, e.g. "3" (got ${value}).`);
  return Number(m[1]);
}

/** The `expectedRevision` a write's conditional headers ask for. */
function expectedRevisionOf(c: Context): number | undefined {
  const ifMatch = c.req.header('If-Match');
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw badRequest('', 'If-Match', 'Send either If-Match (update revision n) or If-None-Match: * (create), not both.');
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*') throw badRequest('', 'If-None-Match', 'Only If-None-Match: * (create) is supported on writes.');
    return 0;
  }
  return ifMatch === undefined ? undefined : parseRevisionTag(ifMatch, 'If-Match');
}

async function jsonBody(c: Context, maxDepth: number = DEFAULT_LIMITS.jsonDepth): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  // Before parsing or storing: a body nested thousands deep would be stored, then break every
  // later read and save of the card on recursion.
  if (jsonDepthOver(text, maxDepth)) throw new BadRequest('?', [limitProblem(c, '', 'maxDepth', { limit: maxDepth })]);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw badRequest('', 'json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('', 'type', 'The body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function nonNegativeInt(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest('', name, `${name} must be a non-negative integer (got ${raw}).`);
  return Number(raw);
}

/** `filter.<field>=<JSON scalar>`; a value that is not a JSON scalar is taken as a plain string. */
function listQueryOf(c: Context, maxLimit: number): StoreListQuery {
  const q: StoreListQuery = {};
  const url = new URL(c.req.url);
  const schemaId = url.searchParams.get('schemaId');
  if (schemaId !== null) q.schemaId = schemaId;
  const search = url.searchParams.get('search');
  if (search) q.search = search;
  const filter: Record<string, IndexedValue> = {};
  let filtered = false;
  for (const [key, raw] of url.searchParams) {
    if (!key.startsWith('filter.')) continue;
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (value !== null && typeof value === 'object') value = raw;
    filter[key.slice('filter.'.length)] = value as IndexedValue;
    filtered = true;
  }
  if (filtered) q.filter = filter;
  // `min.<field>=<JSON number or string>`, `max.<field>=…`: inclusive ranges (docs/rest-api.md).
  const range: Record<string, IndexRange> = {};
  for (const [key, raw] of url.searchParams) {
    const end = key.startsWith('min.') ? 'min' : key.startsWith('max.') ? 'max' : undefined;
    if (!end) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    if (typeof value !== 'number' && typeof value !== 'string')
      throw badRequest('', key, `${key} must be a number or a string (got ${raw}).`);
    (range[key.slice(4)] ??= {})[end] = value;
  }
  if (Object.keys(range).length) q.range = range;
  const sort = url.searchParams.get('sort');
  const order = url.searchParams.get('order');
  if (order !== null && order !== 'asc' && order !== 'desc') throw badRequest('', 'order', 'order must be asc or desc.');
  if (sort) q.sort = { field: sort, direction: order ?? 'asc' };
  else if (order) q.sort = { field: 'updatedAt', direction: order };
  const offset = nonNegativeInt(c, 'offset');
  const limit = nonNegativeInt(c, 'limit');
  if (offset !== undefined) q.offset = offset;
  // A keyset cursor (a previous answer's `next`): deep pages cost what the first one does.
  const cursor = url.searchParams.get('cursor');
  if (cursor) q.after = cursor;
  if (limit !== undefined && limit > maxLimit)
    throw new BadRequest('?', [limitProblem(c, '', 'maximum', { limit: maxLimit, comparison: '<=', name: 'limit' })]);
  // No limit asked: one page of the largest size; the answer's `next` leads on.
  q.limit = limit ?? maxLimit;
  return q;
}

function withEtag(c: Context, record: CardRecord): void {
  c.header('ETag', `"${record.revision}"`);
}

/** A card or schema id from the URL, or a 400 naming the rule. */
function idParam(c: Context, name: 'id' | 'schemaId'): string {
  const id = c.req.param(name) ?? '';
  if (!isValidId(id)) throw new BadRequest('?', [limitProblem(c, `/${name}`, 'invalidId', {})]);
  return id;
}

/** The Hono app. Mount it on any runtime; {@link createServer} runs it on Node. */
export function createApp(options: AppOptions): Hono {
  const root = options.store;
  /** The caller's tenant's view of the store: no route can reach another tenant's rows. */
  const storeOf = (c: Context): CardStore => root.forTenant(principalOf(c).tenant);
  const rules = new AccessRules();
  const now = options.now ?? (() => new Date());
  const cache = new SchemaCache();
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (options.bodyLimit !== undefined) limits.bodyBytes = options.bodyLimit;
  const readJson = (c: Context) => jsonBody(c, limits.jsonDepth);
  const app = new Hono();
  const origins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;
  const feed = options.feed ?? new ChangeFeed();
  const clientOf = (c: Context): string | undefined => {
    const id = c.req.header(CLIENT_HEADER);
    return id && /^[\w-]{1,100}$/.test(id) ? id : undefined;
  };
  const announce = (notice: ChangeNotice) => feed.publish(notice);

  const corsMiddleware = cors({
    origin: origins.includes('*') ? '*' : origins,
    allowMethods: ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Authorization',
      'Content-Type',
      'If-Match',
      'If-None-Match',
      'Accept-Language',
      CLIENT_HEADER,
      FILE_NAME_HEADER,
      FILE_SHA256_HEADER,
    ],
    // Retry-After is not CORS-safelisted: without this a page on another origin cannot honour a 429.
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Content-Disposition', FILE_SHA256_HEADER],
    maxAge: 600,
  });
  // Only browsers on another origin send Origin; skipping the middleware otherwise keeps the
  // Node adapter's lightweight Response (setting headers after the handler materialises a full one).
  app.use('*', (c, next) => (c.req.header('Origin') === undefined ? next() : corsMiddleware(c, next)));
  app.use('*', hostGuard([...LOOPBACK_HOSTS, ...(options.allowedHosts ?? [])]));
  // File uploads carry the file's own type; their checksum header is custom, so a cross-site page
  // cannot send one without a CORS preflight either.
  const jsonOnly = jsonWritesOnly();
  app.use('/api/*', (c, next) => (isFileUpload(c) ? next() : jsonOnly(c, next)));

  if (options.testHooks) {
    const hooksOk = bearerChecker(options.testHooks.token);
    app.use('/__test/*', jsonWritesOnly());
    app.use('/__test/*', async (c, next) => {
      if (hooksOk(`Bearer ${c.req.header('X-Kartochka-Test-Token') ?? ''}`)) return next();
      return c.json({ error: { code: 'unauthorized', message: 'Test hooks need X-Kartochka-Test-Token.', params: {} } }, 401);
    });
    const faults: FaultState = noFaults();
    // `{"publish": ["client", …], "tenants": ["acme", …]}`: after clearing, publish an
    // accept-anything schema for each id in each tenant (default: the default tenant), so a suite
    // that stores cards of those ids can run (saves need a published schema).
    app.post('/__test/reset', async (c) => {
      const body = (await c.req.json().catch(() => ({}))) as { publish?: unknown; tenants?: unknown };
      const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      await root.clear();
      cache.clear();
      rules.clear();
      Object.assign(faults, noFaults());
      const tenants = body.tenants === undefined ? [DEFAULT_TENANT] : strings(body.tenants);
      for (const tenant of tenants) {
        for (const schemaId of strings(body.publish)) {
          await root.forTenant(tenant).publishSchema({ schemaId, schema: { type: 'object' }, note: 'test' }, now().toISOString());
        }
      }
      return c.json({ ok: true });
    });
    app.post('/__test/faults', async (c) => {
      Object.assign(faults, noFaults(), await c.req.json());
      return c.json(faults);
    });
    app.use('/api/*', faultMiddleware(faults));
  }

  app.get('/health', (c) => c.json({ status: 'ok' }));

  const failures = { capacity: limits.authFailures, windowMs: limits.rateWindowMs };
  app.use('/api/*', authenticate({ token: options.token, keys: options.keys, jwt: options.jwt, failures }));
  if (limits.rateRequests > 0) {
    app.use('/api/*', rateLimit({ capacity: limits.rateRequests, windowMs: limits.rateWindowMs, keyOf: identityOf }));
  }

  const limit = limits.bodyBytes;
  const tooLarge = (c: Context): Response => {
    const errors: StorageFieldError[] = [limitProblem(c, '', 'maxBodySize', { limit })];
    const message = errors[0]!.message;
    // The rest of an oversized body may still be on the wire: never reuse this connection.
    c.header('Connection', 'close');
    return c.json({ error: { code: 'validation', messageKey: 'validation', message, params: { limit } }, errors }, 413);
  };
  const chunkedLimit = bodyLimit({ maxSize: limit, onError: tooLarge });
  app.use('/api/*', async (c, next) => {
    // An upload has its field's own limit and streams (files.ts).
    if (isFileUpload(c)) return next();
    const length = c.req.header('Content-Length');
    if (length === undefined) {
      // Only a chunked body needs counting as it streams. Everything else skips Hono's
      // bodyLimit, which touches `raw.body` and so makes the Node adapter build a full Request
      // (stream, AbortSignal) for every GET — a third of the read throughput.
      return c.req.header('Transfer-Encoding') ? chunkedLimit(c, next) : next();
    }
    // Node's parser never delivers more than Content-Length bytes, so the header can be trusted.
    if (!(Number(length) > limit)) return next();
    // Read (and drop) a bounded amount first, so a client still uploading receives the 413
    // instead of a reset connection; past the bound the socket is simply closed after the answer.
    const reader = c.req.raw.body?.getReader();
    for (let seen = 0; reader && seen <= DRAIN_LIMIT;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
    }
    await reader?.cancel().catch(() => undefined);
    return tooLarge(c);
  });

  app.get('/api/cards', async (c) => c.json(await listCards(c)));
  async function listCards(c: Context): Promise<unknown> {
    requireRole(c, 'read');
    const query = listQueryOf(c, limits.listLimit);
    const store = storeOf(c);
    const result = await store.list(query).catch((error: unknown) => {
      throw error instanceof CursorError ? badRequest('', 'cursor', error.message) : error;
    });
    const strip = rules.stripper(store, principalOf(c));
    const items = await Promise.all(result.items.map(strip));
    const offset = query.offset ?? 0;
    const body: Record<string, unknown> = { items, total: result.total, offset, limit: query.limit! };
    const more = query.after !== undefined ? result.nextCursor !== undefined : offset + items.length < result.total && items.length > 0;
    if (more) {
      const url = new URL(c.req.url);
      if (result.nextCursor !== undefined) {
        url.searchParams.delete('offset');
        url.searchParams.set('cursor', result.nextCursor);
      } else {
        url.searchParams.set('offset', String(offset + items.length));
      }
      url.searchParams.set('limit', String(query.limit));
      body.next = `${url.pathname}${url.search}`;
    }
    return body;
  }

  /** A conflict's `current` record, stripped for the caller like any other record it reads. */
  async function strippedConflict(c: Context, error: unknown): Promise<never> {
    if (!(error instanceof ConflictError)) throw error;
    const current = await rules.stripper(storeOf(c), principalOf(c))(error.current);
    throw new ConflictError(current, Number(error.params.expected));
  }

  app.get('/api/cards/:id', async (c) => {
    requireRole(c, 'read');
    const id = idParam(c, 'id');
    const store = storeOf(c);
    const record = await store.get(id);
    if (!record) throw NotFoundError.card(id);
    withEtag(c, record);
    return c.json(await rules.stripper(store, principalOf(c))(record));
  });

  app.put('/api/cards/:id', async (c) => {
    const id = idParam(c, 'id');
    requireRole(c, 'write', id);
    const store = storeOf(c);
    const principal = principalOf(c);
    const expectedRevision = expectedRevisionOf(c);
    const body = await readJson(c);
    if (body.id !== undefined && body.id !== id) {
      throw badRequest('/id', 'const', `The body's id (${String(body.id)}) differs from the URL's (${id}).`);
    }
    const input = { ...body, id } as unknown as NewOrUpdatedRecord;
    try {
      validateRecord(input);
    } catch (error) {
      if (error instanceof ValidationError) {
        throw new BadRequest(
          id,
          error.errors.map((e) => ({ ...e, source: 'server' as const })),
        );
      }
      throw error;
    }
    const locale = localeOf(c);
    const check = await dataChecker(store, cache, input, {
      locale,
      storedVersion: async () => (await store.get(id))?.schemaVersion,
    });
    const keysOf = await uniqueKeyer(store, cache, input);
    const access = await rules.for(store, input.schemaId, principal);
    // Files it references must have been uploaded for this card (files.ts).
    const fileRefs = await checkFileRefs(store, id, input.data, c);
    if (fileRefs.errors.length > 0) throw new ValidationError(id, fileRefs.errors);
    // The author is who signed in, never the body's `author`.
    delete input.author;
    const { record, created } = await store
      .put(input, { expectedRevision, author: principal.name, client: clientOf(c) }, now().toISOString(), (stored) => {
        let data = input.data;
        if (access) {
          // Hidden fields come back from what is stored; refused fields stop the write.
          const verdict = access.checkWrite(stored?.data, input.data as never, locale);
          if (verdict.errors.length > 0) {
            throw new ForbiddenError(
              id,
              `Card "${id}" was not saved: your role may not write ${verdict.errors.length} of its field(s).`,
              verdict.errors,
            );
          }
          data = verdict.data;
        }
        data = fileRefs.normalise(data);
        const errors = check(data);
        if (errors.length > 0) throw new ValidationError(id, errors);
        // Keys from the data as it will be stored (hidden fields merged back), never the client's.
        return { ...input, data, unique: keysOf(data) };
      })
      .catch((error: unknown) => strippedConflict(c, error));
    announce({ type: 'put', tenant: principal.tenant, id, revision: record.revision, client: clientOf(c) });
    withEtag(c, record);
    if (created) c.header('Location', `/api/cards/${encodeURIComponent(id)}`);
    return c.json(stripRecord(record, access), created ? 201 : 200);
  });

  app.delete('/api/cards/:id', async (c) => {
    const id = idParam(c, 'id');
    requireRole(c, 'delete', id);
    const principal = principalOf(c);
    const ifMatch = c.req.header('If-Match');
    const deleted = await storeOf(c)
      .delete(id, ifMatch === undefined ? undefined : parseRevisionTag(ifMatch, 'If-Match'), {
        at: now().toISOString(),
        author: principal.name,
        client: clientOf(c),
      })
      .catch((error: unknown) => strippedConflict(c, error));
    announce({ type: 'delete', tenant: principal.tenant, id, revision: deleted.revision, client: clientOf(c) });
    return c.json({ id, revision: deleted.revision });
  });

  // Who already holds these unique keys (docs/duplicates.md): the card's warning while typing.
  // A POST so the keys (an INN, an e-mail) stay out of URLs and access logs. The caller's tenant
  // only, by the unique-key index; ids and titles only, as the list shows them.
  app.post('/api/unique', async (c) => {
    requireRole(c, 'read');
    const body = await readJson(c);
    const schemaId = body.schemaId;
    const keys = body.keys;
    if (typeof schemaId !== 'string' || !isValidId(schemaId)) throw new BadRequest('?', [limitProblem(c, '/schemaId', 'invalidId', {})]);
    if (!Array.isArray(keys) || keys.length > 100 || keys.some((k) => typeof k !== 'string' || k.length > 2000)) {
      throw badRequest('/keys', 'type', 'keys must be a list of at most 100 key strings.');
    }
    return c.json({ items: await storeOf(c).findUnique(schemaId, keys as string[]) });
  });

  // Changes as they happen (docs/rest-api.md, "Live changes"): ids and revisions only, never
  // data, so a stream tells no more than the list does. Behind the same auth as the rest, and
  // only the caller's tenant's changes. Streams are capped in total and per identity, and a slow
  // reader is dropped (event-stream.ts).
  const slots = new StreamSlots(limits.streamsTotal, limits.streamsPerKey);
  app.get('/api/events', (c) => {
    requireRole(c, 'read');
    const release = slots.take(identityOf(c));
    if (release === 'total') return refuse(c, 503, 'tooManyStreams', { limit: limits.streamsTotal });
    if (release === 'key') {
      c.header('Retry-After', '5');
      return refuse(c, 429, 'tooManyStreams', { limit: limits.streamsPerKey });
    }
    const body = eventStream({ feed, tenant: principalOf(c).tenant, keepAliveMs: options.keepAliveMs ?? 15_000, release });
    return c.body(body, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  });

  app.get('/api/cards/:id/history', async (c) => {
    requireRole(c, 'read');
    const store = storeOf(c);
    const items = await store.history(idParam(c, 'id'));
    // The card's schema names the rules; a deleted card's comes from its history's last put.
    const schemaId = (await store.get(c.req.param('id')))?.schemaId ?? items.findLast((e) => e.schemaId !== undefined)?.schemaId;
    const access = schemaId === undefined ? undefined : await rules.for(store, schemaId, principalOf(c));
    return c.json({ items: stripHistory(items, access) });
  });

  app.post('/api/schemas/:schemaId/versions', async (c) => {
    const schemaId = idParam(c, 'schemaId');
    requireRole(c, 'publish', schemaId);
    const store = storeOf(c);
    const body = await readJson(c);
    if (typeof body.schema !== 'object' || body.schema === null || Array.isArray(body.schema)) {
      throw badRequest('/schema', 'type', 'schema must be a JSON Schema object.');
    }
    // Size, $ref expansion, version count, compile (with its time): 422 naming the limit.
    const problems = await schemaBudgetProblems(c, store, schemaId, body.schema, limits);
    if (problems.length > 0) throw new ValidationError(schemaId, problems);
    const input: PublishSchemaInput = { schemaId, schema: body.schema };
    for (const key of ['layout', 'messages'] as const) {
      if (body[key] !== undefined) input[key] = body[key] as object;
    }
    if (typeof body.note === 'string') input.note = body.note;
    input.author = principalOf(c).name;
    const published = await store.publishSchema(input, now().toISOString());
    cache.published(store, schemaId, published.version);
    c.header('Location', `/api/schemas/${encodeURIComponent(schemaId)}/versions/${published.version}`);
    return c.json(published, 201);
  });

  app.get('/api/schemas/:schemaId/versions', async (c) => {
    requireRole(c, 'read');
    return c.json({ items: await storeOf(c).listSchemaVersions(idParam(c, 'schemaId')) });
  });

  app.get('/api/schemas/:schemaId/versions/:version', async (c) => {
    requireRole(c, 'read');
    const store = storeOf(c);
    const schemaId = idParam(c, 'schemaId');
    const raw = c.req.param('version');
    const version = /^\d+$/.test(raw) ? Number(raw) : NaN;
    const found = Number.isNaN(version) ? undefined : await store.getSchema(schemaId, version);
    if (!found) throw NotFoundError.schema(schemaId, Number.isNaN(version) ? 0 : version);
    return c.json(found);
  });

  app.get('/api/schemas/:schemaId/latest', async (c) => {
    requireRole(c, 'read');
    const schemaId = idParam(c, 'schemaId');
    const found = await storeOf(c).getSchema(schemaId);
    if (!found) throw NotFoundError.schema(schemaId);
    return c.json(found);
  });

  // Card types (docs/rest-api.md, "Card types"): every reader lists them; info is set by who may publish the type.
  app.get('/api/schemas', async (c) => {
    requireRole(c, 'read');
    return c.json({ items: await storeOf(c).listSchemas() });
  });

  app.put('/api/schemas/:schemaId/info', async (c) => {
    const schemaId = idParam(c, 'schemaId');
    requireRole(c, 'publish', schemaId);
    const body = await readJson(c);
    let info: SchemaInfo;
    try {
      info = checkSchemaInfo(schemaId, body as SchemaInfo);
    } catch (error) {
      if (error instanceof ValidationError)
        throw new BadRequest(
          schemaId,
          error.errors.map((e) => ({ ...e, source: 'server' as const })),
        );
      throw error;
    }
    return c.json(await storeOf(c).putSchemaInfo(schemaId, info, now().toISOString()));
  });

  // The signed-in user's own settings (builder drafts, preferences): never cards, never another user's.
  const settingKey = (c: Context): string => {
    const key = c.req.param('key') ?? '';
    if (!isValidId(key)) throw new BadRequest('?', [limitProblem(c, '/key', 'invalidId', {})]);
    return key;
  };
  app.get('/api/settings/:key', async (c) => {
    requireRole(c, 'read');
    const key = settingKey(c);
    const value = await storeOf(c).getSetting(principalOf(c).name, key);
    // Not set is an ordinary answer (a builder asks on every open), not an error a browser logs.
    if (value === undefined) return c.body(null, 204);
    return c.json({ key, value });
  });
  app.put('/api/settings/:key', async (c) => {
    requireRole(c, 'read');
    const key = settingKey(c);
    const body = await readJson(c);
    if (!('value' in body)) throw badRequest('/value', 'required', 'The body is {"value": <any JSON>}.');
    await storeOf(c).putSetting(principalOf(c).name, key, body.value, now().toISOString());
    return c.json({ key });
  });
  app.delete('/api/settings/:key', async (c) => {
    requireRole(c, 'read');
    const key = settingKey(c);
    await storeOf(c).deleteSetting(principalOf(c).name, key);
    return c.json({ key });
  });

  mountAdminRoutes(app, { storeOf, keys: options.keys, readJson });
  mountFileRoutes(app, { storeOf, rules, limits, now });

  app.all('/api/*', (c) =>
    c.json({ error: { code: 'no-route', message: `No API route for ${c.req.method} ${new URL(c.req.url).pathname}.`, params: {} } }, 404),
  );

  if (options.staticDir !== undefined) {
    app.use('*', staticGuard(options.staticDir));
    app.use('*', serveStatic({ root: options.staticDir }));
  }

  app.notFound((c) => c.json({ error: { code: 'no-route', message: 'Not found.', params: {} } }, 404));

  app.onError((error, c) => {
    if (error instanceof BadRequest) return respondError(c, error, 400);
    if (error instanceof StorageError) return respondError(c, error);
    console.error('[kartochka-server]', error);
    return c.json({ error: { code: 'unavailable', message: 'Internal server error.', params: {} } }, 500);
  });

  return app;
}
