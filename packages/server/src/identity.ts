/**
 * Who is asking, for rate limits and per-identity stream caps: the principal authentication
 * verified (auth/authenticate.ts: an API key, a JWT subject, the bootstrap token), else — on an
 * open server — the client's address. Never an unverified header: a client could pick a fresh
 * one for every request and so a fresh allowance.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Principal } from './auth/principal.js';

export function identityOf(c: Context): string {
  const principal = (c.var as { principal?: Principal }).principal;
  if (principal && principal.via !== 'open') return `${principal.via}:${principal.tenant}:${principal.name}`;
  return `ip:${remoteAddress(c)}`;
}

/** The TCP peer's address (never a forwarded-for header, which the client writes). */
export function remoteAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on Node's server (app.request in unit tests): one shared identity.
    return 'local';
  }
}
