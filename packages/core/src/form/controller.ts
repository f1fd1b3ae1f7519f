/**
 * The FormController owns a form's state: the value, dirty and touched fields, errors, and the
 * structure (which fields exist for the current data). Elements subscribe per JSON Pointer, so a
 * keystroke notifies its own field, the fields whose errors changed, and the groups whose structure
 * changed (a conditional branch, an array's length) — never the whole form.
 */
import type { FieldError, JsonSchema, JsonSchemaObject, JsonValue, Locale, ValidationMode, ValidationResult } from '../types.js';
import { escapeToken, getAt, isWithin, joinPointer, parentPointer, setAt } from '../pointer.js';
import { toFieldErrors, ValidationUnavailableError, type PrecompiledValidator } from '../validation/errors.js';
import type { BikCheck } from '../validation/bik-check.js';
import { loadRequisiteChecks, requisiteChecks, schemaUsesRequisites, type RequisiteChecks } from '../validation/requisites-runtime.js';
import { loadValidationRuntime, validationRuntime } from '../validation/runtime.js';
import { createSchemaContext, defaultValue, deref, isDynamic, resolveRef, type SchemaContext } from '../schema/resolve.js';
import { defaultRegistry, type WidgetRegistry } from '../registry.js';
import { buildNode, type FieldNode } from './field-node.js';
import { PathEmitter, type Listener } from './emitter.js';
import { changedPointers, deepEqual } from './equal.js';
import { labelOf, descriptionOf, optionLabelOf, type MessageCatalogue } from '../i18n/labels.js';
import type { RuleIssue } from './rules-runtime.js';
import type { RuleSpec } from '../rules/graph.js';
import { NO_RULES, RulesUnavailableError, rulesEngine, schemaHasRules, type FormRules } from '../rules/engine.js';
import { resolveLayout } from '../layout/resolve-layout.js';
import type { LayoutDocument, ResolvedLayout } from '../layout/types.js';
import { plain, propertiesOf } from '../layout/schema-walk.js';
import type { FieldAccess } from '../access/field-access.js';
import { FieldAccessUnavailableError, fieldAccessClass } from '../access/access-runtime.js';

export interface FormOptions {
  value?: JsonValue;
  locale?: Locale;
  registry?: WidgetRegistry;
  validationMode?: ValidationMode;
  /** Labels and descriptions per locale, keyed by pointer template (see docs/layout.md). */
  messages?: MessageCatalogue;
  /** Widget hints by pointer template (from the layout). */
  widgetHints?: Record<string, string>;
  /** Rules declared outside the schema (e.g. by a layout), besides its `x-rules` and `x-formula`. */
  rules?: readonly RuleSpec[];
  /** A layout document (docs/layout.md): its widget hints and rules join the ones above. */
  layout?: LayoutDocument;
  /** Every field read-only (the card's `readonly` attribute). */
  readOnly?: boolean;
  /**
   * The user's roles. When given, fields whose `x-access` rule (docs/schema.md, "Field access")
   * denies them are hidden (no read) or read-only (no write). Display only: the server enforces.
   */
  roles?: readonly string[];
  /**
   * A validator for `schema` compiled ahead of time (ajv standalone; docs/schema.md, "Strict CSP").
   * Used instead of compiling at run time: needed on pages whose CSP forbids `unsafe-eval`.
   */
  validator?: PrecompiledValidator;
  /**
   * Paint first: do not compile the validator in the constructor. The form is built and rendered
   * without schema errors until `startValidation()` (or anything that must know the errors:
   * `validate()`, `validateWithin()`, `allErrors()`, `errorCount`, `firstError()`) compiles it and
   * validates the current value; fields whose errors changed are notified then.
   */
  deferValidation?: boolean;
}

/** What a widget needs to render one field right now. */
export interface FieldState {
  value: JsonValue | undefined;
  /** Errors to show now (depends on the validation mode, dirty, touched and submit). */
  errors: readonly FieldError[];
  dirty: boolean;
  touched: boolean;
  required: boolean;
  readOnly: boolean;
  visible: boolean;
}

export interface ChangeDetail {
  path: string;
  value: JsonValue | undefined;
}

/** Where a field sits: what its node is built from (a built FieldNode carries the same three). */
interface Place {
  readonly template: string;
  readonly key: string;
  readonly required: boolean;
}

/**
 * One place of the data: the schema its parent gives it and its node once built (until then, or
 * after the node is dropped to be rebuilt, just its Place). One object and one map entry per
 * field: a placement object beside a second map of nodes was 56 bytes of JS heap per field
 * (issue 15).
 */
interface Slot {
  readonly schema: JsonSchema | undefined;
  at: FieldNode | Place;
  /** The schema `$ref` leads to (memo): how a recursive schema is recognised. */
  target: object | undefined;
}

const ROOT_PLACE: Place = Object.freeze({ template: '', key: '', required: false });
const isBuilt = (at: FieldNode | Place): at is FieldNode => 'kind' in at;
/** The Place of a node that is dropped to be rebuilt. */
const placeOf = (at: FieldNode | Place): Place => (isBuilt(at) ? { template: at.template, key: at.key, required: at.required } : at);

/**
 * Fields nested deeper than this (JSON Pointer segments) are edited as raw JSON: a schema that
 * refers back to itself (`"$ref": "#"`) has no last level, and data can be nested without end.
 */
export const MAX_FIELD_DEPTH = 16;

const EMPTY: readonly FieldError[] = Object.freeze([]);

export class FormController {
  readonly schema: JsonSchema;
  readonly ctx: SchemaContext;
  readonly registry: WidgetRegistry;
  #locale: Locale;
  #mode: ValidationMode;
  #messages: MessageCatalogue;
  #hints: Record<string, string>;
  #value: JsonValue | undefined;
  #initial: JsonValue | undefined;
  #touched = new Set<string>();
  /** Pointers written since the last reset (by the user or by formulas): where dirt can be. */
  #edited = new Set<string>();
  #submitted = false;
  #errors = new Map<string, FieldError[]>();
  #external = new Map<string, FieldError[]>();
  #slots = new Map<string, Slot>();
  #branches = new Map<string, number>();
  /** Recursive groups the user opened (the others stay collapsed while they hold no data). */
  #expanded = new Set<string>();
  #values = new PathEmitter();
  #structure = new PathEmitter();
  #changeListeners = new Set<(d: ChangeDetail) => void>();
  #validate: PrecompiledValidator | undefined;
  #rules: FormRules;
  #layout: ResolvedLayout | undefined;
  #layoutDoc: LayoutDocument | undefined;
  #allReadOnly: boolean;
  #roles: readonly string[] | undefined;
  #access: FieldAccess | undefined;
  /** Pointers whose errors show now, as on submit (a section's Save, a step's Next). */
  #revealed = new Set<string>();
  #schemaError: string | undefined;
  #validationUnavailable: string | undefined;
  /** Deferred validation not run yet (options.deferValidation). */
  #pending = false;
  #precompiled: PrecompiledValidator | undefined;
  #ready!: Promise<void>;
  #resolveReady!: () => void;
  #readyListeners = new Set<() => void>();
  #failedListeners = new Set<(error: unknown) => void>();

  constructor(schema: JsonSchema, options: FormOptions = {}) {
    this.schema = schema;
    this.ctx = createSchemaContext(schema);
    this.registry = options.registry ?? defaultRegistry;
    this.#locale = options.locale ?? 'en';
    this.#mode = options.validationMode ?? 'onInput';
    this.#messages = options.messages ?? {};
    this.#layoutDoc = options.layout;
    this.#allReadOnly = options.readOnly ?? false;
    this.#roles = options.roles;
    let extraRules: readonly RuleSpec[] = options.rules ?? [];
    if (options.layout) {
      this.#layout = resolveLayout(schema, options.layout, { locale: this.#locale, ctx: this.ctx });
      extraRules = [...this.#layout.rules, ...extraRules];
    }
    this.#hints = { ...this.#layout?.widgetHints, ...options.widgetHints };
    let start = options.value;
    if (start === undefined) start = defaultValue(this.ctx, schema) ?? {};
    this.#value = start;
    this.#rules = this.#createRules(extraRules);
    if (this.#rules.active) this.#rules.runAll(this.#writeComputed);
    this.#initial = this.#value;
    this.#edited.clear(); // formulas' first results are part of the initial value, not edits
    this.#ready = new Promise((resolve) => (this.#resolveReady = resolve));
    this.#slots.set('', { schema, at: ROOT_PLACE, target: undefined });
    this.#precompiled = options.validator;
    const canCompile = (!!this.#precompiled || !!validationRuntime(this.schema)) && this.#hasRequisiteChecks();
    if (options.deferValidation || !canCompile) {
      this.#pending = true;
      this.#runValidation(); // rules' errors only, until the validator is ready
      // The run-time compiler is not loaded (a bundle that never imported it). Not deferred: fetch
      // it now and validate when it arrives. Deferred: startValidation() fetches it, after the
      // paint — fetching and parsing it earlier held up the widgets' own chunks and the paint.
      if (!canCompile && !options.deferValidation) this.#fetchRuntime();
    } else {
      this.#compile();
      this.#runValidation();
      this.#resolveReady();
    }
  }

  /**
   * The form's rules, from the rules engine when it is loaded (rules/engine.ts). Without it a form
   * that has none gets NO_RULES; one that has some fails here rather than show hidden fields and
   * empty formulas (the card loads the engine before building such a form).
   */
  #createRules(extra: readonly RuleSpec[]): FormRules {
    const engine = rulesEngine();
    if (engine) return engine.createRules(this.ctx, extra, () => this.#value);
    if (extra.length || schemaHasRules(this.schema)) throw new RulesUnavailableError();
    return NO_RULES;
  }

  #fetching = false;

  /**
   * Loads the run-time compiler (unless the validator is precompiled) and the requisite checks
   * (when the schema uses them: requisites-runtime.ts), then validates. When they cannot be
   * loaded (offline), validation stays pending and the next `validate()` (or anything that
   * starts validation) tries again.
   */
  #fetchRuntime(): void {
    if (this.#fetching) return;
    this.#fetching = true;
    void Promise.all([
      this.#precompiled ? undefined : loadValidationRuntime(this.schema),
      this.#hasRequisiteChecks() ? undefined : loadRequisiteChecks(),
    ]).then(
      () => this.startValidation(),
      (e: unknown) => {
        this.#fetching = false;
        console.error('@kartochka/core: the validator could not be loaded (validating again tries again)', e);
        for (const l of [...this.#failedListeners]) l(e);
      },
    );
  }

  /** False while the schema uses Russian requisites (`ru-*`, `x-bik`) and their checks are not loaded. */
  #hasRequisiteChecks(): boolean {
    return !!requisiteChecks() || !schemaUsesRequisites(this.schema);
  }

  /** Compiles (or takes the precompiled) validator; false when the run-time compiler (or the requisite checks) is not loaded yet. */
  #compile(): boolean {
    if (!this.#hasRequisiteChecks()) return false;
    if (!this.#precompiled && !validationRuntime(this.schema)) return false;
    try {
      this.#validate = this.#precompiled ?? validationRuntime(this.schema)!.compileSchema(this.schema);
    } catch (e) {
      if (e instanceof ValidationUnavailableError) this.#validationUnavailable = e.detail;
      else this.#schemaError = (e as Error).message;
    }
    return true;
  }

  /**
   * Whether the validator can be had right now (precompiled, or the run-time compiler is loaded);
   * when not, validate() and the like answer with the errors known so far and validatorReady
   * resolves once it has arrived and run.
   */
  get validatorAvailable(): boolean {
    return !this.#pending || ((!!this.#precompiled || !!validationRuntime(this.schema)) && this.#hasRequisiteChecks());
  }

  /** Set when the schema itself is broken; the form then renders one raw JSON editor. */
  get schemaError(): string | undefined {
    return this.#schemaError;
  }

  /**
   * Set when the page does not allow compiling validators (a CSP without `unsafe-eval`) and no
   * precompiled `validator` was given: the form works, rules and formulas run, but the schema's
   * constraints are not checked here (a server that validates still does).
   */
  get validationUnavailable(): string | undefined {
    return this.#validationUnavailable;
  }

  /** True while a deferred validator has not been compiled and run yet. */
  get validationPending(): boolean {
    return this.#pending;
  }

  /** Resolves once the validator is compiled and has validated the value (at once when not deferred). */
  get validatorReady(): Promise<void> {
    return this.#ready;
  }

  /** Calls `listener` once when a deferred validator becomes ready (after the fields were notified). */
  onValidatorReady(listener: () => void): () => void {
    this.#readyListeners.add(listener);
    return () => this.#readyListeners.delete(listener);
  }

  /**
   * Calls `listener` each time the validator's code (the run-time compiler, the RE2 engine, the
   * requisite checks: fetched on demand in a bundle) cannot be loaded. Validation stays pending;
   * the next `startValidation()` or `validate()` tries again.
   */
  onValidatorFailed(listener: (error: unknown) => void): () => void {
    this.#failedListeners.add(listener);
    return () => this.#failedListeners.delete(listener);
  }

  /**
   * Compiles a deferred validator now and validates the current value (with every edit made
   * meanwhile); the fields whose errors changed are notified. Does nothing once it has run.
   */
  startValidation(): void {
    if (!this.#pending) return;
    if (!this.#compile()) {
      // The run-time compiler is not loaded: fetch it and run when it is here.
      this.#fetchRuntime();
      return;
    }
    this.#pending = false;
    const changed = new Set<string>();
    if (this.#schemaError) {
      // The root becomes one raw JSON editor: rebuild it and tell whoever renders it.
      this.#drop('');
      this.#structure.emit('');
      changed.add('');
    }
    this.#runValidation(changed);
    // Compound widgets (money, tags) show their children's errors: tell the groups above, too.
    for (const p of [...changed]) for (let q = parentPointer(p); q !== undefined && !changed.has(q); q = parentPointer(q)) changed.add(q);
    this.#values.emitAll(changed);
    this.#resolveReady();
    for (const l of [...this.#readyListeners]) l();
    this.#readyListeners.clear();
  }

  // ---- value -------------------------------------------------------------------------------

  /** The whole data document. Keys the schema does not describe are kept as they came. */
  get value(): JsonValue | undefined {
    return this.#value;
  }

  getValue(pointer: string): JsonValue | undefined {
    return getAt(this.#value, pointer);
  }

  /** Sets one value and notifies only what depends on it. `undefined` removes the property. */
  setValue(pointer: string, value: JsonValue | undefined): void {
    const before = getAt(this.#value, pointer);
    if (deepEqual(before, value)) return;
    this.#value = setAt(this.#value, pointer, value);
    this.#edited.add(pointer);
    const changed = new Set<string>([pointer]);
    this.#clearExternal(pointer, changed);
    if (value !== null && typeof value === 'object') {
      for (const p of this.#values.paths()) if (isWithin(p, pointer)) changed.add(p);
      this.#invalidateBelow(pointer, true);
    }
    this.#refreshStructure(pointer, before, value);
    for (const p of this.#rules.runAffected(pointer, this.#writeComputed)) changed.add(p);
    this.#runValidation(changed);
    this.#values.emitAll(changed);
    const detail = { path: pointer, value };
    for (const l of this.#changeListeners) l(detail);
  }

  /** Formulas write their results here: no notification of its own, the caller collects them. */
  #writeComputed = (pointer: string, value: JsonValue | undefined): void => {
    this.#value = setAt(this.#value, pointer, value);
    this.#edited.add(pointer);
  };

  /** Problems with rules and formulas (unknown fields, cycles, failed expressions), as data. */
  get ruleIssues(): RuleIssue[] {
    return this.#rules.issues;
  }

  /** Marks a field as visited (its errors show in `onTouched` mode). */
  touch(pointer: string): void {
    if (this.#touched.has(pointer)) return;
    this.#touched.add(pointer);
    this.#values.emit(pointer);
  }

  /**
   * Replaces the whole value (with no argument: puts back the initial one) and forgets dirty,
   * touched, submitted and server errors. `reset(undefined)` empties the form.
   */
  reset(...args: [] | [JsonValue | undefined]): void {
    this.#value = args.length ? args[0] : this.#initial;
    if (this.#rules.active) this.#rules.runAll(this.#writeComputed);
    this.#initial = this.#value;
    this.#edited.clear();
    this.#touched.clear();
    this.#submitted = false;
    this.#revealed.clear();
    this.#external.clear();
    this.#branches.clear();
    this.#expanded.clear();
    for (const p of [...this.#slots.keys()]) if (p !== '') this.#slots.delete(p);
    this.#drop('');
    this.#runValidation();
    this.#structure.emitAll(this.#structure.paths());
    this.#values.emitAll(this.#values.paths());
  }

  /**
   * Replaces the whole value the way a framework's controlled binding does (React writing `value`
   * back from its change handler, Vue's `v-model`): what was loaded, touched fields, revealed
   * errors and the submit state are kept, so dirty and touched stay true where the data did not
   * change and become what the new data says where it did. Only the fields whose data changed are
   * notified (a deep-equal value notifies nothing). No change listener fires: the app set it.
   * Returns whether anything changed.
   */
  replaceValue(value: JsonValue | undefined): boolean {
    const before = this.#value;
    const paths = changedPointers(before, value);
    if (paths.length === 0) return false;
    this.#value = value;
    const changed = new Set<string>();
    const structural = new Set<string>();
    for (const pointer of paths) {
      const old = getAt(before, pointer);
      const now = getAt(value, pointer);
      this.#edited.add(pointer);
      changed.add(pointer);
      this.#clearExternal(pointer, changed);
      if (isObject(old) || isObject(now)) {
        // A whole object or array came or went: what is below it is re-placed and re-read.
        for (const p of this.#values.paths()) if (isWithin(p, pointer)) changed.add(p);
        for (const p of this.#structure.paths()) if (isWithin(p, pointer)) structural.add(p);
        this.#invalidateBelow(pointer, true);
      }
      this.#refreshStructure(pointer, old, now, structural);
      for (const p of this.#rules.runAffected(pointer, this.#writeComputed)) changed.add(p);
    }
    this.#runValidation(changed);
    this.#structure.emitAll(structural);
    this.#values.emitAll(changed);
    return true;
  }

  /**
   * Nothing was edited, touched, revealed or submitted since the value was loaded: setting a new
   * value now is a load, not an edit.
   */
  get pristine(): boolean {
    return this.#edited.size === 0 && this.#touched.size === 0 && !this.#submitted && this.#revealed.size === 0;
  }

  /** True when the value differs from the initial one (at `pointer`, or anywhere). */
  isDirty(pointer = ''): boolean {
    if (pointer === '') {
      // Only the places written since the last reset can differ: check those, not the document
      // (a whole-document comparison per keystroke grows with the form).
      for (const p of this.#edited) if (!deepEqual(getAt(this.#value, p), getAt(this.#initial, p))) return true;
      return false;
    }
    // Nothing written since the load (every field of a fresh card asks on mount): nothing differs.
    if (this.#edited.size === 0) return false;
    return !deepEqual(getAt(this.#value, pointer), getAt(this.#initial, pointer));
  }

  /** How many errors there are now (schema, rules and server), whether shown yet or not. */
  get errorCount(): number {
    this.startValidation();
    let n = 0;
    for (const list of this.#errors.values()) n += list.length;
    for (const list of this.#external.values()) n += list.length;
    return n;
  }

  /** The first current error, if any (for a form's validity message). */
  firstError(): FieldError | undefined {
    this.startValidation();
    for (const list of this.#errors.values()) if (list.length) return list[0];
    for (const list of this.#external.values()) if (list.length) return list[0];
    return undefined;
  }

  // ---- validation --------------------------------------------------------------------------

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches the language of labels and messages; every subscribed field re-renders once. */
  set locale(locale: Locale) {
    if (locale === this.#locale) return;
    this.#locale = locale;
    this.#runValidation();
    this.#values.emitAll(this.#values.paths());
    this.#structure.emitAll(this.#structure.paths());
  }

  get validationMode(): ValidationMode {
    return this.#mode;
  }

  set validationMode(mode: ValidationMode) {
    this.#mode = mode;
    this.#values.emitAll(this.#values.paths());
  }

  /** Validates the whole form, shows every error (as on submit) and returns them. */
  validate(): ValidationResult {
    this.startValidation();
    this.#submitted = true;
    this.#values.emitAll(this.#values.paths());
    const errors = this.allErrors();
    // A validator still on its way (the run-time compiler is loading) cannot vouch for the data.
    return { valid: errors.length === 0 && !this.#pending, errors };
  }

  /**
   * Validates part of the form: shows the errors within `pointers` (as a submit would, but only
   * there) and returns them. A section's Save and a step's Next use it.
   */
  validateWithin(pointers: readonly string[]): ValidationResult {
    this.startValidation();
    for (const p of pointers) this.#revealed.add(p);
    const within = (path: string) => pointers.some((p) => isWithin(path, p));
    this.#values.emitAll(this.#values.paths().filter(within));
    const errors = this.allErrors().filter((e) => within(e.path));
    return { valid: errors.length === 0 && !this.#pending, errors };
  }

  /** The layout in use: the one given in the options, else the default one for the schema. */
  get layout(): ResolvedLayout {
    return (this.#layout ??= resolveLayout(this.schema, this.#layoutDoc, { locale: this.#locale, ctx: this.ctx }));
  }

  /** Makes every field read-only (or gives them back their own state); every field re-renders once. */
  get readOnly(): boolean {
    return this.#allReadOnly;
  }
  set readOnly(on: boolean) {
    if (on === this.#allReadOnly) return;
    this.#allReadOnly = on;
    this.#values.emitAll(this.#values.paths());
  }

  /** The user's roles for `x-access` rules; `undefined` shows every field (no rules applied). */
  get roles(): readonly string[] | undefined {
    return this.#roles;
  }
  set roles(roles: readonly string[] | undefined) {
    if (roles === this.#roles || (roles && this.#roles && deepEqual(roles, this.#roles))) return;
    this.#roles = roles;
    this.#access = undefined;
    this.#values.emitAll(this.#values.paths());
  }

  /** May the user (its `roles`) see the value at `pointer`? Always true without roles. */
  canRead(pointer: string): boolean {
    return this.#fieldAccess?.readable(pointer) ?? true;
  }

  /** Built on first use: most schemas carry no rules, and most cards no roles. */
  get #fieldAccess(): FieldAccess | undefined {
    if (!this.#roles) return undefined;
    if (!this.#access) {
      // Registered by the root's FormController (registered.ts); the card loads it first (its chunks).
      const Access = fieldAccessClass();
      if (!Access) throw new FieldAccessUnavailableError();
      this.#access = new Access(this.schema, this.#roles, this.ctx);
    }
    return this.#access.open ? undefined : this.#access;
  }

  /** Every current error, schema and server, whether shown yet or not. */
  allErrors(): FieldError[] {
    this.startValidation();
    return this.knownErrors();
  }

  /**
   * The errors known now, without compiling a deferred validator (for rendering: before it has
   * run, only rules' and server errors are known; the fields are notified when it has).
   */
  knownErrors(): FieldError[] {
    const out: FieldError[] = [];
    for (const list of this.#errors.values()) out.push(...list);
    for (const list of this.#external.values()) out.push(...list);
    return out;
  }

  /** Errors from elsewhere (a server's 422, an app check), shown in the same places. */
  setExternalErrors(errors: readonly FieldError[]): void {
    const touchedPaths = new Set([...this.#external.keys(), ...errors.map((e) => e.path)]);
    this.#external.clear();
    for (const e of errors) {
      const list = this.#external.get(e.path) ?? [];
      list.push({ ...e, source: e.source ?? 'server' });
      this.#external.set(e.path, list);
    }
    this.#values.emitAll(touchedPaths);
  }

  /** The errors at a pointer, whether visible yet or not. */
  errorsAt(pointer: string): readonly FieldError[] {
    const own = this.#errors.get(pointer);
    const ext = this.#external.get(pointer);
    if (own && ext) return [...own, ...ext];
    return own ?? ext ?? EMPTY;
  }

  #showsErrors(pointer: string): boolean {
    if (this.#submitted) return true;
    if (this.#revealed.size) for (const r of this.#revealed) if (isWithin(pointer, r)) return true;
    if (this.#mode === 'none') return false;
    if (this.#touched.has(pointer)) return true;
    return this.#mode === 'onInput' && this.isDirty(pointer);
  }

  #runValidation(changed?: Set<string>): void {
    const fn = this.#validate;
    const next = new Map<string, FieldError[]>();
    if (fn && !fn(this.#value)) {
      for (const e of toFieldErrors(fn.errors, this.#locale, this.#value)) {
        const list = next.get(e.path);
        if (list) list.push(e);
        else next.set(e.path, [e]);
      }
    }
    // Accounts against their BIK (x-bik): two fields, so after ajv, the same for either validator.
    const requisites = fn && requisiteChecks();
    if (requisites) {
      for (const e of requisites.bikCheckErrors(bikChecksOf(requisites, this.schema), this.#value, this.#locale)) {
        const list = next.get(e.path);
        if (list) list.push(e);
        else next.set(e.path, [e]);
      }
    }
    this.#rules.adjustErrors(next, this.#locale);
    if (changed) {
      for (const [p, list] of next) if (!sameErrors(list, this.#errors.get(p))) changed.add(p);
      for (const p of this.#errors.keys()) if (!next.has(p)) changed.add(p);
    }
    this.#errors = next;
  }

  #clearExternal(pointer: string, changed: Set<string>): void {
    for (const p of [...this.#external.keys()]) {
      if (isWithin(p, pointer)) {
        this.#external.delete(p);
        changed.add(p);
      }
    }
  }

  // ---- structure ---------------------------------------------------------------------------

  /** The node at a pointer (built on first use). Returns undefined for a place the schema lacks. */
  node(pointer: string): FieldNode | undefined {
    const slot = this.#slots.get(pointer) ?? this.#placeFromParent(pointer);
    if (!slot) return undefined;
    if (isBuilt(slot.at)) return slot.at;
    const place = slot.at;
    let n = buildNode({
      ctx: this.ctx,
      registry: this.registry,
      schema: slot.schema,
      pointer,
      template: place.template,
      key: place.key,
      required: place.required,
      data: getAt(this.#value, pointer),
      hint: this.#hints[place.template],
      branch: this.#branches.get(pointer),
    });
    if (pointer === '' && this.#schemaError) n = { ...n, kind: 'fallback', widget: 'kc-json-field', fallbackReason: this.#schemaError };
    else if (n.kind === 'object' || n.kind === 'array') {
      const depth = pointer === '' ? 0 : pointer.split('/').length - 1;
      if (depth > MAX_FIELD_DEPTH) {
        n = {
          ...n,
          kind: 'fallback',
          widget: 'kc-json-field',
          fallbackReason: `nested more than ${MAX_FIELD_DEPTH} levels deep: edited as JSON`,
        };
      } else if (n.kind === 'object' && this.#repeatsAncestor(pointer, slot)) {
        n = { ...n, recursive: true };
      }
    }
    slot.at = n;
    return n;
  }

  /** The built node at a pointer, if any (builds nothing). */
  #built(pointer: string): FieldNode | undefined {
    const at = this.#slots.get(pointer)?.at;
    return at && isBuilt(at) ? at : undefined;
  }

  /** Drops the node at a pointer (it is rebuilt on next use); its placement stays. */
  #drop(pointer: string): void {
    const slot = this.#slots.get(pointer);
    if (slot) slot.at = placeOf(slot.at);
  }

  /** The place's schema is one of its ancestors' (a `$ref` back up the tree). */
  #repeatsAncestor(pointer: string, slot: Slot): boolean {
    const own = this.#targetOf(slot);
    for (let p = parentPointer(pointer); p !== undefined; p = parentPointer(p)) {
      const up = this.#slots.get(p);
      if (up && (up.schema === slot.schema || this.#targetOf(up) === own)) return true;
    }
    return false;
  }

  /** The schema a `$ref` chain ends at, ignoring keywords beside the `$ref` (a title, say). */
  #targetOf(placement: Slot): object {
    if (placement.target) return placement.target;
    let s: unknown = placement.schema;
    for (let hops = 0; hops < 32 && isObject(s) && typeof (s as JsonSchemaObject).$ref === 'string'; hops++) {
      const r = resolveRef(this.ctx, (s as JsonSchemaObject).$ref as string, s as object);
      if (!('schema' in r)) break;
      s = r.schema;
    }
    return (placement.target = isObject(s) ? (s as object) : deref(this.ctx, placement.schema));
  }

  /**
   * A group whose schema repeats an ancestor's (a recursive schema) and that holds no data is
   * collapsed: it has no children until `expand()` opens it. So a schema that refers back to
   * itself renders one level at a time instead of without end.
   */
  isCollapsed(pointer: string): boolean {
    const n = this.node(pointer);
    return !!n?.recursive && !this.#expanded.has(pointer) && getAt(this.#value, pointer) === undefined;
  }

  /** Opens a collapsed recursive group: its fields appear (its structure listeners are told). */
  expand(pointer: string): void {
    if (this.#expanded.has(pointer)) return;
    this.#expanded.add(pointer);
    this.#structure.emit(pointer);
  }

  /** The root node. */
  get root(): FieldNode {
    return this.node('')!;
  }

  /** The child nodes of an object (schema order) or an array (one per item). */
  children(pointer: string): FieldNode[] {
    const n = this.node(pointer);
    if (!n || this.isCollapsed(pointer)) return [];
    const keys = this.#childKeys(n);
    const out: FieldNode[] = [];
    for (const k of keys) {
      const c = this.node(joinPointer(pointer, k));
      if (c) out.push(c);
    }
    return out;
  }

  /** Chooses an alternative (oneOf/anyOf) for the object at `pointer`. */
  selectBranch(pointer: string, index: number): void {
    this.#branches.set(pointer, index);
    this.#invalidateBelow(pointer, false);
    this.#drop(pointer);
    this.#structure.emit(pointer);
    this.#values.emit(pointer);
  }

  #childKeys(n: FieldNode): string[] {
    if (n.kind === 'object') return Object.keys(n.schema.properties ?? {});
    if (n.kind === 'array') {
      const v = getAt(this.#value, n.pointer);
      return Array.isArray(v) ? v.map((_, i) => String(i)) : [];
    }
    return [];
  }

  #placeFromParent(pointer: string): Slot | undefined {
    const parentPtr = parentPointer(pointer);
    if (parentPtr === undefined) return undefined;
    const parent = this.node(parentPtr);
    if (!parent) return undefined;
    const key = pointer
      .slice(parentPtr.length + 1)
      .replace(/~1/g, '/')
      .replace(/~0/g, '~');
    let slot: Slot | undefined;
    if (parent.kind === 'object') {
      const props = parent.schema.properties;
      if (!props || !Object.prototype.hasOwnProperty.call(props, key)) return undefined;
      const place: Place = {
        template: joinPointer(parent.template, key),
        key,
        required: parent.schema.required?.includes(key) ?? false,
      };
      slot = { schema: props[key], at: place, target: undefined };
    } else if (parent.kind === 'array') {
      const items = parent.schema.items;
      const place: Place = { template: parent.template + '/*', key, required: false };
      slot = { schema: Array.isArray(items) ? undefined : (items as JsonSchema | undefined), at: place, target: undefined };
    }
    if (slot) this.#slots.set(pointer, slot);
    return slot;
  }

  /** Forgets the built nodes below `pointer` (and it, when inclusive) with their placements. */
  #invalidateBelow(pointer: string, inclusive: boolean): void {
    for (const [p, slot] of [...this.#slots]) {
      // A placement whose node is not built (dropped by selectBranch) stays, as it always has.
      if (isBuilt(slot.at) && isWithin(p, pointer) && (inclusive || p !== pointer)) {
        if (p === '') this.#drop(p);
        else this.#slots.delete(p);
      }
    }
  }

  /**
   * After a change, the groups whose shape depends on data (conditionals, alternatives) between the
   * changed field and the root are rebuilt; the ones that actually changed are told to re-render.
   */
  #refreshStructure(pointer: string, before: unknown, after: unknown, into?: Set<string>): void {
    const emit = (p: string) => (into ? into.add(p) : this.#structure.emit(p));
    const arrayLen = (v: unknown) => (Array.isArray(v) ? v.length : -1);
    if (arrayLen(before) !== arrayLen(after) || (Array.isArray(after) && this.#built(pointer)?.kind === 'array')) {
      emit(pointer);
    }
    for (let p: string | undefined = parentPointer(pointer); p !== undefined; p = parentPointer(p)) {
      const old = this.#built(p);
      if (!old) continue;
      const slot = this.#slots.get(p)!;
      if (!isDynamic(this.ctx, slot.schema)) continue;
      this.#drop(p);
      const fresh = this.node(p)!;
      if (shapeOf(fresh) !== shapeOf(old)) {
        this.#invalidateBelow(p, false);
        emit(p);
      }
    }
  }

  // ---- per-field state and subscriptions ---------------------------------------------------

  /** Everything a widget renders for one field. */
  state(pointer: string): FieldState {
    const n = this.#built(pointer) ?? this.node(pointer);
    const flags = this.#rules.flags(pointer);
    return {
      value: getAt(this.#value, pointer),
      // Errors from a server (a rejected save) show at once: the user already asked to save.
      errors: this.#showsErrors(pointer) ? this.errorsAt(pointer) : (this.#external.get(pointer) ?? EMPTY),
      dirty: this.isDirty(pointer),
      touched: this.#touched.has(pointer),
      required: (n?.required ?? false) || flags.required,
      readOnly: this.#allReadOnly || (n?.readOnly ?? false) || flags.readOnly || !(this.#fieldAccess?.writable(pointer) ?? true),
      visible: flags.visible && (this.#fieldAccess?.readable(pointer) ?? true),
    };
  }

  /** Calls `listener` when the value, errors or state at exactly `pointer` change. */
  subscribe(pointer: string, listener: Listener): () => void {
    return this.#values.on(pointer, listener);
  }

  /**
   * Stops calling `listener` for `pointer`, like the function `subscribe()` returned. For a caller
   * that keeps its listener and pointer anyway (each widget): no closure per subscription to hold.
   */
  unsubscribe(pointer: string, listener: Listener): void {
    this.#values.off(pointer, listener);
  }

  /** Calls `listener` when the children at `pointer` change (array length, active branch). */
  subscribeStructure(pointer: string, listener: Listener): () => void {
    return this.#structure.on(pointer, listener);
  }

  /** Calls `listener` after every change, with the pointer and new value. */
  onChange(listener: (d: ChangeDetail) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  // ---- labels ------------------------------------------------------------------------------

  label(n: FieldNode): string {
    return labelOf(n, this.#messages, this.#locale);
  }

  /**
   * The properties the items of the array at `pointer` may have, in schema order (those only a
   * conditional or alternative brings included), labelled like fields: a table's columns. They
   * come from the items' schema, not from the data, so an empty table has its headers and an
   * item missing a property gets an empty cell, not a missing column.
   */
  itemColumns(pointer: string): { key: string; label: string }[] {
    const n = this.node(pointer);
    const items = n?.kind === 'array' ? n.schema.items : undefined;
    if (!n || !items || typeof items !== 'object' || Array.isArray(items)) return [];
    return [...propertiesOf(this.ctx, items as JsonSchema)].map(([key, schema]) => ({
      key,
      label: labelOf(
        { template: `${n.template}/*/${escapeToken(key)}`, schema: plain(this.ctx, schema), key },
        this.#messages,
        this.#locale,
      ),
    }));
  }

  description(n: FieldNode): string | undefined {
    return descriptionOf(n, this.#messages, this.#locale);
  }

  optionLabel(n: FieldNode, value: JsonValue, title?: string): string {
    return optionLabelOf(n, value, title, this.#messages, this.#locale);
  }
}

/**
 * The schema's x-bik checks; none when one is malformed — compileSchema reports that as the card's
 * schemaError, and precompileValidator refuses it at build time, so a card never throws per keystroke.
 */
function bikChecksOf(requisites: RequisiteChecks, schema: JsonSchema): readonly BikCheck[] {
  try {
    return requisites.collectBikChecks(schema);
  } catch {
    return [];
  }
}

function isObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null;
}

function sameErrors(a: readonly FieldError[] | undefined, b: readonly FieldError[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((e, i) => e.keyword === b[i].keyword && e.message === b[i].message);
}

function shapeOf(n: FieldNode): string {
  const s: JsonSchemaObject = n.schema;
  return JSON.stringify([n.kind, n.widget, Object.keys(s.properties ?? {}), s.required ?? [], n.branches?.selected]);
}
