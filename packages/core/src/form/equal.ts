import { joinPointer } from '../pointer.js';

/** Structural equality of JSON-like values (Blobs and other objects compare by identity). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (Array.isArray(b)) return false;
  if (!isPlain(a) || !isPlain(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

function isPlain(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

/**
 * The top-most pointers where `b` differs from `a`: a form uses them to re-render only the fields
 * whose data changed when a whole new value is set. Objects are compared key by key; an array whose
 * length changed is reported as a whole (its items are re-placed), one of the same length item by item.
 * Unlike storage's `diff` (the changes of a save), it needs no before/after values.
 */
export function changedPointers(a: unknown, b: unknown, at = '', out: string[] = []): string[] {
  if (Object.is(a, b)) return out;
  const objA = typeof a === 'object' && a !== null;
  const objB = typeof b === 'object' && b !== null;
  if (objA && objB && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) changedPointers(a[i], b[i], joinPointer(at, i), out);
    return out;
  }
  if (objA && objB && !Array.isArray(a) && !Array.isArray(b) && isPlain(a) && isPlain(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    for (const k of Object.keys(ra))
      changedPointers(ra[k], Object.prototype.hasOwnProperty.call(rb, k) ? rb[k] : undefined, joinPointer(at, k), out);
    for (const k of Object.keys(rb)) if (!Object.prototype.hasOwnProperty.call(ra, k)) out.push(joinPointer(at, k));
    return out;
  }
  if (!deepEqual(a, b)) out.push(at);
  return out;
}
