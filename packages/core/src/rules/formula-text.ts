/**
 * Formulas in words: a spreadsheet-like text syntax for Kartochka expressions, parsed into the JSON
 * Logic the engine runs and printed back from it. `[Количество точек] * 150000`,
 * `ЕСЛИ([Сегмент] = "Дилер"; 1; 0)`, `IF([Segment] = "Dealer"; 1; 0)`.
 *
 * A hand-written Pratt parser (no eval, no generated code). Fields are named by their titles in
 * square brackets and resolved through a table the caller builds from the schema; a bracket that
 * holds a JSON Pointer (`[/general/x]`, `[1/price]`) or, inside MAP/FILTER…, an element's key
 * (`[turnover]`) is read as written, so every expression prints. Recursion is bounded by
 * MAX_DEPTH: deep nesting is an error with a place in the text, never a stack overflow.
 *
 * Canonical JSON Logic: operators take an argument array (`{"!": [x]}`) except a field read
 * (`{"var": "/a"}`); `parse(print(x))` deep-equals `x` for canonical `x`.
 */
import type { JsonValue } from '../types.js';
import { translateOptions, type FormulaOption } from './formula-options.js';
import {
  FORMULA_CONSTANTS,
  allFunctionNames,
  functionByName,
  functionByOp,
  functionName,
  normalizeName,
  usesRussianNames,
} from './formula-functions.js';
import { formulaMessage, type FormulaErrorCode } from './formula-messages.js';
import { MAX_DEPTH, arityOf, isRelativePointer } from './walk.js';

/** A field the formula can name: its title in the formula's language and its data pointer. */
export interface FormulaField {
  readonly name: string;
  readonly pointer: string;
  /** A field with a fixed set of options: its values are written as these labels (formula-options.ts). */
  readonly options?: readonly FormulaOption[];
}

const optionTable = (fields: readonly FormulaField[]) =>
  new Map(fields.filter((f) => f.options?.length).map((f) => [f.pointer, f.options!]));

export interface FormulaTextOptions {
  /** The language of function names and of the decimal separator (`0,5` in ru, `0.5` in en). */
  readonly locale: string;
  readonly fields: readonly FormulaField[];
}

/** A place in the text (UTF-16 offsets, `end` exclusive) and why it is wrong, worded in the locale. */
export interface FormulaTextError {
  readonly code: FormulaErrorCode;
  readonly params: Readonly<Record<string, unknown>>;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export type FormulaParseResult = { readonly ok: true; readonly expr: JsonValue } | { readonly ok: false; readonly error: FormulaTextError };

/** Longer texts are refused before lexing: a formula is a line or two, not a document. */
export const MAX_FORMULA_LENGTH = 10_000;

// ---------------------------------------------------------------------------------------------
// Lexing.

type Tok =
  | { kind: 'num'; value: number; start: number; end: number }
  | { kind: 'str'; value: string; start: number; end: number }
  | { kind: 'field'; value: string; start: number; end: number }
  | { kind: 'name'; value: string; start: number; end: number }
  | { kind: 'punct'; value: string; start: number; end: number }
  | { kind: 'end'; value: ''; start: number; end: number };

class Fail {
  constructor(
    readonly code: FormulaErrorCode,
    readonly start: number,
    readonly end: number,
    readonly params: Record<string, unknown> = {},
  ) {}
}

const PUNCT = ['<>', '<=', '>=', '!=', '==', '+', '-', '*', '/', '=', '<', '>', '(', ')', '{', '}', ';', ','];
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_.]/u;

/** Whether the locale writes decimals with a comma (ru, de, …), by Intl's own reckoning. */
export function decimalComma(locale: string): boolean {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value === ',';
  } catch {
    return false;
  }
}

function lex(text: string, comma: boolean): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/\d/.test(c) || (c === '.' && /\d/.test(text[i + 1] ?? ''))) {
      const m = (comma ? /^\d*(?:[.,]\d+)?(?:[eE][+-]?\d+)?/ : /^\d*(?:\.\d+)?(?:[eE][+-]?\d+)?/).exec(text.slice(i, i + 400))!;
      const value = Number(m[0].replace(',', '.'));
      if (!Number.isFinite(value)) throw new Fail('unexpectedToken', start, start + m[0].length, { token: m[0] });
      out.push({ kind: 'num', value, start, end: (i += m[0].length) });
      continue;
    }
    if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Fail('unclosed', start, start + 1, { open: '"', close: '"' });
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      out.push({ kind: 'str', value, start, end: i });
      continue;
    }
    if (c === '[') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Fail('unclosed', start, start + 1, { open: '[', close: ']' });
        if (text[i] === ']') {
          if (text[i + 1] === ']') {
            value += ']';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      out.push({ kind: 'field', value: value.trim(), start, end: i });
      continue;
    }
    if (NAME_START.test(c)) {
      while (i < text.length && NAME_PART.test(text[i]!)) i++;
      out.push({ kind: 'name', value: text.slice(start, i), start, end: i });
      continue;
    }
    const p = PUNCT.find((q) => text.startsWith(q, i));
    if (!p) throw new Fail('unexpectedToken', start, start + 1, { token: c });
    out.push({ kind: 'punct', value: p, start, end: (i += p.length) });
  }
  out.push({ kind: 'end', value: '', start: text.length, end: text.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parsing.

/** Binding powers, loosest first. */
const enum P {
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  Add = 5,
  Mul = 6,
  Unary = 7,
  Atom = 8,
}

const INFIX: ReadonlyMap<string, { op: string; power: P }> = new Map([
  ['ИЛИ', { op: 'or', power: P.Or }],
  ['OR', { op: 'or', power: P.Or }],
  ['И', { op: 'and', power: P.And }],
  ['AND', { op: 'and', power: P.And }],
  ['=', { op: '==', power: P.Compare }],
  ['==', { op: '==', power: P.Compare }],
  ['<>', { op: '!=', power: P.Compare }],
  ['!=', { op: '!=', power: P.Compare }],
  ['<', { op: '<', power: P.Compare }],
  ['<=', { op: '<=', power: P.Compare }],
  ['>', { op: '>', power: P.Compare }],
  ['>=', { op: '>=', power: P.Compare }],
  ['+', { op: '+', power: P.Add }],
  ['-', { op: '-', power: P.Add }],
  ['*', { op: '*', power: P.Mul }],
  ['/', { op: '/', power: P.Mul }],
]);
/** Operators whose chains flatten: `a + b + c` is one `+` with three arguments. */
const FLAT = new Set(['+', '*', 'and', 'or']);
/** Operators whose arguments are data paths (`[Field]` stands for the path, not its value). */
const PATH_ARGS = new Set(['var', 'missing', 'missing_some']);

/** A parsed piece: its JSON Logic, how deep it nests, and the flat operator chain it ends (if unparenthesized). */
interface Node {
  readonly expr: JsonValue;
  readonly depth: number;
  readonly chain?: string;
  /** Set for a bracket field read, so path arguments can take the path back. */
  readonly path?: string;
  readonly start: number;
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 12) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Each word of `short` begins a word of `long`, in order: "Фактич объём" → "Фактический объём продаж". */
function wordPrefixes(short: string, long: string): boolean {
  const words = long.split(/\s+/);
  let i = 0;
  for (const w of short.split(/\s+/)) {
    while (i < words.length && !words[i]!.startsWith(w)) i++;
    if (i++ >= words.length) return false;
  }
  return true;
}

/** The closest of `names` to `name` (without case), when it is close enough to be a likely typo. */
export function closestName(name: string, names: Iterable<string>): string | undefined {
  const want = normalizeName(name.trim());
  let best: string | undefined;
  let bestScore = Infinity;
  for (const n of names) {
    const cand = normalizeName(n);
    let score = levenshtein(want, cand);
    if (want.length >= 3 && (cand.includes(want) || wordPrefixes(want, cand))) score = Math.min(score, 1);
    if (score < bestScore) [best, bestScore] = [n, score];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.ceil(want.length / 2.5)) ? best : undefined;
}

/** Parses formula text into a Kartochka expression; an error says where and why, in `options.locale`. */
export function parseFormula(text: string, options: FormulaTextOptions): FormulaParseResult {
  const { locale } = options;
  const fail = (f: Fail): FormulaParseResult => ({
    ok: false,
    error: { code: f.code, params: f.params, start: f.start, end: f.end, message: formulaMessage(f.code, f.params, locale) },
  });
  if (text.length > MAX_FORMULA_LENGTH) return fail(new Fail('tooLong', MAX_FORMULA_LENGTH, text.length, { max: MAX_FORMULA_LENGTH }));
  try {
    const parser = new Parser(lex(text, decimalComma(locale)), options);
    return { ok: true, expr: translateOptions(parser.formula(), optionTable(options.fields), false) };
  } catch (e) {
    if (e instanceof Fail) return fail(e);
    throw e;
  }
}

class Parser {
  private pos = 0;
  private readonly fieldsByName = new Map<string, string>();

  constructor(
    private readonly toks: readonly Tok[],
    private readonly options: FormulaTextOptions,
  ) {
    for (const f of options.fields)
      if (!this.fieldsByName.has(normalizeName(f.name.trim()))) this.fieldsByName.set(normalizeName(f.name.trim()), f.pointer);
  }

  formula(): JsonValue {
    const t = this.peek();
    if (t.kind === 'end') throw new Fail('unexpectedEnd', t.start, t.end);
    const node = this.expression(P.Or, 0, false);
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest);
    return node.expr;
  }

  private peek(): Tok {
    return this.toks[this.pos]!;
  }

  private next(): Tok {
    return this.toks[this.pos++]!;
  }

  private unexpected(t: Tok): Fail {
    if (t.kind === 'end') return new Fail('unexpectedEnd', t.start, t.end);
    return new Fail('unexpectedToken', t.start, t.end, {
      token: t.kind === 'str' ? `"${t.value}"` : t.kind === 'field' ? `[${t.value}]` : t.kind === 'num' ? String(t.value) : t.value,
    });
  }

  private infixAt(t: Tok): { op: string; power: P } | undefined {
    if (t.kind === 'punct') return INFIX.get(t.value);
    if (t.kind === 'name') {
      const n = normalizeName(t.value);
      if (n === 'И' || n === 'AND' || n === 'ИЛИ' || n === 'OR') return INFIX.get(n);
    }
    return undefined;
  }

  private checkDepth(depth: number, at: Tok): void {
    if (depth > MAX_DEPTH) throw new Fail('tooDeep', at.start, at.end, { max: MAX_DEPTH });
  }

  /** Pratt loop: a prefix piece, then infix operators binding at least `min`. `inScope`: inside MAP/FILTER…'s per-element argument. */
  private expression(min: P, nesting: number, inScope: boolean): Node {
    this.checkDepth(nesting, this.peek());
    let left = this.prefix(nesting, inScope);
    for (;;) {
      const t = this.peek();
      const inf = this.infixAt(t);
      if (!inf || inf.power < min) return left;
      this.next();
      const right = this.expression((inf.power + 1) as P, nesting + 1, inScope);
      if (FLAT.has(inf.op) && left.chain === inf.op) {
        const args = [...((left.expr as Record<string, JsonValue[]>)[inf.op] as JsonValue[]), right.expr];
        left = { expr: { [inf.op]: args }, depth: Math.max(left.depth, right.depth + 1), chain: inf.op, start: left.start };
      } else {
        left = {
          expr: { [inf.op]: [left.expr, right.expr] },
          depth: Math.max(left.depth, right.depth) + 1,
          chain: inf.op,
          start: left.start,
        };
      }
      this.checkDepth(left.depth, t);
    }
  }

  private prefix(nesting: number, inScope: boolean): Node {
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { expr: t.value, depth: 0, start: t.start };
      case 'str':
        return { expr: t.value, depth: 0, start: t.start };
      case 'field':
        return this.field(t, inScope);
      case 'end':
        throw this.unexpected(t);
      case 'punct':
        if (t.value === '(') {
          const inner = this.expression(P.Or, nesting + 1, inScope);
          this.close(t, ')');
          return { expr: inner.expr, depth: inner.depth, start: t.start, path: inner.path };
        }
        if (t.value === '{') {
          const items = this.list(t, '}', nesting, inScope, () => false);
          return { expr: items.map((n) => n.expr), depth: Math.max(0, ...items.map((n) => n.depth)) + 1, start: t.start };
        }
        if (t.value === '-') {
          const n = this.peek();
          // A minus before a number is part of the number: -5 is the literal, -(5) the operation.
          if (n.kind === 'num') {
            this.next();
            return { expr: -n.value || 0, depth: 0, start: t.start };
          }
          const operand = this.expression(P.Unary, nesting + 1, inScope);
          return { expr: { '-': [operand.expr] }, depth: operand.depth + 1, start: t.start };
        }
        if (t.value === '+') {
          const operand = this.expression(P.Unary, nesting + 1, inScope);
          return { expr: { '+': [operand.expr] }, depth: operand.depth + 1, start: t.start };
        }
        throw this.unexpected(t);
      case 'name':
        return this.name(t, nesting, inScope);
    }
  }

  private close(open: Tok, close: string): void {
    const t = this.peek();
    if (t.kind === 'punct' && t.value === close) {
      this.next();
      return;
    }
    if (t.kind === 'end') throw new Fail('unclosed', open.start, open.end, { open: open.value, close });
    throw this.unexpected(t);
  }

  /** Arguments up to `close`, separated by `;` (or `,` where the comma is no decimal mark). */
  private list(open: Tok, close: string, nesting: number, inScope: boolean, scoped: (i: number) => boolean): Node[] {
    const items: Node[] = [];
    const sep = (t: Tok) => t.kind === 'punct' && (t.value === ';' || t.value === ',');
    if (this.peek().kind === 'punct' && this.peek().value === close) {
      this.next();
      return items;
    }
    for (;;) {
      items.push(this.expression(P.Or, nesting + 1, inScope || scoped(items.length)));
      const t = this.peek();
      if (sep(t)) {
        this.next();
        continue;
      }
      this.close(open, close);
      return items;
    }
  }

  private field(t: Tok & { kind: 'field' }, inScope: boolean): Node {
    const name = t.value;
    const pointer = this.fieldsByName.get(normalizeName(name));
    const path =
      pointer ?? (name === '' || name.startsWith('/') || isRelativePointer(name) || (inScope && !/[\s[\]]/.test(name)) ? name : undefined);
    if (path === undefined) {
      const suggestion = closestName(
        name,
        this.options.fields.map((f) => f.name),
      );
      throw new Fail('unknownField', t.start, t.end, { name, suggestion });
    }
    return { expr: { var: path }, depth: 1, path, start: t.start };
  }

  private name(t: Tok & { kind: 'name' }, nesting: number, inScope: boolean): Node {
    const upper = normalizeName(t.value);
    const open = this.peek();
    const isCall = open.kind === 'punct' && open.value === '(';
    if (!isCall) {
      const constant = FORMULA_CONSTANTS.find((c) => normalizeName(c.ru) === upper || normalizeName(c.en) === upper);
      if (constant) return { expr: constant.value, depth: 0, start: t.start };
      if (this.infixAt(t)) throw this.unexpected(t);
      if (upper === 'НЕ' || upper === 'NOT') {
        const operand = this.expression(P.Not, nesting + 1, inScope);
        return { expr: { '!': [operand.expr] }, depth: operand.depth + 1, start: t.start };
      }
      // Words in a row (`Количество точек * 2`) are most likely a field name without brackets.
      let end = t.end;
      let words = t.value;
      while (this.peek().kind === 'name' && !this.infixAt(this.peek())) {
        const w = this.next();
        words += ' ' + w.value;
        end = w.end;
      }
      const suggestion = closestName(
        words,
        this.options.fields.map((f) => f.name),
      );
      throw new Fail('bareName', t.start, end, { name: words, suggestion });
    }
    const fn = functionByName(t.value);
    if (!fn) {
      throw new Fail('unknownFunction', t.start, t.end, {
        name: t.value,
        suggestion: closestName(t.value, allFunctionNames(this.options.locale)),
      });
    }
    this.next();
    const scoped = (i: number) => i === 1 && ['map', 'filter', 'all', 'some', 'none', 'reduce'].includes(fn.op);
    const args = this.list(open, ')', nesting, inScope, scoped);
    const { min, max } = arityOf(fn.op)!;
    if (args.length < min || args.length > max) {
      const want = min === max ? `${min}` : max === Infinity ? `≥ ${min}` : `${min}–${max}`;
      throw new Fail('argumentCount', t.start, this.toks[this.pos - 1]!.end, { name: t.value, want, got: args.length });
    }
    const depth = Math.max(0, ...args.map((a) => a.depth)) + 1;
    if (PATH_ARGS.has(fn.op)) return { expr: { [fn.op]: this.pathArgs(fn.op, args, t) }, depth, start: t.start };
    return { expr: { [fn.op]: args.map((a) => a.expr) }, depth, start: t.start };
  }

  /** `ПОЛЕ([A]; 0)`, `НЕ_ЗАПОЛНЕНО([A]; [B])`: a bracket stands for its path; lists of them too. */
  private pathArgs(op: string, args: Node[], t: Tok): JsonValue[] {
    const asPath = (n: Node): JsonValue => {
      if (n.path !== undefined) return n.path;
      if (typeof n.expr === 'string' || typeof n.expr === 'number') return n.expr;
      throw new Fail('fieldArgument', n.start, n.start + 1, { name: t.kind === 'name' ? t.value : op });
    };
    const asPaths = (n: Node): JsonValue => (Array.isArray(n.expr) ? (n.expr as JsonValue[]).map((e) => pathOfExpr(e) ?? e) : asPath(n));
    if (op === 'var') return args.length > 1 ? [asPath(args[0]!), args[1]!.expr] : [asPath(args[0]!)];
    if (op === 'missing') return args.map(asPaths);
    return [args[0]!.expr, asPaths(args[1]!)];
  }
}

/** The path of a bracket read inside an array literal (`{[A]; [B]}` in MISSING_SOME). */
function pathOfExpr(e: JsonValue): string | undefined {
  if (e && typeof e === 'object' && !Array.isArray(e)) {
    const keys = Object.keys(e);
    const v = (e as Record<string, JsonValue>).var;
    if (keys.length === 1 && typeof v === 'string') return v;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Printing.

/** Thrown by {@link printFormula} for what the syntax can't say (an object that is no operation). */
export class FormulaPrintError extends Error {
  override name = 'FormulaPrintError';
}

const POWER: Readonly<Record<string, P>> = {
  or: P.Or,
  and: P.And,
  '==': P.Compare,
  '!=': P.Compare,
  '<': P.Compare,
  '<=': P.Compare,
  '>': P.Compare,
  '>=': P.Compare,
  '+': P.Add,
  '-': P.Add,
  '*': P.Mul,
  '/': P.Mul,
};
const SYMBOL: Readonly<Record<string, string>> = {
  '==': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
};

/**
 * Prints an expression in the formula syntax of `options.locale`, naming fields by their titles.
 * Throws {@link FormulaPrintError} for what only JSON can say (then show the JSON).
 */
export function printFormula(stored: JsonValue, options: FormulaTextOptions): string {
  const { locale } = options;
  const expr = translateOptions(stored, optionTable(options.fields), true);
  const ru = usesRussianNames(locale);
  const comma = decimalComma(locale);
  const titles = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const f of options.fields) counts.set(normalizeName(f.name.trim()), (counts.get(normalizeName(f.name.trim())) ?? 0) + 1);
  for (const f of options.fields) {
    // A title two fields share would read back as the first: name the other by its pointer.
    if (f.name.trim() && counts.get(normalizeName(f.name.trim())) === 1 && !titles.has(f.pointer)) titles.set(f.pointer, f.name.trim());
  }
  const titled = new Set([...titles.values()].map(normalizeName));
  const bracket = (s: string) => `[${s.replace(/]/g, ']]')}]`;
  const fieldText = (path: JsonValue): string => {
    if (typeof path === 'string') {
      const title = titles.get(path);
      if (title !== undefined) return bracket(title);
      if (!titled.has(normalizeName(path.trim())) && path.trim() === path && !/[[\]]/.test(path)) return bracket(path);
    }
    // A path that would read back as a field's title (or as something else): the function form.
    return call('var', [value(path, P.Or, 0)]);
  };
  const num = (n: number): string => {
    const s = String(n);
    return comma ? s.replace('.', ',') : s;
  };
  const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const sep = '; ';
  const call = (op: string, parts: string[]) => `${functionName(functionByOp(op)!, locale)}(${parts.join(sep)})`;
  const word = (op: 'and' | 'or') => (ru ? (op === 'and' ? 'И' : 'ИЛИ') : op === 'and' ? 'AND' : 'OR');

  function value(node: JsonValue, min: P, depth: number): string {
    if (depth > MAX_DEPTH) throw new FormulaPrintError(`Expression is nested deeper than ${MAX_DEPTH} levels.`);
    if (node === null) return ru ? 'ПУСТО' : 'NULL';
    if (node === true) return ru ? 'ИСТИНА' : 'TRUE';
    if (node === false) return ru ? 'ЛОЖЬ' : 'FALSE';
    if (typeof node === 'number') return node < 0 && min > P.Unary ? `(${num(node)})` : num(node);
    if (typeof node === 'string') return str(node);
    if (Array.isArray(node)) return `{${node.map((n) => value(n, P.Or, depth + 1)).join(sep)}}`;
    const keys = Object.keys(node);
    const op = keys[0];
    if (keys.length !== 1 || op === undefined || !functionByOp(op))
      throw new FormulaPrintError(`Not an operation: ${JSON.stringify(node).slice(0, 80)}`);
    const raw = node[op]!;
    if (op === 'var' && !Array.isArray(raw)) return fieldText(raw);
    const args = Array.isArray(raw) ? raw : [raw];
    const arity = arityOf(op)!;
    if (args.length < arity.min || args.length > arity.max) throw new FormulaPrintError(`Operator "${op}" with ${args.length} arguments.`);
    const sub = (n: JsonValue, m: P = P.Or) => value(n, m, depth + 1);
    const wrap = (text: string, power: P) => (power < min ? `(${text})` : text);

    if (op === 'var') return call(op, [fieldText(args[0]!), ...args.slice(1).map((a) => sub(a))]);
    if (op === 'missing')
      return call(
        op,
        args.map((a) => (Array.isArray(a) ? `{${a.map(fieldText).join(sep)}}` : fieldText(a))),
      );
    if (op === 'missing_some') {
      const list = args[1]!;
      return call(op, [sub(args[0]!), Array.isArray(list) ? `{${list.map(fieldText).join(sep)}}` : sub(list)]);
    }
    if ((op === 'and' || op === 'or') && args.length >= 2) {
      const p = POWER[op]!;
      // The first argument may be a chain of another operator; one of the same would merge into this one.
      const first = isOp(args[0]!, op) ? `(${sub(args[0]!)})` : sub(args[0]!, p);
      return wrap([first, ...args.slice(1).map((a) => sub(a, p + 1))].join(` ${word(op)} `), p);
    }
    if ((op === '+' || op === '*') && args.length >= 2) {
      const p = POWER[op]!;
      const first = isOp(args[0]!, op) ? `(${sub(args[0]!)})` : sub(args[0]!, p);
      return wrap([first, ...args.slice(1).map((a) => sub(a, p + 1))].join(` ${SYMBOL[op]} `), p);
    }
    if (op in SYMBOL && args.length === 2) {
      const p = POWER[op]!;
      return wrap(`${sub(args[0]!, p)} ${SYMBOL[op]} ${sub(args[1]!, p + 1)}`, p);
    }
    if ((op === '-' || op === '+') && args.length === 1) {
      const a = args[0]!;
      // -(5) stays an operation: -5 would read back as the number.
      return wrap(`${op}${typeof a === 'number' ? `(${sub(a)})` : sub(a, P.Unary)}`, P.Unary);
    }
    return call(
      op,
      args.map((a) => sub(a)),
    );
  }

  return value(expr, P.Or, 0);
}

const isOp = (node: JsonValue, op: string): boolean =>
  !!node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 1 && op in node;

/** The error of a printed formula (what the builder shows when only JSON can say it), in `locale`. */
export function unprintableMessage(locale: string): string {
  return formulaMessage('unprintable', {}, locale);
}
