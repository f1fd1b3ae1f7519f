/**
 * When a field's data moves (its key changes, or it moves to another section), everything that
 * names it by pointer follows: layout placements, message keys, and `var`s in rules and formulas.
 */
import type { JsonSchemaObject, JsonValue, LayoutDocument, LayoutItem, MessageCatalogue } from '@kartochka/core';
import { isWithin } from '@kartochka/core';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `p` with the prefix `from` replaced by `to`, when `p` is `from` or below it. */
export function movePointer(p: string, from: string, to: string): string {
  return isWithin(p, from) ? to + p.slice(from.length) : p;
}

/** Rewrites absolute pointers in `var`, `missing` and `missing_some` of an expression. */
export function rewriteExpression(expr: JsonValue, from: string, to: string): JsonValue {
  if (Array.isArray(expr)) {
    let changed = false;
    const out = expr.map((e) => {
      const r = rewriteExpression(e, from, to);
      if (r !== e) changed = true;
      return r;
    });
    return changed ? out : expr;
  }
  if (!isObj(expr)) return expr;
  const keys = Object.keys(expr);
  if (keys.length !== 1) return expr;
  const op = keys[0];
  const arg = (expr as Record<string, JsonValue>)[op];
  const path = (p: JsonValue): JsonValue => (typeof p === 'string' && p.startsWith('/') ? movePointer(p, from, to) : rewriteExpression(p, from, to));
  let next: JsonValue;
  if (op === 'var') next = Array.isArray(arg) ? arg.map((a, i) => (i === 0 ? path(a) : rewriteExpression(a, from, to))) : path(arg);
  else if (op === 'missing') next = Array.isArray(arg) ? arg.map(path) : path(arg);
  else if (op === 'missing_some' && Array.isArray(arg)) next = arg.map((a, i) => (i === 1 && Array.isArray(a) ? a.map(path) : a));
  else next = rewriteExpression(arg, from, to);
  return JSON.stringify(next) === JSON.stringify(arg) ? expr : { [op]: next };
}

/** Rewrites the rules and formulas of every subschema; untouched subtrees are shared. */
export function rewriteSchemaRules(schema: JsonSchemaObject, from: string, to: string): JsonSchemaObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      let changed = false;
      const out = node.map((n) => {
        const r = walk(n);
        if (r !== n) changed = true;
        return r;
      });
      return changed ? out : node;
    }
    if (!isObj(node)) return node;
    let copy: Obj | undefined;
    for (const [k, v] of Object.entries(node)) {
      let r: unknown;
      if (k === 'x-formula') r = rewriteExpression(v as JsonValue, from, to);
      else if (k === 'x-rules' && isObj(v)) r = walkRules(v);
      else if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') r = v;
      else r = walk(v);
      if (r !== v) {
        copy ??= { ...node };
        copy[k] = r;
      }
    }
    return copy ?? node;
  };
  const walkRules = (rules: Obj): Obj => {
    let copy: Obj | undefined;
    for (const [k, v] of Object.entries(rules)) {
      const r = rewriteExpression(v as JsonValue, from, to);
      if (r !== v) {
        copy ??= { ...rules };
        copy[k] = r;
      }
    }
    return copy ?? rules;
  };
  return walk(schema) as JsonSchemaObject;
}

/** Rewrites field placements, widget hints and rules of a layout. */
export function rewriteLayout(layout: LayoutDocument, from: string, to: string): LayoutDocument {
  const rules = <T extends { rules?: Obj } | object>(x: T): T => {
    const r = (x as { rules?: Obj }).rules;
    if (!r) return x;
    const next: Obj = {};
    for (const [k, v] of Object.entries(r)) next[k] = rewriteExpression(v as JsonValue, from, to);
    return { ...x, rules: next };
  };
  const item = (it: LayoutItem): LayoutItem => {
    if (typeof it === 'string') return movePointer(it, from, to);
    if (it.type === 'field') return rules({ ...it, pointer: movePointer(it.pointer, from, to) });
    return rules({ ...it, items: it.items.map(item) });
  };
  const out: LayoutDocument = {
    ...layout,
    items: layout.items.map((s) => rules({ ...s, ...(s.pointer !== undefined ? { pointer: movePointer(s.pointer, from, to) } : {}), items: s.items.map(item) })),
  };
  if (layout.widgets) out.widgets = Object.fromEntries(Object.entries(layout.widgets).map(([k, v]) => [movePointer(k, from, to), v]));
  return out;
}

/** Renames message keys of `from` and below to `to`. */
export function rewriteMessages(messages: MessageCatalogue, from: string, to: string): MessageCatalogue {
  const out: MessageCatalogue = {};
  for (const [locale, entries] of Object.entries(messages)) {
    if (!entries) continue;
    const next: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(entries)) next[movePointer(k, from, to)] = v;
    (out as Record<string, unknown>)[locale] = next;
  }
  return out;
}

/** Drops message keys of `at` and below. */
export function dropMessages(messages: MessageCatalogue, at: string): MessageCatalogue {
  const out: MessageCatalogue = {};
  for (const [locale, entries] of Object.entries(messages)) {
    if (!entries) continue;
    (out as Record<string, unknown>)[locale] = Object.fromEntries(Object.entries(entries).filter(([k]) => !isWithin(k, at)));
  }
  return out;
}

/** Copies message keys of `from` and below to `to` (keeps the originals). */
export function copyMessages(messages: MessageCatalogue, from: string, to: string): MessageCatalogue {
  const out: MessageCatalogue = {};
  for (const [locale, entries] of Object.entries(messages)) {
    if (!entries) continue;
    const next: Record<string, unknown> = { ...entries };
    for (const [k, v] of Object.entries(entries)) if (isWithin(k, from)) next[to + k.slice(from.length)] = structuredClone(v);
    (out as Record<string, unknown>)[locale] = next;
  }
  return out;
}
