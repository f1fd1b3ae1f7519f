/**
 * The `/api` authentication middleware: turns `Authorization: Bearer …` into a {@link Principal}
 * (or a 401). Three kinds of bearer, told apart by shape: an API key (`kc_…`), a JWT (three
 * dot-separated parts; only when JWT checking is configured), or the bootstrap `KARTOCHKA_TOKEN`
 * (the default tenant's admin, so existing setups keep working). With none of the three
 * configured and no key ever created, the server is open: every caller is the default tenant's
 * anonymous admin, as before authentication existed.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerChecker } from '../auth.js';
import { DEFAULT_TENANT } from '../sqlite-store.js';
import { JwtRefused, jwtVerifier, type JwtOptions } from './jwt.js';
import type { KeyStore } from './keys.js';
import { ForbiddenError } from '@kartochka/storage';
import { can, rolesFor, type Action, type Principal } from './principal.js';
import { TokenBuckets } from '../rate-limit.js';
import { refuse } from '../limits.js';
import { remoteAddress } from '../identity.js';

export interface AuthOptions {
  /** The bootstrap admin token of the default tenant (`KARTOCHKA_TOKEN`). */
  token?: string;
  keys?: KeyStore;
  jwt?: JwtOptions;
  /**
   * Failed authentications allowed per client address and window (default 10 a minute); past
   * that the address gets 429 for every credential it presents, before it is checked. 0: no limit.
   */
  failures?: { capacity: number; windowMs: number };
  now?: () => number;
}

const OPEN: Principal = { tenant: DEFAULT_TENANT, roles: ['admin'], name: 'anonymous', via: 'open' };
const BOOTSTRAP: Principal = { tenant: DEFAULT_TENANT, roles: ['admin'], name: 'admin', via: 'token' };

/** The request's principal (set by {@link authenticate}). */
export function principalOf(c: Context): Principal {
  return (c.get('principal' as never) as Principal | undefined) ?? OPEN;
}

function unauthorized(c: Context, message: string): Response {
  c.header('WWW-Authenticate', 'Bearer realm="kartochka"');
  return c.json({ error: { code: 'unauthorized', message, params: {} } }, 401);
}

export function authenticate(options: AuthOptions): MiddlewareHandler {
  const isToken = options.token !== undefined ? bearerChecker(options.token) : undefined;
  const verifyJwt = options.jwt ? jwtVerifier(options.jwt) : undefined;
  const { capacity, windowMs } = options.failures ?? { capacity: 10, windowMs: 60_000 };
  // Counted per address, not per key: a guesser has no identity, and an owner signing in from
  // another address is never held back by someone else's guesses.
  const failures = capacity > 0 ? new TokenBuckets(capacity, windowMs, options.now) : undefined;
  return async (c, next) => {
    const header = c.req.header('Authorization');
    const open = !isToken && !verifyJwt && !(await options.keys?.any());
    if (open && header === undefined) {
      c.set('principal' as never, OPEN as never);
      return next();
    }
    const address = remoteAddress(c);
    // Only a presented credential is checked and counted: a request with none is no guess.
    const blocked = header !== undefined ? (failures?.wait(address) ?? 0) : 0;
    if (blocked > 0) {
      c.header('Retry-After', String(blocked));
      return refuse(c, 429, 'tooManyFailedSignIns', { retryAfter: blocked, limit: capacity, windowMs });
    }
    const refused = (message: string): Response => {
      if (header !== undefined && failures) {
        failures.take(address);
        // The address's last allowed failure: said once per lock-out, and never the credential.
        if (failures.wait(address) > 0)
          console.warn(`[kartochka-server] too many failed authentications from ${address}; refusing its credentials for a while`);
      }
      return unauthorized(c, message);
    };
    const bearer = /^Bearer +(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (bearer === undefined) return refused('A valid bearer token is required (Authorization: Bearer …).');
    let principal: Principal | undefined;
    if (bearer.startsWith('kc_')) {
      principal = await options.keys?.verify(bearer);
    } else if (verifyJwt && bearer.split('.').length === 3) {
      try {
        principal = await verifyJwt(bearer);
      } catch (error) {
        if (error instanceof JwtRefused) return refused(error.message);
        throw error;
      }
    } else if (isToken?.(`Bearer ${bearer}`)) {
      principal = BOOTSTRAP;
    } else if (open) {
      principal = OPEN;
    }
    if (!principal) return refused('A valid bearer token is required (Authorization: Bearer …).');
    c.set('principal' as never, principal as never);
    return next();
  };
}

/** Refuses the request (403, code `forbidden`) unless the caller's role allows `action`. */
export function requireRole(c: Context, action: Action, target = '?'): void {
  const p = principalOf(c);
  if (can(p, action)) return;
  throw new ForbiddenError(
    target,
    `Your role (${p.roles.join(', ') || 'none'}) may not ${action} here; it needs ${rolesFor(action).join(' or ')}.`,
  );
}
