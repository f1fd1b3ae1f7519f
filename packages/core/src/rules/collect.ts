/**
 * Finds the rules written into a schema: `x-rules` (conditions) and `x-formula` (computed fields)
 * on property schemas. Targets are pointer templates: `*` stands for any array item.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { escapeToken } from '../pointer.js';
import type { Expression } from './expression.js';
import type { RuleKind, RuleSpec } from './graph.js';

/** The conditions a property schema can carry in `"x-rules"`. */
export interface XRules {
  visible?: Expression;
  required?: Expression;
  readOnly?: Expression;
}

const MAX_SCHEMA_DEPTH = 64;

/** Resolves a schema's `$ref` (the caller knows the document and its base URIs). */
export type Deref = (schema: JsonSchemaObject) => JsonSchema | undefined;

/**
 * Walks `properties`, `items` (a schema, or a draft-07 tuple), `prefixItems` and `allOf`, following
 * `$ref` through `deref` (each schema once per path, so recursive schemas stop), and returns the
 * rules found, followed by `extra` (e.g. the rules of a layout document).
 *
 * `source` of each rule is the keyword's location, as if `$ref`s were inlined. Keys of `x-rules`
 * other than visible/required/readOnly are passed on so that {@link RuleGraph} reports them.
 */
export function collectRules(schema: JsonSchema, deref?: Deref, extra: readonly RuleSpec[] = []): RuleSpec[] {
  const out: RuleSpec[] = [];
  const onPath = new Set<JsonSchemaObject>();

  const visit = (node: JsonSchema | undefined, target: string, source: string, depth = 0): void => {
    // The depth cap also stops a `deref` that returns fresh copies (identity can't catch those).
    if (!node || typeof node !== 'object' || Array.isArray(node) || depth > MAX_SCHEMA_DEPTH) return;
    const chain = resolve(node, deref);
    if (chain.some((c) => onPath.has(c))) return;
    const s = chain[chain.length - 1];
    for (const c of chain) onPath.add(c);
    try {
      const rules = own(s, 'x-rules');
      if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
        for (const kind of Object.keys(rules)) {
          out.push({
            target,
            kind: kind as RuleKind,
            expr: (rules as Record<string, Expression>)[kind],
            source: `${source}/x-rules/${escapeToken(kind)}`,
          });
        }
      }
      const formula = own(s, 'x-formula');
      if (formula !== undefined) out.push({ target, kind: 'value', expr: formula as Expression, source: `${source}/x-formula` });

      const props = own(s, 'properties');
      if (props && typeof props === 'object') {
        for (const key of Object.keys(props)) {
          const t = escapeToken(key);
          visit((props as Record<string, JsonSchema>)[key], `${target}/${t}`, `${source}/properties/${t}`, depth + 1);
        }
      }
      const prefix = own(s, 'prefixItems');
      if (Array.isArray(prefix))
        prefix.forEach((p, i) => visit(p as JsonSchema, `${target}/${i}`, `${source}/prefixItems/${i}`, depth + 1));
      const items = own(s, 'items');
      if (Array.isArray(items)) items.forEach((p, i) => visit(p as JsonSchema, `${target}/${i}`, `${source}/items/${i}`, depth + 1));
      else visit(items as JsonSchema | undefined, `${target}/*`, `${source}/items`, depth + 1);
      const allOf = own(s, 'allOf');
      if (Array.isArray(allOf)) allOf.forEach((p, i) => visit(p as JsonSchema, target, `${source}/allOf/${i}`, depth + 1));
    } finally {
      for (const c of chain) onPath.delete(c);
    }
  };

  visit(schema, '', '');
  out.push(...extra);
  return out;
}

const own = (o: object, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/**
 * Follows `$ref`: returns the schemas met on the way, the last one being the schema to use (keywords
 * beside a `$ref` win over the referenced schema's, as in ../schema/resolve.ts). The chain is what
 * the recursion guard tracks, since merging siblings creates new objects.
 */
function resolve(node: JsonSchemaObject, deref: Deref | undefined): JsonSchemaObject[] {
  const chain = [node];
  let cur = node;
  while (deref && typeof own(cur, '$ref') === 'string' && chain.length < 32) {
    const target = deref(cur);
    if (!target || typeof target !== 'object' || chain.includes(target)) break;
    chain.push(target);
    const { $ref: _ref, ...siblings } = cur;
    cur = Object.keys(siblings).length ? { ...target, ...siblings } : target;
    if (cur !== target) chain.push(cur);
  }
  return chain;
}
