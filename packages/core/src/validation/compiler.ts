/**
 * Validation with ajv: each schema is compiled once and cached (by object, then by content, in a
 * bounded cache: compile-cache.ts), then reused for every keystroke. Errors come back as data, `{path, keyword, message,
 * source}`, with `path` the JSON Pointer of the field the user has to fix.
 *
 * This module does not import the RE2 engine of schema patterns (regexp.ts, re2js: ~44 KB
 * gzipped): it runs patterns on the engine registered in runtime.ts. validator.ts, what the
 * package root exports, registers it first; a card's on-demand compiler (loadValidationRuntime)
 * loads it only for schemas that have a `pattern` or `patternProperties`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { JsonSchema, Locale, ValidationResult } from '../types.js';
import { Ajv2020, AjvDraft07, addFormats, type Ajv } from './ajv.js';
import { PHONE_PATTERN } from './phone.js';
import { KARTOCHKA_FORMATS } from './kartochka-formats.js';
import { SchemaCompileError, ValidationUnavailableError, needsVerboseErrors, toFieldErrors } from './errors.js';
import { patternRegExp, registerValidationRuntime } from './runtime.js';
import { linearRegExp as nativeRegExp } from './native-regexp.js';
import { cachedValidator } from './compile-cache.js';
import { bikCheckErrors, collectBikChecks } from './bik-check.js';
import { requisiteChecksImpl } from './requisites.js';
import { ajvInput, type AjvInput } from './drafts.js';
import { isOlderDraft, schemaDialect } from '../schema/dialect.js';
import { matches } from '../schema/matcher.js';

export { PHONE_PATTERN };
export {
  SchemaCompileError,
  ValidationUnavailableError,
  errorPath,
  errorMessage,
  toFieldErrors,
  groupErrors,
  type PrecompiledValidator,
} from './errors.js';
import type { PrecompiledValidator } from './errors.js';

const KEYWORDS_OF_OURS = [
  'x-widget',
  'x-errorMessage',
  'x-rules',
  'x-formula',
  'x-reminder',
  'x-enumTitles',
  'x-enumNames',
  'x-order',
  'x-bik',
  'x-unique',
];

/**
 * ajv logs the whole generated function before it rethrows a compile failure; the failure reaches
 * the caller as SchemaCompileError / ValidationUnavailableError already, and under a strict CSP
 * every card would print pages of code. Its warnings (unknown formats…) still go to the console.
 */
const quietCompileFailures = {
  log: (...args: unknown[]) => console.log(...args),
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Error compiling schema'))) console.error(...args);
  },
};

/** A configured ajv: the options, formats and keywords every Kartochka validator is built with. */
export function makeAjv(draft07: boolean, extra: Record<string, unknown> = {}): Ajv {
  // strict: false — schemas from other tools carry unknown keywords; they must still validate.
  // verbose: true — errors carry their parentSchema, where x-errorMessage lives (compileSchema and
  // precompileValidator turn it off for schemas that have none: needsVerboseErrors).
  // compileSchema and precompileValidator also pass messages: false: a card's errors get our
  // messages in the user's language (errors.ts) from keyword and params, never ajv's English
  // `message`, whose text would be generated code in every validator. The meta-schema checks keep
  // ajv's messages (errorsText in a SchemaCompileError).
  // code.regExp — schema patterns run on RE2, in linear time (regexp.ts, through the engine
  // registered in runtime.ts); `extra.code` keeps it.
  const code = { regExp: patternRegExp, ...(extra.code as object | undefined) };
  const ajv = new (draft07 ? AjvDraft07 : Ajv2020)({
    allErrors: true,
    strict: false,
    verbose: true,
    validateFormats: true,
    logger: quietCompileFailures,
    ...extra,
    code,
  });
  addAllFormats(ajv);
  for (const k of KEYWORDS_OF_OURS) if (!ajv.getKeyword(k)) ajv.addKeyword(k);
  return ajv;
}

let ajv2020: Ajv | undefined;
let ajv07: Ajv | undefined;

/** Whether `schema` is validated as draft-04 … draft-07 (declared by `$schema` or read from its syntax). */
export function isDraft07(schema: JsonSchema): boolean {
  return isOlderDraft(schemaDialect(schema));
}

/**
 * The shared ajv of a schema's draft, for checking schemas against the meta-schema
 * (`validateSchema`). Validators are not compiled here: each has its own instance (compileSchema).
 */
export function ajvFor(schema: JsonSchema): Ajv {
  return sharedAjv(isDraft07(schema));
}

// The meta-schemas' own patterns (`$anchor`…) are fixed, short and linear: the browser's RegExp
// runs them (as the layout document's, native-regexp.ts), so checking a schema never needs RE2.
const metaAjv = (draft07: boolean): Ajv => makeAjv(draft07, { code: { regExp: nativeRegExp } });
const sharedAjv = (draft07: boolean): Ajv => (draft07 ? (ajv07 ??= metaAjv(true)) : (ajv2020 ??= metaAjv(false)));

/**
 * The meta-schema errors of `schema` under its draft (as ajv reports them), `[]` when it is a
 * valid schema. A draft-04 schema is checked in the converted form it is validated with.
 */
export function metaSchemaErrors(schema: JsonSchema): ErrorObject[] {
  return metaErrors(ajvInput(schema));
}

function metaErrors(input: AjvInput, meta: Ajv = sharedAjv(input.draft07)): ErrorObject[] {
  return typeof input.schema !== 'object' || meta.validateSchema(input.schema) ? [] : [...(meta.errors ?? [])];
}

/**
 * The meta-schema checker of one compile: the shared one when something already keeps it
 * (`metaSchemaErrors`: the builder's JSON view checks on every edit, the CLI), else one of its own,
 * dropped with the compile. A card compiles its schema once; keeping the meta-schema's compiled
 * validators for the page's life (their generated sources, bytecode and machine code, ajv's
 * schema environments: ~0.3 MB of JS heap, a fifth of a 50-field card's; issue 15) costs more
 * than compiling them again for the next new schema (tens of milliseconds, after the first paint).
 */
function compileChecker(draft07: boolean): Ajv {
  return (draft07 ? ajv07 : ajv2020) ?? metaAjv(draft07);
}

/** Whether a shared meta-schema checker is kept (for tests: compiles alone must not keep one). */
export function schemaCheckerKept(): boolean {
  return ajv2020 !== undefined || ajv07 !== undefined;
}

/** An EvalError (CSP, or Node's --disallow-code-generation-from-strings) is the page's policy, not the schema. */
function isCodeGenerationBlocked(e: unknown): boolean {
  if (e instanceof EvalError) return true;
  const message = e instanceof Error ? e.message : String(e);
  return /unsafe-eval|Content Security Policy|Code generation from strings disallowed/i.test(message);
}

/**
 * Compiles `schema` once: later calls with the same object, or an equal one, get the cached function
 * (compile-cache.ts). Each validator has an ajv instance of its own, dropped with it: a shared
 * instance keeps everything it ever compiled. The schema is checked against its meta-schema first
 * (see compileChecker).
 */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  return cachedValidator(schema, () => {
    const input = ajvInput(schema);
    try {
      const checker = compileChecker(input.draft07);
      const problems = metaErrors(input, checker);
      if (problems.length) throw new Error(`schema is invalid: ${checker.errorsText(problems)}`);
      // A malformed x-bik is the schema's fault too: refused here (publish, the card's schemaError), not at every save.
      collectBikChecks(schema);
      return makeAjv(input.draft07, { validateSchema: false, messages: false, verbose: needsVerboseErrors(input.schema) }).compile(
        input.schema as object,
      );
    } catch (e) {
      if (isCodeGenerationBlocked(e)) throw new ValidationUnavailableError((e as Error).message);
      throw new SchemaCompileError((e as Error).message);
    }
  });
}

/** Validates `data` against `schema` (compiled once, or with its `precompiled` validator) and returns the errors as data. */
export function validate(schema: JsonSchema, data: unknown, locale: Locale = 'en', precompiled?: PrecompiledValidator): ValidationResult {
  // A validator compiled ahead of time for this schema (a template's) skips the compile: a big
  // schema's takes a second, one long task that an import of 10,000 rows must not have.
  const fn = precompiled ?? compileSchema(schema);
  const ajvValid = fn(data) as boolean;
  // Accounts against their BIK (x-bik, bik-check.ts): a check across two fields, after ajv's.
  const errors = [...(ajvValid ? [] : toFieldErrors(fn.errors, locale, data)), ...bikCheckErrors(collectBikChecks(schema), data, locale)];
  return { valid: errors.length === 0, errors };
}

/** ajv-formats' formats and the ones Kartochka adds (the schema matcher's ajv has the same as validators'). */
function addAllFormats(ajv: Ajv): void {
  addFormats(ajv);
  for (const [name, format] of Object.entries(KARTOCHKA_FORMATS)) ajv.addFormat(name, format);
}

/**
 * What runtime.ts hands to FormController and the schema matcher; with it the requisite checks
 * (the `ru-*` formats are the compiler's already), so validation through it needs no other load.
 */
export const validationRuntimeImpl = {
  compileSchema,
  validate,
  Ajv2020,
  AjvDraft07,
  addFormats: addAllFormats,
  matches,
  requisites: requisiteChecksImpl,
};

// Whoever loads this module (the package root does, through validator.ts, in Node) makes the
// run-time compiler available to FormController and the schema matcher (runtime.ts). A bundle may
// drop this statement (the package declares no side effects); loadValidationRuntime() registers it by use.
registerValidationRuntime(validationRuntimeImpl);
