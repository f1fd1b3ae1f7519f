/**
 * Exported records carried to a newer schema version with the builder's migration steps (the
 * `x-kc-migrations` each published version stores): the same `migrateRecord` the builder's preview
 * and the card's persistence use.
 */
import { migrateRecord } from '@kartochka/builder/model';
import type { JsonValue } from '@kartochka/core';

export interface ExportedRecord {
  id: string;
  schemaId?: string;
  schemaVersion: number;
  data: JsonValue;
  [field: string]: unknown;
}

export interface PublishedVersion {
  schemaId?: string;
  version: number;
  schema: object;
}

export interface MigrationResult {
  records: ExportedRecord[];
  migrated: number;
  kept: number;
  /** Records newer than the target version, left as they are. */
  newer: ExportedRecord[];
}

export function migrateRecords(records: readonly ExportedRecord[], versions: readonly PublishedVersion[], to: number): MigrationResult {
  let migrated = 0;
  let kept = 0;
  const newer: ExportedRecord[] = [];
  const out = records.map((r) => {
    if (r.schemaVersion === to) {
      kept++;
      return r;
    }
    if (r.schemaVersion > to) {
      newer.push(r);
      return r;
    }
    migrated++;
    return { ...r, schemaVersion: to, data: migrateRecord(r.data, r.schemaVersion, to, versions) };
  });
  return { records: out, migrated, kept, newer };
}
