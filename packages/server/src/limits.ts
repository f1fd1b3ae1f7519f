/**
 * The server's limits: what one client may send and hold, so that nothing a client sends can
 * stop the server for everyone else. Every number here is listed, with its flag, in
 * docs/rest-api.md ("Limits"). Refusals answer in the core's field-error shape, with the message
 * from core's catalogue in the caller's language (Accept-Language: ru or en).
 */
import type { Context } from 'hono';
import { type Locale } from '@kartochka/core';
import { serverMessage } from '@kartochka/core/internal';
import type { StorageFieldError } from '@kartochka/storage';

/** Every limit the server enforces; `createApp({limits})` takes any subset. */
export interface Limits {
  /** Largest request body, bytes (413). */
  bodyBytes: number;
  /** Deepest nesting of objects and arrays in a JSON body (400). */
  jsonDepth: number;
  /** Largest `limit` of a list request; also the page size when none is given. */
  listLimit: number;
  /** Largest published schema (its JSON), bytes (422). */
  schemaBytes: number;
  /** Most subschemas a schema may expand to through `$ref` (422); see schema-budget.ts. */
  schemaExpansion: number;
  /** Longest a schema may take to compile at publication, ms (422). */
  compileMs: number;
  /** Most versions one schema id may have (422). */
  schemaVersions: number;
  /** Requests per identity per window (429); 0 turns rate limiting off. */
  rateRequests: number;
  /** The rate-limit window, ms (also the window of `authFailures`). */
  rateWindowMs: number;
  /** Failed authentications per client address per window before its credentials get 429; 0 = no limit. */
  authFailures: number;
  /** Open event streams in total (503) … */
  streamsTotal: number;
  /** … and per identity (429). */
  streamsPerKey: number;
  /** Notices one event stream may have queued before it is dropped as a slow consumer. */
  streamBuffer: number;
  /** Largest uploaded file, bytes, whatever a field's `x-maxSize` says (413). */
  fileBytes: number;
  /** Longest an upload may send nothing before it is dropped, ms (408). */
  fileIdleMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  bodyBytes: 1024 * 1024,
  jsonDepth: 64,
  listLimit: 1000,
  schemaBytes: 256 * 1024,
  schemaExpansion: 20_000,
  compileMs: 2000,
  schemaVersions: 1000,
  rateRequests: 1200,
  rateWindowMs: 60_000,
  authFailures: 10,
  streamsTotal: 200,
  streamsPerKey: 10,
  streamBuffer: 256,
  fileBytes: 50 * 1024 * 1024,
  fileIdleMs: 30_000,
});

export function localeOf(c: Context): Locale {
  return /^ru\b/i.test(c.req.header('Accept-Language') ?? '') ? 'ru' : 'en';
}

/** One limit's field error, worded from core's catalogue. */
export function limitProblem(c: Context, path: string, keyword: string, params: Record<string, unknown>): StorageFieldError {
  const e: StorageFieldError & { params: Record<string, unknown> } = {
    path,
    keyword,
    message: serverMessage(localeOf(c), keyword, params),
    source: 'server',
    params,
  };
  return e;
}

/**
 * A refusal before any handler ran: `{error: {code, message, params}, errors: [one field error]}`.
 * `code` stays in the storage vocabulary (`validation`, `unavailable`) so RestAdapter maps it.
 */
export function refuse(
  c: Context,
  status: 400 | 403 | 404 | 408 | 413 | 415 | 421 | 422 | 429 | 503,
  keyword: string,
  params: Record<string, unknown>,
  code: 'validation' | 'unavailable' = status === 429 || status === 503 ? 'unavailable' : 'validation',
): Response {
  const problem = limitProblem(c, '', keyword, params);
  return c.json({ error: { code, messageKey: keyword, message: problem.message, params }, errors: [problem] }, status);
}

/**
 * The nesting depth of a JSON text, found by scanning its brackets outside strings: no parsing,
 * no recursion, so a 100,000-deep body costs one pass and no stack. Returns as soon as `max`
 * is exceeded.
 */
export function jsonDepthOver(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) depth--;
  }
  return false;
}

// Control characters are exactly what this pattern refuses.
// eslint-disable-next-line no-control-regex
const ID = /^[^\u0000-\u001f\u007f/\\]{1,200}$/u;

/** Card and schema ids: 1–200 characters, no control characters, no slashes (they name URLs). */
export function isValidId(id: string): boolean {
  return ID.test(id);
}

/** A write's body must be declared JSON: a cross-site `text/plain` form cannot send one without a CORS preflight. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;|$)/i.test(value.trim());
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);
