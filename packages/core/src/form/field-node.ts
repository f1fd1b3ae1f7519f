/**
 * A FieldNode is what the elements render for one place of the data: its effective schema, the
 * widget tag chosen by the registry, and static facts (required by schema, read-only, options).
 * Nodes are built lazily, one per pointer, and rebuilt only when the structure around them changes.
 */
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { WidgetRegistry } from '../registry.js';
import {
  describeType,
  effectiveSchema,
  plainSchema,
  itemOptionsOf,
  optionsOf,
  renderable,
  type EffectiveSchema,
  type SchemaContext,
  type SchemaOption,
  type TypeInfo,
} from '../schema/resolve.js';

export type FieldKind = 'value' | 'object' | 'array' | 'fallback';

export interface FieldNode {
  /** The JSON Pointer of this field's value. */
  readonly pointer: string;
  /** The pointer with array indices replaced by `*`: the key for labels, layout and rules. */
  readonly template: string;
  /** The property name or array index. */
  readonly key: string;
  readonly kind: FieldKind;
  /** The effective schema: refs followed, allOf merged, active conditionals applied. */
  readonly schema: JsonSchemaObject;
  readonly type: TypeInfo;
  readonly options?: readonly SchemaOption[];
  /** For arrays of enum items: the options of one item (a multi-select). */
  readonly itemOptions?: readonly SchemaOption[];
  readonly branches?: EffectiveSchema['branches'];
  /** Required by the parent schema (rules may add to it at runtime: see FieldState). */
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Its value is computed by a formula (`x-formula`). */
  readonly computed: boolean;
  /** The custom element tag that renders it. */
  readonly widget: string;
  /** Why this subtree falls back to the raw JSON editor. */
  readonly fallbackReason?: string;
  /**
   * An object whose schema is one of its ancestors' (`"$ref": "#"` and the like): while it holds
   * no data it is collapsed until opened (FormController.isCollapsed, expand).
   */
  readonly recursive?: boolean;
}

export interface NodeInput {
  ctx: SchemaContext;
  registry: WidgetRegistry;
  schema: JsonSchema | undefined;
  pointer: string;
  template: string;
  key: string;
  required: boolean;
  data: JsonValue | undefined;
  hint?: string;
  branch?: number;
}

function kindOf(type: TypeInfo, schema: JsonSchemaObject): FieldKind {
  if (type.primary === 'object') return 'object';
  if (type.primary === 'array') {
    // Tuples (an items array or prefixItems) have no repeating shape to render.
    if (Array.isArray(schema.items) || Array.isArray(schema.prefixItems)) return 'fallback';
    return 'array';
  }
  if (type.primary === undefined && !('const' in schema) && !schema.enum) return 'fallback';
  return 'value';
}

export function buildNode(input: NodeInput): FieldNode {
  const { ctx, registry } = input;
  let eff: EffectiveSchema;
  let fallbackReason: string | undefined;
  try {
    // A plain schema is its own effective schema: no result object is cached for it (issue 15).
    const plain = plainSchema(input.schema);
    eff = plain ? { schema: plain } : effectiveSchema(ctx, input.schema, input.data, { branch: input.branch });
  } catch (e) {
    eff = { schema: {} };
    fallbackReason = (e as Error).message;
  }
  const schema = eff.schema;
  const check = renderable(ctx, schema);
  if (check && !check.ok) fallbackReason ??= check.reason;
  const type = describeType(schema);
  let kind: FieldKind = fallbackReason ? 'fallback' : kindOf(type, schema);
  if (kind === 'fallback') fallbackReason ??= 'This part of the schema has no widget.';
  const options = kind === 'value' ? shared(ctx, optionsOf(ctx, schema)) : undefined;
  const itemOptions = kind === 'array' ? shared(ctx, itemOptionsOf(ctx, schema)) : undefined;
  const computed = schema['x-formula'] !== undefined;
  const hint = input.hint ?? (typeof schema['x-widget'] === 'string' ? schema['x-widget'] : undefined);
  const widget = registry.resolve({ kind, schema, type, options, itemOptions, computed, hint });
  if (widget === 'kc-json-field' && kind !== 'fallback') {
    kind = 'fallback';
    fallbackReason ??= 'No widget fits this field.';
  }
  const node: Mutable<FieldNode> = {
    pointer: input.pointer,
    template: input.template,
    key: input.key,
    kind,
    schema,
    type,
    required: input.required,
    readOnly: schema.readOnly === true || computed,
    computed,
    widget,
  };
  // The optional facts only where they are set: most fields have none of them, and four
  // `undefined` slots are 16 bytes of JS heap per field (issue 15).
  if (options !== undefined) node.options = options;
  if (itemOptions !== undefined) node.itemOptions = itemOptions;
  if (eff.branches !== undefined) node.branches = eff.branches;
  if (fallbackReason !== undefined) node.fallbackReason = fallbackReason;
  return node;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Option lists by content, per schema context. */
const optionLists = new WeakMap<SchemaContext, Map<string, readonly SchemaOption[]>>();

/**
 * One frozen list for the fields whose options are the same (a card repeats its enums: a status
 * on every row, a yes/no list): an array and an object per option per field were ~100 bytes of JS
 * heap per select (issue 15). Only lists of plain values are shared, so an object value stays the
 * schema's own.
 */
function shared(ctx: SchemaContext, options: SchemaOption[] | undefined): readonly SchemaOption[] | undefined {
  if (!options || options.some((o) => (o.value !== null && typeof o.value === 'object') || Object.is(o.value, -0))) return options;
  const key = JSON.stringify(options);
  let lists = optionLists.get(ctx);
  if (!lists) optionLists.set(ctx, (lists = new Map()));
  const hit = lists.get(key);
  if (hit) return hit;
  for (const o of options) Object.freeze(o);
  lists.set(key, Object.freeze(options));
  return options;
}
