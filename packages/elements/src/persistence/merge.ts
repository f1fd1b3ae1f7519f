/**
 * Three-way merge of a card's data, field by field: what the user changed here since the version
 * they loaded (base), what someone else saved meanwhile (remote). Changes that don't overlap are
 * combined; changes to the same field are conflicts the user resolves one by one. Nothing either
 * side typed is dropped without the user's say.
 */
import { diff } from '@kartochka/storage';
import { deepEqual, type JsonValue } from '@kartochka/core';
import { getAt, isWithin, setAt } from '@kartochka/core/internal';

export interface FieldConflict {
  path: string;
  base: JsonValue | undefined;
  local: JsonValue | undefined;
  remote: JsonValue | undefined;
}

export interface MergeResult {
  /** Local data with every non-conflicting remote change applied. */
  merged: JsonValue | undefined;
  conflicts: FieldConflict[];
  /** Paths taken from the remote side without asking (nobody changed them here). */
  autoApplied: string[];
}

const overlaps = (a: string, b: string) => isWithin(a, b) || isWithin(b, a);

export function mergeThreeWay(base: JsonValue | undefined, local: JsonValue | undefined, remote: JsonValue | undefined): MergeResult {
  const localPaths = diff(base, local).map((c) => c.path);
  const remoteChanges = diff(base, remote);
  let merged = local;
  const conflicts: FieldConflict[] = [];
  const autoApplied: string[] = [];
  const conflicted = new Set<string>();
  for (const change of remoteChanges) {
    const clash = localPaths.filter((p) => overlaps(p, change.path));
    if (clash.length === 0) {
      merged = setAt(merged, change.path, getAt(remote, change.path));
      autoApplied.push(change.path);
      continue;
    }
    // Report the conflict at the wider of the overlapping paths, once.
    const path = [change.path, ...clash].reduce((a, b) => (a.length <= b.length ? a : b));
    if (conflicted.has(path)) continue;
    const l = getAt(local, path);
    const r = getAt(remote, path);
    if (deepEqual(l, r)) continue; // both sides made the same edit
    conflicted.add(path);
    conflicts.push({ path, base: getAt(base, path), local: l, remote: r });
  }
  return { merged, conflicts, autoApplied };
}

/** Applies the user's choice per conflicting field. Unchosen conflicts keep the local value. */
export function resolveConflicts(
  merged: JsonValue | undefined,
  conflicts: readonly FieldConflict[],
  choices: Readonly<Record<string, 'local' | 'remote'>>,
): JsonValue | undefined {
  let out = merged;
  for (const c of conflicts) {
    const pick = choices[c.path] === 'remote' ? c.remote : c.local;
    out = setAt(out, c.path, pick);
  }
  return out;
}
