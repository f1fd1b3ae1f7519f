/**
 * Checks a layout document: its shape with ajv (against layout.schema.json), then what only the
 * card's schema can tell — unknown pointers, fields placed twice, duplicate ids, broken rules.
 * Problems come back as data, `{path, keyword, message}`, with `path` a pointer into the layout.
 */
import type { ErrorObject } from 'ajv';
import type { JsonSchema, Locale } from '../types.js';
import { escapeToken, isWithin, parsePointer, PointerIndex } from '../pointer.js';
import { toFieldErrors } from '../validation/errors.js';
import precompiledLayoutValidator from './generated/layout-validator.js';
import { validateExpression } from '../rules/expression.js';
import { createSchemaContext, describeType, deref, type SchemaContext } from '../schema/resolve.js';
import { layoutMessage } from './messages.js';
import { isGroup, placeAt, plain, propertiesOf } from './schema-walk.js';
import type { LayoutDocument, LayoutError, LayoutItem, LayoutRules, LayoutValidationResult } from './types.js';

export interface ValidateLayoutOptions {
  locale?: Locale;
  /** A context made for `schema` already (saves rebuilding its caches). */
  ctx?: SchemaContext;
}

type StandaloneValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validateLayoutShape = precompiledLayoutValidator as unknown as StandaloneValidator;

/** Validates a layout against its own schema and against the card's schema. */
export function validateLayout(layout: unknown, schema: JsonSchema, options: ValidateLayoutOptions = {}): LayoutValidationResult {
  const locale = options.locale ?? 'en';
  // Precompiled from layout-schema.ts (scripts/generate-layout-validator.mjs): no ajv compile on
  // the page's first card, and it runs under a strict CSP.
  const shape = { errors: validateLayoutShape(layout) ? [] : toFieldErrors(validateLayoutShape.errors, locale) };
  const errors: LayoutError[] = shape.errors
    // oneOf over an item's three forms reports each form's failure; the summary is enough.
    .filter(
      (e) =>
        !(e.keyword === 'const' || e.keyword === 'type') ||
        !shape.errors.some((o) => o.keyword === 'oneOf' && isWithin(e.path, o.path) && e.path !== o.path),
    )
    .map((e) => ({ path: e.path, keyword: e.keyword, message: layoutMessage('schema', { detail: e.message }, locale), params: e.params }));
  if (errors.length) return { valid: false, errors };
  errors.push(...semanticErrors(layout as LayoutDocument, options.ctx ?? createSchemaContext(schema), locale));
  return { valid: errors.length === 0, errors };
}

/** A walk over every placed item: `visit(pointer, layoutPath)`. */
export function forEachPlacement(
  items: readonly LayoutItem[],
  at: string,
  visit: (pointer: string, path: string, item: LayoutItem) => void,
): void {
  items.forEach((item, i) => {
    const path = `${at}/${i}`;
    if (typeof item === 'string') visit(item, path, item);
    else if (item.type === 'field') visit(item.pointer, `${path}/pointer`, item);
    else if (item.type === 'group') forEachPlacement(item.items, `${path}/items`, visit);
  });
}

/** The semantic checks alone, on a layout that already matches layout.schema.json. */
export function semanticErrors(layout: LayoutDocument, ctx: SchemaContext, locale: Locale): LayoutError[] {
  const errors: LayoutError[] = [];
  const err = (path: string, keyword: string, params: Record<string, unknown>) =>
    errors.push({ path, keyword, message: layoutMessage(keyword, params, locale), params });
  const ids = new Map<string, string>();
  const placed = new PointerIndex<string>(); // pointer → the layout path that placed it
  const checkId = (id: string | undefined, path: string) => {
    if (id === undefined) return;
    const first = ids.get(id);
    if (first !== undefined) err(`${path}/id`, 'duplicateId', { id, first });
    else ids.set(id, path);
  };
  const checkRules = (rules: LayoutRules | undefined, path: string) => {
    if (!rules) return;
    for (const kind of ['visible', 'required', 'readOnly'] as const) {
      if (rules[kind] === undefined) continue;
      for (const p of validateExpression(rules[kind]!, `${path}/rules/${kind}`)) err(p.at, 'expression', { detail: p.message });
    }
  };
  const walkGroupIds = (items: readonly LayoutItem[], at: string) =>
    items.forEach((item, i) => {
      if (typeof item === 'string') return;
      checkRules(item.rules, `${at}/${i}`);
      if (item.type === 'group') {
        checkId(item.id, `${at}/${i}`);
        walkGroupIds(item.items, `${at}/${i}/items`);
      }
    });
  layout.items.forEach((section, s) => {
    const at = `/items/${s}`;
    checkId(section.id, at);
    checkRules(section.rules, at);
    if (section.pointer !== undefined) {
      const place = placeAt(ctx, section.pointer);
      if (!place.ok) err(`${at}/pointer`, reasonKeyword(place.reason), { pointer: section.pointer });
      else if (!isGroup(ctx, place.schema)) err(`${at}/pointer`, 'notAGroup', { pointer: section.pointer });
    }
    walkGroupIds(section.items, `${at}/items`);
    forEachPlacement(section.items, `${at}/items`, (pointer, path) => {
      const place = placeAt(ctx, pointer);
      if (!place.ok) return err(path, reasonKeyword(place.reason), { pointer });
      const clash = placed.overlapping(pointer);
      if (clash) return err(path, 'duplicateField', { pointer, first: clash[1], other: clash[0] });
      placed.set(pointer, path);
    });
  });
  for (const template of Object.keys(layout.widgets ?? {})) {
    if (!templateExists(ctx, template)) err(`/widgets/${escapeToken(template)}`, 'unknownTemplate', { pointer: template });
  }
  return errors;
}

function reasonKeyword(reason: 'syntax' | 'root' | 'unknown' | 'inside-array'): string {
  return reason === 'syntax' ? 'pointer' : reason === 'root' ? 'root' : reason === 'unknown' ? 'unknownField' : 'insideArray';
}

/** Whether a pointer template (`*` for array items) names a place in the schema. */
export function templateExists(ctx: SchemaContext, template: string): boolean {
  let tokens: string[];
  try {
    tokens = parsePointer(template);
  } catch {
    return false;
  }
  if (tokens.length === 0) return false;
  let cur: JsonSchema = ctx.root;
  for (const token of tokens) {
    const s = plain(ctx, cur);
    if (describeType(s).primary === 'array') {
      if (token !== '*' && !/^(0|[1-9]\d*)$/.test(token)) return false;
      const items = s.items;
      if (!items || Array.isArray(items)) return false;
      cur = deref(ctx, items as JsonSchema);
      continue;
    }
    const next = propertiesOf(ctx, cur).get(token);
    if (next === undefined) return false;
    cur = next;
  }
  return true;
}
