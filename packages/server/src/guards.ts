/**
 * Request guards that run before any route: the `Host` allow-list (against DNS rebinding: a page
 * on attacker.example whose name now resolves to 127.0.0.1 still sends `Host: attacker.example`)
 * and JSON-only writes (a cross-site form or `fetch` with `text/plain` is a "simple request" that
 * browsers send without asking; `application/json` needs a CORS preflight, which we answer only
 * for the allowed origins).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { WRITE_METHODS, isJsonContentType, refuse } from './limits.js';

/** Host names every server answers to (with its own port). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** `name` or `name:port`; IPv6 in brackets. Lower-cased. */
function splitHost(value: string): { name: string; port?: string } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  return m ? { name: m[1]!.toLowerCase(), port: m[2] } : undefined;
}

/** The port this request arrived on (Node's socket), when known. */
function localPort(c: Context): string | undefined {
  const port = (c.env as { incoming?: { socket?: { localPort?: number } } } | undefined)?.incoming?.socket?.localPort;
  return port === undefined ? undefined : String(port);
}

/**
 * Refuses (421 Misdirected Request) a request whose `Host` is not in `allowed` (entries `name` or `name:port`). An
 * entry without a port matches the port the server listens on (or no port at all).
 */
export function hostGuard(allowed: readonly string[]): MiddlewareHandler {
  const entries = allowed.map((a) => splitHost(a)).filter((e) => e !== undefined);
  return async (c, next) => {
    // Browsers always send Host (DNS rebinding comes from browsers); without one (app.request in
    // tests, HTTP/1.0 tools) the request URL's host stands in.
    const header = c.req.header('Host') ?? new URL(c.req.url).host;
    const host = splitHost(header);
    const port = localPort(c);
    const ok =
      host !== undefined &&
      entries.some(
        (e) =>
          e.name === host.name &&
          (e.port !== undefined ? e.port === host.port : host.port === undefined || port === undefined || host.port === port),
      );
    if (ok) return next();
    return refuse(c, 421, 'hostNotAllowed', { host: header.slice(0, 100) });
  };
}

/** Refuses (415) a write whose body is not declared `application/json`. */
export function jsonWritesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method) || isJsonContentType(c.req.header('Content-Type'))) return next();
    return refuse(c, 415, 'unsupportedMediaType', { contentType: (c.req.header('Content-Type') ?? '').slice(0, 100) });
  };
}

/** Whether `host` (a --host value) is a loopback address, reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
