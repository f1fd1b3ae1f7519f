/**
 * The one walker of Kartochka expressions (JSON Logic over JSON Pointers). The interpreter, the
 * validator, the dependency walker (./expression.ts) and the builder's rewrite of pointers when a
 * field moves all read an expression's shape here: which object is an operation, which argument is
 * a data path (`var`, `missing`, `missing_some`), which runs once per array element (`map`,
 * `filter`…), and how a path is read (absolute, relative, the current element). Four copies of
 * these rules used to disagree; a table test (walk.test.ts) holds the users to one reading.
 */
import type { JsonValue } from '../types.js';
import { escapeToken, unescapeToken } from '../pointer.js';
import { OPERATORS } from './operators.js';
import { isRelativePointer } from './relative.js';

/** Expressions nest at most this deep; deeper ones are rejected instead of overflowing the stack. */
export const MAX_DEPTH = 64;

/** Special forms: their arguments are not simply evaluated left to right. */
const SPECIAL: ReadonlyMap<string, { readonly min: number; readonly max: number }> = new Map(
  (
    [
      ['var', 1, 2],
      ['if', 1, Infinity],
      ['?:', 1, Infinity],
      ['and', 1, Infinity],
      ['or', 1, Infinity],
      ['map', 2, 2],
      ['filter', 2, 2],
      ['all', 2, 2],
      ['some', 2, 2],
      ['none', 2, 2],
      ['reduce', 2, 3],
      ['missing', 0, Infinity],
      ['missing_some', 2, 2],
      ['sum', 1, 2],
    ] as const
  ).map(([name, min, max]) => [name, { min, max }]),
);

/** Operators whose second argument runs once per array element (JSON Logic's scoped data). */
export const ITERATORS: ReadonlySet<string> = new Set(['map', 'filter', 'all', 'some', 'none', 'reduce']);

/** How many arguments an operator takes, or `undefined` for an unknown operator. */
export function arityOf(op: string): { readonly min: number; readonly max: number } | undefined {
  return SPECIAL.get(op) ?? OPERATORS.get(op);
}

/** Every operator name Kartochka understands (for builders' pickers). */
export const OPERATOR_NAMES: readonly string[] = [...SPECIAL.keys(), ...OPERATORS.keys()];

export interface Operation {
  readonly op: string;
  readonly args: readonly unknown[];
}

export type Shape = Operation | { readonly error: string; readonly op?: string };

/** An object node as an operation, or why it is none (key count, unknown operator, arity). */
export function shapeOf(node: object): Shape {
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    return {
      error: `An expression object must have exactly one key, the operator; found ${keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none'}.`,
    };
  }
  const op = keys[0];
  const arity = arityOf(op);
  if (!arity) return { op, error: `Unknown operator "${op}".` };
  const raw = (node as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const { min, max } = arity;
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    return { op, error: `Operator "${op}" takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}.` };
  }
  return { op, args };
}

/** How a path is read. */
export type VarPath =
  | { readonly kind: 'absolute'; readonly pointer: string }
  | { readonly kind: 'relative'; readonly path: string }
  | { readonly kind: 'element'; readonly pointer: string }
  | { readonly kind: 'error'; readonly error: string };

export { isRelativePointer, relativeParts } from './relative.js';

/**
 * How a `var` path is read. `/a/b` is absolute; `1/status` is a relative JSON Pointer from the
 * field; inside `map`/`filter`/… a name such as `status` (or `""`) is the current element's. An
 * absolute pointer names one place, so a `*` in it (which would read a key named "*" and yield
 * nothing) is an error that says what to write instead.
 */
export function classifyPath(path: unknown, inScope: boolean): VarPath {
  if (typeof path === 'number' && inScope && Number.isInteger(path) && path >= 0) {
    return { kind: 'element', pointer: `/${path}` };
  }
  if (typeof path !== 'string') {
    return {
      kind: 'error',
      error: 'A "var" path must be a literal string: a JSON Pointer such as "/general/companyName" or a relative one such as "1/price".',
    };
  }
  if (/~(?![01])/.test(path)) return { kind: 'error', error: `Invalid JSON Pointer "${path}": "~" must be followed by 0 or 1.` };
  if (path === '') return inScope ? { kind: 'element', pointer: '' } : { kind: 'absolute', pointer: '' };
  if (path[0] === '/') {
    if (path.split('/').includes('*')) {
      const list = path.slice(0, path.indexOf('/*'));
      return {
        kind: 'error',
        error: `"${path}" has "*" in an absolute pointer, which names one place and reads nothing here: from a field in the same row use a relative pointer (such as "1${path.slice(path.lastIndexOf('/'))}"), from outside the list read the list "${list}" (sum, map, filter…).`,
      };
    }
    return { kind: 'absolute', pointer: path };
  }
  if (/^\d/.test(path)) {
    return isRelativePointer(path) ? { kind: 'relative', path } : { kind: 'error', error: `Invalid relative JSON Pointer "${path}".` };
  }
  if (inScope) return { kind: 'element', pointer: '/' + path };
  return {
    kind: 'error',
    error: `"${path}" is not a JSON Pointer: write "/${path}" (absolute) or "1/${path}" (relative); bare names are only for the current element inside map, filter, reduce, all, some and none.`,
  };
}

/** A data path written in an expression, as the walker meets it. */
export interface PathSite {
  /** The path as written (a string, or a number for an element index). */
  readonly path: unknown;
  readonly read: VarPath;
  /** Inside the per-element argument of map, filter, reduce, all, some or none. */
  readonly inScope: boolean;
  /** The operator it belongs to. */
  readonly op: 'var' | 'missing' | 'missing_some';
  /** JSON Pointer of the path's argument inside the expression (for messages). */
  readonly at: string;
}

/** What a walk reports. Every callback is optional. */
export interface ExpressionVisitor {
  /** A data path (`var`, `missing`, `missing_some`). */
  path?(site: PathSite): void;
  /** A node that is no valid expression; the walk does not descend into it. */
  problem?(at: string, message: string): void;
}

/**
 * Walks an expression and reports its data paths and its malformed nodes, each with its JSON
 * Pointer inside the expression. The validator, the dependency walker and the builder's rewrite
 * are this walk with different visitors; the interpreter follows the same shapes (./expression.ts).
 */
export function walkExpression(expr: unknown, visitor: ExpressionVisitor): void {
  const problem = (at: string, message: string) => visitor.problem?.(at, message);
  const walk = (node: unknown, path: string, inScope: boolean, depth: number): void => {
    if (node === null || typeof node !== 'object') return;
    if (depth >= MAX_DEPTH) return problem(path, `Expression is nested deeper than ${MAX_DEPTH} levels.`);
    if (Array.isArray(node)) {
      node.forEach((n, i) => walk(n, `${path}/${i}`, inScope, depth + 1));
      return;
    }
    const shape = shapeOf(node);
    if ('error' in shape) return problem(path, shape.error);
    const { op, args } = shape;
    const base = `${path}/${escapeToken(op)}`;
    const argPath = (i: number) => (Array.isArray((node as Record<string, unknown>)[op]) ? `${base}/${i}` : base);
    const site = (p: unknown, i: number, kind: PathSite['op']) =>
      visitor.path?.({ path: p, read: classifyPath(p, inScope), inScope, op: kind, at: argPath(i) });
    if (op === 'var') {
      site(args[0], 0, 'var');
      if (args.length > 1) walk(args[1], argPath(1), inScope, depth + 1);
      return;
    }
    if (op === 'missing' || op === 'missing_some') {
      const first = op === 'missing' ? 0 : 1;
      if (op === 'missing_some') {
        walk(args[0], argPath(0), inScope, depth + 1);
        if (!Array.isArray(args[1])) problem(argPath(1), 'The second argument of "missing_some" must be an array of paths.');
      }
      const rest = args.slice(first);
      const list = rest.length === 1 && Array.isArray(rest[0]) ? (rest[0] as unknown[]) : rest;
      const listed = rest.length === 1 && Array.isArray(rest[0]);
      list.forEach((p, j) => {
        if (typeof p !== 'string') problem(argPath(first), 'The paths of "missing" and "missing_some" must be literal strings.');
        else
          visitor.path?.({
            path: p,
            read: classifyPath(p, inScope),
            inScope,
            op,
            at: listed ? `${argPath(first)}/${j}` : argPath(first + j),
          });
      });
      return;
    }
    if (op === 'sum' && args.length > 1 && typeof args[1] !== 'string')
      problem(argPath(1), 'The item path of "sum" must be a literal string such as "turnover".');
    args.forEach((a, i) => {
      if (op === 'sum' && i === 1) return; // the item path is inside each element, not the card's data
      walk(a, argPath(i), inScope || (ITERATORS.has(op) && i === 1), depth + 1);
    });
  };
  walk(expr, '', false, 0);
}

/**
 * A copy of `expr` with data paths replaced: `replace` returns the new path for a site, or
 * `undefined` to keep it. Untouched subtrees are shared, and an expression with nothing replaced
 * is returned as is (the builder compares documents by identity).
 */
export function mapPaths(expr: JsonValue, replace: (site: PathSite) => string | undefined): JsonValue {
  const edits: { at: string; to: string }[] = [];
  walkExpression(expr, {
    path(site) {
      const to = replace(site);
      if (to !== undefined && to !== site.path) edits.push({ at: site.at, to });
    },
  });
  let out = expr;
  for (const { at, to } of edits) out = setIn(out, at.slice(1).split('/').map(unescapeToken), to);
  return out;
}

/** `setAt` for expressions: copies the containers on the path; a single-argument operand (`{var: "/a"}`) is its own slot. */
function setIn(node: JsonValue, tokens: readonly string[], value: string): JsonValue {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(head)] = setIn(copy[Number(head)], rest, value);
    return copy;
  }
  const obj = node as Record<string, JsonValue>;
  return { [head]: setIn(obj[head], rest, value) };
}
