/**
 * The error half of the REST protocol (docs/rest-api.md), in one module that both sides use:
 * the reference server turns a `StorageError` into a status and a body with {@link statusOf} and
 * {@link errorBody}; `RestAdapter` turns them back with {@link errorFromResponse}. One mapping, so
 * client and server cannot drift apart.
 */
import {
  ConflictError,
  DuplicateError,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  StorageError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  type MessageParams,
  type StorageFieldError,
  type StorageMessageKey,
} from './errors.js';
import type { CardRecord } from './types.js';

/** Every error response's body. `code` is a `StorageErrorCode` (`forbidden` for 403), or `unauthorized` for 401. */
export interface RestErrorBody {
  error: { code: string; messageKey?: string; message: string; params: MessageParams };
  /** 409/412: the card as it is stored now. */
  current?: CardRecord;
  /** 409 `duplicate`: the card that already holds the key, and the key (same tenant only). */
  duplicate?: { existingId: string; key: string };
  /** 400/403/409/413/422: the problems, in the core's field-error shape. */
  errors?: StorageFieldError[];
}

/** The HTTP status for a storage error thrown while handling a request. */
export function statusOf(error: StorageError): number {
  switch (error.code) {
    case 'not-found':
      return 404;
    case 'conflict':
      return 412;
    case 'forbidden':
      return 403;
    case 'duplicate':
      return 409;
    case 'validation':
      // The server answers 400 itself for a record malformed as a record (see the server's routes).
      return 422;
    case 'quota-exceeded':
      return 507;
    case 'unauthorized':
      return 401;
    case 'rate-limited':
      return 429;
    default:
      return 503;
  }
}

/** The JSON body for a storage error. */
export function errorBody(error: StorageError): RestErrorBody {
  const body: RestErrorBody = {
    error: { code: error.code, messageKey: error.messageKey, message: error.message, params: error.params },
  };
  if (error instanceof ConflictError) body.current = error.current;
  if (error instanceof ValidationError) body.errors = [...error.errors];
  if (error instanceof DuplicateError) body.duplicate = { existingId: error.existingId, key: error.key };
  return body;
}

/** What the adapter knew about the request whose response failed. */
export interface ErrorContext {
  /** The store's name in messages, e.g. `rest http://127.0.0.1:8787/api`. */
  store: string;
  /** The card id (for card requests) or schema id. */
  id?: string;
  schemaId?: string;
  version?: number;
  /** The revision the request was conditional on, for `ConflictError`. */
  expectedRevision?: number;
}

function isBody(value: unknown): value is RestErrorBody {
  const e = (value as RestErrorBody | null)?.error;
  return typeof e === 'object' && e !== null && typeof e.code === 'string' && typeof e.message === 'string';
}

/** Without a usable `Retry-After`, a 429 is retried after this long. */
const DEFAULT_RETRY_AFTER_MS = 5000;
/** Never wait longer than this, whatever a server (or a proxy) says. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** `Retry-After` (seconds, or an HTTP date) in ms. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number {
  if (!header) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = header.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (!Number.isFinite(ms)) return DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(1000, ms));
}

/**
 * The typed error for a non-2xx response. `body` is the parsed JSON (or `undefined` when the
 * body was not JSON: a proxy's HTML page, a wrong `baseUrl`).
 */
export function errorFromResponse(status: number, body: unknown, ctx: ErrorContext, headers?: Headers): StorageError {
  const ours = isBody(body);
  const message = ours ? body.error.message : `HTTP ${status}`;
  if (status === 429) return new RateLimitedError(ctx.store, retryAfterMs(headers?.get('Retry-After')), message);
  if (status === 404 && ours && body.error.code === 'not-found') {
    const key = body.error.messageKey as StorageMessageKey | undefined;
    const p = body.error.params;
    if (key === 'schemaNotFound') return NotFoundError.schema(String(p.schemaId ?? ctx.schemaId));
    if (key === 'schemaVersionNotFound') {
      return NotFoundError.schema(String(p.schemaId ?? ctx.schemaId), Number(p.version ?? ctx.version));
    }
    return NotFoundError.card(String(p.id ?? ctx.id));
  }
  if (status === 409 && ours && body.error.code === 'duplicate' && typeof body.duplicate?.existingId === 'string') {
    return new DuplicateError(ctx.id ?? '?', body.duplicate.existingId, String(body.duplicate.key ?? ''));
  }
  if ((status === 409 || status === 412) && ours && body.current) {
    return new ConflictError(body.current, ctx.expectedRevision ?? Number(body.error.params.expected ?? 0));
  }
  if ((status === 400 || status === 413 || status === 422) && ours) {
    const errors = body.errors ?? [{ path: '', keyword: 'request', message, source: 'server' as const }];
    return new ValidationError(ctx.id ?? '?', errors);
  }
  if (status === 507) return new QuotaExceededError(ctx.store, ctx.id ?? '?');
  if (status === 403 && ours && body.error.code === 'forbidden') {
    return new ForbiddenError(ctx.id ?? ctx.schemaId ?? '?', message, body.errors ?? []);
  }
  if (status === 401 || status === 403) {
    return new UnauthorizedError(ctx.store, status, message);
  }
  if (status === 404) {
    return new UnavailableError(ctx.store, `HTTP 404 without a Kartochka error body; is baseUrl the API root (…/api)?`);
  }
  return new UnavailableError(ctx.store, `the server answered HTTP ${status}: ${message}`);
}
