/**
 * Bearer JWTs from the login a company already has (an OIDC provider: Keycloak, Auth0, Entra ID,
 * Google…), checked with `jose` against the provider's JWKS: signature, `exp`/`nbf`, issuer and
 * audience. Only asymmetric algorithms are accepted (never `none`, never a shared HS secret), and
 * the role and tenant come from configurable claims (dot paths, e.g. `realm_access.roles`).
 */
import type { JWTPayload } from 'jose';
import { ROLE_PATTERN, TENANT_PATTERN, type Principal } from './principal.js';

/** How JWTs are checked (CLI: `--jwks-url`, `--jwt-issuer`, `--jwt-audience`, `--jwt-*-claim`). */
export interface JwtOptions {
  /** The provider's JWKS endpoint, e.g. `https://login.example.com/realms/acme/protocol/openid-connect/certs`. */
  jwksUrl: string;
  /** The expected `iss`. */
  issuer: string;
  /** The expected `aud` (this API's client id). */
  audience: string;
  /** Claim holding the roles: a string or an array of strings (default `roles`). */
  rolesClaim?: string;
  /** Claim holding the tenant (default `tenant`). */
  tenantClaim?: string;
  /** Claim recorded as the author (default `sub`). */
  nameClaim?: string;
  /** Tolerated clock difference in seconds (default 30). */
  clockToleranceSec?: number;
}

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

function claim(payload: JWTPayload, path: string): unknown {
  let cur: unknown = payload;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Why a token was refused (the 401's message; never echoes the token). */
export class JwtRefused extends Error {}

/** A verifier for bearer JWTs; resolves the principal or rejects with {@link JwtRefused}. */
export function jwtVerifier(options: JwtOptions): (token: string) => Promise<Principal> {
  // Loaded only when JWTs are configured: a server on keys alone starts without it.
  const ready = import('jose').then((jose) => ({ jose, jwks: jose.createRemoteJWKSet(new URL(options.jwksUrl)) }));
  const rolesClaim = options.rolesClaim ?? 'roles';
  const tenantClaim = options.tenantClaim ?? 'tenant';
  const nameClaim = options.nameClaim ?? 'sub';
  return async (token) => {
    const { jose, jwks } = await ready;
    let payload: JWTPayload;
    try {
      ({ payload } = await jose.jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: options.clockToleranceSec ?? 30,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new JwtRefused(`The bearer token was refused (${code}).`);
    }
    const rawRoles = claim(payload, rolesClaim);
    const roles = (Array.isArray(rawRoles) ? rawRoles : [rawRoles]).filter(
      (r): r is string => typeof r === 'string' && ROLE_PATTERN.test(r),
    );
    const tenant = claim(payload, tenantClaim);
    if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
      throw new JwtRefused(`The bearer token has no valid "${tenantClaim}" claim (the tenant).`);
    }
    const name = claim(payload, nameClaim);
    return { tenant, roles, name: typeof name === 'string' && name ? name : 'jwt', via: 'jwt' };
  };
}
