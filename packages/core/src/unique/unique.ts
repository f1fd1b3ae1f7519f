/**
 * Unique keys of a card (`x-unique`): which fields, alone or together, must not repeat between two
 * cards of one card type, and the normalised key each card has for them.
 *
 * ```json
 * "inn":   {"type": "string", "x-unique": true},
 * "email": {"type": "string", "format": "email", "x-unique": true},
 * // on the root: single fields, and fields that are a key only together
 * "x-unique": ["/general/inn", ["/person/lastName", "/person/birthDate"]]
 * ```
 *
 * A key is the rule's fields and their normalised values, as one string (see {@link UniqueKey}).
 * Normalised so that writings of one value meet: text is trimmed, runs of spaces are one space,
 * case and ё/е are folded (as `@kartochka/storage`'s `foldCase`); e-mails are trimmed and
 * lower-cased; phones become E.164 (`8 (916) 123-45-67` → `+79161234567`, via libphonenumber-js's
 * small metadata, default country RU, else digits only). A rule with an empty field gives no key.
 *
 * This module is its own entry (`@kartochka/core/unique`) because of the phone metadata (≈ 120 kB
 * minified, 30 kB gzipped): a page whose cards have no `x-unique` never loads it.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { expandTemplate, parsePointer } from '../pointer.js';
import { foldUniqueText } from '../fold.js';
import { keywordSites } from '../schema/keyword-sites.js';
import { createSchemaContext, describeType } from '../schema/resolve.js';
import { plain, propertiesOf } from '../layout/schema-walk.js';

/** The keyword. */
export const UNIQUE_KEYWORD = 'x-unique';

/** How a field's values are normalised before they are compared. */
export type UniqueKind = 'text' | 'email' | 'phone' | 'value';

/** One rule: these fields together must not repeat. */
export interface UniqueRule {
  /** Stable name of the rule: its field templates joined by `+` (`/general/inn`, `/a+/b`). */
  readonly id: string;
  /** The fields' pointer templates; a single-field rule may contain `*` (each array item is a key). */
  readonly fields: readonly string[];
  /** How each field is normalised, in the order of `fields`. */
  readonly kinds: readonly UniqueKind[];
}

/** One key of one card. */
export interface UniqueKey {
  /** The rule's id. */
  readonly rule: string;
  /** The concrete pointers the key was read from (`/contacts/2/email`). */
  readonly pointers: readonly string[];
  /** The normalised values, in the order of the rule's fields. */
  readonly values: readonly string[];
  /**
   * The key as stored and looked up: `rule` + `=` + JSON of `values`
   * (`/general/inn=["7701234567"]`). Equal strings mean a duplicate within one card type.
   */
  readonly key: string;
}

/** Values longer than this are cut before they become a key (index entries stay small). */
export const MAX_UNIQUE_VALUE = 500;

const rulesCache = new WeakMap<object, readonly UniqueRule[]>();

/**
 * The `x-unique` rules of a schema: `true` on a field, and on the root a list of field
 * combinations. Cached per schema object. Throws a `TypeError` naming the place on a malformed
 * `x-unique` (a misuse of the schema), never on anything else.
 */
export function uniqueRules(schema: JsonSchema): readonly UniqueRule[] {
  if (!schema || typeof schema !== 'object') return [];
  let rules = rulesCache.get(schema);
  if (!rules) rulesCache.set(schema, (rules = collectRules(schema)));
  return rules;
}

/** True when the schema has any `x-unique` (a quick test before loading this module's entry). */
export function hasUniqueRules(schema: JsonSchema): boolean {
  return uniqueRules(schema).length > 0;
}

function collectRules(schema: JsonSchemaObject): UniqueRule[] {
  const ctx = createSchemaContext(schema);
  const out: UniqueRule[] = [];
  const seen = new Set<string>();
  const add = (fields: string[], source: string): void => {
    const kinds = fields.map((f) => {
      const field = fieldSchema(ctx, f);
      if (!field) throw new TypeError(`Invalid x-unique at "${source}": the schema has no field "${f}".`);
      return kindOf(field);
    });
    const id = fields.join('+');
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, fields, kinds });
  };
  for (const site of keywordSites(schema, UNIQUE_KEYWORD)) {
    if (site.template === '') {
      // Each entry: one pointer (a single-field key) or a list of pointers (a combination).
      const combos = Array.isArray(site.value) ? site.value.map((c: unknown) => (typeof c === 'string' ? [c] : c)) : undefined;
      if (!combos || combos.some((c) => !Array.isArray(c) || c.length === 0 || c.some((p) => typeof p !== 'string'))) {
        throw new TypeError(
          `Invalid x-unique at "${site.source}": on the root it must be a list of fields or field lists, e.g. ["/inn", ["/lastName", "/birthDate"]].`,
        );
      }
      for (const combo of combos as string[][]) {
        if (combo.length > 1 && combo.some((p) => p.split('/').includes('*'))) {
          throw new TypeError(`Invalid x-unique at "${site.source}": a combination cannot reach into arrays ("*").`);
        }
        for (const p of combo)
          if (p === '' || !p.startsWith('/'))
            throw new TypeError(`Invalid x-unique at "${site.source}": "${p}" is not a JSON Pointer to a field.`);
        add([...combo], site.source);
      }
      continue;
    }
    if (site.value === false) continue;
    if (site.value !== true) throw new TypeError(`Invalid x-unique at "${site.source}": on a field it must be true.`);
    add([site.template], site.source);
  }
  return out;
}

function fieldSchema(ctx: ReturnType<typeof createSchemaContext>, template: string): JsonSchemaObject | undefined {
  let cur: JsonSchema = ctx.root;
  for (const token of parsePointer(template)) {
    if (token === '*') {
      const items = plain(ctx, cur).items;
      if (!items || typeof items !== 'object' || Array.isArray(items)) return undefined;
      cur = items as JsonSchema;
      continue;
    }
    const next = propertiesOf(ctx, cur).get(token);
    if (next === undefined) return undefined;
    cur = next;
  }
  return plain(ctx, cur);
}

function kindOf(s: JsonSchemaObject): UniqueKind {
  const format = typeof s.format === 'string' ? s.format : '';
  if (format === 'email' || format === 'idn-email') return 'email';
  if (format === 'phone' || format === 'tel' || s['x-widget'] === 'phone') return 'phone';
  return describeType(s).primary === 'string' ? 'text' : 'value';
}

/** Text as compared: trimmed, spaces collapsed, lower case, ё as е (fold.ts, the same folding as search). */
export { foldUniqueText };

/** A phone in E.164 (`+79161234567`); numbers libphonenumber cannot read keep their digits (and a leading +). */
export function normalisePhone(s: string, defaultCountry: 'RU' | (string & {}) = 'RU'): string {
  const parsed = parsePhoneNumberFromString(s, defaultCountry as 'RU');
  if (parsed?.isPossible()) return parsed.number;
  const digits = s.replace(/\D/g, '');
  return digits && s.trim().startsWith('+') ? `+${digits}` : digits;
}

/** One value normalised for comparison, or `undefined` when it is empty (no key). */
export function normaliseUniqueValue(value: unknown, kind: UniqueKind): string | undefined {
  if (value === undefined || value === null) return undefined;
  let out: string;
  if (typeof value === 'string') {
    if (kind === 'phone') out = normalisePhone(value);
    else if (kind === 'email') out = value.trim().toLowerCase();
    else out = foldUniqueText(value);
  } else if (typeof value === 'object') {
    // A structured value (money, an object field): its JSON, keys as stored.
    out = JSON.stringify(value);
  } else out = String(value);
  if (out === '') return undefined;
  return out.length > MAX_UNIQUE_VALUE ? out.slice(0, MAX_UNIQUE_VALUE) : out;
}

/** The key string of a rule and its normalised values (the one place this format is written). */
export function uniqueKeyString(rule: string, values: readonly string[]): string {
  return `${rule}=${JSON.stringify(values)}`;
}

/**
 * The normalised unique keys of a card's data under its schema's `x-unique` rules: one per rule
 * whose fields are all filled (one per array item for a field inside an array). Same-key
 * duplicates inside one card are given once.
 *
 * @example uniqueKeys(schema, {general: {inn: ' 7701234567 '}})
 *   // → [{rule: '/general/inn', pointers: ['/general/inn'], values: ['7701234567'], key: '/general/inn=["7701234567"]'}]
 */
export function uniqueKeys(schema: JsonSchema, data: unknown): UniqueKey[] {
  const out: UniqueKey[] = [];
  const seen = new Set<string>();
  for (const rule of uniqueRules(schema)) {
    if (rule.fields.length === 1) {
      for (const place of expandTemplate(data, rule.fields[0]!, { present: true })) {
        const v = normaliseUniqueValue(place.value, rule.kinds[0]!);
        if (v === undefined) continue;
        const key = uniqueKeyString(rule.id, [v]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ rule: rule.id, pointers: [place.pointer], values: [v], key });
      }
      continue;
    }
    const values: string[] = [];
    const pointers: string[] = [];
    for (let i = 0; i < rule.fields.length; i++) {
      const place = expandTemplate(data, rule.fields[i]!, { present: true })[0];
      const v = place && normaliseUniqueValue(place.value, rule.kinds[i]!);
      if (v === undefined) break;
      values.push(v);
      pointers.push(place!.pointer);
    }
    if (values.length !== rule.fields.length) continue;
    const key = uniqueKeyString(rule.id, values);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rule: rule.id, pointers, values, key });
  }
  return out;
}

/** Just the key strings of {@link uniqueKeys}: what a record's `unique` holds and adapters index. */
export function uniqueKeyStrings(schema: JsonSchema, data: unknown): string[] {
  return uniqueKeys(schema, data).map((k) => k.key);
}
