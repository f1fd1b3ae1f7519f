/**
 * What a schema costs before it is published. The expensive shape is not a big schema but a
 * small one whose `$ref`s fan out: `d0: {allOf: [{$ref: d1}, {$ref: d1}]}`, `d1: … d2`, … is 1.8 KB
 * and makes every validation (and the card's own schema resolution) walk 2^n subschemas. So the
 * budget counts the subschemas of the schema *as expanded through its references* — computed
 * once per object on the reference graph (memoised, iterative, stopping at the limit), so the
 * count itself costs time linear in the schema's size whatever it expands to.
 *
 * A reference back to a schema still being expanded (recursion: a tree of sections) counts as
 * one: validation follows it only as deep as the data goes, and data depth has its own limit.
 */
import { createSchemaContext, type JsonSchema } from '@kartochka/core';
import { resolveRef } from '@kartochka/core/internal';

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'] as const;

interface Frame {
  node: object;
  children: object[];
  next: number;
  sum: number;
}

/**
 * The number of objects and arrays in `schema` with every reference expanded in place, or
 * `max + 1` as soon as it is known to exceed `max`.
 */
export function expandedSize(schema: JsonSchema, max: number): number {
  if (typeof schema !== 'object' || schema === null) return 1;
  const ctx = createSchemaContext(schema);
  const done = new Map<object, number>();
  const open = new Set<object>();
  const childrenOf = (node: object): object[] => {
    const out: object[] = [];
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) out.push(value);
    if (!Array.isArray(node)) {
      for (const key of REF_KEYWORDS) {
        const ref = (node as Record<string, unknown>)[key];
        if (typeof ref !== 'string') continue;
        const target = resolveRef(ctx, ref, node);
        if ('schema' in target && typeof target.schema === 'object' && target.schema !== null) out.push(target.schema);
      }
    }
    return out;
  };
  const enter = (node: object): Frame => {
    open.add(node);
    return { node, children: childrenOf(node), next: 0, sum: 1 };
  };
  const stack: Frame[] = [enter(schema)];
  let result = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.sum > max) return max + 1;
    if (top.next < top.children.length) {
      const child = top.children[top.next++]!;
      const known = done.get(child);
      if (known !== undefined) top.sum += known;
      else if (open.has(child)) top.sum += 1;
      else stack.push(enter(child));
      continue;
    }
    stack.pop();
    open.delete(top.node);
    done.set(top.node, top.sum);
    const parent = stack[stack.length - 1];
    if (parent) parent.sum += top.sum;
    else result = top.sum;
  }
  return result;
}
