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
import { onDemand } from '../on-demand.js';

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

// Registering the checks registers their messages too.
const slot = onDemand<RequisiteChecks>(
  () => import('./requisites.js').then((m) => m.requisiteChecksImpl),
  (c) => c.registerMessages(),
);

/** Called by whoever has the checks loaded (the run-time compiler, loadRequisiteChecks). */
export const registerRequisiteChecks = (c: RequisiteChecks): void => slot.register(c);
/** The requisite checks, when they have been loaded. */
export const requisiteChecks = (): RequisiteChecks | undefined => slot.get();
/** Loads the requisite checks (once) and resolves with them. */
export const loadRequisiteChecks = (): Promise<RequisiteChecks> => slot.load();

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
