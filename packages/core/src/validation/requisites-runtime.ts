/**
 * Where validation finds the Russian requisite checks (requisites.ts: what is wrong with an INN,
 * a BIK…, accounts against their BIK, and their messages) without importing them: ~3 KB that a
 * card whose schema has no `ru-*` format and no `x-bik` never loads. The run-time compiler
 * registers them (it needs the `ru-*` formats anyway: compiler.ts); a FormController whose schema
 * uses them and whose validator is precompiled fetches them with `loadRequisiteChecks()` before it
 * validates (a chunk of its own in a bundled app), as it fetches the compiler (runtime.ts).
 */
import type { FieldError, JsonSchema, Locale } from '../types.js';
import type { BikCheck } from './bik-check.js';
import type { RequisiteProblem } from './ru-requisites.js';
import { someSubschema } from '../schema/dialect.js';

export interface RequisiteChecks {
  /** Why `value` fails format `format`, when it is a `ru-*` format that can tell. */
  requisiteProblem(format: unknown, value: unknown): RequisiteProblem | undefined;
  /** The schema's `x-bik` checks; throws on a malformed one. */
  collectBikChecks(schema: JsonSchema): readonly BikCheck[];
  /** An error on each account that does not match its BIK. */
  bikCheckErrors(checks: readonly BikCheck[], data: unknown, locale: Locale): FieldError[];
  /** Registers their messages (the `requisites` domain: i18n/requisite-messages.ts). */
  registerMessages(): void;
}

let checks: RequisiteChecks | undefined;
let loading: Promise<RequisiteChecks> | undefined;

/** Called by whoever has the checks loaded (the run-time compiler, loadRequisiteChecks). */
export function registerRequisiteChecks(c: RequisiteChecks): void {
  if (checks) return;
  checks = c;
  c.registerMessages();
}

/** The requisite checks, when they have been loaded. */
export function requisiteChecks(): RequisiteChecks | undefined {
  return checks;
}

/** Loads the requisite checks (once) and resolves with them. */
export function loadRequisiteChecks(): Promise<RequisiteChecks> {
  if (checks) return Promise.resolve(checks);
  // The module's export, not its registration statements: bundlers drop the side effects of a
  // package that declares none.
  return (loading ??= import('./requisites.js').then((m) => {
    registerRequisiteChecks(m.requisiteChecksImpl);
    return checks!;
  }));
}

const uses = new WeakMap<object, boolean>();

/** Whether `schema` has a `ru-*` format or an `x-bik` anywhere (validating it needs the requisite checks). */
export function schemaUsesRequisites(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  let has = uses.get(schema);
  if (has === undefined)
    uses.set(
      schema,
      (has = someSubschema(schema, (s) => (typeof s.format === 'string' && s.format.startsWith('ru-')) || s['x-bik'] !== undefined)),
    );
  return has;
}
