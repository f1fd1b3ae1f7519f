/**
 * The transport under `RestAdapter`: one JSON request with a per-attempt timeout, retries with
 * exponential backoff and full jitter, and cancellation. It knows nothing of cards; it decides
 * only *whether* a failed attempt may be repeated:
 *
 * - a network error, a timeout or a 5xx (but not 507) is retried when the request is safe to
 *   repeat (`retryable`: GET, DELETE, a conditional PUT);
 * - a refused connection is retried for any request, since the server never saw it;
 * - a 4xx is never retried.
 */
import { UnavailableError } from './errors.js';

/** Settings shared by every request of one adapter. */
export interface HttpSettings {
  /** The API root, ending in `/`. */
  base: URL;
  /** Name used in error messages. */
  store: string;
  fetch: typeof fetch;
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** Total attempts per request, ≥ 1. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per attempt; the timer covers the response headers and body. */
  timeoutMs: number;
  random: () => number;
  /** Aborted when the adapter closes: in-flight requests stop. */
  closed: AbortSignal;
}

export interface HttpRequest {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Relative to the API root, segments already encoded. */
  path: string;
  /** JSON text, or a Blob sent as it is (a file upload, with `contentType`). */
  body?: string | Blob;
  /** The body's type (default `application/json`). */
  contentType?: string;
  /** Read a successful answer as a Blob (a file download) instead of JSON. */
  blob?: boolean;
  /** This request's per-attempt timeout (files take longer than cards). */
  timeoutMs?: number;
  headers?: Record<string, string>;
  /** True when repeating the request after the server may have seen it cannot do harm. */
  retryable: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `undefined` for an empty or non-JSON body. */
  body: unknown;
  /** 1 for the first attempt; > 1 means an earlier attempt may have reached the server. */
  attempt: number;
  /** The answer's bytes, when the request asked for a Blob and got a 2xx. */
  blob?: Blob;
}

class TimeoutSignal extends Error {}

/**
 * Waits `ms`; rejects with the reason of the first of `signals` to abort. `unref`: in Node, the
 * wait alone does not keep the process alive (the change stream's reconnects use it).
 */
export function sleep(ms: number, signals: AbortSignal[], { unref = false } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      done();
      reject(signals.find((s) => s.aborted)?.reason);
    };
    const timer = setTimeout(() => {
      done();
      resolve();
    }, ms);
    if (unref) (timer as unknown as { unref?: () => void }).unref?.();
    for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Full jitter: a random delay up to `baseDelayMs × 2^(n−1)`, capped at `maxDelayMs` (or `maxMs`),
 * so clients that failed together spread out.
 */
export function backoffDelay(http: HttpSettings, failures: number, maxMs = http.maxDelayMs): number {
  return http.random() * Math.min(maxMs, http.baseDelayMs * 2 ** Math.min(failures - 1, 30));
}

/** True for errors that prove the request never reached a server (Node's undici exposes the code). */
function connectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return cause?.code === 'ECONNREFUSED';
}

function describe(error: unknown): string {
  if (error instanceof TimeoutSignal) return error.message;
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const base = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${base} (${cause.code})` : base;
}

/** Sends `req`, retrying as described above; rejects with `UnavailableError` or the caller's abort reason. */
export async function send(http: HttpSettings, req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.path, http.base);
  let lastProblem = '';
  let lastError: unknown;
  for (let attempt = 1; attempt <= http.attempts; attempt++) {
    req.signal?.throwIfAborted();
    if (http.closed.aborted) throw new UnavailableError(http.store, 'the adapter was closed.');
    const controller = new AbortController();
    const relay = (): void => controller.abort();
    req.signal?.addEventListener('abort', relay, { once: true });
    http.closed.addEventListener('abort', relay, { once: true });
    const timer = setTimeout(
      () => controller.abort(new TimeoutSignal(`no answer within ${req.timeoutMs ?? http.timeoutMs} ms`)),
      req.timeoutMs ?? http.timeoutMs,
    );
    try {
      const headers = new Headers(http.headers ? await http.headers() : undefined);
      if (!req.blob) headers.set('Accept', 'application/json');
      if (req.body !== undefined) headers.set('Content-Type', req.contentType ?? 'application/json');
      for (const [k, v] of Object.entries(req.headers ?? {})) headers.set(k, v);
      const res = await http.fetch(url, { method: req.method, headers, body: req.body, signal: controller.signal });
      if (req.blob && res.ok) return { status: res.status, headers: res.headers, body: undefined, attempt, blob: await res.blob() };
      const text = await res.text();
      const retry5xx = res.status >= 500 && res.status !== 507 && req.retryable && attempt < http.attempts;
      if (!retry5xx) {
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        return { status: res.status, headers: res.headers, body, attempt };
      }
      lastProblem = `HTTP ${res.status}`;
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      if (http.closed.aborted) throw new UnavailableError(http.store, 'the adapter was closed.', { cause: error });
      const reason = controller.signal.reason instanceof TimeoutSignal ? controller.signal.reason : error;
      lastError = reason;
      lastProblem = describe(reason);
      if (!(req.retryable || connectionRefused(error)) || attempt === http.attempts) {
        throw new UnavailableError(http.store, `${req.method} ${url.pathname} failed after ${attempt} attempt(s): ${lastProblem}`, {
          cause: reason,
        });
      }
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', relay);
      http.closed.removeEventListener('abort', relay);
    }
    try {
      await sleep(backoffDelay(http, attempt), req.signal ? [req.signal, http.closed] : [http.closed]);
    } catch (error) {
      if (req.signal?.aborted) throw req.signal.reason;
      throw new UnavailableError(http.store, 'the adapter was closed.', { cause: error });
    }
  }
  // Only reached when the last attempts all answered 5xx but the loop ran out (attempts < 1 is rejected earlier).
  throw new UnavailableError(http.store, `${req.method} ${url.pathname} failed: ${lastProblem}`, { cause: lastError });
}
