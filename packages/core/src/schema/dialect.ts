/**
 * Which JSON Schema draft a document is written in. `$schema` decides when present; without it,
 * the syntax does: a schema written for draft-04 … draft-07 (tuple `items`, `additionalItems`,
 * boolean `exclusiveMinimum`/`exclusiveMaximum`, `definitions`) must keep that draft's meaning
 * instead of being read silently as 2020-12, where those keywords mean something else or nothing.
 * docs/schema.md, "Which draft", describes the rule.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { hasOwn, isRecord } from './util.js';

/** The dialect a schema is read in (more precise than the validator family). */
export type Dialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

/** Reads the dialect from a `$schema` URI; unknown or missing → 2020-12. */
export function detectDialect(schemaUri: unknown): Dialect {
  if (typeof schemaUri !== 'string') return '2020-12';
  const m = /draft-0([4-7])/.exec(schemaUri);
  if (m) return m[1] === '4' ? 'draft-04' : m[1] === '6' ? 'draft-06' : 'draft-07';
  if (schemaUri.includes('2019-09')) return '2019-09';
  return '2020-12';
}

/** Whether a dialect is one of the older drafts (validated with ajv's draft-07 class). */
export const isOlderDraft = (d: Dialect): boolean => d === 'draft-04' || d === 'draft-06' || d === 'draft-07';

/** Keywords that only 2019-09/2020-12 have: their presence settles a mixed document as 2020-12. */
const NEW_KEYWORDS = [
  '$defs',
  'prefixItems',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$recursiveRef',
];

/** Keywords whose value is one subschema, a map of subschemas, or a list of them (every draft). */
const ONE = [
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'items',
];
const MAP = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];

/** Calls `visit` on every subschema object of `root` (root first), by keyword position, never on data. */
export function eachSubschema(root: JsonSchema, visit: (s: JsonSchemaObject) => void): void {
  const seen = new Set<object>();
  const walk = (s: unknown, depth: number): void => {
    if (!isRecord(s) || seen.has(s) || depth > 128) return;
    seen.add(s);
    visit(s);
    for (const k of ONE) if (hasOwn(s, k) && !Array.isArray(s[k])) walk(s[k], depth + 1);
    for (const k of MAP) if (hasOwn(s, k) && isRecord(s[k])) for (const v of Object.values(s[k] as object)) walk(v, depth + 1);
    for (const k of LIST) if (hasOwn(s, k) && Array.isArray(s[k])) for (const v of s[k] as unknown[]) walk(v, depth + 1);
  };
  walk(root, 0);
}

/**
 * Whether some subschema of `root` (root included) passes `test`. Subschemas only, by keyword
 * position: a property named `if`, an `x-formula` with an `if` operator or an enum value never
 * counts as a keyword.
 */
export function someSubschema(root: JsonSchema | undefined, test: (s: JsonSchemaObject) => boolean): boolean {
  let found = false;
  if (root !== undefined) eachSubschema(root, (s) => (found ||= test(s)));
  return found;
}

const dialects = new WeakMap<object, Dialect>();

/**
 * The dialect of a root schema: its `$schema`, else what its syntax says. Boolean exclusive
 * bounds are draft-04's; tuple `items`, `additionalItems` or `definitions` are draft-07's (which
 * reads draft-06 alike). A document that also uses a 2019-09/2020-12 keyword stays 2020-12.
 * Cached per schema object.
 */
export function schemaDialect(root: JsonSchema): Dialect {
  if (!isRecord(root)) return '2020-12';
  const cached = dialects.get(root);
  if (cached) return cached;
  let dialect: Dialect;
  if (root.$schema !== undefined) dialect = detectDialect(root.$schema);
  else {
    let older = false;
    let draft04 = false;
    let newer = false;
    eachSubschema(root, (s) => {
      if (typeof s.exclusiveMinimum === 'boolean' || typeof s.exclusiveMaximum === 'boolean') draft04 = true;
      if (Array.isArray(s.items) || hasOwn(s, 'additionalItems') || hasOwn(s, 'definitions')) older = true;
      if (NEW_KEYWORDS.some((k) => hasOwn(s, k))) newer = true;
    });
    dialect = newer ? '2020-12' : draft04 ? 'draft-04' : older ? 'draft-07' : '2020-12';
  }
  dialects.set(root, dialect);
  return dialect;
}
