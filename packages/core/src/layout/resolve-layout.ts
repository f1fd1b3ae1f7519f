/**
 * Turns a layout document (or the default one) into what the elements render: sections with
 * their groups and fields, widget hints by pointer template, and the layout's conditions as
 * `RuleSpec`s for the FormController. A broken layout never hides data: bad placements are
 * skipped and reported, and every field the layout leaves out is appended to the section of its
 * top-level parent (or to a last "Other" section).
 */
import type { JsonSchema, Locale } from '../types.js';
import { escapeToken, isWithin, parsePointer, PointerIndex } from '../pointer.js';
import type { RuleSpec } from '../rules/graph.js';
import type { Expression } from '../rules/expression.js';
import { RulesUnavailableError, rulesEngine } from '../rules/engine.js';
import { createSchemaContext, deref, type SchemaContext } from '../schema/resolve.js';
import { defaultLayout, OTHER_TITLE, uniqueId } from './default-layout.js';
import { placeAt, propertiesOf } from './schema-walk.js';
import { LayoutValidatorUnavailableError, layoutValidator } from './validator-runtime.js';
import type { LayoutDocument, LayoutError, LayoutItem, LayoutRules, ResolvedItem, ResolvedLayout, ResolvedSection } from './types.js';

export interface ResolveLayoutOptions {
  /** Language of the problems reported in `errors`. */
  locale?: Locale;
  ctx?: SchemaContext;
}

interface Conditions {
  visible: { expr: Expression; source: string }[];
  readOnly: { expr: Expression; source: string }[];
}

/**
 * Resolves `layout` against `schema`; without a layout, the default one. A layout document needs
 * the layout validator, and one with rules the rules engine: this module finds both registered
 * (validator-runtime.ts, rules/engine.ts) — the package root's `resolveLayout` registers them.
 */
export function resolveLayout(schema: JsonSchema, layout?: LayoutDocument | null, options: ResolveLayoutOptions = {}): ResolvedLayout {
  const ctx = options.ctx ?? createSchemaContext(schema);
  const locale = options.locale ?? 'en';
  let errors: LayoutError[] = [];
  let doc: LayoutDocument;
  if (layout == null) doc = defaultLayout(schema, ctx);
  else {
    const validateLayout = layoutValidator();
    if (!validateLayout) throw new LayoutValidatorUnavailableError();
    const check = validateLayout(layout, schema, { locale, ctx });
    errors = check.errors;
    // A document of the wrong shape can't be followed at all: fall back to the default.
    const broken = errors.some(
      (e) =>
        e.message &&
        ![
          'pointer',
          'root',
          'unknownField',
          'insideArray',
          'duplicateField',
          'duplicateId',
          'notAGroup',
          'unknownTemplate',
          'expression',
        ].includes(e.keyword),
    );
    doc = broken ? defaultLayout(schema, ctx) : layout;
  }

  const widgetHints: Record<string, string> = {};
  const rules: RuleSpec[] = [];
  const placed = new PointerIndex<true>();
  const ids = new Set<string>();
  const badExpr = new Set(errors.filter((e) => e.keyword === 'expression').map((e) => e.path.replace(/\/rules\/.*$/, '')));
  const usable = (rulesOf: LayoutRules | undefined, path: string) => (rulesOf && !badExpr.has(path) ? rulesOf : undefined);

  const addRules = (pointer: string, cond: Conditions, own: LayoutRules | undefined, path: string) => {
    const visible = [...cond.visible, ...(own?.visible !== undefined ? [{ expr: own.visible, source: `${path}/rules/visible` }] : [])];
    const readOnly = [...cond.readOnly, ...(own?.readOnly !== undefined ? [{ expr: own.readOnly, source: `${path}/rules/readOnly` }] : [])];
    const required = own?.required !== undefined ? [{ expr: own.required, source: `${path}/rules/required` }] : [];
    push(pointer, 'visible', visible, 'and');
    push(pointer, 'readOnly', readOnly, 'or');
    push(pointer, 'required', required, 'or');
  };
  const push = (
    target: string,
    kind: 'visible' | 'readOnly' | 'required',
    list: { expr: Expression; source: string }[],
    op: 'and' | 'or',
  ) => {
    if (!list.length) return;
    const expr = list.length === 1 ? list[0].expr : { [op]: list.map((x) => x.expr) };
    rules.push({ target, kind, expr, source: list.length === 1 ? list[0].source : `/layout${target}` });
  };

  const resolveItems = (items: readonly LayoutItem[], at: string, cond: Conditions, out: string[]): ResolvedItem[] => {
    const result: ResolvedItem[] = [];
    items.forEach((item, i) => {
      const path = `${at}/${i}`;
      if (typeof item === 'string' || item.type === 'field') {
        const pointer = typeof item === 'string' ? item : item.pointer;
        if (!placeAt(ctx, pointer).ok || placed.overlapping(pointer)) return;
        placed.set(pointer, true);
        out.push(pointer);
        const field = typeof item === 'string' ? undefined : item;
        if (field?.widget) widgetHints[pointer] = field.widget;
        addRules(pointer, cond, usable(field?.rules, path), path);
        result.push({ type: 'field', pointer, span: field?.span ?? 1 });
        return;
      }
      const own = usable(item.rules, path);
      const inner: Conditions = {
        visible: own?.visible !== undefined ? [...cond.visible, { expr: own.visible, source: `${path}/rules/visible` }] : cond.visible,
        readOnly:
          own?.readOnly !== undefined ? [...cond.readOnly, { expr: own.readOnly, source: `${path}/rules/readOnly` }] : cond.readOnly,
      };
      const id = uniqueId(item.id ?? '', ids, `group${ids.size + 1}`);
      result.push({
        type: 'group',
        id,
        title: item.title,
        columns: item.columns ?? 1,
        span: item.span ?? 1,
        items: resolveItems(item.items, `${path}/items`, inner, out),
      });
    });
    return result;
  };

  const conditionsOf = new Map<ResolvedSection, Conditions>();
  const sections: ResolvedSection[] = doc.items.map((section, s) => {
    const at = `/items/${s}`;
    const own = usable(section.rules, at);
    const cond: Conditions = {
      visible: own?.visible !== undefined ? [{ expr: own.visible, source: `${at}/rules/visible` }] : [],
      readOnly: own?.readOnly !== undefined ? [{ expr: own.readOnly, source: `${at}/rules/readOnly` }] : [],
    };
    const pointers: string[] = [];
    const id = uniqueId(section.id, ids, `section${s + 1}`);
    const pointer = section.pointer !== undefined && placeAt(ctx, section.pointer).ok ? section.pointer : undefined;
    const items = resolveItems(section.items, `${at}/items`, cond, pointers);
    const r: ResolvedSection = {
      type: 'section',
      id,
      title: section.title,
      description: section.description,
      pointer,
      columns: section.columns ?? doc.columns ?? 1,
      visible: own?.visible,
      items,
      pointers,
    };
    conditionsOf.set(r, cond);
    return r;
  });

  // Whatever the layout left out goes where its top-level parent lives, so no data is hidden.
  const topOf = (pointer: string) => '/' + escapeToken(parsePointer(pointer)[0]);
  const sectionOfTop = new Map<string, ResolvedSection>();
  for (const s of sections) for (const p of s.pointers) if (!sectionOfTop.has(topOf(p))) sectionOfTop.set(topOf(p), s);
  for (const pointer of unplaced(ctx, placed)) {
    let home = sections.find((s) => s.pointer !== undefined && isWithin(pointer, s.pointer)) ?? sectionOfTop.get(topOf(pointer));
    if (!home) {
      home = sections.find((s) => s.id === 'other' && conditionsOf.get(s) === undefined);
      if (!home) {
        home = {
          type: 'section',
          id: uniqueId('other', ids, 'other'),
          title: { ...OTHER_TITLE },
          columns: doc.columns ?? 1,
          items: [],
          pointers: [],
        };
        sections.push(home);
      }
    }
    home.items.push({ type: 'field', pointer, span: 1, appended: true });
    home.pointers.push(pointer);
    if (!sectionOfTop.has(topOf(pointer))) sectionOfTop.set(topOf(pointer), home);
    const cond = conditionsOf.get(home);
    if (cond) addRules(pointer, cond, undefined, `/appended${pointer}`);
  }

  for (const [template, widget] of Object.entries(doc.widgets ?? {})) {
    if (!errors.some((e) => e.keyword === 'unknownTemplate' && e.params?.pointer === template)) widgetHints[template] = widget;
  }

  return {
    sections: doc.sections ?? (sections.length >= 3 ? 'tabs' : 'plain'),
    items: sections,
    widgetHints,
    rules: mergeWithSchemaRules(ctx, rules),
    errors,
  };
}

/** The smallest subtrees of the schema that no placed pointer covers, in schema order. */
export function unplaced(ctx: SchemaContext, placed: readonly string[] | PointerIndex<unknown>): string[] {
  let index = placed as PointerIndex<unknown>;
  if (Array.isArray(placed)) {
    index = new PointerIndex<true>();
    for (const p of placed) index.set(p, true);
  }
  const out: string[] = [];
  const walk = (pointer: string, schema: JsonSchema | undefined) => {
    if (index.covering(pointer)) return;
    if (pointer !== '' && !index.within(pointer)) {
      out.push(pointer);
      return;
    }
    for (const [key, child] of propertiesOf(ctx, schema)) walk(`${pointer}/${escapeToken(key)}`, child);
  };
  walk('', ctx.root);
  return out;
}

/**
 * One rule of a kind per field: where the schema's `x-rules` already has one on the same field,
 * the layout's rule carries both (visible: and; required, readOnly: or). The runtime evaluates
 * rules given after the schema's last, so the combined one decides.
 */
function mergeWithSchemaRules(ctx: SchemaContext, rules: RuleSpec[]): RuleSpec[] {
  if (!rules.length) return rules;
  const engine = rulesEngine();
  if (!engine) throw new RulesUnavailableError('This layout has rules');
  const own = engine.collectRules(ctx.root, (s) => deref(ctx, s));
  return rules.map((r) => {
    const same = own.find((o) => o.target === r.target && o.kind === r.kind);
    if (!same) return r;
    return { ...r, expr: { [r.kind === 'visible' ? 'and' : 'or']: [same.expr, r.expr] } };
  });
}
