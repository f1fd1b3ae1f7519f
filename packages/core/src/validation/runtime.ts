/**
 * Where FormController and the schema matcher find the run-time compiler (ajv, ajv-formats, the
 * RE2 engine: validator.ts) without importing it. Importing validator.ts (the package root does)
 * registers it; a bundled page that never imports it gets it on demand through
 * `loadValidationRuntime()`, a dynamic import and so a chunk of its own. A card whose validator
 * is precompiled, and whose schema has no conditionals, never loads it.
 */
import type { Ajv } from './ajv.js';
import type { PrecompiledValidator } from './errors.js';
import type { JsonSchema, Locale, ValidationResult } from '../types.js';

type AjvClass = new (opts?: Record<string, unknown>) => Ajv;

export interface ValidationRuntime {
  compileSchema(schema: JsonSchema): PrecompiledValidator;
  /** `validate()` of the package root: for code that loads the compiler on demand (`<kc-duplicates>`). */
  validate(schema: JsonSchema, data: unknown, locale?: Locale): ValidationResult;
  Ajv2020: AjvClass;
  AjvDraft07: AjvClass;
  addFormats(ajv: Ajv): unknown;
}

let runtime: ValidationRuntime | undefined;
let loading: Promise<ValidationRuntime> | undefined;

/** Called by validator.ts when it is loaded. */
export function registerValidationRuntime(r: ValidationRuntime): void {
  runtime ??= r;
}

/** The run-time compiler, when it has been loaded. */
export function validationRuntime(): ValidationRuntime | undefined {
  return runtime;
}

/** Loads the run-time compiler (once) and resolves with it. */
export function loadValidationRuntime(): Promise<ValidationRuntime> {
  if (runtime) return Promise.resolve(runtime);
  // Uses the module's export rather than relying on its registration statement: bundlers drop
  // the side effects of a package that declares none.
  return (loading ??= import('./validator.js').then((m) => {
    registerValidationRuntime(m.validationRuntimeImpl);
    return runtime!;
  }));
}

/** Keywords whose evaluation needs the run-time matcher (schema/matcher.ts) to build a form. */
const CONDITIONAL = new Set(['if', 'oneOf', 'anyOf', 'dependentSchemas', 'dependencies', 'not', 'contains']);

/**
 * Whether building a form for `schema` may evaluate subschemas against data (conditionals and
 * alternatives), which needs the run-time compiler loaded first. A plain schema does not.
 */
export function schemaNeedsMatcher(schema: JsonSchema | undefined): boolean {
  const seen = new Set<object>();
  const walk = (v: unknown): boolean => {
    if (!v || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    if (Array.isArray(v)) return v.some(walk);
    for (const [k, child] of Object.entries(v)) {
      if (CONDITIONAL.has(k) && child !== undefined) return true;
      if (walk(child)) return true;
    }
    return false;
  };
  return walk(schema);
}
