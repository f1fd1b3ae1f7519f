/**
 * Option values in formulas in words: a select's stored codes (`diler`) read and are typed as their
 * labels (`[Сегмент] = "Дилер"`). Only a string compared with (`=`, `<>`) or listed for (`in`) a
 * field that has options is translated; anything else stays as written.
 */
import type { JsonValue } from '../types.js';
import { MAX_DEPTH } from './walk.js';

/** One option of a field: its stored value and its label in the formula's language. */
export interface FormulaOption {
  readonly value: string;
  readonly label: string;
}

const COMPARE = new Set(['==', '===', '!=', '!==']);

const normal = (s: string) => s.trim().toLocaleLowerCase();

/** The pointer a `{var: …}` names, if `node` is one. */
function varPointer(node: JsonValue): string | undefined {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const keys = Object.keys(node);
  if (keys.length !== 1 || keys[0] !== 'var') return undefined;
  const arg = node.var;
  const path = Array.isArray(arg) ? arg[0] : arg;
  return typeof path === 'string' ? path : undefined;
}

/**
 * `expr` with option strings translated for fields in `options` (pointer → options): `toLabel`
 * prints codes as labels; otherwise labels typed in the text become codes (a label wins over a
 * code that happens to be spelled like it; text matching neither stays as typed).
 */
export function translateOptions(expr: JsonValue, options: ReadonlyMap<string, readonly FormulaOption[]>, toLabel: boolean): JsonValue {
  if (options.size === 0) return expr;
  const swap = (pointer: string | undefined, s: JsonValue): JsonValue => {
    const list = pointer === undefined ? undefined : options.get(pointer);
    if (!list || typeof s !== 'string') return s;
    if (toLabel) return list.find((o) => o.value === s)?.label ?? s;
    return list.find((o) => normal(o.label) === normal(s))?.value ?? s;
  };
  const walk = (node: JsonValue, depth: number): JsonValue => {
    if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return node;
    if (Array.isArray(node)) return node.map((n) => walk(n, depth + 1));
    const keys = Object.keys(node);
    if (keys.length !== 1) return node;
    const op = keys[0]!;
    const raw = node[op]!;
    if (!Array.isArray(raw)) return { [op]: walk(raw, depth + 1) };
    let args = raw.map((a) => walk(a, depth + 1));
    if (COMPARE.has(op) && args.length === 2) {
      const [a, b] = args as [JsonValue, JsonValue];
      args = [swap(varPointer(b), a), swap(varPointer(a), b)];
    } else if (op === 'in' && args.length === 2) {
      const [needle, haystack] = args as [JsonValue, JsonValue];
      const p = varPointer(needle);
      if (p !== undefined && Array.isArray(haystack)) args = [needle, haystack.map((h) => swap(p, h))];
      else if (varPointer(haystack) !== undefined) args = [swap(varPointer(haystack), needle), haystack];
    }
    return { [op]: args };
  };
  return walk(expr, 0);
}
