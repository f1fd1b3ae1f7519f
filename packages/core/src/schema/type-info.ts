/**
 * What kind of value a schema describes, for choosing a widget: declared `type` (arrays included,
 * `null` read as "nullable"), else inferred from the keywords present.
 */
import type { JsonSchemaObject, JsonValue } from '../types.js';
import { hasOwn, jsonTypeOf } from './util.js';

export const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);

export interface TypeInfo {
  /** Declared (or inferred) types without `null`. */
  types: string[];
  /** The type the widget is chosen for. */
  primary: string | undefined;
  nullable: boolean;
  /** True when `type` was absent and the types come from other keywords. */
  inferred?: boolean;
  /** Set when the schema fixes the value (`const`, or an `enum` of one value). */
  const?: { value: JsonValue };
  /** Names in `type` that are not JSON Schema types. */
  unknownTypes?: string[];
}

const OBJECT_KEYWORDS = [
  'properties',
  'additionalProperties',
  'patternProperties',
  'required',
  'minProperties',
  'maxProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'unevaluatedProperties',
];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems', 'unevaluatedItems'];
const STRING_KEYWORDS = ['format', 'pattern', 'minLength', 'maxLength', 'contentMediaType', 'contentEncoding'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

const memo = new WeakMap<object, TypeInfo>();

/**
 * The plain descriptions (declared types, nothing else) are few: one shared, frozen object per
 * (types, nullable) instead of an object and an array per schema node (issue 15: ~40 bytes of JS
 * heap per field of a large card). Callers already had to treat the result as read-only.
 */
const plain = new Map<string, TypeInfo>();

/**
 * Describes the type of a resolved schema (pass the effective schema). Never throws. The result is
 * cached per schema object and often shared between schemas (it is frozen then): treat it as
 * read-only.
 */
export function describeType(schema: JsonSchemaObject): TypeInfo {
  const raw = schema.type;
  // Most schemas declare one known type and fix no value: their description is the shared one for
  // that type, found without a per-schema memo entry (issue 15: the memo was ~14 bytes per field).
  if (typeof raw === 'string' && !hasOwn(schema, 'const') && !(Array.isArray(schema.enum) && schema.enum.length === 1)) {
    const shared = byType.get(raw);
    if (shared) return shared;
  }
  let info = memo.get(schema);
  if (!info) memo.set(schema, (info = describe(schema)));
  return info;
}

/** The description of `{type: T}` for each JSON type T (all of them interned). */
const byType = new Map<string, TypeInfo>(
  [...JSON_TYPES].map((t) => [t, t === 'null' ? interned([], 'null', true) : interned([t], t, false)]),
);

function describe(schema: JsonSchemaObject): TypeInfo {
  const raw = schema.type;
  const declared = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [];
  let constInfo: { value: JsonValue } | undefined;
  if (hasOwn(schema, 'const')) constInfo = { value: schema.const as JsonValue };
  else if (Array.isArray(schema.enum) && schema.enum.length === 1) constInfo = { value: schema.enum[0] };

  let all = declared;
  let inferred = false;
  if (all.length === 0) {
    inferred = true;
    all = inferTypes(schema);
  }
  const unknownTypes = declared.filter((t) => !JSON_TYPES.has(t));
  const nullable = all.includes('null');
  let types = [...new Set(all.filter((t) => t !== 'null'))];
  // `integer` and `number` together are just numbers.
  if (types.includes('integer') && types.includes('number')) types = types.filter((t) => t !== 'integer');
  const primary = types[0] ?? (nullable ? 'null' : undefined);
  if (!constInfo && unknownTypes.length === 0 && !(inferred && all.length > 0)) return interned(types, primary, nullable);
  const info: TypeInfo = { types, primary, nullable };
  if (inferred && all.length > 0) info.inferred = true;
  if (constInfo) info.const = constInfo;
  if (unknownTypes.length > 0) info.unknownTypes = unknownTypes;
  return info;
}

function interned(types: string[], primary: string | undefined, nullable: boolean): TypeInfo {
  const key = (nullable ? '?' : '') + types.join(' ');
  let info = plain.get(key);
  if (!info) plain.set(key, (info = Object.freeze({ types: Object.freeze(types) as string[], primary, nullable })));
  return info;
}

function inferTypes(s: JsonSchemaObject): string[] {
  if (hasOwn(s, 'const')) {
    const t = jsonTypeOf(s.const);
    return t ? [t] : [];
  }
  if (Array.isArray(s.enum) && s.enum.length > 0) {
    const ts = new Set<string>();
    for (const v of s.enum) {
      const t = jsonTypeOf(v);
      if (t) ts.add(t);
    }
    if (ts.has('integer') && ts.has('number')) ts.delete('integer');
    return [...ts];
  }
  const has = (ks: string[]) => ks.some((k) => hasOwn(s, k));
  if (has(OBJECT_KEYWORDS)) return ['object'];
  if (has(ARRAY_KEYWORDS)) return ['array'];
  if (has(STRING_KEYWORDS)) return ['string'];
  if (has(NUMBER_KEYWORDS)) return ['number'];
  return [];
}
