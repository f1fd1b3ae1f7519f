/**
 * Where FormController and the schema matcher find the run-time compiler (ajv, ajv-formats:
 * compiler.ts) and the RE2 engine of schema patterns (regexp.ts) without importing them.
 * Importing validator.ts (the package root does) registers both; a bundled page that never
 * imports it gets them on demand through `loadValidationRuntime(schema)`, dynamic imports and so
 * chunks of their own — the RE2 engine only when the schema has a `pattern` or
 * `patternProperties`. A card whose validator is precompiled, and whose schema has no
 * conditionals, never loads either. The schema matcher (schema/matcher.ts: conditionals and
 * branches matched against the data with ajv) comes with the compiler, through `matchesSubschema`.
 */
import type { Ajv } from './ajv.js';
import type { PrecompiledValidator } from './errors.js';
import { registerRequisiteChecks, type RequisiteChecks } from './requisites-runtime.js';
import type { JsonSchema, JsonValue, Locale, ValidationResult } from '../types.js';
import type { SchemaContext } from '../schema/context.js';
import { someSubschema } from '../schema/dialect.js';

type AjvClass = new (opts?: Record<string, unknown>) => Ajv;

export interface ValidationRuntime {
  compileSchema(schema: JsonSchema): PrecompiledValidator;
  /** `validate()` of the package root: for code that loads the compiler on demand (`<kc-duplicates>`). */
  validate(schema: JsonSchema, data: unknown, locale?: Locale): ValidationResult;
  Ajv2020: AjvClass;
  AjvDraft07: AjvClass;
  /** ajv-formats' formats and Kartochka's own (`phone`, `ru-inn`…). */
  addFormats(ajv: Ajv): unknown;
  /** schema/matcher.ts's `matches`: it compiles with ajv, so it comes with the compiler. */
  matches(ctx: SchemaContext, schema: JsonSchema | undefined, data: JsonValue | undefined): boolean;
  /** The Russian requisite checks, which the compiler has (requisites-runtime.ts). */
  requisites: RequisiteChecks;
}

/** The module standalone validators import `linearRegExp` (the RE2 engine) from. */
export const REGEXP_MODULE = '@kartochka/core/regexp';

type PatternEngine = (pattern: string, flags: string) => { test(s: string): boolean };

let runtime: ValidationRuntime | undefined;
let loading: Promise<ValidationRuntime> | undefined;
let patternEngine: PatternEngine | undefined;
let loadingPatterns: Promise<unknown> | undefined;

/** Called by compiler.ts when it is loaded. */
export function registerValidationRuntime(r: ValidationRuntime): void {
  runtime ??= r;
  registerRequisiteChecks(r.requisites);
}

/** Called by validator.ts (the package root's validation) and by loadValidationRuntime: regexp.ts's `linearRegExp`. */
export function registerPatternEngine(engine: PatternEngine): void {
  patternEngine ??= engine;
}

/**
 * What ajv compiles schema patterns with (compiler.ts): the registered RE2 engine. Before it is
 * registered a pattern cannot be compiled, and compiling the schema fails; loadValidationRuntime
 * loads it first for any schema that has one. `code` is what standalone modules import.
 */
export const patternRegExp = Object.assign(
  (pattern: string, flags: string) => {
    if (!patternEngine) throw new Error('Schema patterns need the RE2 engine: call loadValidationRuntime(schema) first.');
    return patternEngine(pattern, flags);
  },
  { code: `require(${JSON.stringify(REGEXP_MODULE)}).linearRegExp` },
);

const patternsOf = new WeakMap<object, boolean>();

/** Whether `schema` has a `pattern` or `patternProperties` anywhere (compiling it needs the RE2 engine). */
export function schemaHasPatterns(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  let has = patternsOf.get(schema);
  if (has === undefined)
    patternsOf.set(
      schema,
      (has = someSubschema(
        schema,
        (s) => typeof s.pattern === 'string' || (!!s.patternProperties && typeof s.patternProperties === 'object'),
      )),
    );
  return has;
}

/**
 * The run-time compiler, when it has been loaded — and, given a schema, when it can compile that
 * schema now (a schema with patterns also needs the RE2 engine).
 */
export function validationRuntime(schema?: JsonSchema): ValidationRuntime | undefined {
  if (schema !== undefined && runtime && !patternEngine && schemaHasPatterns(schema)) return undefined;
  return runtime;
}

/**
 * Loads the run-time compiler (once), and the RE2 engine when `schema` has patterns, and resolves
 * with it. A load that failed (offline, a chunk gone) is forgotten: the next call imports again.
 * Whether that fetches again is the browser's: Chromium 156 keeps a failed module fetch failed
 * for the page, where the HTML standard (whatwg/html#10327) and Node do not.
 */
export function loadValidationRuntime(schema?: JsonSchema): Promise<ValidationRuntime> {
  const patterns = !patternEngine && schemaHasPatterns(schema);
  if (runtime && !patterns) return Promise.resolve(runtime);
  // Uses the modules' exports rather than relying on their registration statements: bundlers
  // drop the side effects of a package that declares none.
  const compiler = runtime
    ? Promise.resolve(runtime)
    : (loading ??= import('./compiler.js').then(
        (m) => {
          registerValidationRuntime(m.validationRuntimeImpl);
          return runtime!;
        },
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      ));
  if (!patterns) return compiler;
  loadingPatterns ??= import('./regexp.js').then(
    (m) => registerPatternEngine(m.linearRegExp),
    (e: unknown) => {
      loadingPatterns = undefined;
      throw e;
    },
  );
  return Promise.all([compiler, loadingPatterns]).then(() => runtime!);
}

/**
 * Whether `data` is valid against a subschema, for conditionals and branches (schema/effective.ts,
 * branches.ts): the matcher (schema/matcher.ts) when the run-time compiler is loaded — it comes
 * with it, so a bundle that never loads ajv does not carry the matcher either. Until then the
 * answer is the matcher's own without ajv: `true` and an absent schema match, no other does.
 */
export function matchesSubschema(ctx: SchemaContext, schema: JsonSchema | undefined, data: JsonValue | undefined): boolean {
  if (runtime) return runtime.matches(ctx, schema, data);
  return schema === undefined || schema === true;
}

/** Keywords whose evaluation needs the run-time matcher (schema/matcher.ts) to build a form. */
const CONDITIONAL = ['if', 'oneOf', 'anyOf', 'dependentSchemas', 'dependencies', 'not', 'contains'];

/**
 * Whether building a form for `schema` may evaluate subschemas against data (conditionals and
 * alternatives), which needs the run-time compiler loaded first. A plain schema does not.
 */
export function schemaNeedsMatcher(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  // Asked before every update of a card (card/chunks.ts): one look per schema object.
  let needs = matcherNeeded.get(schema);
  if (needs === undefined) matcherNeeded.set(schema, (needs = someSubschema(schema, (s) => CONDITIONAL.some((k) => s[k] !== undefined))));
  return needs;
}

const matcherNeeded = new WeakMap<object, boolean>();
