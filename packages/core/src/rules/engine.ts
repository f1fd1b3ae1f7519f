/**
 * Where FormController, resolveLayout and the card find the rules engine (form/rules-runtime.ts:
 * the expression interpreter, the rule graph, collectRules — about 11 KB gzipped) without
 * importing it, the way they find the run-time compiler (validation/runtime.ts). Most cards have
 * no rules, so the card entry does not load it up front: a card whose schema or layout has
 * `x-rules`, `x-formula` or layout `rules` calls `loadRulesEngine()` and builds its form once the
 * engine is here, so the first frame already shows the rules applied and the formulas computed.
 *
 * The package root's FormController and resolveLayout register it when used (registered.ts), in
 * Node and in any bundle: only code that imports the bare controller (`@kartochka/core/internal`,
 * the card) has to load it first, and a form built with rules before that throws
 * {@link RulesUnavailableError} rather than ignoring them.
 */
import type { FieldError, JsonSchema, JsonValue, Locale } from '../types.js';
import type { SchemaContext } from '../schema/context.js';
import { hasKey } from '../schema/util.js';
import { someSubschema } from '../schema/dialect.js';
import { onDemand } from '../on-demand.js';
import type { RuleSpec } from './graph.js';
import type { collectRules } from './collect.js';
import type { dataContext, evaluate } from './expression.js';
import type { truthy } from './operators.js';

/** What the controller asks of a form's rules (form/rules-runtime.ts's RulesRuntime). */
export interface FormRules {
  readonly active: boolean;
  readonly issues: { target: string; at: string; message: string }[];
  reset(): void;
  runAll(write: (pointer: string, value: JsonValue | undefined) => void): Set<string>;
  runAffected(pointer: string, write: (pointer: string, value: JsonValue | undefined) => void): Set<string>;
  flags(pointer: string): { visible: boolean; required: boolean; readOnly: boolean };
  adjustErrors(errors: Map<string, FieldError[]>, locale: Locale): void;
}

export interface RulesEngine {
  createRules(ctx: SchemaContext, extra: readonly RuleSpec[], data: () => JsonValue | undefined): FormRules;
  collectRules: typeof collectRules;
  evaluate: typeof evaluate;
  dataContext: typeof dataContext;
  truthy: typeof truthy;
}

/** A form without rules: every field visible, nothing computed. */
export const NO_RULES: FormRules = {
  active: false,
  issues: [],
  reset() {},
  runAll: () => new Set(),
  runAffected: () => new Set(),
  flags: () => ({ visible: true, required: false, readOnly: false }),
  adjustErrors() {},
};

/** A form with rules was built before the rules engine was loaded (call `loadRulesEngine()` first). */
export class RulesUnavailableError extends Error {
  constructor(what = 'This schema or layout has rules or formulas (x-rules, x-formula, layout rules)') {
    super(
      `${what}, but the rules engine is not loaded: await loadRulesEngine() (@kartochka/core/internal) before building the form, or use FormController from @kartochka/core, which registers it.`,
    );
    this.name = 'RulesUnavailableError';
  }
}

const slot = onDemand<RulesEngine>(() => import('../form/rules-runtime.js').then((m) => m.rulesEngineImpl));

/** Called by registered.ts (the package root) and by loadRulesEngine. */
export const registerRulesEngine = (e: RulesEngine): void => slot.register(e);
/** The rules engine, when it has been loaded or registered. */
export const rulesEngine = (): RulesEngine | undefined => slot.get();
/** Loads the rules engine (once, as a chunk of its own in a bundle) and resolves with it. */
export const loadRulesEngine = (): Promise<RulesEngine> => slot.load();

const rulesOf = new WeakMap<object, boolean>();

/**
 * Whether `schema` has an `x-rules` or `x-formula` anywhere (a deep look, so `$defs` count too:
 * it may say yes for a schema whose rules no field reaches, never no for one with rules).
 */
export function schemaHasRules(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  let has = rulesOf.get(schema);
  if (has === undefined)
    rulesOf.set(schema, (has = someSubschema(schema, (s) => s['x-rules'] !== undefined || s['x-formula'] !== undefined)));
  return has;
}

/** Whether a layout document gives any section, group or field `rules`. */
export function layoutHasRules(layout: unknown): boolean {
  return hasKey(layout, (k, v) => k === 'rules' && !!v && typeof v === 'object');
}

/** Whether building a form for `schema` (with `layout`) needs the rules engine. */
export function needsRulesEngine(schema: JsonSchema | undefined, layout?: unknown): boolean {
  return schemaHasRules(schema) || layoutHasRules(layout);
}
