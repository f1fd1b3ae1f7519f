/**
 * The regular-expression engine for schema `pattern` and `patternProperties`: RE2 (re2js, pure
 * JavaScript), which runs in time linear in the input. A schema comes from whoever may publish
 * one, and with the built-in backtracking engine `^(a+)+$` against 29 characters freezes a
 * process for seconds (ReDoS); with RE2 it cannot.
 *
 * The price: RE2 has no lookaround (`(?=…)`, `(?<!…)`) and no backreferences (`\1`). A schema
 * using them fails to compile (SchemaCompileError), so the server refuses it at publication (422).
 * `\s` is ASCII white space only.
 *
 * Standalone validators (precompile.ts) import this module by name, so they use the same engine.
 */
import { RE2JS } from 're2js';
import { REGEXP_MODULE } from './runtime.js';

export { REGEXP_MODULE };

/** What ajv calls for each pattern: an object with `test`, plus the code standalone modules emit. */
export interface LinearRegExpEngine {
  (pattern: string, flags: string): { test(s: string): boolean };
  code: string;
}

/**
 * Compiles an ECMAScript pattern (as JSON Schema writes it) with RE2. ajv dedupes patterns by
 * `toString()`, so the result states its own source rather than `[object Object]`.
 */
export const linearRegExp: LinearRegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    // Only `u` is ever passed (ajv's unicodeRegExp); RE2 works on code points anyway.
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { test: (s: string) => re.test(s), toString: () => `/${pattern}/${flags}` };
  },
  { code: `require(${JSON.stringify(REGEXP_MODULE)}).linearRegExp` },
);
