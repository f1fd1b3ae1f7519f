import type { JsonSchema } from '../types.js';
import { deref, type SchemaContext } from '../schema/resolve.js';

const DYNAMIC_KEYWORDS = ['if', 'dependentSchemas', 'dependentRequired', 'dependencies', 'oneOf', 'anyOf'];
const cache = new WeakMap<object, boolean>();

/** True when the schema's shape can change with the data (conditionals, alternatives). */
export function isDynamicSchema(ctx: SchemaContext, schema: JsonSchema | undefined, depth = 0): boolean {
  if (!schema || typeof schema !== 'object' || depth > 32) return false;
  const hit = cache.get(schema);
  if (hit !== undefined) return hit;
  cache.set(schema, false); // guards recursive refs
  const s = deref(ctx, schema);
  const result =
    DYNAMIC_KEYWORDS.some((k) => k in s) ||
    (Array.isArray(s.allOf) && s.allOf.some((part) => isDynamicSchema(ctx, part, depth + 1)));
  cache.set(schema, result);
  return result;
}
