/**
 * Field-level access on the server: the `x-access` rules of a schema's latest published version
 * (core's `FieldAccess`, the same rule the card uses to hide and lock fields) applied to what
 * leaves the server — records, list items, history entries, conflict bodies — for the caller's
 * roles. The latest version's rules govern every card of the schema: a company tightening access
 * by publishing a new version protects its old cards too.
 */
import { FieldAccess, type JsonSchema, type JsonValue } from '@kartochka/core';
import { getAt, setAt } from '@kartochka/core/internal';
import type { CardRecord, Revision } from '@kartochka/storage';
import type { CardStore } from './store.js';
import type { Principal } from './auth/principal.js';

/**
 * Whose fields are restricted. An open server (no token, key or JWT configured) knows nobody, so
 * it has no roles to check: it enforces no field rules, as it enforces no roles (it listens on
 * loopback only). Field access starts when authentication does.
 */
type Caller = Pick<Principal, 'roles' | 'via'>;

/** Rules per tenant, schema version and role set; rebuilt only when a new version is published. */
export class AccessRules {
  readonly #cache = new Map<string, FieldAccess | null>();

  /** The caller's field access for cards of `schemaId`, or `undefined` when no field has a rule. */
  async for(store: CardStore, schemaId: string, caller: Caller): Promise<FieldAccess | undefined> {
    if (caller.via === 'open') return undefined;
    const roles = caller.roles;
    const version = await store.latestSchemaVersion(schemaId);
    if (version === undefined) return undefined;
    const key = JSON.stringify([store.tenant, schemaId, version, [...roles].sort()]);
    let found = this.#cache.get(key);
    if (found === undefined) {
      const published = await store.getSchema(schemaId, version);
      const access = published ? new FieldAccess(published.schema as JsonSchema, roles) : undefined;
      found = access && !access.open ? access : null;
      if (this.#cache.size > 1000) this.#cache.clear(); // bounded: role sets are few, but claims are open
      this.#cache.set(key, found);
    }
    return found ?? undefined;
  }

  /** A function that strips any record of the tenant for the caller's roles (one rule lookup per schema). */
  stripper(store: CardStore, caller: Caller): (record: CardRecord) => Promise<CardRecord> {
    return async (record) => stripRecord(record, await this.for(store, record.schemaId, caller));
  }

  clear(): void {
    this.#cache.clear();
  }
}

/** The record with the fields `access` may not read removed from its data. */
export function stripRecord(record: CardRecord, access: FieldAccess | undefined): CardRecord {
  return access ? { ...record, data: access.strip(record.data) } : record;
}

/** History entries without the changes (paths and values) `access` may not read. */
export function stripHistory(entries: Revision[], access: FieldAccess | undefined): Revision[] {
  if (!access) return entries;
  const strip = (values: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    if (!values) return values;
    const out: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(values)) {
      if (!access.readable(path)) continue;
      // A readable object may hold unreadable fields: strip inside the value too.
      out[path] = getAt(access.strip(setAt({}, path, value as JsonValue)), path);
    }
    return out;
  };
  return entries.map((e) => {
    const copy: Revision = { ...e, changedPaths: e.changedPaths.filter((p) => access.readable(p)) };
    if (e.before) copy.before = strip(e.before);
    if (e.after) copy.after = strip(e.after);
    return copy;
  });
}
