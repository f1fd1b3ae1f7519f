/**
 * Which parts of a card's data changed between two saves, as JSON Pointers (RFC 6901). Pure and
 * allocation-light because it runs inside every `put`. Paths stay exact pointers (never lossy dot
 * paths) so keys like `a/b`, `~` or `__proto__` are told apart from nesting.
 */
import { escapeToken } from '@kartochka/core/internal';

/** One changed location. `before`/`after` are absent when the location did not exist on that side. */
export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

// One implementation of RFC 6901 token escaping: core's (pointer.ts). Storage's subpaths keep
// their names for it (`@kartochka/storage/data` and `/backend` export these).
export { escapeToken as escapePointerToken, unescapeToken as unescapePointerToken } from '@kartochka/core/internal';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b); // NaN equals NaN here; JSON has no NaN but be total.
}

function walk(a: unknown, b: unknown, path: string, out: Change[]): void {
  if (same(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= a.length) out.push({ path: p, after: b[i] });
      else if (i >= b.length) out.push({ path: p, before: a[i] });
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    // Object.keys + hasOwn, never `in`: a key named `__proto__` or `toString` is plain data here.
    for (const key of Object.keys(a)) {
      const p = `${path}/${escapeToken(key)}`;
      if (Object.hasOwn(b, key)) walk(a[key], b[key], p, out);
      else out.push({ path: p, before: a[key] });
    }
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) out.push({ path: `${path}/${escapeToken(key)}`, after: b[key] });
    }
    return;
  }
  // Different types or different primitives: the whole location changed.
  const change: Change = { path };
  if (a !== undefined) change.before = a;
  if (b !== undefined) change.after = b;
  out.push(change);
}

/**
 * The deepest locations whose values differ, in document order. Arrays are compared index by
 * index (an insertion in the middle reports every later index; that is exact, if not minimal).
 */
export function diff(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, '', out);
  return out;
}

/** Just the pointers of {@link diff}. */
export function changedPaths(before: unknown, after: unknown): string[] {
  return diff(before, after).map((c) => c.path);
}
