/**
 * The dry run of an import, one row at a time: the row's cells converted by their fields, written
 * over a new card or over the card that has the same key (INN, email…), and checked with the card's
 * own validator (`validate`, the same the form and the server run) and its rules, as the card would
 * (formulas fill computed fields; a field a rule requires must be filled; a field a rule hides is not
 * held against the row). Each row becomes a create, an
 * update, a skip or a refusal that says why. Nothing is stored here; the UI slices the rows so the
 * page never freezes, and hands the plan to the writer.
 */
import type { FieldError, JsonSchema, JsonValue, Locale } from '../types.js';
import type { PrecompiledValidator } from '../validation/errors.js';
import { getAt, setAt } from '../pointer.js';
import { validate } from '../validation/validator.js';
import { createSchemaContext } from '../schema/context.js';
import { RulesRuntime } from '../form/rules-runtime.js';
import type { RuleSpec } from '../rules/index.js';
import { convertCell, foldLabel, normalizePhone, type Cell, type ConvertErrorCode } from './convert.js';
import type { ImportField } from './fields.js';

/** A stored card the import may update. */
export interface ExistingCard {
  id: string;
  revision: number;
  data: JsonValue;
}

/** Why a row, or one of its cells, was refused or skipped. */
export interface ImportProblem {
  /** The field concerned (a pointer into the card), when there is one. */
  pointer?: string;
  /** The column of the table (0-based), when a cell is concerned. */
  column?: number;
  /** A code the UI words (`notADate`, `duplicateInFile`, `keyMissing`…), or `validation`. */
  code: ConvertErrorCode | 'validation' | 'duplicateInFile' | 'keyMissing' | 'exists' | 'empty';
  /** The validator's message (code `validation`), in the import's language. */
  message?: string;
  /** The cell's text, or the row the key was first seen in. */
  text?: string;
}

export type ImportAction = 'create' | 'update' | 'skip' | 'refuse';

/** One row of the plan. */
export interface PlannedRow {
  /** The row's number in the file (1-based, as a spreadsheet shows it). */
  line: number;
  action: ImportAction;
  /** The card's id: a new one for a create, the stored card's for an update. */
  id?: string;
  /** The data to store (create/update). */
  data?: JsonValue;
  /** The stored revision an update is made over. */
  revision?: number;
  /** The key's value, as read. */
  key?: string;
  problems: ImportProblem[];
}

export interface PlanOptions {
  schema: JsonSchema;
  /** The schema's validator compiled ahead of time (a template's `loadValidator()`), else it is compiled here once. */
  validator?: PrecompiledValidator;
  fields: readonly ImportField[];
  /** Each column's field pointer, or undefined to leave the column out. */
  mapping: readonly (string | undefined)[];
  /** The field that finds the card to update (a pointer); none: every row creates. */
  key?: string;
  /** How key values compare (default {@link keyOf}); an `x-unique` field's is `@kartochka/core/unique`'s. */
  keyOf?: (value: JsonValue | undefined) => string | undefined;
  /** Stored cards by the `keyOf` of their key value. */
  existing?: ReadonlyMap<string, ExistingCard>;
  /** What to do with a row whose key is already stored: update that card (default) or skip the row. */
  onExisting?: 'update' | 'skip';
  locale?: Locale;
  /** The id of a new card (default: `imp-` + time + counter). */
  newId?: () => string;
  /** The data a new card starts from (its defaults); default `{}`. */
  blank?: () => JsonValue;
  /** Rules beside the schema's own `x-rules`/`x-formula` (a layout's), as the card is given them. */
  rules?: readonly RuleSpec[];
}

/** A key value as compared: folded case, `ё` as `е`, no spaces; phone numbers by their digits. */
export function keyOf(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const phone = /^[\d\s()+\-.]{6,}$/.test(text) ? normalizePhone(text) : undefined;
  if (phone) return phone.replace(/\D/g, '');
  return foldLabel(text).replace(/\s+/g, '');
}

/** Plans rows one by one: the UI calls {@link ImportPlanner.plan} in slices between frames. */
export class ImportPlanner {
  readonly #o: PlanOptions;
  readonly #byPointer: Map<string, ImportField>;
  /** Keys seen earlier in this file → the line that had them. */
  readonly #seen = new Map<string, number>();
  #counter = 0;
  readonly #stamp = Date.now().toString(36);
  /** The card's rules and formulas, when its schema has any; they read the row being planned. */
  readonly #rules: RulesRuntime | undefined;
  #row: JsonValue | undefined;

  constructor(options: PlanOptions) {
    this.#o = options;
    this.#byPointer = new Map(options.fields.map((f) => [f.pointer, f]));
    const rules = new RulesRuntime(createSchemaContext(options.schema), options.rules ?? [], () => this.#row);
    this.#rules = rules.active ? rules : undefined;
  }

  /** Runs the rules over a row's data: computed fields filled in, the rules' flags set for it. */
  #applyRules(data: JsonValue): JsonValue {
    const rules = this.#rules;
    if (!rules) return data;
    this.#row = data;
    rules.reset();
    rules.runAll((pointer, value) => (this.#row = setAt(this.#row, pointer, value)));
    return this.#row;
  }

  /** The validator's errors as the card shows them: a rule's required field added, hidden fields' left out. */
  #errorsOf(data: JsonValue): FieldError[] {
    const errors = validate(this.#o.schema, data, this.#o.locale ?? 'en', this.#o.validator).errors;
    if (!this.#rules) return errors;
    const byPath = new Map<string, FieldError[]>();
    for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
    this.#rules.adjustErrors(byPath, this.#o.locale ?? 'en');
    return [...byPath.values()].flat();
  }

  #newId(): string {
    return this.#o.newId ? this.#o.newId() : `imp-${this.#stamp}-${(++this.#counter).toString(36)}`;
  }

  /** The plan for one data row (`line`: its number in the file). */
  plan(cells: readonly Cell[], line: number): PlannedRow {
    const o = this.#o;
    const problems: ImportProblem[] = [];
    const values: [string, JsonValue][] = [];
    o.mapping.forEach((pointer, column) => {
      if (!pointer) return;
      const field = this.#byPointer.get(pointer);
      if (!field) return;
      // A list's first item (`…/phones/0/number`) takes several values from one cell: «+7 495 …; +7 916 …».
      const cell = cells[column];
      const item = listItemOf(pointer);
      const parts = item && typeof cell === 'string' && /[;\n]/.test(cell) ? cell.split(/\s*[;\n]\s*/).filter(Boolean) : [cell];
      parts.forEach((part, i) => {
        const at = i === 0 || !item ? pointer : `${item.list}/${i}${item.rest}`;
        const r = convertCell(part, field);
        if ('error' in r) problems.push({ pointer: at, column, code: r.error, text: r.text });
        else if ('value' in r) values.push([at, r.value]);
      });
    });
    if (!values.length && !problems.length) return { line, action: 'skip', problems: [{ code: 'empty' }] };

    let key: string | undefined;
    let existing: ExistingCard | undefined;
    if (o.key) {
      const raw = values.find(([p]) => p === o.key)?.[1];
      key = (o.keyOf ?? keyOf)(raw);
      if (key === undefined) {
        if (!problems.some((p) => p.pointer === o.key)) problems.push({ pointer: o.key, code: 'keyMissing' });
      } else {
        const first = this.#seen.get(key);
        if (first !== undefined) problems.push({ pointer: o.key, code: 'duplicateInFile', text: String(first) });
        else this.#seen.set(key, line);
        existing = o.existing?.get(key);
      }
    }
    if (existing && o.onExisting === 'skip' && !problems.length)
      return { line, action: 'skip', id: existing.id, key, problems: [{ pointer: o.key, code: 'exists' }] };

    let data: JsonValue = existing ? existing.data : (o.blank?.() ?? {});
    for (const [pointer, value] of values) data = setAt(data, pointer, value);
    data = this.#applyRules(data);
    // Every reason at once: the validator runs even when a cell was not read (its field then left out).
    const unread = new Set(problems.map((p) => p.pointer).filter(Boolean));
    for (const e of this.#errorsOf(data)) {
      if ([...unread].some((p) => e.path === p || e.path.startsWith(p + '/'))) continue;
      const column = o.mapping.findIndex((p) => p !== undefined && (e.path === p || e.path.startsWith(p + '/')));
      problems.push({
        pointer: e.path || undefined,
        column: column >= 0 ? column : undefined,
        code: 'validation',
        message: e.message,
        text: column >= 0 ? stringOf(getAt(data, e.path)) : undefined,
      });
    }
    if (problems.length) return { line, action: 'refuse', key, problems };
    return existing
      ? { line, action: 'update', id: existing.id, revision: existing.revision, data, key, problems }
      : { line, action: 'create', id: this.#newId(), data, key, problems };
  }
}

/** A pointer into a list's first item, split at that item: `/a/phones/0/number` → `{list: '/a/phones', rest: '/number'}`. */
export function listItemOf(pointer: string): { list: string; rest: string } | undefined {
  const i = pointer.lastIndexOf('/0/');
  return i < 0 ? undefined : { list: pointer.slice(0, i), rest: pointer.slice(i + 2) };
}

const stringOf = (v: JsonValue | undefined) => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

/** Counts of a plan by action. */
export function planCounts(rows: readonly PlannedRow[]): Record<ImportAction, number> {
  const out: Record<ImportAction, number> = { create: 0, update: 0, skip: 0, refuse: 0 };
  for (const r of rows) out[r.action]++;
  return out;
}
