/**
 * Validation errors as data, and what a validator is — the part of validation that needs no ajv,
 * so a page whose validators are precompiled (or not compiled yet: paint first) does not load the
 * compiler. The run-time compiler is validator.ts, reached through runtime.ts.
 */
import type { ErrorObject } from 'ajv';
import type { FieldError, JsonSchemaObject, Locale } from '../types.js';
import { getAt, joinPointer } from '../pointer.js';
import { requisiteChecks } from './requisites-runtime.js';
import { validationMessage } from '../i18n/validation-messages.js';

/** Thrown only for a schema ajv cannot compile; the message says where. */
export class SchemaCompileError extends Error {
  override readonly name = 'SchemaCompileError';
  constructor(readonly detail: string) {
    super(`The schema cannot be compiled: ${detail}`);
  }
}

/**
 * Thrown when ajv cannot compile on this page at all: it generates validators with `new Function`,
 * which a Content Security Policy without `'unsafe-eval'` forbids. Not the schema's fault; pass a
 * validator precompiled with ajv's standalone mode instead (docs/schema.md, "Strict CSP").
 */
export class ValidationUnavailableError extends Error {
  override readonly name = 'ValidationUnavailableError';
  constructor(readonly detail: string) {
    super(`Validation is unavailable on this page: ${detail}`);
  }
}

/** A validator compiled ahead of time (ajv standalone), or any function with ajv's interface. */
export type PrecompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Where an ajv error should be shown: `required` points at the missing field, not its parent. */
export function errorPath(e: ErrorObject): string {
  const missing = (e.params as { missingProperty?: string }).missingProperty;
  if ((e.keyword === 'required' || e.keyword === 'dependentRequired' || e.keyword === 'dependencies') && missing !== undefined) {
    return joinPointer(e.instancePath, missing);
  }
  return e.instancePath;
}

/** The message for an ajv error: the schema's own `x-errorMessage`, else ours in `locale`. */
export function errorMessage(e: ErrorObject, locale: Locale): string {
  let owner = e.parentSchema as JsonSchemaObject | undefined;
  if (e.keyword === 'required' || e.keyword === 'dependentRequired') {
    // The message belongs to the missing field's own schema.
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    const child = missing !== undefined ? owner?.properties?.[missing] : undefined;
    if (child && typeof child === 'object') owner = child;
  }
  const custom = owner?.['x-errorMessage'];
  const pick = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object') {
      const byLocale = (v as Record<string, unknown>)[locale];
      if (typeof byLocale === 'string') return byLocale;
    }
    return undefined;
  };
  if (custom !== undefined) {
    if (typeof custom === 'string') return custom;
    const perKeyword = pick((custom as Record<string, unknown>)[e.keyword]);
    if (perKeyword) return perKeyword;
    const all = pick(custom);
    if (all) return all;
  }
  return validationMessage(locale, e.keyword, e.params as Record<string, unknown>);
}

// Umbrella errors restate a failure already reported by the branch that caused it.
const UMBRELLA = new Set(['if', 'then', 'else', '$ref', 'allOf']);

/**
 * An error's params, plus `problem` for a `ru-*` format that can say what is wrong with the value
 * (its length or its check digit): the data is needed for that, and non-verbose errors lack it.
 * The checks are loaded before a schema that uses them is validated (requisites-runtime.ts).
 */
function paramsOf(e: ErrorObject, data: unknown): Record<string, unknown> {
  const params = e.params as Record<string, unknown>;
  if (e.keyword !== 'format' || data === undefined) return params;
  const problem = requisiteChecks()?.requisiteProblem(params.format, getAt(data, e.instancePath));
  return problem ? { ...params, problem } : params;
}

/**
 * Converts ajv's errors to ours, dropping umbrella duplicates. `data` (what was validated) lets a
 * requisite's message say what is wrong with it rather than only that it is wrong.
 */
export function toFieldErrors(errors: readonly ErrorObject[] | null | undefined, locale: Locale, data?: unknown): FieldError[] {
  if (!errors) return [];
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (UMBRELLA.has(e.keyword)) continue;
    const path = errorPath(e);
    const key = `${path}\u0000${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = paramsOf(e, data);
    const withProblem = params === e.params ? e : { ...e, params };
    out.push({ path, keyword: e.keyword, message: errorMessage(withProblem as ErrorObject, locale), source: 'schema', params });
  }
  return out;
}

/** Groups errors by field path. */
export function groupErrors(errors: readonly FieldError[]): Map<string, FieldError[]> {
  const map = new Map<string, FieldError[]>();
  for (const e of errors) {
    const list = map.get(e.path);
    if (list) list.push(e);
    else map.set(e.path, [e]);
  }
  return map;
}

/**
 * Whether a schema has an `x-errorMessage` anywhere: the one thing errorMessage() reads from an
 * error's `parentSchema`. Validators of schemas without one are compiled without ajv's `verbose`
 * (no schema, parent schema and data on each error): the same messages, and a third less code.
 */
export function needsVerboseErrors(schema: unknown): boolean {
  const seen = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (!v || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(walk);
    if (Object.prototype.hasOwnProperty.call(v, 'x-errorMessage')) return true;
    return Object.values(v).some(walk);
  };
  return walk(schema);
}
