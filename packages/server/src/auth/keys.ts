/**
 * Server-managed API keys. A key is `kc_<id>_<secret>`: the id (public, shown by `keys list`)
 * finds the row, the 256-bit random secret proves possession. Only a SHA-256 hash of the whole key
 * is stored — a fast hash is enough for a high-entropy random secret (nothing to brute-force) —
 * and hashes are compared in constant time. The key itself is shown once, when created.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SqliteCardStore } from '../sqlite-store.js';
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

const KEY_PATTERN = /^kc_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest();

interface KeyRow {
  id: string;
  tenant: string;
  roles: string;
  name: string;
  hash: Buffer;
  created_at: string;
  revoked_at: string | null;
}

function info(row: KeyRow): ApiKeyInfo {
  const out: ApiKeyInfo = { id: row.id, tenant: row.tenant, roles: JSON.parse(row.roles) as string[], name: row.name, createdAt: row.created_at };
  if (row.revoked_at) out.revokedAt = row.revoked_at;
  return out;
}

/** Checks a new key's fields; throws a `TypeError` naming the bad one. */
function checkNewKey(input: NewKey): void {
  if (!TENANT_PATTERN.test(input.tenant)) throw new TypeError(`tenant must match ${TENANT_PATTERN} (got ${JSON.stringify(input.tenant)}).`);
  if (input.roles.length === 0) throw new TypeError('A key needs at least one role (admin, editor, viewer, or your own).');
  for (const r of input.roles) if (!ROLE_PATTERN.test(r)) throw new TypeError(`role must match ${ROLE_PATTERN} (got ${JSON.stringify(r)}).`);
  if (input.name !== undefined && (input.name.length === 0 || input.name.length > 200)) throw new TypeError('name must be 1–200 characters.');
}

/** The API keys of a SQLite database (the `api_keys` table of migration 3). */
export class KeyStore {
  private readonly db: Database.Database;
  private readonly s;

  constructor(private readonly store: SqliteCardStore) {
    this.db = store.db;
    this.s = {
      insert: this.db.prepare('INSERT INTO api_keys (id, tenant, roles, name, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: this.db.prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE id = ?'),
      all: this.db.prepare<[], KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id'),
      ofTenant: this.db.prepare<[string], KeyRow>('SELECT * FROM api_keys WHERE tenant = ? ORDER BY created_at, id'),
      revoke: this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      any: this.db.prepare<[], { n: number }>('SELECT EXISTS (SELECT 1 FROM api_keys) AS n'),
    };
  }

  /** True once any key was ever created (revoked ones count: revoking the last key must not open the server). */
  any(): boolean {
    return this.s.any.get()!.n === 1;
  }

  /** Creates a key; `actor` goes to the audit log of the key's tenant. */
  create(input: NewKey, actor = 'cli', now = new Date().toISOString()): CreatedKey {
    checkNewKey(input);
    const id = randomBytes(8).toString('hex');
    const key = `kc_${id}_${randomBytes(32).toString('base64url')}`;
    const name = input.name ?? `key:${id}`;
    this.db.transaction(() => {
      this.s.insert.run(id, input.tenant, JSON.stringify([...new Set(input.roles)]), name, sha256(key), now);
      this.store.forTenant(input.tenant).appendAudit('key.create', id, actor, now);
    })();
    return { ...info(this.s.byId.get(id)!), key };
  }

  /** Every key, or one tenant's. */
  list(tenant?: string): ApiKeyInfo[] {
    return (tenant === undefined ? this.s.all.all() : this.s.ofTenant.all(tenant)).map(info);
  }

  /** Revokes a key (of `tenant`, when given); false when there is no such active key. */
  revoke(id: string, actor = 'cli', tenant?: string, now = new Date().toISOString()): boolean {
    const row = this.s.byId.get(id);
    if (!row || row.revoked_at || (tenant !== undefined && row.tenant !== tenant)) return false;
    this.db.transaction(() => {
      this.s.revoke.run(now, id);
      this.store.forTenant(row.tenant).appendAudit('key.revoke', id, actor, now);
    })();
    return true;
  }

  /** The principal a presented key stands for, or `undefined` (unknown, malformed or revoked). */
  verify(presented: string): Principal | undefined {
    const m = KEY_PATTERN.exec(presented);
    // Hash even on a malformed key, so every rejection costs the same.
    const given = sha256(presented);
    const row = m ? this.s.byId.get(m[1]!) : undefined;
    const ok = timingSafeEqual(given, row ? row.hash : sha256('kc_no_such_key')) && row !== undefined && !row.revoked_at;
    return ok ? { tenant: row.tenant, roles: JSON.parse(row.roles) as string[], name: row.name, via: 'key' } : undefined;
  }
}
