/**
 * The package root's validation API: compiler.ts with the RE2 engine of schema patterns
 * (regexp.ts) registered, so `validate()` and `compileSchema()` compile any schema at once, as
 * they always have. Pages that compile on demand (kc-card) load compiler.ts without it
 * (loadValidationRuntime in runtime.ts) and fetch the engine only for schemas with patterns.
 */
import type { ValidateFunction } from 'ajv';
import type { JsonSchema, Locale, ValidationResult } from '../types.js';
import { linearRegExp } from './regexp.js';
import { registerPatternEngine } from './runtime.js';
import * as compiler from './compiler.js';
import type { PrecompiledValidator } from './errors.js';

export {
  makeAjv,
  isDraft07,
  ajvFor,
  metaSchemaErrors,
  validationRuntimeImpl,
  PHONE_PATTERN,
  SchemaCompileError,
  ValidationUnavailableError,
  errorPath,
  errorMessage,
  toFieldErrors,
  groupErrors,
  type PrecompiledValidator,
} from './compiler.js';

// Whoever loads this module (the package root, in Node) can compile patterns from then on. A
// bundle may drop this statement (the package declares no side effects); the functions below
// register the engine by use.
registerPatternEngine(linearRegExp);

/** Compiles `schema` once (compiler.ts), with the RE2 engine for its patterns. */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  registerPatternEngine(linearRegExp);
  return compiler.compileSchema(schema);
}

/** Validates `data` against `schema` (compiled once, or with its `precompiled` validator) and returns the errors as data. */
export function validate(schema: JsonSchema, data: unknown, locale: Locale = 'en', precompiled?: PrecompiledValidator): ValidationResult {
  registerPatternEngine(linearRegExp);
  return compiler.validate(schema, data, locale, precompiled);
}
