/**
 * Opening a document made elsewhere (a template, an imported file, a published version): local
 * `$ref`s are inlined so every field has one place to edit, every field gets an `x-kc-id`, sections
 * name their object, and publish-time data (`x-kc-migrations`) is dropped.
 */
import { defaultLayout, type JsonSchemaObject, type LayoutDocument, type MessageCatalogue } from '@kartochka/core';
import { unescapeToken } from '@kartochka/core/internal';
import { fieldTypeOf } from './field-types.js';
import { sectionPointer } from './doc.js';
import { newId } from './translit.js';
import { ID_KEYWORD, MIGRATIONS_KEYWORD, type BuilderDocument } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces `{"$ref": "#/$defs/x"}` by a copy of the target (keywords beside the ref win); recursion is left as a ref. */
export function inlineRefs(schema: JsonSchemaObject): JsonSchemaObject {
  const root = schema as Obj;
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#/')) return undefined;
    let cur: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const t = unescapeToken(decodeURIComponent(raw));
      if (!isObj(cur)) return undefined;
      cur = cur[t];
    }
    return cur;
  };
  let unresolved = false;
  const walk = (node: unknown, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, stack));
    if (!isObj(node)) return node;
    let base: Obj = node;
    if (typeof node.$ref === 'string') {
      const target = resolve(node.$ref);
      if (!isObj(target) || stack.includes(node.$ref) || stack.length > 32) {
        unresolved = true;
      } else {
        const { $ref, ...rest } = node;
        base = { ...(walk(target, [...stack, $ref as string]) as Obj), ...rest };
      }
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(base))
      out[k] = k === '$defs' || k === 'definitions' || k === 'enum' || k === 'const' || k === 'default' ? v : walk(v, stack);
    return out;
  };
  const out = walk(schema, []) as Obj;
  if (!unresolved) {
    delete out.$defs;
    delete out.definitions;
  }
  return out as JsonSchemaObject;
}

/** Gives every field (where the builder's index walks) an `x-kc-id`. Existing ids are kept. */
export function assignIds(schema: JsonSchemaObject): JsonSchemaObject {
  const walkObject = (obj: JsonSchemaObject): JsonSchemaObject => {
    if (!obj.properties) return obj;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj.properties)) {
      if (!isObj(v)) {
        props[k] = v;
        continue;
      }
      let s = v as JsonSchemaObject;
      if (typeof s[ID_KEYWORD] !== 'string') s = { ...s, [ID_KEYWORD]: newId() };
      const type = fieldTypeOf(s);
      if (type === 'object') s = walkObject(s);
      else if (type === 'repeating') s = { ...s, items: walkObject(s.items as JsonSchemaObject) };
      props[k] = s;
    }
    return { ...obj, properties: props as JsonSchemaObject['properties'] };
  };
  return walkObject(schema);
}

export interface DocumentInput {
  schema: object;
  layout?: object;
  messages?: object;
}

/** A builder document from any schema (+ optional layout and messages). */
export function normalizeDocument(input: DocumentInput): BuilderDocument {
  let schema = assignIds(inlineRefs(structuredClone(input.schema) as JsonSchemaObject));
  if (MIGRATIONS_KEYWORD in schema) {
    schema = { ...schema };
    delete schema[MIGRATIONS_KEYWORD];
  }
  const layout: LayoutDocument = input.layout ? (structuredClone(input.layout) as LayoutDocument) : defaultLayout(schema);
  const messages = (input.messages ? structuredClone(input.messages) : {}) as MessageCatalogue;
  messages.ru ??= {};
  messages.en ??= {};
  const doc: BuilderDocument = { schema, layout, messages };
  const items = layout.items.map((s) =>
    s.pointer === undefined && sectionPointer(doc, s) !== '' ? { ...s, pointer: sectionPointer(doc, s) } : s,
  );
  return { ...doc, layout: { ...layout, items } };
}
