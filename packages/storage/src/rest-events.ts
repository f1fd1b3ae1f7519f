/**
 * The client side of `GET /api/events` (docs/rest-api.md, "Live changes"): one server-sent-event
 * stream per `RestAdapter` while anybody watches, read with `fetch` (not `EventSource`, which
 * cannot send the `Authorization` header), reconnected with backoff when it drops.
 */
import { backoffDelay, sleep, type HttpSettings } from './rest-http.js';
import { retryAfterMs } from './rest-errors.js';

/** After refused credentials, the next try waits at least this long: every refused try counts
 * against the client's address (the server limits failed sign-ins), and a new token is picked up
 * by the next try anyway. */
const UNAUTHORIZED_WAIT_MS = 30_000;

/** What the server announces: `client` is the writer's `X-Kartochka-Client` id. */
export interface ChangeNotice {
  type: 'put' | 'delete';
  id: string;
  revision: number;
  client?: string;
}

/** A random id for `X-Kartochka-Client` (getRandomValues works outside secure contexts too). */
export function newClientId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Splits an event-stream body into `{event, data}` messages (comments and ids skipped). */
export async function readEventStream(body: ReadableStream<Uint8Array>, onMessage: (event: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = text;
          else if (field === 'data') data.push(text);
        }
        if (data.length) onMessage(event, data.join('\n'));
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Keeps the stream open until `signal` aborts: reconnects after a drop or a failure (full-jitter
 * backoff up to `maxDelayMs`; after a 429 not before its `Retry-After`, after a 401/403 not before
 * 30 s), gives up for good on 404 (a server without live changes).
 * `onOpen` runs once per successful connection (after the server's `ready`).
 */
export async function followChanges(
  http: HttpSettings,
  signal: AbortSignal,
  handlers: { onChange(n: ChangeNotice): void; onOpen?(): void },
  maxDelayMs = 10_000,
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    // The server's word on when to come back: Retry-After on a 429, or longer after a 401.
    let notBefore = 0;
    try {
      const headers = new Headers(http.headers ? await http.headers() : undefined);
      headers.set('Accept', 'text/event-stream');
      const res = await http.fetch(new URL('events', http.base), { headers, signal });
      if (res.status === 404) return;
      if (res.status === 429) notBefore = retryAfterMs(res.headers.get('Retry-After'));
      if (res.status === 401 || res.status === 403) notBefore = UNAUTHORIZED_WAIT_MS;
      if (!res.ok || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status}`);
      }
      await readEventStream(res.body, (event, data) => {
        if (event === 'ready') {
          failures = 0;
          handlers.onOpen?.();
        } else if (event === 'change') {
          try {
            handlers.onChange(JSON.parse(data) as ChangeNotice);
          } catch {
            // A malformed notice is skipped; the stream goes on.
          }
        }
      });
    } catch {
      // Dropped, refused or aborted: below.
    }
    if (signal.aborted) return;
    failures++;
    // The requests' backoff, but allowed to wait up to `maxDelayMs` between reconnects.
    await sleep(Math.max(notBefore, backoffDelay(http, failures + 1, maxDelayMs)), [signal], { unref: true }).catch(() => undefined);
  }
}
