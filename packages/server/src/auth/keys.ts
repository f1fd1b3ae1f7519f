/**
 * Server-managed API keys. A key is `kc_<id>_<secret>`: the id (public, shown by `keys list`)
 * finds the row, the 256-bit random secret proves possession. Only a SHA-256 hash of the whole key
 * is stored — a fast hash is enough for a high-entropy random secret (nothing to brute-force) —
 * and hashes are compared in constant time. The key itself is shown once, when created.
 * The rows live in the card store's database (SQLite or PostgreSQL), behind {@link KeyRows}.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLE_PATTERN, TENANT_PATTERN, type Principal } from './principal.js';

/** A key as listed (never its secret or hash). */
export interface ApiKeyInfo {
  id: string;
  tenant: string;
  roles: string[];
  name: string;
  createdAt: string;
  revokedAt?: string;
}

/** What `create` returns: the info plus the key, which is not stored and cannot be shown again. */
export interface CreatedKey extends ApiKeyInfo {
  key: string;
}

export interface NewKey {
  tenant: string;
  roles: readonly string[];
  /** Recorded as the author of this key's writes (default `key:<id>`). */
  name?: string;
}

/** One row of the `api_keys` table (`roles` is a JSON array). */
export interface KeyRow {
  id: string;
  tenant: string;
  roles: string;
  name: string;
  hash: Buffer;
  created_at: string;
  revoked_at: string | null;
}

/** Where a database keeps key rows; each write appends its audit entry in the same transaction. */
export interface KeyRows {
  insert(row: Omit<KeyRow, 'revoked_at'>, actor: string): Promise<void>;
  byId(id: string): Promise<KeyRow | undefined>;
  /** Every key, or one tenant's, oldest first. */
  list(tenant?: string): Promise<KeyRow[]>;
  /** Marks an active key revoked; false when it was not active. */
  revoke(row: KeyRow, actor: string, at: string): Promise<boolean>;
  /** True once any key was ever created. */
  any(): Promise<boolean>;
}

const KEY_PATTERN = /^kc_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

function info(row: KeyRow): ApiKeyInfo {
  const out: ApiKeyInfo = {
    id: row.id,
    tenant: row.tenant,
    roles: JSON.parse(row.roles) as string[],
    name: row.name,
    createdAt: row.created_at,
  };
  if (row.revoked_at) out.revokedAt = row.revoked_at;
  return out;
}

/** Checks a new key's fields; throws a `TypeError` naming the bad one. */
function checkNewKey(input: NewKey): void {
  if (!TENANT_PATTERN.test(input.tenant)) throw new TypeError(`tenant must match ${TENANT_PATTERN} (got ${JSON.stringify(input.tenant)}).`);
  if (input.roles.length === 0) throw new TypeError('A key needs at least one role (admin, editor, viewer, or your own).');
  for (const r of input.roles)
    if (!ROLE_PATTERN.test(r)) throw new TypeError(`role must match ${ROLE_PATTERN} (got ${JSON.stringify(r)}).`);
  if (input.name !== undefined && (input.name.length === 0 || input.name.length > 200))
    throw new TypeError('name must be 1–200 characters.');
}

/** The API keys of the server's database. */
export class KeyStore {
  /** Once a key exists the server stays closed (keys are never deleted), so `true` is cached. */
  private known = false;

  constructor(private readonly rows: KeyRows) {}

  /** True once any key was ever created (revoked ones count: revoking the last key must not open the server). */
  async any(): Promise<boolean> {
    if (!this.known) this.known = await this.rows.any();
    return this.known;
  }

  /** Creates a key; `actor` goes to the audit log of the key's tenant. */
  async create(input: NewKey, actor = 'cli', now = new Date().toISOString()): Promise<CreatedKey> {
    checkNewKey(input);
    const id = randomBytes(8).toString('hex');
    const key = `kc_${id}_${randomBytes(32).toString('base64url')}`;
    const name = input.name ?? `key:${id}`;
    await this.rows.insert(
      { id, tenant: input.tenant, roles: JSON.stringify([...new Set(input.roles)]), name, hash: sha256(key), created_at: now },
      actor,
    );
    return { ...info((await this.rows.byId(id))!), key };
  }

  /** Every key, or one tenant's. */
  async list(tenant?: string): Promise<ApiKeyInfo[]> {
    return (await this.rows.list(tenant)).map(info);
  }

  /** Revokes a key (of `tenant`, when given); false when there is no such active key. */
  async revoke(id: string, actor = 'cli', tenant?: string, now = new Date().toISOString()): Promise<boolean> {
    const row = await this.rows.byId(id);
    if (!row || row.revoked_at || (tenant !== undefined && row.tenant !== tenant)) return false;
    return this.rows.revoke(row, actor, now);
  }

  /** The principal a presented key stands for, or `undefined` (unknown, malformed or revoked). */
  async verify(presented: string): Promise<Principal | undefined> {
    const m = KEY_PATTERN.exec(presented);
    // Hash even on a malformed key, so every rejection costs the same.
    const given = sha256(presented);
    const row = m ? await this.rows.byId(m[1]!) : undefined;
    const ok = timingSafeEqual(given, row ? row.hash : sha256('kc_no_such_key')) && row !== undefined && !row.revoked_at;
    return ok ? { tenant: row.tenant, roles: JSON.parse(row.roles) as string[], name: row.name, via: 'key' } : undefined;
  }
}
