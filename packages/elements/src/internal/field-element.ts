/**
 * The base of every kc-* widget. The contract is small and framework-free: `value`, `schema`,
 * `path`, `errors`, `label`, `required`, `readonly`, `disabled`; user edits fire native `input`
 * and `change` events. Inside a card, a widget is also given the card's FormController and binds
 * itself to its own JSON Pointer: it re-renders when that one field changes, nothing else.
 */
import { LitElement, ReactiveElement, html, nothing, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FieldError, FormController, JsonSchemaObject, JsonValue, Locale, FieldNode } from '@kartochka/core';
import { t } from './i18n.js';

let idCounter = 0;

/** The static markup of each lean widget's shadow root, by `leanKey()`: built once, cloned per field. */
const leanFragments = new Map<string, DocumentFragment>();
/** Lean-capable widgets that render through Lit (see `leanWanted`): few, so a WeakSet and no field per element. */
const litRendered = new WeakSet<Element>();
/** ReactiveElement's own update (reflection, bookkeeping), for lean widgets that skip Lit's template render. */
const reactiveUpdate = (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update;

/**
 * What Lit keeps per element between updates, shed by every widget after its update (issue 15: about
 * 250 bytes per field, ~0.5 MB of JS heap on a 2,000-field card):
 * - the map of changed properties, which Lit replaces with a new, empty `Map` after each update (a
 *   Map's table is ~150 bytes even empty): between updates a widget holds this one shared empty map,
 *   and `requestUpdate` gives it a map of its own again before Lit records a change in it;
 * - `enableUpdating`, an own property holding the resolver of the promise the first update waited
 *   for (with its closure context and the promise): once resolved, calling it does nothing, which is
 *   what ReactiveElement's own `enableUpdating` does.
 * The map's property is named `_$changedProperties` in Lit's development build and `_$AL` in its
 * production build: Lit keeps `_$` names stable across its versions (they are how its packages
 * talk to each other). If neither is there (a future Lit), nothing is shed and nothing breaks.
 */
const NO_CHANGES: ReadonlyMap<PropertyKey, unknown> = new Map();

/** A widget's errors when it has none: one frozen array, not an empty one per field. */
const NO_ERRORS: readonly FieldError[] = Object.freeze([]);

// What few widgets need, kept beside them rather than in a field of every widget (a field is a
// slot in each of thousands of elements): the id prefix (made on first use), the structure
// subscription of groups and lists, and ElementInternals (attached for the first custom state).
const uids = new WeakMap<Element, string>();
const structureSubscriptions = new WeakMap<Element, () => void>();
const internalsOf = new WeakMap<Element, ElementInternals>();
const CHANGED_KEYS = ['_$AL', '_$changedProperties'] as const;
let changedKey: string | null | undefined;
const enableUpdatingNoop = (ReactiveElement.prototype as unknown as { enableUpdating(requested: boolean): void }).enableUpdating;

/**
 * The one listener of every lean widget's control (a module function, not a closure per field):
 * hands the event to the widget whose shadow root holds the control.
 */
function onLeanEvent(this: Node, e: Event): void {
  ((this.getRootNode() as ShadowRoot).host as unknown as { leanEvent(e: Event): void }).leanEvent(e);
}

/** Sets or removes an attribute only when it differs (a fresh clone has none: nothing to write). */
export function syncAttribute(el: Element, name: string, value: string | undefined | null | false): void {
  if (value === undefined || value === null || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export abstract class KcFieldElement extends LitElement {
  /** The card's form engine; set by the card. Without it the widget works standalone. */
  @property({ attribute: false }) controller?: FormController;
  /**
   * JSON Pointer of the value this widget edits. Reflected (see `#reflectAttributes`), so tests and
   * CSS can find fields.
   */
  @property() path = '';
  /** The current value (JSON). */
  @property({ attribute: false }) value: JsonValue | undefined;
  /** The (effective) JSON Schema of this field. */
  @property({ attribute: false }) schema: JsonSchemaObject = {};
  /** Errors to show. */
  @property({ attribute: false }) errors: readonly FieldError[] = NO_ERRORS;
  @property() label = '';
  @property() description = '';
  @property({ type: Boolean }) required = false;
  @property({ type: Boolean }) readonly = false;
  @property({ type: Boolean }) disabled = false;
  // Not reflected: a card sets it on every widget, and 2,000 attribute writes on mount are measurable.
  @property() locale: Locale = 'en';

  /** The node the controller built for this field, when bound. */
  protected node?: FieldNode;
  /** Unique id prefix for ids inside the shadow root (made on first use: most widgets need none). */
  protected get uid(): string {
    let uid = uids.get(this);
    if (!uid) uids.set(this, (uid = `kc${++idCounter}`));
    return uid;
  }
  /**
   * The value subscription: this element's `pull`, bound once, and where it is subscribed. Kept
   * so that unsubscribing needs no closure per field (the function `subscribe()` returns, with
   * its scope, was ~100 bytes of JS heap per field: issue 15).
   */
  #listener?: () => void;
  #subscribedTo?: FormController;
  #subscribedPath = '';
  /** The custom states last set: invalid 1, required 2, dirty 4. */
  #stateFlags = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unbind();
  }

  /**
   * Groups and lists implement this to re-read their children; it runs on binding and whenever
   * the structure at this pointer changes (an array's length, a conditional branch), never on a
   * keystroke inside a child.
   */
  protected structureChanged?(): void;

  /**
   * Lean widgets (the standard text, email, phone, URL, time, date, number, checkbox and native
   * select fields) do not render Lit templates: their
   * shadow root is cloned from static markup (`buildLean()`) once, and `syncLean()` writes only what
   * differs. A Lit field cost ~25 template objects (instances, parts, directive and listener
   * closures) per field: at 2,000 fields ~2.5 MB of JS heap (issue 15). A widget is lean when it
   * defines `leanKey()` and a subclass has not replaced its Lit rendering (`render()`,
   * `renderControl()`): those render through Lit as before.
   */
  protected leanKey?(): string;
  /** The static markup of a lean widget's shadow root (only known tokens; texts are written by `syncLean`). */
  protected buildLean?(): DocumentFragment;
  /** Writes what changed into a lean widget's control(s); the label, hint and error are written by the base. */
  protected syncLean?(changed: PropertyValues<this>, first: boolean): void;
  /** Events of a lean widget's control (registered with `listenLean`). */
  protected leanEvent?(e: Event): void;
  /**
   * The lean widget class's own `render` and `renderControl`: a subclass that replaces either is
   * rendered by Lit. A getter (on the prototype), not a field: nothing stored per element.
   */
  protected get leanRenderers(): readonly unknown[] | undefined {
    return undefined;
  }

  /**
   * Whether this element's current state can be drawn lean (kc-select: a native select, not the
   * combobox). An element that once rendered through Lit stays with Lit.
   */
  protected leanWanted?(): boolean;

  #isLean(): boolean {
    const r = this.leanRenderers;
    if (!r || r[0] !== this.render || r[1] !== this.renderControl || litRendered.has(this)) return false;
    if (!this.leanWanted || this.leanWanted()) return true;
    // From lean to Lit (a select whose options outgrew the native list): Lit renders into an
    // emptied root, and from then on.
    litRendered.add(this);
    this.renderRoot.replaceChildren();
    return false;
  }

  /** Registers the shared lean listener for `types` on a control (listeners are not cloned with markup). */
  protected listenLean(el: Element, ...types: string[]): void {
    for (const type of types) el.addEventListener(type, onLeanEvent);
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (changedKey) {
      const lit = this as unknown as Record<string, unknown>;
      if (lit[changedKey] === NO_CHANGES) lit[changedKey] = new Map();
    }
    super.requestUpdate(name, oldValue, options);
  }

  /** Sheds what Lit keeps between updates (see NO_CHANGES). */
  #shedUpdateState(): void {
    const lit = this as unknown as Record<string, unknown>;
    if (changedKey === undefined) changedKey = CHANGED_KEYS.find((k) => lit[k] instanceof Map) ?? null;
    if (changedKey && (lit[changedKey] as Map<PropertyKey, unknown>).size === 0) lit[changedKey] = NO_CHANGES;
    if (this.enableUpdating !== enableUpdatingNoop) this.enableUpdating = enableUpdatingNoop;
  }

  protected override update(changed: PropertyValues<this>): void {
    if (!this.#isLean()) {
      super.update(changed);
      this.#shedUpdateState();
      return;
    }
    reactiveUpdate.call(this, changed);
    this.#shedUpdateState();
    const root = this.renderRoot as ShadowRoot;
    const first = !this.hasUpdated;
    if (first) {
      const key = `${this.localName} ${this.leanKey!()}`;
      let fragment = leanFragments.get(key);
      if (!fragment) leanFragments.set(key, (fragment = this.buildLean!()));
      root.appendChild(fragment.cloneNode(true));
    }
    if (first || changed.has('label') || changed.has('required') || changed.has('locale')) this.#syncLabel(root);
    if (first || changed.has('description')) this.#syncHint(root);
    if (first || changed.has('errors')) {
      const error = root.getElementById('error')!;
      const text = this.errors.length ? this.errors.map((e) => e.message).join(' ') : '';
      if (error.textContent !== text) error.textContent = text;
    }
    this.syncLean!(changed, first);
  }

  /** The label's text and, on a required field, the required mark (as `renderRequiredMark()` draws it). */
  #syncLabel(root: ShadowRoot): void {
    const label = root.querySelector('label')!;
    if (!this.required) {
      if (label.childNodes.length !== 1 || label.textContent !== this.label) label.textContent = this.label;
      return;
    }
    const mark = document.createElement('span');
    mark.className = 'req';
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = '*';
    const sr = document.createElement('span');
    sr.className = 'sr-only';
    sr.textContent = ` ${t(this.locale, 'requiredMark')}`;
    label.replaceChildren(this.label, mark, sr);
  }

  /** The description under the control, present only when there is one (as `renderFeedback()`). */
  #syncHint(root: ShadowRoot): void {
    let hint = root.getElementById('hint');
    if (!this.description) {
      hint?.remove();
      return;
    }
    if (!hint) {
      hint = document.createElement('div');
      hint.className = 'hint';
      hint.setAttribute('part', 'hint');
      hint.id = 'hint';
      root.getElementById('error')!.before(hint);
    }
    if (hint.textContent !== this.description) hint.textContent = this.description;
  }

  /** The label and the error region of a lean widget's markup (texts are written on update). */
  protected static leanLabel(): HTMLLabelElement {
    const label = document.createElement('label');
    label.setAttribute('part', 'label');
    label.htmlFor = 'input';
    return label;
  }

  protected static leanError(): HTMLDivElement {
    const error = document.createElement('div');
    error.className = 'error';
    error.setAttribute('part', 'error');
    error.id = 'error';
    error.setAttribute('aria-live', 'polite');
    return error;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('controller') || changed.has('path')) && this.isConnected) this.#bind();
    this.#reflectAttributes(changed);
  }

  /**
   * Lit's `reflect: true` writes every reflected attribute on the first update, even when the card's
   * template has just set the same value; on a 2,000-field card those redundant writes cost about a
   * fifth of the first render. Here an attribute is written only when it differs.
   */
  #reflectAttributes(changed: PropertyValues<this>): void {
    if (changed.has('path') && this.getAttribute('path') !== this.path) this.setAttribute('path', this.path);
    for (const name of ['required', 'readonly', 'disabled'] as const) {
      if (changed.has(name) && this.hasAttribute(name) !== this[name]) this.toggleAttribute(name, this[name]);
    }
  }

  protected override updated(): void {
    // Custom states let page CSS style fields: kc-text-field:state(invalid) { … }. Touched only
    // when one changes (most updates change none, and a fresh card has none set).
    const flags = (this.errors.length > 0 ? 1 : 0) | (this.required ? 2 : 0) | (this.controller?.isDirty(this.path) ? 4 : 0);
    if (flags === this.#stateFlags) return;
    let internals = internalsOf.get(this);
    if (!internals) internalsOf.set(this, (internals = this.attachInternals()));
    const states = internals.states;
    toggleState(states, 'invalid', (flags & 1) !== 0);
    toggleState(states, 'required', (flags & 2) !== 0);
    toggleState(states, 'dirty', (flags & 4) !== 0);
    this.#stateFlags = flags;
  }

  #unbind(): void {
    this.#subscribedTo?.unsubscribe(this.#subscribedPath, this.#listener!);
    this.#subscribedTo = undefined;
    structureSubscriptions.get(this)?.();
    structureSubscriptions.delete(this);
  }

  #bind(): void {
    this.#unbind();
    const c = this.controller;
    if (!c) return;
    c.subscribe(this.path, (this.#listener ??= this.pull.bind(this)));
    this.#subscribedTo = c;
    this.#subscribedPath = this.path;
    if (this.structureChanged) {
      const off = c.subscribeStructure(this.path, () => {
        this.structureChanged!();
        this.requestUpdate();
      });
      structureSubscriptions.set(this, off);
      this.structureChanged();
    }
    this.pull();
  }

  /** Copies this field's state from the controller (called on subscription). */
  protected pull(): void {
    const c = this.controller;
    if (!c) return;
    const node = c.node(this.path);
    const s = c.state(this.path);
    this.node = node;
    if (node) {
      this.schema = node.schema;
      this.label = c.label(node);
      this.description = c.description(node) ?? '';
    }
    this.value = s.value;
    this.errors = s.errors;
    this.required = s.required;
    this.readonly = s.readOnly;
    if (this.hidden === s.visible) this.hidden = !s.visible;
    this.locale = c.locale;
  }

  /** Records a user edit: updates `value` and tells the controller. */
  protected commit(value: JsonValue | undefined): void {
    this.value = value;
    this.controller?.setValue(this.path, value);
  }

  // Methods, not arrow-function fields: Lit calls a template's listeners with the host as `this`,
  // and a field per instance is a closure per field (thousands on a large card).

  /** Marks the field touched (on blur). */
  protected handleBlur(): void {
    this.controller?.touch(this.path);
  }

  /**
   * `change` from a native control inside the shadow root is not composed: re-fire it here,
   * composed, so it reaches the page through the card's shadow root (as Web Awesome does).
   */
  protected fireChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** Moves focus to the native control. */
  override focus(options?: FocusOptions): void {
    (this.renderRoot.querySelector('input, select, textarea, button, [tabindex="0"]') as HTMLElement | null)?.focus(options);
  }

  protected get invalid(): boolean {
    return this.errors.length > 0;
  }

  /**
   * Ids inside the shadow root. Each widget has its own shadow root, so fixed ids are unique
   * there; templates write them as literals (`id="input"`, `aria-describedby="hint error"`) so Lit
   * has no attribute binding to set for them — on a 2,000-field card that is thousands of
   * `setAttribute` calls fewer on mount.
   */
  protected get inputId(): string {
    return 'input';
  }

  /** The ids a control's aria-describedby should name: its hint and its error region. */
  protected get describedBy(): string {
    return 'hint error';
  }

  /**
   * The standard field: label, the widget's control (`renderControl()`), hint and error region, in
   * one template. Widgets with another structure (a fieldset, a checkbox row) override `render()`
   * and use `renderLabel()` and `renderFeedback()`. One template instead of three nested ones per
   * field is a measurable part of a large card's first render.
   */
  protected override render(): unknown {
    return html`<label part="label" for="input">${this.label}${this.required ? this.renderRequiredMark() : nothing}</label>${this.renderControl()}${
      this.description ? html`<div class="hint" part="hint" id="hint">${this.description}</div>` : nothing
    }<div class="error" part="error" id="error" aria-live="polite">${this.errors.length ? this.errors.map((e) => e.message).join(' ') : ''}</div>`;
  }

  /** The control(s) between the label and the feedback, for widgets that use the standard `render()`. */
  protected renderControl(): unknown {
    return nothing;
  }

  protected renderRequiredMark(): TemplateResult {
    return html`<span class="req" aria-hidden="true">*</span><span class="sr-only"> ${t(this.locale, 'requiredMark')}</span>`;
  }

  protected renderLabel(): TemplateResult {
    return html`<label part="label" for="input">${this.label}${this.required ? this.renderRequiredMark() : nothing}</label>`;
  }

  /** Hint and error region. The error region is live, so screen readers announce new errors. */
  protected renderFeedback(): TemplateResult {
    return html`${this.description ? html`<div class="hint" part="hint" id="hint">${this.description}</div>` : nothing}<div class="error" part="error" id="error" aria-live="polite">${this.errors.length ? this.errors.map((e) => e.message).join(' ') : ''}</div>`;
  }
}

function toggleState(states: CustomStateSet, name: string, on: boolean): void {
  try {
    if (on) states.add(name);
    else states.delete(name);
  } catch {
    // Older engines only accept the legacy --name form; states are a styling nicety.
  }
}

/** Defines a custom element once (a second copy of the library on a page must not throw). */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
