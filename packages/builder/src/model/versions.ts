/**
 * Publishing versions: what changed since the last published schema (fields tracked by their
 * stable `x-kc-id`, never guessed from names), how many stored cards each change touches, and the
 * migrations that carry a card's data from one version to the next. Data of removed fields is never
 * deleted: it stays in the record as data the schema doesn't describe, which core keeps.
 */
import { migrateRecord, type Conversion, type JsonSchemaObject, type MigrationStep, type StoredMigrations } from '@kartochka/core';
import { expandPresent, getAt, parsePointer } from '@kartochka/core/internal';
import type { SchemaVersion, StorageAdapter } from '@kartochka/storage';
import { fieldIndex, type FieldInfo } from './doc.js';
import { movePointer } from './rewrite.js';
import { MIGRATIONS_KEYWORD, type FieldType } from './types.js';

/** A field that was added or removed. */
export interface FieldChange {
  readonly id: string;
  readonly pointer: string;
  readonly type: FieldType;
}

/** A field whose data moved: a new key, or another section or group object. */
export interface Rename {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export type { Conversion } from '@kartochka/core';

export interface Retype {
  readonly id: string;
  /** The pointer in the previous version. */
  readonly from: string;
  /** The pointer in the new version (differs when also renamed). */
  readonly pointer: string;
  readonly fromType: FieldType;
  readonly toType: FieldType;
  /** Old data stays valid (possibly after `convert`). */
  readonly compatible: boolean;
  readonly convert?: Conversion;
  /** Option values added or removed (same type, different list). */
  readonly optionsAdded?: readonly string[];
  readonly optionsRemoved?: readonly string[];
}

export interface VersionDiff {
  readonly added: readonly FieldChange[];
  readonly removed: readonly FieldChange[];
  readonly renamed: readonly Rename[];
  readonly retyped: readonly Retype[];
}

/** Anything with a schema: a builder document or a stored `SchemaVersion`. */
export interface HasSchema {
  readonly schema: object;
}

const NUMERIC = new Set<FieldType>(['number', 'integer', 'percent', 'rating']);
const TEXTUAL = new Set<FieldType>(['text', 'longText']);
const SINGLE_CHOICE = new Set<FieldType>(['select', 'radio']);
const BOOL = new Set<FieldType>(['checkbox', 'switch']);

/** Whether stored values of `from` fit `to`, and how to convert them. */
export function compatibility(from: FieldType, to: FieldType): { compatible: boolean; convert?: Conversion } {
  if (from === to) return { compatible: true };
  if (from === 'integer' && NUMERIC.has(to) && to !== 'rating') return { compatible: true, convert: 'integerToNumber' };
  if (NUMERIC.has(from) && NUMERIC.has(to) && to !== 'integer' && to !== 'rating') return { compatible: true };
  if (from === 'rating' && (to === 'integer' || to === 'number')) return { compatible: true };
  if (TEXTUAL.has(from) && TEXTUAL.has(to)) return { compatible: true };
  if (SINGLE_CHOICE.has(from) && SINGLE_CHOICE.has(to)) return { compatible: true };
  if (BOOL.has(from) && BOOL.has(to)) return { compatible: true };
  if (NUMERIC.has(from) && TEXTUAL.has(to)) return { compatible: true, convert: 'numberToString' };
  if (SINGLE_CHOICE.has(from) && to === 'multiSelect') return { compatible: true, convert: 'valueToList' };
  if (TEXTUAL.has(from) && to === 'tags') return { compatible: true, convert: 'valueToList' };
  return { compatible: false };
}

const optionValues = (s: JsonSchemaObject): string[] => {
  const e = (s.type === 'array' ? (s.items as JsonSchemaObject | undefined)?.enum : s.enum) ?? [];
  return e.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
};

/** The changes from `prev` (the last published version; none for a first publish) to `next`. */
export function diffVersions(prev: HasSchema | undefined, next: HasSchema): VersionDiff {
  const a = prev ? fieldIndex(prev.schema as JsonSchemaObject) : new Map<string, FieldInfo>();
  const b = fieldIndex(next.schema as JsonSchemaObject);
  const added: FieldChange[] = [];
  const removed: FieldChange[] = [];
  const renamed: Rename[] = [];
  const retyped: Retype[] = [];
  const parentId = (idx: Map<string, FieldInfo>, f: FieldInfo) => {
    const parentPointer = f.parent.endsWith('/*') ? f.parent.slice(0, -2) : f.parent;
    for (const p of idx.values()) if (p.pointer === parentPointer) return p.id;
    return '';
  };
  // Ids an imported version lacks (`@/pointer`) match by pointer.
  const byPointer = new Map([...b.values()].map((f) => [f.pointer, f]));
  const match = (f: FieldInfo) => b.get(f.id) ?? (f.id.startsWith('@') ? byPointer.get(f.pointer) : undefined);
  const matched = new Set<string>();
  for (const old of a.values()) {
    const cur = match(old);
    if (!cur) {
      // A field inside a removed container is reported with its container only.
      const pid = parentId(a, old);
      if (!pid || match(a.get(pid)!)) removed.push({ id: old.id, pointer: old.pointer, type: old.type });
      continue;
    }
    matched.add(cur.id);
    if (cur.pointer !== old.pointer) {
      // A move explained by its container's move (same key, same container) is not a rename of its own.
      const oldParent = parentId(a, old);
      const newParent = parentId(b, cur);
      const explained = old.key === cur.key && oldParent !== '' && (oldParent === newParent || match(a.get(oldParent)!)?.id === newParent);
      if (!explained) renamed.push({ id: cur.id, from: old.pointer, to: cur.pointer });
    }
    const options = (s: FieldInfo) => (s.type === 'select' || s.type === 'radio' || s.type === 'multiSelect' ? optionValues(s.schema) : []);
    const oldOptions = options(old);
    const newOptions = options(cur);
    const optionsAdded = newOptions.filter((v) => !oldOptions.includes(v));
    const optionsRemoved = oldOptions.filter((v) => !newOptions.includes(v));
    const typeChanged = old.type !== cur.type;
    const optionsChanged = oldOptions.length > 0 && newOptions.length > 0 && (optionsAdded.length > 0 || optionsRemoved.length > 0);
    if (typeChanged || optionsChanged) {
      const c = compatibility(old.type, cur.type);
      retyped.push({
        id: cur.id,
        from: old.pointer,
        pointer: cur.pointer,
        fromType: old.type,
        toType: cur.type,
        compatible: c.compatible && optionsRemoved.length === 0,
        ...(c.convert ? { convert: c.convert } : {}),
        ...(optionsAdded.length ? { optionsAdded } : {}),
        ...(optionsRemoved.length ? { optionsRemoved } : {}),
      });
    }
  }
  for (const f of b.values()) {
    if (matched.has(f.id)) continue;
    const pid = parentId(b, f);
    if (!pid || matched.has(pid)) added.push({ id: f.id, pointer: f.pointer, type: f.type });
  }
  return { added, removed, renamed, retyped };
}

export const isEmptyDiff = (d: VersionDiff): boolean => !d.added.length && !d.removed.length && !d.renamed.length && !d.retyped.length;

// ---- migrations --------------------------------------------------------------------------------

export { migrateRecord, type MigrationStep, type StoredMigrations } from '@kartochka/core';
export { applySteps, storedMigrations } from '@kartochka/core/internal';

const stars = (p: string) => parsePointer(p).filter((t) => t === '*').length;

/**
 * The steps that carry data across a diff: renames (outer containers first) and compatible type
 * changes that need a conversion. A move between a repeating group's rows and a plain field can't
 * be expressed and is left out (the data stays where it was).
 */
export function migrationsFor(diff: VersionDiff): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const renames = [...diff.renamed].sort((x, y) => parsePointer(x.from).length - parsePointer(y.from).length);
  const done: Rename[] = [];
  for (const r of renames) {
    if (stars(r.from) !== stars(r.to)) continue;
    // Earlier (outer) moves already carried this field along.
    const from = done.reduce((p, d) => movePointer(p, d.from, d.to), r.from);
    if (from !== r.to) steps.push({ from, to: r.to });
    done.push(r);
  }
  for (const t of diff.retyped) if (t.compatible && t.convert) steps.push({ at: t.pointer, convert: t.convert });
  return steps;
}

/** The schema to publish: the document's schema with its migrations from version `from`. */
export function withMigrations(schema: object, from: number, steps: readonly MigrationStep[]): object {
  if (!steps.length) return schema;
  return { ...schema, [MIGRATIONS_KEYWORD]: { from, steps } satisfies StoredMigrations };
}

const expand = expandPresent;

const hasValue = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** True when the data holds a value (not empty) at a pointer template. */
export function hasValueAt(data: unknown, template: string): boolean {
  return expand(data, template).some((m) => hasValue(getAt(data, m.pointer)));
}

// ---- impact ------------------------------------------------------------------------------------

export interface ChangeImpact {
  readonly kind: 'added' | 'removed' | 'renamed' | 'retyped';
  readonly id: string;
  /** Where stored data of the field sits (the previous version's pointer). */
  readonly pointer: string;
  /** How many stored cards hold a value there. */
  readonly records: number;
}

export interface ImpactReport {
  /** Stored cards of the schema. */
  readonly total: number;
  readonly changes: readonly ChangeImpact[];
}

export interface ImpactOptions {
  /** The version the diff starts from, and all versions, so older cards are migrated to it before counting. */
  readonly fromVersion?: number;
  readonly versions?: readonly Pick<SchemaVersion, 'version' | 'schema'>[];
}

/** Counts, for each change, the stored cards (`storage.list({schemaId})`) holding a value at its path. */
export async function impact(
  diff: VersionDiff,
  storage: Pick<StorageAdapter, 'list'>,
  schemaId: string,
  options: ImpactOptions = {},
): Promise<ImpactReport> {
  const { items, total } = await storage.list({ schemaId });
  const datas = items.map((r) =>
    options.versions && options.fromVersion !== undefined && r.schemaVersion < options.fromVersion
      ? migrateRecord(r.data, r.schemaVersion, options.fromVersion, options.versions)
      : r.data,
  );
  const count = (pointer: string, pred?: (v: unknown) => boolean) =>
    datas.filter((d) => (pred ? expand(d, pointer).some((m) => pred(getAt(d, m.pointer))) : hasValueAt(d, pointer))).length;
  const changes: ChangeImpact[] = [
    ...diff.added.map((c) => ({ kind: 'added' as const, id: c.id, pointer: c.pointer, records: 0 })),
    ...diff.removed.map((c) => ({ kind: 'removed' as const, id: c.id, pointer: c.pointer, records: count(c.pointer) })),
    ...diff.renamed.map((c) => ({ kind: 'renamed' as const, id: c.id, pointer: c.from, records: count(c.from) })),
    ...diff.retyped.map((c) => {
      const removedOptions = c.optionsRemoved;
      const pred =
        removedOptions?.length && c.fromType === c.toType
          ? (v: unknown) => (Array.isArray(v) ? v.some((x) => removedOptions.includes(String(x))) : removedOptions.includes(String(v)))
          : undefined;
      return { kind: 'retyped' as const, id: c.id, pointer: c.from, records: count(c.from, pred) };
    }),
  ];
  return { total, changes };
}
