/**
 * Relative JSON Pointers (draft-bhutton-relative-json-pointer): how rules read `1/price`, and how
 * the BIK check and reminders find a field next to theirs. A module of its own so that those
 * users do not load the expression interpreter (expression.ts), which a card loads only when its
 * schema or layout has rules.
 */
import { unescapeToken } from '../pointer.js';

const RELATIVE = /^(0|[1-9]\d*)(?:([+-])(0|[1-9]\d*))?(#|\/.*|)$/;
const INDEX = /^(0|[1-9]\d*)$/;

/** True for a relative JSON Pointer (`1/price`, `0#`, `1-1/amount`). */
export const isRelativePointer = (path: string): boolean => RELATIVE.test(path);
export const relativeParts = (path: string): RegExpExecArray | null => RELATIVE.exec(path);

type Resolved = { readonly pointer: string; readonly shifted: boolean } | { readonly key: string | number } | undefined;

/**
 * Resolves a relative JSON Pointer against `at`. Works on templates too: a `*` step stays `*`
 * (an index shift on it marks the result `shifted`). `undefined` when it climbs above the root or
 * shifts a non-index.
 */
export function resolveRelative(path: string, at: string): Resolved {
  const m = relativeParts(path);
  if (!m) return undefined;
  const segs = at === '' ? [] : at.slice(1).split('/');
  const up = Number(m[1]);
  if (up > segs.length) return undefined;
  const base = segs.slice(0, segs.length - up);
  let shifted = false;
  if (m[2]) {
    const last = base[base.length - 1];
    if (last === undefined) return undefined;
    if (last === '*') shifted = true;
    else {
      if (!INDEX.test(last)) return undefined;
      const index = Number(last) + (m[2] === '+' ? 1 : -1) * Number(m[3]);
      if (index < 0) return undefined;
      base[base.length - 1] = String(index);
    }
  }
  if (m[4] === '#') {
    const last = base[base.length - 1];
    if (last === undefined) return undefined;
    return { key: INDEX.test(last) ? Number(last) : unescapeToken(last) };
  }
  return { pointer: (base.length ? '/' + base.join('/') : '') + m[4], shifted };
}
