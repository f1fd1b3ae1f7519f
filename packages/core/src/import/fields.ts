/**
 * The fields a table can be imported into: every scalar place of a card's schema (the first item of
 * a list of groups — phones, emails — counts as one place, `/…/phones/0/number`), with its labels in
 * every language of the card's messages, its kind of value and its options' labels, so columns are
 * matched by title and cells converted by the field's type (convert.ts). No DOM; runs in a worker too.
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { MessageCatalogue, FieldMessages } from '../i18n/labels.js';
import { humanize } from '../i18n/labels.js';
import { joinPointer, templateOf } from '../pointer.js';
import { createSchemaContext, describeType, type SchemaContext } from '../schema/resolve.js';
import { plain, propertiesOf } from '../layout/schema-walk.js';

/** How a cell's text becomes the field's value. */
export type ImportFieldKind =
  'string' | 'number' | 'integer' | 'boolean' | 'date' | 'date-time' | 'phone' | 'email' | 'enum' | 'enum-list' | 'string-list';

/** One option of an enum field: its stored value and its labels (ru, en… and the value itself). */
export interface ImportOption {
  value: JsonValue;
  labels: string[];
}

/** A place a column can fill. */
export interface ImportField {
  /** The concrete pointer the value is written to (`/general/contacts/phones/0/number`). */
  pointer: string;
  kind: ImportFieldKind;
  /** The field's label per language (`{ru: 'Телефоны › Номер', en: 'Phones › Number'}`). */
  labels: Record<string, string>;
  /** Other names a column may carry for this field (a list item's own label, the key). */
  aliases: string[];
  options?: ImportOption[];
  /** The schema says this field is unique among cards of the type (`x-unique`). */
  unique?: boolean;
}

const entry = (messages: MessageCatalogue | undefined, locale: string, template: string): FieldMessages | undefined => {
  const e = messages?.[locale as keyof MessageCatalogue]?.[template];
  return typeof e === 'string' ? { title: e } : e;
};

/**
 * The single-field keys a schema's root `x-unique` names (field-level `x-unique: true` is read on the
 * field). Only which fields are keys: how key values compare is `@kartochka/core/unique`'s
 * (docs/duplicates.md), kept out of here so the core root does not load its phone metadata.
 */
function rootUniqueFields(schema: unknown): string[][] {
  const out: string[][] = [];
  const root = schema && typeof schema === 'object' ? (schema as Record<string, unknown>)['x-unique'] : undefined;
  for (const k of Array.isArray(root) ? root : typeof root === 'string' ? [root] : []) {
    if (typeof k === 'string') out.push([k]);
    else if (Array.isArray(k) && k.every((p) => typeof p === 'string')) out.push(k as string[]);
  }
  return out;
}

const SKIP_WIDGETS = new Set(['file', 'json']);

/** The importable fields of `schema`, in schema order. */
export function importFields(schema: JsonSchema, messages?: MessageCatalogue): ImportField[] {
  const ctx = createSchemaContext(schema);
  const locales = Object.keys(messages ?? {});
  const single = new Set(
    rootUniqueFields(schema)
      .filter((k) => k.length === 1)
      .map((k) => k[0]),
  );
  const out: ImportField[] = [];

  const labelAt = (pointer: string, s: JsonSchemaObject, locale: string, key: string): string =>
    entry(messages, locale, templateOf(pointer))?.title ?? (typeof s.title === 'string' && s.title ? s.title : humanize(key));

  const walk = (
    schemaAt: JsonSchema,
    pointer: string,
    parents: { pointer: string; schema: JsonSchemaObject; key: string; list: boolean }[],
    depth: number,
  ) => {
    for (const [key, child] of propertiesOf(ctx, schemaAt)) {
      const s = plain(ctx, child);
      const at = joinPointer(pointer, key);
      if (s.readOnly === true || s['x-formula'] !== undefined || SKIP_WIDGETS.has(String(s['x-widget']))) continue;
      const type = describeType(s).primary;
      const here = { pointer: at, schema: s, key, list: false };
      if (type === 'object') {
        if (depth < 6) walk(child, at, [...parents, here], depth + 1);
        continue;
      }
      if (type === 'array') {
        const items = plain(ctx, s.items as JsonSchema);
        const itemType = describeType(items).primary;
        if (Array.isArray(items.enum)) add(at, 'enum-list', items, [...parents, here], ctx, items);
        else if (itemType === 'string') add(at, 'string-list', s, [...parents, here], ctx);
        else if (itemType === 'object' && depth < 6 && !parents.some((p) => p.list))
          walk(s.items as JsonSchema, joinPointer(at, 0), [...parents, { ...here, list: true }], depth + 1);
        continue;
      }
      const kind: ImportFieldKind | undefined = Array.isArray(s.enum)
        ? 'enum'
        : type === 'number' || type === 'integer' || type === 'boolean'
          ? type
          : type === 'string'
            ? s.format === 'date'
              ? 'date'
              : s.format === 'date-time'
                ? 'date-time'
                : s.format === 'phone' || s.format === 'tel'
                  ? 'phone'
                  : s.format === 'email'
                    ? 'email'
                    : 'string'
            : undefined;
      if (kind) add(at, kind, s, [...parents, here], ctx, kind === 'enum' ? s : undefined);
    }
  };

  function add(
    pointer: string,
    kind: ImportFieldKind,
    _s: JsonSchemaObject,
    chain: { pointer: string; schema: JsonSchemaObject; key: string; list: boolean }[],
    _ctx: SchemaContext,
    enumSchema?: JsonSchemaObject,
  ) {
    const leaf = chain[chain.length - 1];
    // A list item's field is named by the list and the field («Телефоны › Номер»); a plain group's is its own label.
    const listAt = chain.findIndex((c) => c.list);
    const labels: Record<string, string> = {};
    const aliases = new Set<string>([leaf.key, pointer]);
    for (const locale of locales.length ? locales : ['en']) {
      const own = labelAt(leaf.pointer, leaf.schema, locale, leaf.key);
      if (listAt >= 0) {
        const list = chain[listAt];
        const listLabel = labelAt(list.pointer, list.schema, locale, list.key);
        labels[locale] = `${listLabel} › ${own}`;
        aliases.add(own);
        // The list's only required field is what a column named after the list holds («Телефоны» → number).
        const required = (
          list.schema.items && typeof list.schema.items === 'object' ? plain(ctx, list.schema.items as JsonSchema).required : undefined
        ) as string[] | undefined;
        if (required?.length === 1 && required[0] === leaf.key) aliases.add(listLabel);
      } else labels[locale] = own;
    }
    const field: ImportField = { pointer, kind, labels, aliases: [...aliases] };
    if (enumSchema && Array.isArray(enumSchema.enum)) {
      const template = templateOf(pointer);
      field.options = (enumSchema.enum as JsonValue[]).map((value) => {
        const key = typeof value === 'string' ? value : JSON.stringify(value);
        const labels = new Set<string>([String(value)]);
        for (const locale of locales) {
          const label = entry(messages, locale, template)?.options?.[key];
          if (label) labels.add(label);
        }
        return { value, labels: [...labels] };
      });
    }
    if (single.has(pointer) || single.has(templateOf(pointer)) || leaf.schema['x-unique'] === true) field.unique = true;
    out.push(field);
  }

  walk(schema, '', [], 0);
  return out;
}
