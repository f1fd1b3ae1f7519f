/**
 * Runs a form's rules and formulas: which fields are visible, required or read-only right now,
 * and the values of computed fields. Only the rules that depend on a changed pointer are
 * re-evaluated (the RuleGraph's index), in dependency order.
 *
 * With the expression interpreter and the rule graph it imports, this is the rules engine that a
 * card loads only when its schema or layout has rules (rules/engine.ts: `rulesEngineImpl` below).
 */
import type { FieldError, JsonSchema, JsonSchemaObject, JsonValue, Locale } from '../types.js';
import { expandTemplate, getAt, isWithin, parsePointer, parentPointer } from '../pointer.js';
import {
  RuleGraph,
  collectRules,
  dataContext,
  evaluate,
  ExpressionError,
  truthy,
  type RuleInstance,
  type RuleProblem,
  type RuleSpec,
} from '../rules/index.js';
import { deref, effectiveSchemaOf, type SchemaContext } from '../schema/resolve.js';
import { validationMessage } from '../i18n/validation-messages.js';
import type { FormRules, RulesEngine } from '../rules/engine.js';

export interface RuleFlags {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
}

interface Flags {
  visible?: boolean;
  required?: boolean;
  readOnly?: boolean;
}

/** A problem with a rule: found when the graph was built, or when an expression failed to run. */
export interface RuleIssue {
  target: string;
  at: string;
  message: string;
}

const isIndex = (t: string) => t === '*' || /^(0|[1-9]\d*)$/.test(t);

/**
 * The schema at a pointer (or template, `*` for any index), looking into conditional branches too
 * (rules' `exists`; the server's file uploads find a field's limits with it).
 */
export function schemaAtTemplate(ctx: SchemaContext, template: string): JsonSchemaObject | undefined {
  let cur: JsonSchemaObject | undefined = deref(ctx, ctx.root);
  for (const token of parsePointer(template)) {
    if (!cur) return undefined;
    const s: JsonSchemaObject = effectiveSchemaOf(ctx, cur, undefined);
    if (isIndex(token)) {
      const items: JsonSchema | undefined = Array.isArray(s.items) ? undefined : (s.items as JsonSchema | undefined);
      cur = items === undefined ? undefined : deref(ctx, items);
      continue;
    }
    const candidates: JsonSchema[] = [
      s,
      ...(['then', 'else'] as const).map((k) => s[k] as JsonSchema),
      ...((s.oneOf ?? []) as JsonSchema[]),
      ...((s.anyOf ?? []) as JsonSchema[]),
      ...Object.values(s.dependentSchemas ?? {}),
    ];
    cur = undefined;
    for (const c of candidates) {
      if (!c || typeof c !== 'object') continue;
      const props = effectiveSchemaOf(ctx, c, undefined).properties;
      if (props && Object.prototype.hasOwnProperty.call(props, token)) {
        cur = deref(ctx, props[token]);
        break;
      }
    }
  }
  return cur;
}

export class RulesRuntime implements FormRules {
  readonly graph: RuleGraph;
  #flags = new Map<string, Flags>();
  #issues: RuleIssue[] = [];
  readonly #data: () => JsonValue | undefined;

  constructor(ctx: SchemaContext, extra: readonly RuleSpec[], data: () => JsonValue | undefined) {
    this.#data = data;
    const specs = collectRules(ctx.root, (s) => deref(ctx, s), extra);
    this.graph = new RuleGraph(specs, {
      exists: (t) => schemaAtTemplate(ctx, t) !== undefined,
      expand: (t) => this.#expand(t),
    });
  }

  /** True when the schema (or layout) declares any rule; forms without rules skip all of this. */
  get active(): boolean {
    return this.graph.rules.length > 0;
  }

  /** Graph problems (unknown fields, cycles) and runtime failures, as data. */
  get issues(): RuleIssue[] {
    const fromGraph = this.graph.problems.map((p: RuleProblem) => ({ target: p.target, at: p.at, message: p.message }));
    return [...fromGraph, ...this.#issues];
  }

  /** Forgets every flag and runtime issue: the next `runAll` judges new data from scratch (the import's next row). */
  reset(): void {
    this.#flags.clear();
    this.#issues = [];
  }

  /** Evaluates every rule (on load). `write` stores a computed value; returns the pointers touched. */
  runAll(write: (pointer: string, value: JsonValue | undefined) => void): Set<string> {
    return this.#run(this.graph.all(), write);
  }

  /** Re-evaluates what depends on `pointer`; returns the pointers whose state or value changed. */
  runAffected(pointer: string, write: (pointer: string, value: JsonValue | undefined) => void): Set<string> {
    if (!this.active) return new Set();
    return this.#run(this.graph.affected(pointer), write);
  }

  #run(instances: RuleInstance[], write: (pointer: string, value: JsonValue | undefined) => void): Set<string> {
    const changed = new Set<string>();
    for (const inst of instances) {
      let result: unknown;
      try {
        result = evaluate(inst.expr, {
          get: (p) => getAt(this.#data(), p),
          at: inst.target,
          source: inst.rule.source,
        });
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        this.#issues.push({ target: inst.target, at: e.at, message: e.message });
        continue;
      }
      if (inst.kind === 'value') {
        const next = result === null || result === undefined ? undefined : (result as JsonValue);
        if (!Object.is(getAt(this.#data(), inst.target), next)) {
          write(inst.target, next);
          changed.add(inst.target);
        }
        continue;
      }
      const flags = this.#flags.get(inst.target) ?? {};
      const on = truthy(result);
      if (flags[inst.kind] !== on) {
        flags[inst.kind] = on;
        this.#flags.set(inst.target, flags);
        changed.add(inst.target);
      }
    }
    return changed;
  }

  /** The rule-driven flags of a field; a field is hidden when it or any group around it is. */
  flags(pointer: string): RuleFlags {
    if (this.#flags.size === 0) return { visible: true, required: false, readOnly: false };
    const own = this.#flags.get(pointer);
    let visible = own?.visible !== false;
    let readOnly = own?.readOnly === true;
    for (let p = parentPointer(pointer); p !== undefined && visible; p = parentPointer(p)) {
      const f = this.#flags.get(p);
      if (f?.visible === false) visible = false;
      if (f?.readOnly === true) readOnly = true;
    }
    return { visible, required: own?.required === true, readOnly };
  }

  /**
   * Adjusts schema errors for rules: a field required by a rule and empty gets a `required` error;
   * errors inside hidden fields are dropped (a hidden field cannot be fixed by the user).
   */
  adjustErrors(errors: Map<string, FieldError[]>, locale: Locale): void {
    if (this.#flags.size === 0) return;
    const hidden: string[] = [];
    for (const [p, f] of this.#flags) {
      if (f.visible === false) hidden.push(p);
      else if (f.required) {
        const v = getAt(this.#data(), p);
        const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
        if (empty && !errors.get(p)?.some((e) => e.keyword === 'required')) {
          const list = errors.get(p) ?? [];
          list.push({ path: p, keyword: 'required', message: validationMessage(locale, 'required', {}), source: 'rule' });
          errors.set(p, list);
        }
      }
    }
    if (hidden.length) for (const p of [...errors.keys()]) if (hidden.some((h) => isWithin(p, h))) errors.delete(p);
  }

  #expand(template: string): string[] {
    return expandTemplate(this.#data(), template).map((m) => m.pointer);
  }
}

/** The rules engine, for rules/engine.ts's registry: what FormController, resolveLayout and the card use of it. */
export const rulesEngineImpl: RulesEngine = {
  createRules: (ctx, extra, data) => new RulesRuntime(ctx, extra, data),
  collectRules,
  evaluate,
  dataContext,
  truthy,
};
