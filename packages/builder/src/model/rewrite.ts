/**
 * When a field's data moves (its key changes, or it moves to another section), everything that
 * names it by pointer follows: layout placements, message keys, and `var`s in rules and formulas.
 */
import type { JsonSchemaObject, JsonValue, LayoutDocument, LayoutItem, MessageCatalogue } from '@kartochka/core';
import { mapPaths } from '@kartochka/core';
import { escapeToken, isWithin, relativePointer, resolveRelative } from '@kartochka/core/internal';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `p` with the prefix `from` replaced by `to`, when `p` is `from` or below it. */
export function movePointer(p: string, from: string, to: string): string {
  return isWithin(p, from) ? to + p.slice(from.length) : p;
}

/**
 * A move the rules can't follow: an expression would have to name every row of a list (a `*` in
 * an absolute pointer reads nothing) and no relative pointer reaches the field from the rule's
 * owner. The builder shows {@link message} in the user's language instead of moving.
 */
export class MoveRefusedError extends Error {
  override readonly name = 'MoveRefusedError';
  constructor(
    /** Where the moved field would be (a template with `*`). */
    readonly field: string,
    /** The field (or layout item) whose rule or formula reads it; `''` for the layout's rules. */
    readonly owner: string,
  ) {
    super(
      `Builder: "${owner || 'a layout rule'}" reads "${field}", which would be inside a repeating group it is not in; move it back or change that rule first.`,
    );
  }
}

/** Where the expression's owner was and is (for relative pointers); absent for layout rules. */
export interface Owner {
  readonly before: string;
  readonly after: string;
}

/**
 * Rewrites the data paths of an expression after the data at `from` moved to `to` (core's
 * `mapPaths` visits `var`, `missing` and `missing_some` exactly as the interpreter reads them).
 * A path into a repeating group becomes a relative pointer from the owner's row, or the move is
 * refused ({@link MoveRefusedError}); relative pointers are re-expressed when their owner or their
 * target moved. Unchanged expressions are returned as they are.
 */
export function rewriteExpression(expr: JsonValue, from: string, to: string, owner?: Owner): JsonValue {
  return mapPaths(expr, ({ read }) => {
    let target: string;
    if (read.kind === 'absolute') target = read.pointer;
    else if (read.kind === 'relative' && owner) {
      const r = resolveRelative(read.path, owner.before);
      if (!r || !('pointer' in r)) return undefined;
      target = r.pointer;
      if (r.shifted && (movePointer(target, from, to) !== target || owner.after !== owner.before))
        throw new MoveRefusedError(movePointer(target, from, to), owner.after);
      if (r.shifted) return undefined;
    } else return undefined;
    const moved = movePointer(target, from, to);
    if (moved === target && (read.kind === 'absolute' || owner!.after === owner!.before)) return undefined;
    if (read.kind === 'absolute' && !moved.includes('*')) return moved;
    const rel = owner ? relativePointer(owner.after, moved) : undefined;
    if (rel !== undefined) return rel;
    if (!moved.includes('*')) return moved;
    throw new MoveRefusedError(moved, owner?.after ?? '');
  });
}

/**
 * Rewrites the rules and formulas of every subschema; untouched subtrees are shared. Each
 * expression knows its owner: the data template of the property schema it sits on (after the move;
 * before it, that is the same template with `to` put back to `from`).
 */
export function rewriteSchemaRules(schema: JsonSchemaObject, from: string, to: string): JsonSchemaObject {
  const ownerAt = (after: string | undefined): Owner | undefined =>
    after === undefined ? undefined : { after, before: isWithin(after, to) ? from + after.slice(to.length) : after };
  const walk = (node: unknown, at: string | undefined): unknown => {
    if (Array.isArray(node)) return node;
    if (!isObj(node)) return node;
    let copy: Obj | undefined;
    const set = (k: string, r: unknown) => {
      if (r === node[k]) return;
      copy ??= { ...node };
      copy[k] = r;
    };
    for (const [k, v] of Object.entries(node)) {
      if (k === 'x-formula') set(k, rewriteExpression(v as JsonValue, from, to, ownerAt(at)));
      else if (k === 'x-rules' && isObj(v)) set(k, walkRules(v, ownerAt(at)));
      else if (k === 'properties' || k === 'patternProperties' || k === 'dependentSchemas' || k === '$defs' || k === 'definitions') {
        if (!isObj(v)) continue;
        let next: Obj | undefined;
        for (const [key, sub] of Object.entries(v)) {
          // A definition has no place of its own in the data: relative pointers there stay as written.
          const place =
            at === undefined || k === '$defs' || k === 'definitions' || k === 'patternProperties'
              ? undefined
              : k === 'properties'
                ? `${at}/${escapeToken(key)}`
                : at;
          const r = walk(sub, place);
          if (r !== sub) (next ??= { ...v })[key] = r;
        }
        if (next) set(k, next);
      } else if (k === 'items' || k === 'prefixItems' || k === 'allOf' || k === 'anyOf' || k === 'oneOf') {
        const list = Array.isArray(v);
        const subs = list ? (v as unknown[]) : [v];
        let changed = false;
        const out = subs.map((sub, i) => {
          const place =
            at === undefined ? undefined : k === 'items' ? (list ? `${at}/${i}` : `${at}/*`) : k === 'prefixItems' ? `${at}/${i}` : at;
          const r = walk(sub, place);
          if (r !== sub) changed = true;
          return r;
        });
        if (changed) set(k, list ? out : out[0]);
      } else if (k === 'if' || k === 'then' || k === 'else' || k === 'not') {
        set(k, walk(v, at));
      } else if (k === 'additionalProperties') {
        set(k, walk(v, undefined));
      }
    }
    return copy ?? node;
  };
  const walkRules = (rules: Obj, owner: Owner | undefined): Obj => {
    let copy: Obj | undefined;
    for (const [k, v] of Object.entries(rules)) {
      const r = rewriteExpression(v as JsonValue, from, to, owner);
      if (r !== v) {
        copy ??= { ...rules };
        copy[k] = r;
      }
    }
    return copy ?? rules;
  };
  return walk(schema, '') as JsonSchemaObject;
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
    items: layout.items.map((s) =>
      rules({ ...s, ...(s.pointer !== undefined ? { pointer: movePointer(s.pointer, from, to) } : {}), items: s.items.map(item) }),
    ),
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
