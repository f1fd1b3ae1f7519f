/**
 * The widget registry: an ordered list of `{tester, tag}` entries, as in JSON Forms. Each tester
 * looks at a field and returns a rank (or -1 when it does not apply); the highest rank wins, ties go
 * to the entry added last. Ranks make precedence explicit:
 * type < format < enum or special shape < explicit `x-widget` < the app's own entries.
 * Core only names tags; the elements package defines them.
 */
import type { JsonSchemaObject } from './types.js';
import type { SchemaOption, TypeInfo } from './schema/resolve.js';

export const RANK = { type: 10, format: 20, special: 30, explicit: 40, app: 50 } as const;
export const NOT_APPLICABLE = -1;

/** What a tester sees of a field. */
export interface WidgetContext {
  readonly kind: 'value' | 'object' | 'array' | 'fallback';
  readonly schema: JsonSchemaObject;
  readonly type: TypeInfo;
  readonly options?: readonly SchemaOption[];
  readonly itemOptions?: readonly SchemaOption[];
  readonly computed: boolean;
  /** A widget name or tag asked for by the layout or by `x-widget`. */
  readonly hint?: string;
}

export type WidgetTester = (ctx: WidgetContext) => number;

export interface WidgetEntry {
  /** A short name for `x-widget` and layout hints (`"rating"`), optional. */
  readonly name?: string;
  readonly tag: string;
  readonly tester: WidgetTester;
}

/** Combinators for testers, so entries read as a sentence: `rankWith(RANK.format, formatIs('email'))`. */
export const rankWith =
  (rank: number, ...predicates: ((c: WidgetContext) => boolean)[]): WidgetTester =>
  (c) =>
    predicates.every((p) => p(c)) ? rank : NOT_APPLICABLE;
export const kindIs = (kind: WidgetContext['kind']) => (c: WidgetContext) => c.kind === kind;
export const typeIs =
  (...types: string[]) =>
  (c: WidgetContext) =>
    c.type.primary !== undefined && types.includes(c.type.primary);
export const formatIs =
  (...formats: string[]) =>
  (c: WidgetContext) =>
    typeof c.schema.format === 'string' && formats.includes(c.schema.format);
export const hasOptions = (c: WidgetContext) => !!c.options?.length;
export const hasItemOptions = (c: WidgetContext) => !!c.itemOptions?.length;
export const isComputed = (c: WidgetContext) => c.computed;

export class WidgetRegistry {
  #entries: WidgetEntry[];

  constructor(entries: readonly WidgetEntry[] = []) {
    this.#entries = [...entries];
  }

  /** The entries in the order they were added. */
  get entries(): readonly WidgetEntry[] {
    return this.#entries;
  }

  /** Adds entries; returns `this` for chaining. Later entries win ties. */
  add(...entries: WidgetEntry[]): this {
    this.#entries.push(...entries);
    return this;
  }

  /** A copy with more entries: how an app extends the defaults without touching them. */
  extend(...entries: WidgetEntry[]): WidgetRegistry {
    return new WidgetRegistry([...this.#entries, ...entries]);
  }

  /** The tag of the best entry for a field (the raw JSON editor when nothing applies). */
  resolve(ctx: WidgetContext): string {
    if (ctx.hint) {
      // An explicit request (x-widget or the layout) ranks `explicit`, if that widget fits the data.
      const byName = this.#entries.findLast((e) => e.name === ctx.hint || e.tag === ctx.hint);
      if (byName && byName.tester(ctx) !== NOT_APPLICABLE) {
        const app = this.#bestAbove(ctx, RANK.explicit);
        return app ?? byName.tag;
      }
    }
    return this.#bestAbove(ctx, NOT_APPLICABLE) ?? 'kc-json-field';
  }

  #bestAbove(ctx: WidgetContext, floor: number): string | undefined {
    let best: WidgetEntry | undefined;
    let bestRank = floor;
    for (const e of this.#entries) {
      const r = e.tester(ctx);
      if (r !== NOT_APPLICABLE && r >= bestRank && r > floor) {
        best = e;
        bestRank = r;
      }
    }
    return best?.tag;
  }
}

const isMoney = (c: WidgetContext) => {
  const p = c.schema.properties;
  return c.type.primary === 'object' && !!p && 'amount' in p && 'currency' in p && Object.keys(p).length === 2;
};
const isFile = (c: WidgetContext) =>
  c.type.primary === 'object' && (c.hint === 'file' || c.hint === 'kc-file-field' || typeof c.schema.contentMediaType === 'string');
/** An array of plain strings: `items` declares `type: "string"` and the items are not enum-like. */
const isStringList = (c: WidgetContext) => {
  const items = c.schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items) || hasItemOptions(c)) return false;
  const t = (items as { type?: unknown }).type;
  return t === 'string' || (Array.isArray(t) && t.filter((x) => x !== 'null').length === 1 && t.includes('string'));
};
/** A small integer scale (1–5 by default, at most 10 steps) for stars. */
const isSmallScale = (c: WidgetContext) => {
  const min = typeof c.schema.minimum === 'number' ? c.schema.minimum : 1;
  const max = typeof c.schema.maximum === 'number' ? c.schema.maximum : min + 4;
  return Number.isInteger(min) && Number.isInteger(max) && max >= min && max - min < 10;
};
/** Entries that apply only when asked for by name (`x-widget` or a layout hint) rank below `type`. */
const BY_NAME_ONLY = RANK.type - 1;

/** A number in percent: `"x-unit": "%"` picks it (rank special); `x-widget: "percent"` by name. */
const percentTester: WidgetTester = (c) => {
  if (c.kind !== 'value' || !typeIs('number', 'integer')(c)) return NOT_APPLICABLE;
  return c.schema['x-unit'] === '%' ? RANK.special : BY_NAME_ONLY;
};

/**
 * An array whose items are objects (inline `type: "object"` / `properties`, or a `$ref`): what the
 * table layout can show. Chosen by name only (`x-widget: "table"` or a layout hint), so existing
 * cards keep their sub-cards.
 */
const hasObjectItems = (c: WidgetContext) => {
  const items = c.schema.items;
  if (!items || typeof items !== 'object' || Array.isArray(items) || hasItemOptions(c)) return false;
  const s = items as { type?: unknown; properties?: unknown; $ref?: unknown };
  return s.type === 'object' || (s.type === undefined && (s.properties !== undefined || typeof s.$ref === 'string'));
};

/** The default entries; the elements package defines each tag. */
export const defaultWidgets: readonly WidgetEntry[] = [
  { name: 'text', tag: 'kc-text-field', tester: rankWith(RANK.type, kindIs('value'), typeIs('string')) },
  { name: 'textarea', tag: 'kc-textarea', tester: rankWith(BY_NAME_ONLY, kindIs('value'), typeIs('string')) },
  { name: 'number', tag: 'kc-number-field', tester: rankWith(RANK.type, kindIs('value'), typeIs('number', 'integer')) },
  { name: 'percent', tag: 'kc-percent-field', tester: percentTester },
  { name: 'checkbox', tag: 'kc-checkbox', tester: rankWith(RANK.type, kindIs('value'), typeIs('boolean')) },
  {
    name: 'email',
    tag: 'kc-email-field',
    tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('email', 'idn-email')),
  },
  { name: 'phone', tag: 'kc-phone-field', tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('phone', 'tel')) },
  { name: 'url', tag: 'kc-url-field', tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('uri', 'url', 'iri')) },
  { name: 'date', tag: 'kc-date-field', tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('date')) },
  { name: 'datetime', tag: 'kc-datetime-field', tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('date-time')) },
  { name: 'time', tag: 'kc-time-field', tester: rankWith(RANK.format, kindIs('value'), typeIs('string'), formatIs('time')) },
  { name: 'select', tag: 'kc-select', tester: rankWith(RANK.special, kindIs('value'), hasOptions) },
  { name: 'radio', tag: 'kc-radio-group', tester: rankWith(BY_NAME_ONLY, kindIs('value'), hasOptions) },
  { name: 'rating', tag: 'kc-rating', tester: rankWith(BY_NAME_ONLY, kindIs('value'), typeIs('integer', 'number'), isSmallScale) },
  { name: 'switch', tag: 'kc-switch', tester: rankWith(BY_NAME_ONLY, kindIs('value'), typeIs('boolean')) },
  { name: 'computed', tag: 'kc-computed-field', tester: rankWith(RANK.explicit, kindIs('value'), isComputed) },
  { name: 'group', tag: 'kc-object-group', tester: rankWith(RANK.type, kindIs('object')) },
  { name: 'money', tag: 'kc-money-field', tester: rankWith(RANK.special, kindIs('object'), isMoney) },
  // A file schema often has no `properties`, which the schema model calls a free-form object and
  // marks `fallback`; the file widget still applies there.
  { name: 'file', tag: 'kc-file-field', tester: rankWith(RANK.special, (c) => c.kind === 'object' || c.kind === 'fallback', isFile) },
  { name: 'list', tag: 'kc-array-field', tester: rankWith(RANK.type, kindIs('array')) },
  { name: 'table', tag: 'kc-table-field', tester: rankWith(BY_NAME_ONLY, kindIs('array'), hasObjectItems) },
  { name: 'multiselect', tag: 'kc-multi-select', tester: rankWith(RANK.special, kindIs('array'), hasItemOptions) },
  { name: 'tags', tag: 'kc-tags-field', tester: rankWith(RANK.special, kindIs('array'), isStringList) },
  { name: 'json', tag: 'kc-json-field', tester: rankWith(RANK.type, kindIs('fallback')) },
];

export const defaultRegistry = new WidgetRegistry(defaultWidgets);
