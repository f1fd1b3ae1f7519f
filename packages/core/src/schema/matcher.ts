/**
 * Evaluates a subschema against data (for `if`, and to pick a `oneOf`/`anyOf` branch) with ajv.
 * Each subschema object is compiled once per context and cached. A subschema whose `$ref`s only
 * reach `#/$defs/…` or `#/definitions/…` is compiled on its own next to the root's definitions
 * (cheap: ajv compiles only what it reaches). Any other reference (`#`, `#/properties/…`, anchors,
 * `$id`s) needs the whole document: the root is then registered once and the subschema compiled
 * as `{$ref: "<root>#<pointer>"}`. A schema ajv cannot compile never matches (and never throws).
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import { getAt } from '../pointer.js';
import type { Ajv } from '../validation/ajv.js';
import { validationRuntime } from '../validation/runtime.js';
import type { SchemaContext } from './context.js';
import { schemaIndex } from './context.js';
import { hasOwn, isRecord } from './util.js';

export type Matcher = (data: JsonValue | undefined) => boolean;

interface MatcherState {
  readonly ajv: Ajv;
  /** `undefined`: not yet registered; `false`: ajv rejected the document. */
  rootRegistered?: boolean;
  readonly compiled: WeakMap<object, Matcher>;
}

const ROOT_KEY = 'kartochka-matcher:root';
const states = new WeakMap<SchemaContext, MatcherState>();
const ALWAYS: Matcher = () => true;
const NEVER: Matcher = () => false;

function state(ctx: SchemaContext): MatcherState {
  let s = states.get(ctx);
  if (!s) {
    // ajv comes from the run-time compiler, loaded by whoever builds forms from conditional
    // schemas (the package root in Node; kc-card loads it first when the schema needs it).
    const rt = validationRuntime();
    if (!rt) throw new Error('The schema matcher needs the run-time validator: call loadValidationRuntime() first.');
    const { Ajv2020, AjvDraft07, addFormats } = rt;
    const Ctor = ctx.draft === 'draft-07' ? AjvDraft07 : Ajv2020;
    const ajv = new Ctor({
      strict: false,
      allErrors: false,
      validateSchema: false,
      validateFormats: true,
      addUsedSchema: false,
      allowUnionTypes: true,
      logger: false,
    });
    // ajv-formats' and the formats Kartochka adds (compiler.ts makeAjv), so a branch chosen by a
    // format agrees with validation.
    addFormats(ajv);
    s = { ajv, compiled: new WeakMap() };
    states.set(ctx, s);
  }
  return s;
}

/** True when `data` is valid against `schema` (a subschema of `ctx.root`, or any schema). */
export function matches(ctx: SchemaContext, schema: JsonSchema | undefined, data: JsonValue | undefined): boolean {
  try {
    return compileMatcher(ctx, schema)(data);
  } catch {
    return false;
  }
}

/** The cached validator of `schema` as a boolean function. */
export function compileMatcher(ctx: SchemaContext, schema: JsonSchema | undefined): Matcher {
  if (schema === undefined || schema === true) return ALWAYS;
  if (!isRecord(schema)) return NEVER;
  const st = state(ctx);
  let fn = st.compiled.get(schema);
  if (!fn) {
    fn = compile(ctx, st, schema);
    st.compiled.set(schema, fn);
  }
  return fn;
}

function compile(ctx: SchemaContext, st: MatcherState, schema: JsonSchemaObject): Matcher {
  const pointer = schemaIndex(ctx).pointerOf.get(schema);
  if (pointer !== undefined && needsWholeDocument(ctx, schema) && st.rootRegistered !== false) {
    try {
      if (st.rootRegistered === undefined) {
        st.ajv.addSchema(ctx.root, ROOT_KEY);
        st.rootRegistered = true;
      }
      return wrap(st.ajv.compile({ $ref: ROOT_KEY + '#' + pointer.split('/').map(encodeURIComponent).join('/') }));
    } catch {
      // The document has something ajv refuses (e.g. draft-04 boolean exclusiveMinimum):
      // compile subschemas alone from now on.
      st.rootRegistered = false;
      try {
        st.ajv.removeSchema(ROOT_KEY);
      } catch {
        /* not registered */
      }
    }
  }
  try {
    const wrapper: JsonSchemaObject = { allOf: [schema] };
    if (ctx.root.$defs !== undefined) wrapper.$defs = ctx.root.$defs;
    if (ctx.root.definitions !== undefined) wrapper.definitions = ctx.root.definitions;
    return wrap(st.ajv.compile(wrapper));
  } catch {
    return NEVER;
  }
}

function wrap(validate: (data: unknown) => unknown): Matcher {
  return (data) => {
    try {
      return validate(data) === true;
    } catch {
      return false;
    }
  };
}

const DEFS_REF = /^#\/(\$defs|definitions)\//;

/** Whether `schema` (with what its refs reach) refers to anything but the root's definitions. */
function needsWholeDocument(ctx: SchemaContext, schema: JsonSchemaObject): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (seen.size > 10_000) return true;
    if (!Array.isArray(node)) {
      const rec = node as Record<string, unknown>;
      if (node !== schema && typeof rec.$id === 'string' && hasOwn(rec, '$id')) return true;
      if (hasOwn(rec, '$ref') && typeof rec.$ref === 'string') {
        if (!DEFS_REF.test(rec.$ref)) return true;
        let target: unknown;
        try {
          target = getAt(ctx.root, decodeURIComponent(rec.$ref.slice(1)));
        } catch {
          return true;
        }
        stack.push(target);
      }
      if (hasOwn(rec, '$dynamicRef') || hasOwn(rec, '$recursiveRef')) return true;
      for (const k of Object.keys(rec)) if (k !== 'const' && k !== 'enum' && k !== 'default' && k !== 'examples') stack.push(rec[k]);
    } else {
      for (const x of node) stack.push(x);
    }
  }
  return false;
}
