/**
 * Carrying a card's data across published versions of its type: the steps a version stores
 * (`x-kc-migrations`: renames and compatible conversions), applied in order. The builder writes
 * them when it publishes; the card opens old data through them; the storage adapters and the
 * server reindex stored cards through them (reindex.ts). Data of removed fields is never deleted.
 */
import { expandTemplate, getAt, setAt } from '../pointer.js';
import type { JsonValue } from '../types.js';

/** The schema-root keyword of a published version's migration from an earlier version. */
export const MIGRATIONS_KEYWORD = 'x-kc-migrations';

/** Names of the data conversions a migration can apply. */
export type Conversion = 'integerToNumber' | 'numberToString' | 'valueToList';

/** One step of a migration, stored as data with the published version. */
export type MigrationStep = { readonly from: string; readonly to: string } | { readonly at: string; readonly convert: Conversion };

/** What `x-kc-migrations` holds on a published schema: the steps from version `from` to this one. */
export interface StoredMigrations {
  readonly from: number;
  readonly steps: readonly MigrationStep[];
}

/** Concrete places of a template present in the data, with their index bindings. */
export const expandPresent = (data: unknown, template: string) =>
  expandTemplate(data, template, { present: true }).map((m) => ({ pointer: m.pointer, indices: m.indices.map(String) }));

const bind = (template: string, indices: string[]) => {
  let n = 0;
  return template
    .split('/')
    .map((t) => (t === '*' ? indices[n++] : t))
    .join('/');
};

const CONVERT: Record<Conversion, (v: JsonValue) => JsonValue> = {
  integerToNumber: (v) => v,
  numberToString: (v) => (typeof v === 'number' ? String(v) : v),
  valueToList: (v) => (Array.isArray(v) ? v : v === null || v === '' ? [] : [v]),
};

/** Applies migration steps to one card's data (a copy; the input is not changed). */
export function applySteps<T>(data: T, steps: readonly MigrationStep[]): T {
  let out = data;
  for (const s of steps) {
    if ('convert' in s) {
      for (const m of expandPresent(out, s.at)) {
        const v = getAt(out, m.pointer);
        if (v !== undefined) out = setAt(out, m.pointer, CONVERT[s.convert](v as JsonValue));
      }
      continue;
    }
    for (const m of expandPresent(out, s.from)) {
      const value = getAt(out, m.pointer);
      if (value === undefined) continue;
      const to = bind(s.to, m.indices);
      // Never overwrite: if the target holds data already, both stay where they are.
      if (getAt(out, to) !== undefined) continue;
      out = setAt(setAt(out, to, value), m.pointer, undefined);
    }
  }
  return out;
}

/** The steps stored with a published version (none for version 1 or a version without changes). */
export function storedMigrations(v: { schema: object }): StoredMigrations | undefined {
  const m = (v.schema as Record<string, unknown>)[MIGRATIONS_KEYWORD] as StoredMigrations | undefined;
  return m && Array.isArray(m.steps) ? m : undefined;
}

/** A published version as migrations need it (a storage `SchemaVersion` fits). */
export interface VersionedSchema {
  readonly version: number;
  readonly schema: object;
}

/**
 * Carries a card's data saved under `fromVersion` to `toVersion` by applying each version's stored
 * steps in order. Values of removed fields are kept as they are.
 */
export function migrateRecord<T>(data: T, fromVersion: number, toVersion: number, versions: readonly VersionedSchema[]): T {
  let out = data;
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const version = versions.find((x) => x.version === v);
    if (!version)
      throw new RangeError(
        `migrateRecord: version ${v} is missing; pass every version from ${fromVersion} to ${toVersion} (storage.listSchemaVersions).`,
      );
    const m = storedMigrations(version);
    if (m) out = applySteps(out, m.steps);
  }
  return out;
}
