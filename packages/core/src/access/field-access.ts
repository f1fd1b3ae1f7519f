/**
 * Field-level access from the schema: `"x-access": {"read": [roles], "write": [roles]}` on any
 * property. One rule for both sides — the server strips and refuses with it, the card hides and
 * locks fields with it — so they can never disagree about who sees what.
 *
 * Semantics (docs/schema.md, "Field access"):
 * - no `x-access`, or no `read` list: every caller who may read the card reads the field;
 * - `read: [...]`: only callers holding one of those roles read it (and everything below it);
 * - `write: [...]`: only callers holding one of those roles change it; writing needs reading too;
 * - roles are compared literally (no role is implicitly above another here, `admin` included:
 *   list it where it should see the field); rules on ancestors apply to all descendants.
 */
import type { FieldError, JsonSchema, JsonValue, Locale } from '../types.js';
import { validationMessage } from '../i18n/validation-messages.js';
import { escapeToken, expandTemplate, getAt, parsePointer, setAt } from '../pointer.js';
import { createSchemaContext, type SchemaContext } from '../schema/context.js';
import { describeType } from '../schema/type-info.js';
import { plain, propertiesOf } from '../layout/schema-walk.js';
import { deepEqual } from '../form/equal.js';

/** The schema keyword that carries a field's access rule. */
export const ACCESS_KEYWORD = 'x-access';

/** A field's `x-access` value. */
export interface AccessRule {
  read?: readonly string[];
  write?: readonly string[];
}

/** A field that carries a rule, named by a pointer template (`*` stands for any array index). */
export interface RestrictedField {
  template: string;
  rule: AccessRule;
}

/** Deepest nesting the walk follows; recursive schemas (trees) stop here. */
const MAX_DEPTH = 32;

function ruleOf(schema: unknown): AccessRule | undefined {
  const raw = (schema as Record<string, unknown> | null)?.[ACCESS_KEYWORD];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const list = (v: unknown): readonly string[] | undefined =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
  const r = raw as Record<string, unknown>;
  const rule: AccessRule = {};
  const read = list(r.read);
  const write = list(r.write);
  if (read) rule.read = read;
  if (write) rule.write = write;
  return read || write ? rule : undefined;
}

/** Every field of `schema` with an `x-access` rule, conditional properties and array items included. */
export function restrictedFields(schema: JsonSchema, ctx: SchemaContext = createSchemaContext(schema)): RestrictedField[] {
  const out: RestrictedField[] = [];
  const onPath = new Set<object>();
  const walk = (node: JsonSchema | undefined, template: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH || onPath.has(node)) return;
    onPath.add(node);
    const own = plain(ctx, node);
    const rule = ruleOf(node) ?? ruleOf(own);
    if (rule && template !== '') out.push({ template, rule });
    for (const [key, child] of propertiesOf(ctx, node)) walk(child, `${template}/${escapeToken(key)}`, depth + 1);
    if (describeType(own).primary === 'array' && own.items && typeof own.items === 'object' && !Array.isArray(own.items)) {
      walk(own.items as JsonSchema, `${template}/*`, depth + 1);
    }
    onPath.delete(node);
  };
  walk(schema, '', 0);
  return out;
}

const intersects = (allowed: readonly string[] | undefined, roles: readonly string[]): boolean =>
  allowed === undefined || allowed.some((r) => roles.includes(r));

/** May a caller with `roles` read a field under `rule`? */
export function canReadField(rule: AccessRule, roles: readonly string[]): boolean {
  return intersects(rule.read, roles);
}

/** May a caller with `roles` change a field under `rule`? (Writing needs reading too.) */
export function canWriteField(rule: AccessRule, roles: readonly string[]): boolean {
  return intersects(rule.read, roles) && intersects(rule.write, roles);
}

/** Does a template (`/a/*‍/b`) name `tokens` or one of its ancestors? */
function coversPrefix(template: readonly string[], tokens: readonly string[]): boolean {
  if (template.length > tokens.length) return false;
  return template.every((t, i) => (t === '*' ? tokens[i] === '*' || /^\d+$/.test(tokens[i]!) : t === tokens[i]));
}

/** Every concrete pointer in `data` that `template` names (present values only). */
const expand = (data: unknown, template: string): string[] => expandTemplate(data, template, { present: true }).map((m) => m.pointer);

/** A field-level refusal, in core's field-error shape (`keyword: "x-access"`). */
export interface AccessError extends FieldError {
  keyword: typeof ACCESS_KEYWORD;
}

/** What one caller (a set of roles) may do with each field of one schema. */
export class FieldAccess {
  readonly fields: readonly RestrictedField[];
  readonly #parsed: { tokens: string[]; read: boolean; write: boolean; template: string }[];

  constructor(
    schema: JsonSchema,
    readonly roles: readonly string[],
    ctx?: SchemaContext,
  ) {
    this.fields = restrictedFields(schema, ctx);
    this.#parsed = this.fields.map((f) => ({
      template: f.template,
      tokens: parsePointer(f.template),
      read: canReadField(f.rule, roles),
      write: canWriteField(f.rule, roles),
    }));
  }

  /** True when no field carries a rule (the common case: nothing to strip or check). */
  get open(): boolean {
    return this.fields.length === 0;
  }

  /** May the caller see the value at `pointer` (a concrete pointer or a template)? */
  readable(pointer: string): boolean {
    const tokens = parsePointer(pointer);
    return this.#parsed.every((f) => f.read || !coversPrefix(f.tokens, tokens));
  }

  /** May the caller change the value at `pointer`? */
  writable(pointer: string): boolean {
    const tokens = parsePointer(pointer);
    return this.#parsed.every((f) => f.write || !coversPrefix(f.tokens, tokens));
  }

  /** `data` without the values the caller may not read (a copy; `data` is not changed). */
  strip<T>(data: T): T {
    let out = data;
    for (const f of this.#parsed) {
      if (f.read) continue;
      for (const p of expand(out, f.template).reverse()) out = setAt(out, p, undefined);
    }
    return out;
  }

  /**
   * Checks a save of `incoming` over `stored` (`undefined` for a new card). Fields the caller
   * cannot read must be absent from `incoming` (they are taken from `stored`, so a save by
   * someone who never saw them keeps them); fields it can read but not write must equal the
   * stored value. Returns the data to store and the refusals (an empty list when allowed).
   */
  checkWrite(stored: unknown, incoming: JsonValue, locale: Locale = 'en'): { data: JsonValue; errors: AccessError[] } {
    const errors: AccessError[] = [];
    const refuse = (path: string, access: 'read' | 'write'): void => {
      const params = { access };
      errors.push({ path, keyword: ACCESS_KEYWORD, message: validationMessage(locale, ACCESS_KEYWORD, params), source: 'server', params });
    };
    let data = incoming;
    for (const f of this.#parsed) {
      if (f.write) continue;
      if (!f.read) {
        for (const p of expand(incoming, f.template)) {
          refuse(p, 'read');
        }
        for (const p of expand(stored, f.template)) data = setAt(data, p, getAt(stored, p));
        continue;
      }
      const places = new Set([...expand(incoming, f.template), ...expand(stored, f.template)]);
      for (const p of places) {
        if (!deepEqual(getAt(incoming, p), getAt(stored, p))) {
          refuse(p, 'write');
        }
      }
    }
    return { data, errors };
  }
}
