/**
 * Who is calling, as the server established it (an API key, a verified JWT, or the bootstrap
 * `KARTOCHKA_TOKEN`) — never anything the request body says — and what the built-in roles allow.
 */

/** The caller of one request. */
export interface Principal {
  /** Every query and write of the request is scoped to this tenant. */
  tenant: string;
  /** Open strings: the built-in `admin`, `editor`, `viewer`, plus any a company names (`doctor`). */
  roles: readonly string[];
  /** Recorded as the author of revisions and as the actor in the audit log. */
  name: string;
  /** How the caller proved it: `open` when the server runs without any credentials configured. */
  via: 'token' | 'key' | 'jwt' | 'open';
}

/** What a request does, for the role check. */
export type Action = 'read' | 'write' | 'delete' | 'publish' | 'manage';

/** The built-in roles. */
export const BUILT_IN_ROLES = ['admin', 'editor', 'viewer'] as const;

/**
 * Which built-in roles may do each action. Company roles (`doctor`) add nothing here: they only
 * matter to `x-access` field rules, so a key needs one built-in role besides them.
 */
const ALLOWED: Record<Action, readonly string[]> = {
  read: ['viewer', 'editor', 'admin'],
  write: ['editor', 'admin'],
  delete: ['admin'],
  publish: ['admin'],
  manage: ['admin'],
};

/** May `principal` do `action`? */
export function can(principal: Principal, action: Action): boolean {
  return principal.roles.some((r) => ALLOWED[action].includes(r));
}

/** The roles that may do `action` (for the 403 message). */
export function rolesFor(action: Action): readonly string[] {
  return ALLOWED[action];
}

/** A tenant name: letters, digits, `.`, `_`, `-`; 1–64 characters. Also guards key and claim values. */
export const TENANT_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** A role name: the same characters, 1–64. */
export const ROLE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
