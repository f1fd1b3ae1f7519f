/**
 * Whether the form can render a schema as fields, or must show the raw JSON editor (which keeps
 * the data intact). Pass the effective schema of the location.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import type { SchemaContext } from './context.js';
import { plainSchema, staticResolve } from './static.js';
import { describeType } from './type-info.js';
import { fallbackReason, hasOwn, isAnnotation, isRecord } from './util.js';

export type Renderability = { ok: true } | { ok: false; reason: string };

/**
 * The refusals, per static entry (itself cached per schema object and context). A location that
 * renders is checked again each time: a few property reads, cheaper than a WeakMap entry per field
 * of a large card (issue 15); its answer is the one shared `OK`, as it was from the memo.
 */
const memo = new WeakMap<object, Renderability>();
const OK: Renderability = Object.freeze({ ok: true });
const no = (reason: string): Renderability => ({ ok: false, reason });

/** `{ok: true}`, or `{ok: false, reason}` when the location needs the raw JSON editor. Never throws. */
export function renderable(ctx: SchemaContext, schema: JsonSchema | undefined): Renderability {
  if (schema === false) return no('false schema: no value is valid');
  if (schema !== undefined && typeof schema !== 'boolean' && !isRecord(schema)) return no('not a schema');
  try {
    // A plain schema is its own resolution (and its own memo key): no static entry is made for it.
    const plain = plainSchema(schema);
    const entry = plain ? undefined : staticResolve(ctx, schema);
    const key: object = plain ?? entry!;
    let r = memo.get(key);
    if (!r) {
      r = check(plain ?? entry!.schema, !!entry?.alternatives);
      if (!r.ok) memo.set(key, r);
    }
    return r;
  } catch (e) {
    return no(`schema could not be resolved: ${(e as Error)?.message ?? String(e)}`);
  }
}

function check(s: JsonSchemaObject, hasBranches: boolean): Renderability {
  const fb = fallbackReason(s);
  if (fb) return no(fb);
  if (hasOwn(s, 'not')) {
    if (s.not === true || (isRecord(s.not) && Object.keys(s.not).length === 0)) return no('false schema: no value is valid');
    const constraints = Object.keys(s).filter((k) => !isAnnotation(k));
    if (constraints.length === 1) return no('only "not" is given: nothing says what the value is');
  }
  const info = describeType(s);
  if (info.unknownTypes) return no(`unknown type ${info.unknownTypes.map((t) => JSON.stringify(t)).join(', ')}`);
  if (hasOwn(s, 'contains')) return no('"contains" arrays are edited as JSON');
  if (Array.isArray(s.enum) && s.enum.length === 0) return no('empty enum: no value is valid');
  if (info.const || Array.isArray(s.enum) || Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) return OK;
  if (info.types.length === 0) {
    if (hasBranches) return OK;
    return info.nullable ? OK : no('no type: any JSON value');
  }
  if (info.types.length > 1) return no(`several types (${info.types.join(', ')})`);
  switch (info.primary) {
    case 'array': {
      if (Array.isArray(s.prefixItems) || Array.isArray(s.items)) return no('tuple arrays (prefixItems / items array) are edited as JSON');
      if (s.items === undefined || s.items === true) return no('array items have no schema');
      if (s.items === false) return no('array items: false schema');
      return OK;
    }
    case 'object': {
      const props = isRecord(s.properties) ? Object.keys(s.properties) : [];
      if (props.length > 0 || hasBranches) return OK;
      if (isRecord(s.patternProperties) && Object.keys(s.patternProperties).length > 0)
        return no('patternProperties: keys are not known in advance');
      if (isRecord(s.additionalProperties)) return no('a map (additionalProperties schema without properties)');
      if (s.additionalProperties === false) return OK; // always {}
      return no('free-form object without properties');
    }
    default:
      return OK;
  }
}
