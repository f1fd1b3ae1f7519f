/**
 * The eager operators of Kartochka expressions: plain functions of already-evaluated arguments.
 * The special forms that control evaluation (`var`, `if`, `and`, `or`, `map`, `filter`, `reduce`,
 * `all`, `some`, `none`, `missing`, `missing_some`, `sum`) live in ./expression.ts.
 *
 * Every operator is total: bad input gives `null` (or `false` for comparisons), never `NaN`,
 * `Infinity` or an exception, so one odd value can't break a card. No operator calls a method that
 * an expression or the data could choose: objects are never coerced with `toString`/`valueOf`.
 */

/** What eager operators may ask of their surroundings. */
export interface OperatorEnv {
  /** The evaluation's clock (for `today`). */
  now(): Date;
}

/** An eager operator: arity bounds and a pure function of the evaluated arguments. */
export interface EagerOperator {
  readonly min: number;
  readonly max: number;
  apply(args: unknown[], env: OperatorEnv): unknown;
}

/** JSON Logic truthiness (jsonlogic.com/truthy): like JavaScript, except that `[]` is false. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** `null`, `undefined`, `''` and `[]` are empty: what "not filled in" means on a card. */
export function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A number, or `null` when the value is empty or not numeric. Numeric strings count ("12.5"),
 * booleans are 1/0. Unlike json-logic-js (`parseFloat`), "12abc" is not 12.
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    if (value.trim() === '') return null;
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Structural equality of JSON values (own enumerable keys only). */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (!isObject(a) || !isObject(b) || depth > 100) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/** `==`: JavaScript's loose equality for primitives; arrays and objects compare by value. */
export function looseEquals(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (isObject(x) || isObject(y)) return isObject(x) && isObject(y) && deepEqual(x, y);
  // Both are primitives here, so `==` can't call any method.
  return x == y;
}

/** `===`: strict equality for primitives (`undefined` is `null`); arrays and objects by value. */
export function strictEquals(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  if (isObject(x) || isObject(y)) return isObject(x) && isObject(y) && deepEqual(x, y);
  return x === y;
}

/**
 * Ordering. Two strings compare as strings (so ISO dates order correctly); otherwise both sides
 * must be numeric. An empty side (null, undefined, '') or an object makes the comparison false:
 * "headcount < 10" must not hold just because headcount is not filled in.
 */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === null || y === null) return undefined;
  return x - y;
}

function chain(test: (c: number) => boolean) {
  return (args: unknown[]): boolean => {
    for (let i = 0; i + 1 < args.length; i++) {
      const c = compare(args[i], args[i + 1]);
      if (c === undefined || !test(c)) return false;
    }
    return true;
  };
}

/** Numbers of all arguments, or `null` if any is empty or not numeric. */
function numbers(args: unknown[]): number[] | null {
  const out: number[] = [];
  for (const a of args) {
    const n = toNumber(a);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

/** `min`/`max` accept several values or one array; empty values are skipped (as SQL does). */
function extremum(args: unknown[], pick: (a: number, b: number) => number): number | null {
  const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
  let best: number | null = null;
  for (const v of list) {
    const n = toNumber(v);
    if (n !== null) best = best === null ? n : pick(best, n);
  }
  return best;
}

/** Rounds half away from zero to `digits` decimals (negative: tens, hundreds…). */
export function roundTo(value: unknown, digits: unknown = 0): number | null {
  const x = toNumber(value);
  const d = toNumber(digits) ?? 0;
  if (x === null || !Number.isInteger(d) || d < -15 || d > 15) return null;
  // Exponent notation avoids the binary error of x * 10^d (1.005 → 1.01, not 1.00).
  const r = Number(Math.round(Number(`${Math.abs(x)}e${d}`)) + `e${-d}`);
  return finite(Math.sign(x) * r || 0);
}

/** String form used by `cat` and `substr`: empty → '', containers → JSON. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

function substr(source: unknown, start: unknown, length?: unknown): string {
  const s = toText(source);
  let from = Math.trunc(toNumber(start) ?? 0);
  if (from < 0) from = Math.max(0, s.length + from);
  if (length === undefined) return s.slice(from);
  const len = Math.trunc(toNumber(length) ?? 0);
  // A negative length leaves that many characters off the end, as in json-logic-js.
  return len < 0 ? s.slice(from, Math.max(from, s.length + len)) : s.slice(from, from + len);
}

function contains(needle: unknown, haystack: unknown): boolean {
  if (typeof haystack === 'string') {
    return needle !== null && needle !== undefined && !isObject(needle) && haystack.includes(String(needle));
  }
  if (Array.isArray(haystack)) return haystack.some((item) => strictEquals(item, needle));
  return false;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date or date-time (its date part, as written), or `null`. */
export function isoDays(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Rejects 2023-02-30 and other dates Date.UTC would silently roll over.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY;
}

/** The ISO date (`YYYY-MM-DD`) of a day number from {@link isoDays}. */
export function isoDate(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

/** Today's date in the evaluator's local time zone: the user's "today". */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const op = (min: number, max: number, apply: EagerOperator['apply']): EagerOperator => ({ min, max, apply });
const ANY = Infinity;

/** The eager operators by name. A Map, so `constructor` or `__proto__` are never operators. */
export const OPERATORS: ReadonlyMap<string, EagerOperator> = new Map<string, EagerOperator>([
  ['==', op(2, 2, ([a, b]) => looseEquals(a, b))],
  ['!=', op(2, 2, ([a, b]) => !looseEquals(a, b))],
  ['===', op(2, 2, ([a, b]) => strictEquals(a, b))],
  ['!==', op(2, 2, ([a, b]) => !strictEquals(a, b))],
  [
    '<',
    op(
      2,
      3,
      chain((c) => c < 0),
    ),
  ],
  [
    '<=',
    op(
      2,
      3,
      chain((c) => c <= 0),
    ),
  ],
  [
    '>',
    op(
      2,
      3,
      chain((c) => c > 0),
    ),
  ],
  [
    '>=',
    op(
      2,
      3,
      chain((c) => c >= 0),
    ),
  ],
  ['!', op(1, 1, ([a]) => !truthy(a))],
  ['!!', op(1, 1, ([a]) => truthy(a))],
  [
    '+',
    op(0, ANY, (args) => {
      const n = numbers(args);
      return n && finite(n.reduce((s, x) => s + x, 0));
    }),
  ],
  [
    '-',
    op(1, 2, (args) => {
      const n = numbers(args);
      return n && finite(n.length === 1 ? -n[0] : n[0] - n[1]);
    }),
  ],
  [
    '*',
    op(1, ANY, (args) => {
      const n = numbers(args);
      return n && finite(n.reduce((p, x) => p * x, 1));
    }),
  ],
  [
    '/',
    op(2, 2, (args) => {
      const n = numbers(args);
      return n && n[1] !== 0 ? finite(n[0] / n[1]) : null;
    }),
  ],
  [
    '%',
    op(2, 2, (args) => {
      const n = numbers(args);
      return n && n[1] !== 0 ? finite(n[0] % n[1]) : null;
    }),
  ],
  ['min', op(0, ANY, (args) => extremum(args, Math.min))],
  ['max', op(0, ANY, (args) => extremum(args, Math.max))],
  ['round', op(1, 2, ([x, d]) => roundTo(x, d))],
  ['cat', op(0, ANY, (args) => args.map(toText).join(''))],
  ['substr', op(2, 3, ([s, start, len]) => substr(s, start, len))],
  ['in', op(2, 2, ([a, b]) => contains(a, b))],
  ['merge', op(0, ANY, (args) => args.flatMap((a) => (Array.isArray(a) ? a : [a])))],
  ['empty', op(1, 1, ([a]) => isEmpty(a))],
  ['count', op(1, 1, ([a]) => (Array.isArray(a) ? a.length : 0))],
  ['today', op(0, 0, (_args, env) => localToday(env.now()))],
  [
    'daysBetween',
    op(2, 2, ([a, b]) => {
      const x = isoDays(a);
      const y = isoDays(b);
      return x === null || y === null ? null : y - x;
    }),
  ],
  [
    'addDays',
    op(2, 2, ([date, n]) => {
      const x = isoDays(date);
      const k = toNumber(n);
      return x === null || k === null ? null : isoDate(x + Math.trunc(k));
    }),
  ],
]);
