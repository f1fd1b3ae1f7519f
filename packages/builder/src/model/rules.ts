/**
 * Rules from pick-lists: "show this field when ALL/ANY of: <field> <operator> <value>". A draft turns
 * into a plain JSON Logic expression (what `x-rules` stores) and back; expressions written by hand
 * that don't fit the pick-lists are left as they are and edited as JSON.
 */
import type { JsonPrimitive, JsonValue } from '@kartochka/core';

export type ConditionOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'empty' | 'notEmpty' | 'contains';

export const CONDITION_OPERATORS: readonly ConditionOperator[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'empty', 'notEmpty', 'contains'];

/** Operators that take no value. */
export const UNARY: ReadonlySet<ConditionOperator> = new Set(['empty', 'notEmpty']);

export interface Condition {
  /** Absolute JSON Pointer of the field read. */
  readonly field: string;
  readonly op: ConditionOperator;
  readonly value?: JsonPrimitive;
}

/** Conditions joined by AND (`all`) or OR (`any`). */
export interface RuleGroup {
  readonly combine: 'all' | 'any';
  readonly conditions: readonly Condition[];
}

/** The rule: its own conditions, and groups of conditions (one level: "A and (B or C)"), joined by `combine`. */
export interface RuleDraft extends RuleGroup {
  /** Listed only when there are any. In the JSON Logic they follow the rule's own conditions. */
  readonly groups?: readonly RuleGroup[];
}

const SYMBOL: Partial<Record<ConditionOperator, string>> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
const BY_SYMBOL = new Map(Object.entries(SYMBOL).map(([k, v]) => [v, k as ConditionOperator]));

function conditionToLogic(c: Condition): JsonValue {
  const v = { var: c.field };
  switch (c.op) {
    case 'empty':
      return { empty: v };
    case 'notEmpty':
      return { '!': { empty: v } };
    case 'contains':
      return { in: [c.value ?? null, v] };
    default:
      return { [SYMBOL[c.op]!]: [v, c.value ?? null] };
  }
}

/** The JSON Logic of a draft; `undefined` when it has no conditions (the rule is removed). */
export function draftToLogic(d: RuleDraft): JsonValue | undefined {
  const join = (g: RuleGroup) => (g.combine === 'all' ? 'and' : 'or');
  const groups = (d.groups ?? [])
    .map((g) => g.conditions.filter((c) => c.field).map(conditionToLogic))
    .flatMap((parts, i) => (parts.length ? [{ [join(d.groups![i]!)]: parts }] : []));
  // A group stays a group even with one condition ({"or": [c]}), so it doesn't melt into the rule's own.
  const parts = [...d.conditions.filter((c) => c.field).map(conditionToLogic), ...groups];
  if (parts.length === 0) return undefined;
  if (parts.length === 1 && groups.length === 1) return { [d.combine === 'all' ? 'and' : 'or']: parts };
  if (parts.length === 1) return parts[0];
  return { [d.combine === 'all' ? 'and' : 'or']: parts };
}

const isObj = (v: unknown): v is Record<string, JsonValue> => typeof v === 'object' && v !== null && !Array.isArray(v);
const one = (v: unknown): [string, JsonValue] | undefined => {
  if (!isObj(v)) return undefined;
  const k = Object.keys(v);
  return k.length === 1 ? [k[0], v[k[0]]] : undefined;
};
const varOf = (v: unknown): string | undefined => {
  const o = one(v);
  return o && o[0] === 'var' && typeof o[1] === 'string' && o[1].startsWith('/') ? o[1] : undefined;
};
const isPrimitive = (v: unknown): v is JsonPrimitive => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function logicToCondition(e: JsonValue): Condition | undefined {
  const o = one(e);
  if (!o) return undefined;
  const [op, arg] = o;
  if (op === 'empty') {
    const f = varOf(arg) ?? (Array.isArray(arg) && arg.length === 1 ? varOf(arg[0]) : undefined);
    return f ? { field: f, op: 'empty' } : undefined;
  }
  if (op === '!') {
    const inner = one(Array.isArray(arg) && arg.length === 1 ? arg[0] : arg);
    if (inner?.[0] === 'empty') {
      const c = logicToCondition({ empty: inner[1] });
      return c ? { field: c.field, op: 'notEmpty' } : undefined;
    }
    return undefined;
  }
  if (!Array.isArray(arg) || arg.length !== 2) return undefined;
  if (op === 'in') {
    const f = varOf(arg[1]);
    return f && isPrimitive(arg[0]) ? { field: f, op: 'contains', value: arg[0] } : undefined;
  }
  const sym = BY_SYMBOL.get(op);
  const f = varOf(arg[0]);
  return sym && f && isPrimitive(arg[1]) ? { field: f, op: sym, value: arg[1] } : undefined;
}

/** The draft an expression stands for, or `undefined` when it doesn't fit the pick-lists. */
export function logicToDraft(e: JsonValue | undefined): RuleDraft | undefined {
  if (e === undefined) return { combine: 'all', conditions: [] };
  const o = one(e);
  if (o && (o[0] === 'and' || o[0] === 'or') && Array.isArray(o[1])) {
    const conditions: Condition[] = [];
    const groups: RuleGroup[] = [];
    for (const part of o[1]) {
      const c = logicToCondition(part);
      if (c) {
        conditions.push(c);
        continue;
      }
      const inner = one(part);
      if (!inner || (inner[0] !== 'and' && inner[0] !== 'or') || !Array.isArray(inner[1])) return undefined;
      const members = inner[1].map(logicToCondition);
      if (members.some((m) => !m)) return undefined;
      groups.push({ combine: inner[0] === 'and' ? 'all' : 'any', conditions: members as Condition[] });
    }
    const combine = o[0] === 'and' ? 'all' : 'any';
    return groups.length ? { combine, conditions, groups } : { combine, conditions };
  }
  const c = logicToCondition(e);
  return c ? { combine: 'all', conditions: [c] } : undefined;
}
