import { LitElement, adoptStyles, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  deepEqual,
  localize,
  SECTIONS_MODES,
  type FieldError,
  type FormController,
  type JsonSchema,
  type JsonValue,
  type LayoutDocument,
  type Locale,
  type MessageCatalogue,
  type PrecompiledValidator,
  type ResolvedSection,
  type SectionsMode,
  type ValidationMode,
  type ValidationResult,
  type WidgetRegistry,
} from '@kartochka/core';
import { BareFormController, humanize, rulesEngine } from '@kartochka/core/internal';
import { tokens } from '../internal/styles.js';
import { renderWidget } from '../section/render-widget.js';
import { findIn, inSection, type CardMode, type KcSection } from '../section/section.js';
import '../section/section.js';
import { t } from '../internal/i18n.js';
import { cardStyles } from './card.styles.js';
import { canBuildForm, missingChunks } from './chunks.js';
import { widgetLoadFailures } from '../internal/widget-loaders.js';
import type { ActionBar, ToastController } from './action-bar.js';
import type { StorageAdapter } from '@kartochka/storage';
// Types only: persistence is an opt-in module (`@kartochka/elements/persistence`) that plugs itself
// in through `KcCard.persistence`; a page that does not use it does not load it.
import type { CardPersistence, PersistenceOptions } from '../persistence/card-persistence.js';
import { CardFormAssociation } from './form-association.js';

import { KcChangeEvent, KcInvalidEvent, KcSubmitEvent } from '../events/events.js';
export type { KcChangeDetail } from '../events/events.js';
export type { CardMode, KcSaveDetail } from '../section/section.js';
export type CardTheme = 'light' | 'dark' | 'auto';

/**
 * @summary A client card rendered from a JSON Schema and an optional layout document: sections
 * as tabs, an accordion, steps or plain blocks; fields on a grid; three modes (edit, view with
 * per-section editing, and a printable blank); a light and a dark theme. Every field is validated
 * as you type, and each keystroke re-renders only its own field.
 *
 * @event kc-change - After every edit; `detail: {path, value}` with `path` a JSON Pointer.
 * @event kc-submit - From `submit()` when the data is valid; `detail: {value}`.
 * @event kc-invalid - From `submit()` when it is not; `detail: {errors}`.
 * @event kc-save - View mode: a section's Save succeeded; `detail: {value, section}`.
 * @event kc-saved - With `storage`: the card was stored; `detail: {record}`.
 * @event kc-storage-status - With `storage`: loading, saved, queued, conflict…; `detail: {status, message}`.
 * @csspart save-button - With `storage`: the Save button (Ctrl+S saves too).
 * @csspart action-bar - With `storage`, in edit mode: the bar with Save, Cancel and the state, sticking to the viewport's bottom.
 * @csspart cancel-button - The bar's Cancel (back to the card as last loaded or saved).
 * @csspart state - The bar's state in words (unsaved changes, all saved, waiting to be sent, not saved).
 * @csspart unsaved - The unsaved-changes dot beside the state.
 * @csspart show-problem - After a refusal or a conflict: scrolls to the storage panel's full message.
 * @csspart toast - What a save came to (saved, queued, conflict…), shown for a few seconds above the bar.
 * @csspart form - The wrapper around all sections.
 * @csspart summary - The error summary shown after a failed submit.
 * @csspart notice - Shown when the page's CSP blocks validation and no precompiled `validator` was given.
 * @csspart tablist - The tab bar (tabs). @csspart tab - One tab. @csspart badge - A tab's error count.
 * @csspart panel - A section's panel (tabs, accordion, steps).
 * @csspart section - A plain section. @csspart section-title - A section's title.
 * @csspart accordion-trigger - An accordion header button.
 * @csspart stepper - The list of steps. @csspart step-nav - Back/Next bar.
 * @cssproperty --kc-color-accent - Accent colour (focus rings, buttons, the selected tab).
 * @cssproperty --kc-color-danger - Error colour.
 * @cssproperty --kc-color-text - Text colour.
 * @cssproperty --kc-color-text-muted - Hints, labels in view mode.
 * @cssproperty --kc-color-surface - Background of inputs and buttons.
 * @cssproperty --kc-color-background - Background of the card (transparent in the light theme).
 * @cssproperty --kc-color-border - Borders of inputs; blank-form lines.
 * @cssproperty --kc-color-border-subtle - Frames of groups.
 * @cssproperty --kc-radius - Corner radius.
 * @cssproperty --kc-space - Base spacing unit.
 * @cssproperty --kc-font-family - Font.
 * @cssproperty --kc-font-size - Base font size.
 * @cssstate invalid - The card has errors.
 * @cssstate dirty - The data differs from what was loaded.
 *
 * `T` is the type of the card's data: `KcCard<B2BClientCard>` (a template's generated type, or
 * `npx kartochka types`) types `value`. It is a promise the schema keeps, not a check.
 */
export class KcCard<T = JsonValue> extends LitElement {
  /** Form-associated: inside a native <form> the card submits its JSON under `name`. */
  static formAssociated = true;
  static override styles = [tokens, cardStyles];
  /**
   * How a card with `storage` and `record-id` loads and saves itself. Set by importing
   * `@kartochka/elements/persistence` (the package root imports it too); unset, `storage` is ignored
   * with a console warning.
   */
  static persistence?: (card: KcCard) => CardPersistence;
  /**
   * The bar with Save, Cancel and the state, and its toasts (card/action-bar.ts): set with
   * `persistence` by `@kartochka/elements/persistence`, as only a card that stores itself shows it.
   * @internal
   */
  static actionBar?: ActionBar;

  /** The card's JSON Schema. Setting a new schema rebuilds the form. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** How the card is arranged (docs/layout.md). Without one, the default layout of the schema. */
  @property({ attribute: false }) layout?: LayoutDocument;
  /**
   * How the sections are presented: `tabs`, `accordion`, `steps` or `plain` (one after another),
   * over what the layout says (the default layout has tabs). A page that only wants the default
   * layout presented another way sets this rather than writing a layout document, and so needs no
   * layout validator. Any other value is ignored.
   */
  @property({ reflect: true }) sections?: SectionsMode;
  /**
   * Language of labels and messages: any tag with a registered translation (`en`, `ru`, `de`
   * built in; docs/i18n.md), falling back along its chain to English. The card's content carries
   * it as `lang`, so screen readers and hyphenation follow.
   */
  @property({ reflect: true }) locale: Locale = 'en';
  /** Labels per locale keyed by pointer template (see docs). */
  @property({ attribute: false }) messages?: MessageCatalogue;
  /** When errors show: as you type, once a field is left, or only on submit. */
  @property({ attribute: 'validation-mode' }) validationMode: ValidationMode = 'onInput';
  /** Widgets to use instead of, or besides, the defaults. */
  @property({ attribute: false }) registry?: WidgetRegistry;
  /**
   * A validator for `schema` compiled ahead of time with ajv's standalone mode: needed on pages
   * whose Content Security Policy forbids `unsafe-eval` (docs/schema.md, "Strict CSP").
   */
  @property({ attribute: false }) validator?: PrecompiledValidator;
  /** The form field name used when the card sits inside a native <form>. */
  @property({ reflect: true }) name = '';
  /** Inside a native <form>: the card must not be empty (`valueMissing` until something is filled in). */
  @property({ type: Boolean, reflect: true }) required = false;
  /** `edit` (inputs), `view` (values as text, Edit per section) or `blank` (an empty printable form). */
  @property({ reflect: true }) mode: CardMode = 'edit';
  /** Every field read-only (values can be selected and copied, not changed). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /**
   * Every field disabled. Only the card's own setting: inside a `<fieldset disabled>` the card is
   * disabled too (it matches `:disabled`) while this stays as it was, like a native input's.
   */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /**
   * The signed-in user's roles (`roles="editor doctor"` or a list). Fields whose `x-access` rule
   * denies them are hidden (no read) or read-only (no write), and so are sections left with no
   * readable field. Unset: every field shows. Display only — the server enforces the same rule.
   */
  @property({ converter: { fromAttribute: (v: string | null) => (v === null ? undefined : v.split(/[\s,]+/).filter(Boolean)) } })
  roles?: readonly string[];
  /** `light` (default), `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: CardTheme = 'light';
  /** Where the card is kept. With `record-id` and `schema-id` the card loads and saves itself. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** The id of the stored card. */
  @property({ attribute: 'record-id', reflect: true }) recordId = '';
  /** The schema id (and version) recorded with each save. */
  @property({ attribute: 'schema-id' }) schemaId = '';
  @property({ type: Number, attribute: 'schema-version' }) schemaVersion = 1;
  /** How to derive the stored title and indexed fields, the author, etc. */
  @property({ attribute: false }) storageOptions?: Partial<Omit<PersistenceOptions, 'storage' | 'recordId' | 'schemaId' | 'schemaVersion'>>;

  @state() private summary: readonly FieldError[] = [];
  /** Tabs: the selected section's id. */
  @state() private activeTab = '';
  /** Accordion: the open sections' ids. */
  @state() private openPanels = new Set<string>();
  /** Steps: the current step (index among visible sections). */
  @state() private step = 0;
  /** Sections hidden by their `visible` rule; a key, so a re-render happens only when it changes. */
  @state() private hiddenKey = '';
  /** Error counts per section, shown after validate(); a key for the same reason. */
  @state() private badgeKey = '';
  /** Disabled by a <fieldset disabled> or a disabled form (formDisabledCallback), apart from `disabled`. */
  @state() private formDisabled = false;
  /** With storage: the data differs from what was last loaded or saved (a re-render only when it flips). */
  @state() private unsaved = false;
  /** With persistence: the toasts of the action bar (created with the first persistence, see #pointStorage). */
  #toasts?: ToastController;
  #showBadges = false;
  #controller?: FormController;
  #pendingValue: JsonValue | undefined;
  #hasPendingValue = false;
  #offChange?: () => void;
  #form = new CardFormAssociation(this);
  /** The data as of the last change the card saw, and before the edit still going out (see `value`). */
  #known: JsonValue | undefined;
  /**
   * Data that is stale while an edit's events go out: the card's data before the edit, and what
   * the app last set (its own copy may lack what the card added, such as computed fields).
   */
  #beforeEdit?: { values: (JsonValue | undefined)[] };
  #lastSet?: { value: JsonValue | undefined };
  #settingValue = false;
  #persistence?: CardPersistence;

  /**
   * The card's data. Reading it returns the current, edited data. Setting it is safe from a
   * framework's change handler (React, Vue's `v-model`, docs/elements.md "Controlled use"): a
   * deep-equal value is ignored, and a different one updates only the fields whose data changed,
   * keeping what the user typed, touched and saw. Before any edit it is a load: the data becomes
   * what `reset()` returns to and nothing is dirty. To load another record later, call `reset(value)`.
   */
  // noAccessor: Lit would wrap this setter and re-render the whole card on every new object,
  // even one the controller found equal; the setter asks for a render itself when one is needed.
  @property({ attribute: false, noAccessor: true })
  get value(): T | undefined {
    return (this.#controller ? this.#controller.value : this.#pendingValue) as T | undefined;
  }
  set value(value: T | undefined) {
    // The data is plain JSON whatever its declared type (a generated interface has no index signature).
    const v = value as JsonValue | undefined;
    const c = this.#controller;
    // A framework may re-render between the card's `kc-change` and the user's `input` event
    // reaching the card (Vue's v-model does when a kc-change handler touches reactive state: the
    // browser runs microtasks between listeners) and write back the data from before the edit.
    // Taking it would undo the keystroke, so while that edit's events are still going out (this
    // task) exactly that stale data is ignored; any other value applies as usual.
    if (c && this.#beforeEdit && !deepEqual(v, c.value) && this.#beforeEdit.values.some((old) => deepEqual(v, old))) return;
    this.#lastSet = { value: v };
    if (!c) {
      const old = this.#pendingValue;
      this.#pendingValue = v;
      this.#hasPendingValue = true;
      this.requestUpdate('value', old);
      return;
    }
    if (c.pristine) {
      if (deepEqual(c.value, v)) return;
      this.reset(value);
      return;
    }
    // Only the changed fields re-render (the controller notifies them); the card itself does not.
    this.#settingValue = true;
    let changed: boolean;
    try {
      changed = c.replaceValue(v);
    } finally {
      this.#settingValue = false;
    }
    this.#known = c.value;
    if (!changed) return;
    if (this.summary.length) this.summary = c.allErrors();
    this.#form.sync();
    this.#refreshSections();
  }

  /** Loading, saving, drafts, the outbox and conflicts, when the card has a `storage`. */
  get persistence(): CardPersistence | undefined {
    return this.#persistence;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('name') || changed.has('required') || changed.has('locale')) this.#form.sync();
    if (changed.has('storage') || changed.has('recordId') || changed.has('schemaId') || changed.has('schemaVersion')) this.#pointStorage();
  }

  /** Attaches persistence to `storage` + `record-id`, or detaches it when either is cleared. */
  #pointStorage(): void {
    if (!this.storage || !this.recordId) {
      this.#persistence?.detach();
      return;
    }
    if (!this.#persistence) {
      if (!KcCard.persistence) {
        console.warn("kc-card: `storage` is set but card persistence is not loaded; import '@kartochka/elements/persistence'.");
        return;
      }
      // Persistence reads and writes the data as JSON, whatever `T` says.
      this.#persistence = KcCard.persistence(this as unknown as KcCard);
      this.#addActionBar();
    }
    void this.#persistence.attach({
      ...this.storageOptions,
      storage: this.storage,
      recordId: this.recordId,
      schemaId: this.schemaId || this.recordId,
      schemaVersion: this.schemaVersion,
    });
  }

  /** The action bar's toasts and styles, once the card has persistence (KcCard.actionBar). */
  #addActionBar(): void {
    const bar = KcCard.actionBar;
    if (!bar || this.#toasts) return;
    this.#toasts = new bar.Toasts(this);
    // Added to the card's own styles, not replacing them; without adoptable sheets Lit appends a <style>.
    const root = this.renderRoot as ShadowRoot;
    const sheet = bar.styles.styleSheet;
    if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else adoptStyles(root, [bar.styles]);
  }

  /**
   * Validates and stores the card (with `storage`); returns whether it is stored now. Without a
   * storage it is `submit()`; once `storage` or `record-id` is cleared it rejects
   * (`CardDetachedError`).
   */
  save(): Promise<boolean> {
    const c = this.#controller;
    // Saving validates: wait for a validator that is still loading rather than save unchecked;
    // one that cannot be loaded (offline) saves nothing, and the card says so.
    if (c && !c.validatorAvailable) return validatorSettled(c).then((ready) => (ready ? this.save() : false));
    if (!this.#persistence) return Promise.resolve(this.submit());
    return this.#persistence.save();
  }

  /** The form engine behind the card (for advanced use: subscriptions, server errors). */
  get controller(): FormController | undefined {
    return this.#controller;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('schema') ||
      changed.has('registry') ||
      changed.has('messages') ||
      changed.has('layout') ||
      changed.has('validator') ||
      !this.#controller
    ) {
      // A form whose schema or layout needs a chunk (the matcher, the rules engine, the layout
      // validator) is built once it is loaded (scheduleUpdate waits for it; if it failed to
      // load, the card stays empty).
      if (canBuildForm(this)) this.#createController();
    }
    const c = this.#controller;
    if (!c) return;
    if (changed.has('locale')) c.locale = this.locale;
    if (changed.has('validationMode')) c.validationMode = this.validationMode;
    if (changed.has('roles') && c.roles !== this.roles) {
      c.roles = this.roles;
      this.#refreshSections();
    }
    // While the stored card is loading, edits would be overwritten by it: hold them off.
    c.readOnly = this.readonly || this.#persistence?.status === 'loading';
    this.unsaved = this.#persistence?.unsaved ?? false;
    this.#toasts?.follow(this.#persistence, this.locale);
    this.toggleAttribute('aria-busy', this.#persistence?.status === 'loading');
  }

  /** Chunks this card asked for (card/chunks.ts), by name: loading, or settled (loaded or failed; never asked again). */
  #chunks = new Map<string, Promise<void> | 'settled'>();
  /**
   * Chunks that failed to load (offline, a deploy that removed the old chunks): the card says so
   * instead of staying blank. Chromium keeps a failed module import failed for the page, without
   * fetching it again (module-retry.browser.test.ts), so the way out is a reload; the card does not
   * ask for them again.
   */
  #failedChunks: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    widgetLoadFailures.addEventListener('failed', this.#onWidgetFailed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    widgetLoadFailures.removeEventListener('failed', this.#onWidgetFailed);
  }

  /** An on-demand widget's module failed to load: when this card shows that widget, say so. */
  #onWidgetFailed = (e: Event): void => {
    const tag = (e as CustomEvent<string>).detail;
    const name = `the widget <${tag}>`;
    if (this.#failedChunks.includes(name) || !containsTag(this.renderRoot, tag)) return;
    this.#failedChunks = [...this.#failedChunks, name];
    this.requestUpdate();
  };

  /**
   * Each update waits first for the chunks the card's schema and mode need (card/chunks.ts): the
   * card keeps its last frame, or shows nothing yet, instead of a state it cannot show. When
   * nothing is missing (always, with the package root) the update runs at once, as Lit's does.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending: Promise<void>[] = [];
    for (const [name, load] of missingChunks(this)) {
      let p = this.#chunks.get(name);
      if (p === 'settled') continue;
      if (!p) {
        p = load()
          .then(
            () => {},
            (e: unknown) => {
              console.error(`kc-card: ${name} could not be loaded`, e);
              this.#failedChunks = [...this.#failedChunks, name];
            },
          )
          .finally(() => this.#chunks.set(name, 'settled'));
        this.#chunks.set(name, p);
      }
      pending.push(p);
    }
    // Properties set meanwhile join this update; a need they add is loaded before it too.
    return pending.length ? Promise.all(pending).then(() => this.scheduleUpdate()) : super.scheduleUpdate();
  }

  #createController(): void {
    const value = this.#hasPendingValue ? this.#pendingValue : this.#controller?.value;
    this.#offChange?.();
    this.#controller = new BareFormController(this.schema!, {
      value,
      locale: this.locale,
      messages: this.messages,
      validationMode: this.validationMode,
      registry: this.registry,
      layout: this.layout,
      readOnly: this.readonly,
      validator: this.validator,
      roles: this.roles,
      // Paint first: the fields render from the schema now; the validator compiles after the
      // first frame (#scheduleValidation), and errors appear when it has run.
      deferValidation: true,
    });
    this.#hasPendingValue = false;
    const c = this.#controller;
    c.onValidatorFailed(() => {
      if (c !== this.#controller || this.#failedChunks.includes(VALIDATOR)) return;
      this.#failedChunks = [...this.#failedChunks, VALIDATOR];
      this.requestUpdate();
    });
    c.onValidatorReady(() => {
      if (c !== this.#controller) return;
      if (this.#failedChunks.includes(VALIDATOR)) {
        // A later attempt loaded it (a browser that fetches a failed module again).
        this.#failedChunks = this.#failedChunks.filter((n) => n !== VALIDATOR);
        this.requestUpdate();
      }
      this.#form.sync();
      if (this.summary.length) this.summary = c.allErrors();
      this.#refreshSections();
      // A broken schema (one JSON editor) or a CSP notice changes what the card itself renders.
      if (c.schemaError || c.validationUnavailable) this.requestUpdate();
    });
    this.#scheduleValidation(c);
    this.#known = this.#controller.value;
    this.#offChange = this.#controller.onChange((detail) => {
      if (!this.#settingValue) this.#noteEdit();
      const unsaved = this.#persistence?.unsaved ?? false;
      if (unsaved !== this.unsaved) this.unsaved = unsaved;
      this.#form.sync();
      if (this.summary.length) this.summary = this.#controller!.allErrors();
      this.#refreshSections();
      this.dispatchEvent(new KcChangeEvent(detail));
    });
    const sections = this.#controller.layout.items;
    if (!sections.some((s) => s.id === this.activeTab)) this.activeTab = sections[0]?.id ?? '';
    if (this.openPanels.size === 0 && sections[0]) this.openPanels = new Set([sections[0].id]);
    this.#refreshSections();
    this.#form.sync();
  }

  /**
   * Compiles the validator once the first frame with the fields has been painted (the animation
   * frame after it has begun), in a task of its own, so the compile never delays that paint. A
   * hidden page produces no frames: there it runs in the next task. Anything that needs the errors
   * sooner (validate(), submit(), save(), checkValidity()…) compiles it on the spot.
   */
  #scheduleValidation(c: FormController): void {
    const run = () => {
      if (c === this.#controller) c.startValidation();
    };
    if (document.visibilityState === 'hidden') setTimeout(run, 0);
    else requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(run, 0)));
  }

  /**
   * Resolves once the card's validator is compiled and has checked the data (paint first: the
   * card renders before that). `validate()`, `submit()` and `checkValidity()` need not wait: they
   * compile it on the spot when it is not ready.
   */
  get validatorReady(): Promise<void> {
    if (this.#controller) return this.#controller.validatorReady;
    // The first update waits for the chunks the schema needs (scheduleUpdate) and creates the form.
    return this.updateComplete.then(() => this.#controller?.validatorReady);
  }

  /** Remembers the data from before an edit until the edit's events have all gone out (one task). */
  #noteEdit(): void {
    if (!this.#beforeEdit) {
      this.#beforeEdit = { values: this.#lastSet ? [this.#known, this.#lastSet.value] : [this.#known] };
      setTimeout(() => (this.#beforeEdit = undefined));
    }
    this.#known = this.#controller!.value;
  }

  /** Re-evaluates section visibility (and error badges once shown); re-renders only on a change. */
  #refreshSections(): void {
    const c = this.#controller;
    if (!c) return;
    const hidden = c.layout.items
      .filter((s) => !this.#sectionVisible(s))
      .map((s) => s.id)
      .join(' ');
    if (hidden !== this.hiddenKey) this.hiddenKey = hidden;
    if (this.#showBadges) {
      const key = this.#errorCounts().join(' ');
      if (key !== this.badgeKey) this.badgeKey = key;
    }
  }

  #sectionVisible(s: ResolvedSection): boolean {
    if (s.pointers.length > 0 && !s.pointers.some((p) => this.#controller!.canRead(p))) return false;
    if (s.visible === undefined) return true;
    // A layout with rules: the card loaded the rules engine before building the form (chunks.ts).
    const rules = rulesEngine();
    if (!rules) return true;
    try {
      return rules.truthy(rules.evaluate(s.visible, rules.dataContext(this.#controller!.value, '')));
    } catch {
      return true; // a broken rule must not hide data (it is reported by validateLayout)
    }
  }

  #errorCounts(): number[] {
    const errors = this.#controller!.allErrors();
    return this.#controller!.layout.items.map((s) => errors.filter((e) => inSection(s, e.path)).length);
  }

  /** Validates the whole card, shows every error, and returns them. */
  validate(): ValidationResult {
    const r = this.#controller?.validate() ?? { valid: true, errors: [] };
    this.#showBadges = true;
    this.#refreshSections();
    this.#form.sync();
    return r;
  }

  /** Validates; fires `kc-submit` with the data when valid, else `kc-invalid` and focuses the first error. */
  submit(): boolean {
    const c = this.#controller;
    if (c && !c.validatorAvailable) {
      // The run-time validator is still loading (only on a page that did not bundle it): submit
      // once it has run. Nothing is submitted now.
      void c.validatorReady.then(() => this.submit());
      return false;
    }
    const r = this.validate();
    this.summary = r.errors;
    if (r.valid) {
      this.dispatchEvent(new KcSubmitEvent({ value: this.value as JsonValue | undefined }));
    } else {
      this.dispatchEvent(new KcInvalidEvent({ errors: r.errors }));
      void this.updateComplete.then(() => this.focusFirstInvalid());
    }
    return r.valid;
  }

  /**
   * Puts the data back to what was last loaded, or, given a `value`, loads that instead: nothing
   * is dirty or touched afterwards and errors show again only as the validation mode says.
   */
  reset(...value: [T | undefined] | []): void {
    const c = this.#controller;
    if (!c) {
      if (value.length) this.value = value[0];
      return;
    }
    const old = c.value;
    this.#settingValue = true;
    try {
      if (value.length) c.reset(value[0] as JsonValue | undefined);
      else c.reset();
    } finally {
      this.#settingValue = false;
    }
    this.#known = c.value;
    this.#beforeEdit = undefined; // a load on purpose: no write-back is stale against it
    this.requestUpdate('value', old);
    this.summary = [];
    this.#showBadges = false;
    this.badgeKey = '';
    this.#form.sync();
    this.#refreshSections();
  }

  /**
   * Moves focus to the first field that has an error, first opening the tab, accordion panel or
   * step that holds it (in view mode, switching its section to editing). Returns whether one was found.
   */
  focusFirstInvalid(): boolean {
    const c = this.#controller;
    if (!c) return false;
    for (const e of c.allErrors()) {
      const sections = this.#visibleSections();
      const section = sections.find((s) => inSection(s, e.path));
      if (!section) {
        const el = findIn(this.renderRoot, e.path);
        if (el) return (el.focus(), true);
        continue;
      }
      const shown = this.#reveal(section, sections);
      const host = this.renderRoot.querySelector(`kc-section[data-section="${CSS.escape(section.id)}"]`) as KcSection | null;
      if (!host) continue;
      if (this.mode === 'view' && !host.editing) {
        host.edit();
        void host.updateComplete.then(() => settleThen(host, () => host.focusField(e.path)));
        return true;
      }
      if (shown) {
        if (host.focusField(e.path)) return true;
        continue;
      }
      void this.updateComplete.then(() => host.focusField(e.path));
      return true;
    }
    return false;
  }

  /** Opens the tab / panel / step of a section; true when it was already showing. */
  #reveal(section: ResolvedSection, visible: ResolvedSection[]): boolean {
    const kind = this.#sectionsMode();
    if (kind === 'tabs' && this.activeTab !== section.id) {
      this.activeTab = section.id;
      return false;
    }
    if (kind === 'accordion' && !this.openPanels.has(section.id)) {
      this.openPanels = new Set([...this.openPanels, section.id]);
      return false;
    }
    const i = visible.indexOf(section);
    if (kind === 'steps' && i !== this.step) {
      this.step = i;
      return false;
    }
    return true;
  }

  /** Merges errors from a server (e.g. a 422 answer) into the fields they name. */
  setServerErrors(errors: readonly FieldError[]): void {
    this.#controller?.setExternalErrors(errors.map((e) => ({ ...e, source: 'server' as const })));
    this.#showBadges = true;
    this.#refreshSections();
    this.#form.sync();
  }

  // ---- native <form> -----------------------------------------------------------------------

  /** The <form> the card belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#form.internals.form;
  }
  /** The card's validity: `customError` for the first field error, `valueMissing` when `required` and empty. */
  get validity(): ValidityState {
    this.#controller?.startValidation();
    return this.#form.internals.validity;
  }
  /** The message of the first problem ('' when valid). */
  get validationMessage(): string {
    this.#controller?.startValidation();
    return this.#form.internals.validationMessage;
  }
  /** False when the card is disabled (itself or by a fieldset) and so skipped by form validation. */
  get willValidate(): boolean {
    return this.#form.internals.willValidate;
  }
  /** The <label> elements that name the card. */
  get labels(): NodeList {
    return this.#form.internals.labels;
  }

  /** True when the card has no errors; otherwise fires `invalid` and returns false (shows nothing). */
  checkValidity(): boolean {
    this.#controller?.startValidation();
    this.#form.sync();
    return this.#form.internals.checkValidity();
  }

  /**
   * Like checkValidity(), and when invalid shows the errors and lets the browser report the first
   * at its control, which gets the focus (its tab, panel or step is opened first).
   */
  reportValidity(): boolean {
    this.#controller?.startValidation();
    this.#form.sync();
    if (this.#form.internals.validity.valid) return true;
    this.validate();
    this.focusFirstInvalid();
    return this.#form.internals.reportValidity();
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    // Not `this.disabled = …`: that would write the card's own attribute, which keeps it disabled
    // after the fieldset is enabled again (the browser then never calls back with false).
    this.formDisabled = disabled;
  }

  /** Back/forward navigation or autofill gives back the card's data (see CardFormAssociation). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    const restored = this.#form.restoredValue(state);
    if (!restored.ok) return;
    const c = this.#controller;
    // What the browser restores is what the user had typed: unsaved, so dirty against what loads.
    if (c && c.replaceValue(restored.value)) this.#form.sync();
    else if (!c) this.value = restored.value as T;
  }

  /** Disabled by its own `disabled` or by a disabled fieldset or form around it. */
  get #off(): boolean {
    return this.disabled || this.formDisabled;
  }

  // ---- rendering ---------------------------------------------------------------------------

  #visibleSections(): ResolvedSection[] {
    const hidden = new Set(this.hiddenKey.split(' '));
    return this.#controller!.layout.items.filter((s) => !hidden.has(s.id));
  }

  #sectionsMode(): SectionsMode {
    if (this.mode === 'blank') return 'plain';
    return this.sections && SECTIONS_MODES.includes(this.sections) ? this.sections : this.#controller!.layout.sections;
  }

  #title(s: ResolvedSection): string {
    const c = this.#controller!;
    const own = localize(s.title, this.locale);
    if (own) return own;
    const node = s.pointer !== undefined ? c.node(s.pointer) : undefined;
    return node ? c.label(node) : humanize(s.id);
  }

  override render() {
    const c = this.#controller;
    const failed = this.#failedChunks.length
      ? html`<div class="notice" part="notice" role="alert" lang=${this.locale} title=${this.#failedChunks.join(', ')}>${t(this.locale, 'partNotLoaded')}</div>`
      : nothing;
    if (!c) return failed;
    const summary = html`${failed}${
      this.#persistence
        ? html`<kc-storage-panel .persistence=${this.#persistence} .changes=${this.#persistence.changes} .controller=${c} locale=${this.locale}></kc-storage-panel>`
        : nothing
    }${
      c.validationUnavailable
        ? html`<div class="notice" part="notice" role="status" title=${c.validationUnavailable}>${t(this.locale, 'validationUnavailable')}</div>`
        : nothing
    }${
      this.summary.length
        ? html`<div class="summary" part="summary" role="alert" lang=${this.locale}>${t(this.locale, 'errorsSummary', { n: this.summary.length })}</div>`
        : nothing
    }`;
    const sections = this.#visibleSections();
    // A root that is not a plain object with fields (alternatives, a scalar) is one widget.
    if (!c.layout.items.length || c.root.branches || c.root.kind !== 'object') {
      const body =
        this.mode === 'edit'
          ? renderWidget(c, c.root, 0, { disabled: this.#off })
          : html`<kc-field-view .controller=${c} path="" mode=${this.mode}></kc-field-view>`;
      return html`${summary}<div part="form" lang=${this.locale}>${body}</div>${this.#saveButton()}`;
    }
    const counts = this.#showBadges ? this.badgeKey.split(' ').map(Number) : [];
    const countOf = (s: ResolvedSection) => counts[c.layout.items.indexOf(s)] ?? 0;
    let body: TemplateResult;
    switch (this.#sectionsMode()) {
      case 'tabs':
        body = this.#tabs(sections, countOf);
        break;
      case 'accordion':
        body = this.#accordion(sections, countOf);
        break;
      case 'steps':
        body = this.#steps(sections);
        break;
      default:
        body = this.#plain(sections);
    }
    return html`${summary}${
      this.mode === 'blank' && this.schema && typeof this.schema === 'object' && this.schema.title
        ? html`<h1 class="blank-title">${c.label(c.root)}</h1>`
        : nothing
    }<div part="form" lang=${this.locale}>${body}</div>${this.#saveButton()}`;
  }

  #saveButton() {
    const p = this.#persistence;
    const bar = KcCard.actionBar;
    if (!p?.attached || !bar || this.mode !== 'edit' || this.readonly || this.#off) return nothing;
    return bar.render(p, {
      locale: this.locale,
      unsaved: this.unsaved,
      toast: this.#toasts?.toast,
      save: () => void this.save(),
      showProblem: () => {
        const panel = this.renderRoot.querySelector<HTMLElement>('kc-storage-panel');
        panel?.scrollIntoView({ block: 'start' });
        (panel?.shadowRoot?.querySelector('table input, [part="status"]') as HTMLElement | null)?.focus?.();
      },
    });
  }

  #section(s: ResolvedSection) {
    const c = this.#controller!;
    return html`<kc-section
      data-section=${s.id}
      .controller=${c}
      .section=${s}
      .heading=${this.#title(s)}
      .locale=${this.locale}
      mode=${this.mode}
      ?disabled=${this.#off}
      .editable=${!this.readonly && !this.#off}
    ></kc-section>`;
  }

  #badge(n: number) {
    return n > 0 ? html`<span class="badge" part="badge" aria-label=${t(this.locale, 'sectionErrors', { n })}>${n}</span>` : nothing;
  }

  #plain(sections: ResolvedSection[]) {
    const titled = sections.length > 1;
    return html`${repeat(
      sections,
      (s) => s.id,
      (s) => html`<section part="section" aria-labelledby=${titled ? `h-${s.id}` : nothing}>
        ${titled ? html`<h2 part="section-title" id="h-${s.id}">${this.#title(s)}</h2>` : nothing}${this.#section(s)}
      </section>`,
    )}`;
  }

  #tabs(sections: ResolvedSection[], countOf: (s: ResolvedSection) => number) {
    const active = sections.find((s) => s.id === this.activeTab) ?? sections[0];
    return html`<div role="tablist" part="tablist" aria-label=${t(this.locale, 'sections')} @keydown=${(e: KeyboardEvent) => this.#onTabKey(e, sections)}>
        ${sections.map(
          (s) => html`<button
            type="button"
            role="tab"
            part="tab"
            id="tab-${s.id}"
            aria-selected=${s === active ? 'true' : 'false'}
            aria-controls="panel-${s.id}"
            tabindex=${s === active ? 0 : -1}
            @click=${() => (this.activeTab = s.id)}
          >${this.#title(s)}${this.#badge(countOf(s))}</button>`,
        )}
      </div>
      ${repeat(
        sections,
        (s) => s.id,
        // On paper there are no tabs: each panel prints under its tab's name (display: none on screen).
        (s) =>
          html`<div role="tabpanel" part="panel" id="panel-${s.id}" aria-labelledby="tab-${s.id}" tabindex="0" ?hidden=${s !== active}><h2 class="print-title" part="section-title">${this.#title(s)}</h2>${this.#section(s)}</div>`,
      )}`;
  }

  #onTabKey(e: KeyboardEvent, sections: ResolvedSection[]): void {
    const i = sections.findIndex((s) => s.id === this.activeTab);
    const n = sections.length;
    let j: number;
    if (e.key === 'ArrowRight') j = (i + 1) % n;
    else if (e.key === 'ArrowLeft') j = (i - 1 + n) % n;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = n - 1;
    else return;
    e.preventDefault();
    this.activeTab = sections[j].id;
    void this.updateComplete.then(() =>
      (this.renderRoot.querySelector(`#tab-${CSS.escape(sections[j].id)}`) as HTMLElement | null)?.focus(),
    );
  }

  #accordion(sections: ResolvedSection[], countOf: (s: ResolvedSection) => number) {
    const toggle = (id: string) => {
      const next = new Set(this.openPanels);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      this.openPanels = next;
    };
    return html`${repeat(
      sections,
      (s) => s.id,
      (s) => {
        const open = this.openPanels.has(s.id);
        return html`<h2 class="acc-heading">
            <button type="button" class="acc-trigger" part="accordion-trigger" id="acc-${s.id}" aria-expanded=${open ? 'true' : 'false'} aria-controls="panel-${s.id}" @click=${() => toggle(s.id)}>
              ${this.#title(s)}${this.#badge(countOf(s))}
            </button>
          </h2>
          <div class="acc-panel" part="panel" role="region" id="panel-${s.id}" aria-labelledby="acc-${s.id}" ?hidden=${!open}>${this.#section(s)}</div>`;
      },
    )}`;
  }

  #steps(sections: ResolvedSection[]) {
    const n = sections.length;
    const i = Math.min(this.step, n - 1);
    const go = (to: number) => {
      this.step = to;
      void this.updateComplete.then(() =>
        (this.renderRoot.querySelector(`#panel-${CSS.escape(sections[to].id)}`) as HTMLElement | null)?.focus(),
      );
    };
    const next = () => {
      const c = this.#controller!;
      const r = this.mode === 'edit' ? c.validateWithin(sections[i].pointers) : { valid: true, errors: [] };
      if (!r.valid) {
        const host = this.renderRoot.querySelector(`kc-section[data-section="${CSS.escape(sections[i].id)}"]`) as KcSection | null;
        void this.updateComplete.then(() => host?.focusField(r.errors[0].path));
        return;
      }
      if (i < n - 1) go(i + 1);
      else this.submit();
    };
    return html`<ol class="stepper" part="stepper">
        ${sections.map((s, k) => html`<li aria-current=${k === i ? 'step' : nothing}>${this.#title(s)}</li>`)}
      </ol>
      ${repeat(
        sections,
        (s) => s.id,
        (s, k) =>
          html`<div class="step-panel" part="panel" role="group" id="panel-${s.id}" aria-label=${this.#title(s)} tabindex="-1" ?hidden=${k !== i}>${this.#section(s)}</div>`,
      )}
      <div class="nav" part="step-nav">
        <button type="button" ?disabled=${i === 0} @click=${() => go(i - 1)}>${t(this.locale, 'back')}</button>
        <span class="progress" aria-live="polite">${t(this.locale, 'stepOf', { n: i + 1, total: n })}</span>
        <button type="button" class="primary" @click=${next}>${t(this.locale, i < n - 1 ? 'next' : 'finish')}</button>
      </div>`;
  }
}

/** Runs `fn` once the section and the widgets inside it have rendered. */
async function settleThen(host: KcSection, fn: () => void): Promise<void> {
  await host.updateComplete;
  const pending = [...host.renderRoot.querySelectorAll('*')]
    .map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete)
    .filter(Boolean);
  await Promise.all(pending);
  fn();
}

if (!customElements.get('kc-card')) customElements.define('kc-card', KcCard);

declare global {
  interface HTMLElementTagNameMap {
    'kc-card': KcCard;
  }
}

/** Whether an element `tag` is somewhere under `root`, through open shadow roots (sections, groups, lists). */
function containsTag(root: ParentNode, tag: string): boolean {
  if (root.querySelector(tag)) return true;
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot && containsTag(el.shadowRoot, tag)) return true;
  return false;
}

/** What the card's failed-parts notice calls a validator that could not be loaded. */
const VALIDATOR = 'the validator';

/**
 * Starts `c`'s validation (fetching the validator when it is not loaded, again after a failure)
 * and resolves with whether it ran (true) or its code could not be loaded (false).
 */
function validatorSettled(c: FormController): Promise<boolean> {
  return new Promise((resolve) => {
    const offFailed = c.onValidatorFailed(() => {
      offReady();
      offFailed();
      resolve(false);
    });
    const offReady = c.onValidatorReady(() => {
      offFailed();
      resolve(true);
    });
    c.startValidation();
  });
}
