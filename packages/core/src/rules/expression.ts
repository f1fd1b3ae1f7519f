/**
 * Kartochka expressions: JSON Logic syntax (jsonlogic.com) with JSON Pointers for `var`, run by a
 * small interpreter. Nothing is compiled to JavaScript (no `eval`, no `new Function`), so cards work
 * under a strict Content-Security-Policy, and an expression can only read own properties of plain
 * data: it can't reach prototypes or call methods. See docs/rules-and-formulas.md.
 */
import type { JsonValue } from '../types.js';
import { escapeToken, parsePointer } from '../pointer.js';
import { OPERATORS, toNumber, truthy } from './operators.js';
import { MAX_DEPTH, classifyPath, shapeOf, walkExpression } from './walk.js';
import { resolveRelative } from './relative.js';
import type { OperatorEnv } from './operators.js';

/** A rule or formula: any JSON value; objects with one key are operations. */
export type Expression = JsonValue;

/** What an expression reads and where it stands. */
export interface EvalContext {
  /** Reads the data at an absolute JSON Pointer (`undefined` when absent). Follow own properties only. */
  get(pointer: string): unknown;
  /** The concrete data pointer of the field the expression belongs to: the base of relative pointers. */
  readonly at: string;
  /** The clock for `today` (defaults to the current time). */
  readonly now?: Date;
  /** Where the expression sits in the schema, used to locate errors (e.g. `/properties/a/x-formula`). */
  readonly source?: string;
}

/** A problem found by {@link validateExpression}: `at` points into the schema (source + path in the expression). */
export interface ExpressionProblem {
  readonly at: string;
  readonly message: string;
}

export { MAX_DEPTH, OPERATOR_NAMES } from './walk.js';

/** Thrown by {@link evaluate} for a broken expression (unknown operator, bad arity, too deep…). */
export class ExpressionError extends Error {
  override name = 'ExpressionError';
  /**
   * @param at JSON Pointer of the offending expression in the schema (`source` + path inside the expression).
   * @param field the data pointer of the field the expression belongs to.
   */
  constructor(
    message: string,
    readonly at: string,
    readonly field: string,
    readonly operator?: string,
  ) {
    super(message);
  }
}

/** Creates an {@link EvalContext} over a data document (own properties and array indices only). */
export function dataContext(data: unknown, at: string, now?: Date): EvalContext {
  return { get: (pointer) => readAt(data, pointer), at, now };
}

// The shapes (operations, arity, how a path is read) are walk.ts's, shared with every other user.

const INDEX = /^(0|[1-9]\d*)$/;
const hasOwn = Object.prototype.hasOwnProperty;

export { resolveRelative } from './relative.js';

// ---------------------------------------------------------------------------------------------
// Evaluation.

/** Internal: carries the offending node up to {@link evaluate}, which turns it into an ExpressionError. */
class Fault {
  constructor(
    readonly node: object,
    readonly message: string,
    readonly op?: string,
  ) {}
}

interface Run {
  readonly ctx: EvalContext;
  readonly env: OperatorEnv;
}

/** The current element inside an iteration; `undefined` outside. */
type Scope = { readonly value: unknown } | undefined;

/**
 * Evaluates an expression. Throws {@link ExpressionError} for a broken expression (so check
 * expressions with {@link validateExpression} first); bad *data* never throws, it gives `null`.
 */
export function evaluate(expr: Expression, ctx: EvalContext): unknown {
  const run: Run = { ctx, env: { now: () => ctx.now ?? new Date() } };
  try {
    return ev(expr, run, undefined, 0);
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    const at = (ctx.source ?? '') + (pathTo(expr, e.node) ?? '');
    throw new ExpressionError(`${e.message} (in the rule of "${ctx.at}", at ${at || '/'})`, at, ctx.at, e.op);
  }
}

function ev(node: unknown, run: Run, scope: Scope, depth: number): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (depth >= MAX_DEPTH) throw new Fault(node, `Expression is nested deeper than ${MAX_DEPTH} levels.`);
  if (Array.isArray(node)) return node.map((n) => ev(n, run, scope, depth + 1));
  const shape = shapeOf(node);
  if ('error' in shape) throw new Fault(node, shape.error, shape.op);
  const { op, args } = shape;
  const d = depth + 1;
  switch (op) {
    case 'var': {
      const value = readVar(node, args[0], run, scope);
      return value === undefined || value === null ? (args.length > 1 ? ev(args[1], run, scope, d) : null) : value;
    }
    case 'if':
    case '?:': {
      let i = 0;
      for (; i + 1 < args.length; i += 2) if (truthy(ev(args[i], run, scope, d))) return ev(args[i + 1], run, scope, d);
      return i < args.length ? ev(args[i], run, scope, d) : null;
    }
    case 'and':
    case 'or': {
      let last: unknown;
      for (let i = 0; i < args.length; i++) {
        last = ev(args[i], run, scope, d);
        if (truthy(last) === (op === 'or')) return last;
      }
      return last;
    }
    case 'map':
    case 'filter':
    case 'all':
    case 'some':
    case 'none': {
      const list = ev(args[0], run, scope, d);
      const items = Array.isArray(list) ? list : [];
      const each = (item: unknown) => ev(args[1], run, { value: item }, d);
      if (op === 'map') return items.map(each);
      if (op === 'filter') return items.filter((item) => truthy(each(item)));
      if (op === 'all') return items.length > 0 && items.every((item) => truthy(each(item)));
      if (op === 'some') return items.some((item) => truthy(each(item)));
      return !items.some((item) => truthy(each(item)));
    }
    case 'reduce': {
      const list = ev(args[0], run, scope, d);
      let acc = args.length > 2 ? ev(args[2], run, scope, d) : null;
      if (!Array.isArray(list)) return acc;
      for (const current of list) acc = ev(args[1], run, { value: { current, accumulator: acc } }, d);
      return acc;
    }
    case 'missing':
    case 'missing_some': {
      const paths = missingPaths(node, op === 'missing' ? args : args.slice(1));
      const absent = paths.filter((p) => {
        const v = readVar(node, p, run, scope);
        return v === undefined || v === null || v === '';
      });
      if (op === 'missing') return absent;
      const need = toNumber(ev(args[0], run, scope, d)) ?? 0;
      return paths.length - absent.length >= need ? [] : absent;
    }
    case 'sum': {
      const list = ev(args[0], run, scope, d);
      if (!Array.isArray(list)) return toNumber(list) ?? 0;
      const item = args.length > 1 ? itemPointer(node, args[1]) : '';
      let total = 0;
      for (const el of list) total += toNumber(item ? readAt(el, item) : el) ?? 0;
      return Number.isFinite(total) ? total : null;
    }
  }
  const operator = OPERATORS.get(op)!;
  const values = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) values[i] = ev(args[i], run, scope, d);
  return operator.apply(values, run.env);
}

function readVar(node: object, path: unknown, run: Run, scope: Scope): unknown {
  const p = classifyPath(path, scope !== undefined);
  switch (p.kind) {
    case 'absolute':
      return run.ctx.get(p.pointer);
    case 'element':
      return readAt(scope!.value, p.pointer);
    case 'relative': {
      const r = resolveRelative(p.path, run.ctx.at);
      if (r === undefined) return undefined;
      return 'key' in r ? r.key : run.ctx.get(r.pointer);
    }
    default:
      throw new Fault(node, p.error, 'var');
  }
}

interface Step {
  readonly key: string;
  /** The array index this token names, or -1. */
  readonly index: number;
}

const steps = new Map<string, readonly Step[]>();

/** Parsed pointers, cached: the same few pointers are read for every array item and every change. */
function stepsOf(pointer: string): readonly Step[] {
  let cached = steps.get(pointer);
  if (!cached) {
    if (steps.size > 4096) steps.clear();
    cached = parsePointer(pointer).map((key) => ({ key, index: INDEX.test(key) ? Number(key) : -1 }));
    steps.set(pointer, cached);
  }
  return cached;
}

/** `getAt` over cached steps. Same rule: own properties and array indices only. */
function readAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const step of stepsOf(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (Array.isArray(cur)) {
      if (step.index < 0) return undefined;
      cur = cur[step.index];
    } else {
      if (!hasOwn.call(cur, step.key)) return undefined;
      cur = (cur as Record<string, unknown>)[step.key];
    }
  }
  return cur;
}

/** `missing` takes literal paths, as arguments or as one array. */
function missingPaths(node: object, args: readonly unknown[]): readonly unknown[] {
  const paths = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  for (const p of paths) {
    if (typeof p !== 'string') throw new Fault(node, 'The paths of "missing" and "missing_some" must be literal strings.');
  }
  return paths;
}

/** The item path of `sum` ("turnover", "/turnover", "money/amount") as a JSON Pointer into the item. */
function itemPointer(node: object, path: unknown): string {
  if (typeof path !== 'string') throw new Fault(node, 'The item path of "sum" must be a literal string such as "turnover".');
  return path === '' || path[0] === '/' ? path : '/' + path;
}

/** The JSON Pointer of `target` inside `root` (by identity), for error messages. */
function pathTo(root: unknown, target: object, depth = 0): string | undefined {
  if (root === target) return '';
  if (root === null || typeof root !== 'object' || depth > MAX_DEPTH + 1) return undefined;
  for (const key of Object.keys(root)) {
    const sub = pathTo((root as Record<string, unknown>)[key], target, depth + 1);
    if (sub !== undefined) return '/' + escapeToken(key) + sub;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Static analysis.

/**
 * Checks an expression without data: unknown operators, wrong arity, malformed `var` paths, depth.
 * `at` is where the expression sits in the schema; each problem's `at` extends it.
 */
export function validateExpression(expr: Expression, at = ''): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  walkExpression(expr, {
    problem: (path, message) => problems.push({ at: at + path, message }),
    path: (site) => {
      if (site.read.kind === 'error') problems.push({ at: at + site.at, message: site.read.error });
    },
  });
  return problems;
}

/** One dependency: an absolute pointer (or template); `shifted` when a relative index shift made a `*` unbindable. */
export interface Dependency {
  readonly pointer: string;
  readonly shifted: boolean;
  /** Set when a relative pointer can't be resolved from `at` (e.g. it climbs above the root). */
  readonly error?: string;
}

/** Like {@link dependencies}, with details for the rule graph. */
export function dependencyDetails(expr: Expression, at: string): Dependency[] {
  const out = new Map<string, Dependency>();
  const add = (d: Dependency) => {
    const prev = out.get(d.pointer);
    if (!prev || (d.shifted && !prev.shifted)) out.set(d.pointer, d);
  };
  walkExpression(expr, {
    path: ({ read }) => {
      if (read.kind === 'absolute') add({ pointer: read.pointer, shifted: false });
      else if (read.kind === 'relative') {
        const r = resolveRelative(read.path, at);
        if (r === undefined)
          add({ pointer: read.path, shifted: false, error: `Relative pointer "${read.path}" can't be resolved from "${at}".` });
        else if ('pointer' in r) add({ pointer: r.pointer, shifted: r.shifted });
      }
    },
  });
  return [...out.values()];
}

/**
 * The absolute pointers an expression reads, for the field at `at` (a concrete pointer or a
 * template with `*`; relative pointers keep its `*`s). Reading an array (for `sum`, `count`,
 * `map`…) depends on the whole subtree below it.
 */
export function dependencies(expr: Expression, at: string): string[] {
  return dependencyDetails(expr, at)
    .filter((d) => !d.error)
    .map((d) => d.pointer);
}
