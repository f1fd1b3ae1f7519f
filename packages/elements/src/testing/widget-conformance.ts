/**
 * One conformance suite for every widget, as Web Awesome runs one form-control suite against every
 * control. `runWidgetConformance()` registers mocha tests that render the widget inside a real
 * `<kc-card>` (and standalone) and check the contract: value in and out, native `input`/`change`
 * reaching the page, `disabled`/`readonly`, errors with `aria-invalid` + `aria-describedby` to a
 * live region, labelled controls, and native form submit/reset.
 *
 * A widget is driven like a user would: through its native controls (clicks, typing, key presses
 * on the focused control), never by setting its properties. Keys are dispatched as DOM events, not
 * through the test runner's `sendKeys`: that hangs for a page in a background tab when files run
 * concurrently. Each tag has a driver below; an
 * app's own widget passes its own `driver`.
 */
import { expect, html } from '@open-wc/testing';
import { type FieldError, type JsonSchemaObject, type JsonValue, type Locale, type WidgetRegistry } from '@kartochka/core';
import { getAt } from '@kartochka/core/internal';
import type { KcCard, KcChangeDetail } from '../card/card.js';
import { fieldAt, mount, settle, unmountAll } from './helpers.js';
import { parseLocaleNumber } from '../number-field/number-field.js';
import { formatIsoDate, parseLocaleDate } from '../internal/dates.js';
import { schemaOptions } from '../internal/widget-utils.js';

type Root = ShadowRoot;

export interface DriverContext {
  /** The field's own schema (options, items). */
  schema: JsonSchemaObject;
}

/** Reads and edits one kind of widget through its DOM. */
export interface WidgetDriver {
  /** The value the widget shows, read back from its DOM (undefined when it shows none). */
  read(widget: HTMLElement, ctx: DriverContext): unknown;
  /** Changes the value as a user would; does nothing where a user could not (disabled, read-only). */
  edit(widget: HTMLElement, value: JsonValue, ctx: DriverContext): Promise<void>;
}

export interface ConformanceOptions {
  tag: string;
  /** The field's schema; the suite wraps it as property `field` of a card unless `card` is given. */
  schema: JsonSchemaObject;
  /** A valid value, and another valid value to edit to. */
  sample: JsonValue;
  other: JsonValue;
  /** A value the schema rejects, and the keyword that rejects it. */
  invalid?: { value: JsonValue; keyword: string };
  /** A title for the test names (e.g. "select (>10 options)"). */
  name?: string;
  /** Display-only widgets (computed): value in, labels, errors and form checks only. */
  readOnly?: boolean;
  /** A custom card around the field (e.g. a computed field needs its inputs). */
  card?: { schema: JsonSchemaObject; path: string; valueFor(v: JsonValue): JsonValue };
  /** Compares values through this projection (e.g. a file's metadata without its Blob). */
  normalize?: (v: unknown) => unknown;
  driver?: WidgetDriver;
  /** The registry the cards use (an app's widget); the default registry otherwise. */
  registry?: WidgetRegistry;
  /** Skip the standalone checks (widgets that need a card). */
  skipStandalone?: boolean;
}

// ---- user-like actions -------------------------------------------------------------------------

const q = <T extends Element = HTMLInputElement>(w: HTMLElement, sel: string): T => {
  const el = w.shadowRoot!.querySelector(sel);
  if (!el) throw new Error(`<${w.localName}>: no ${sel}`);
  return el as T;
};
const qa = <T extends Element = HTMLInputElement>(w: HTMLElement, sel: string): T[] => [...w.shadowRoot!.querySelectorAll(sel)] as T[];

/** Types text as a user: nothing happens in a disabled or read-only control. */
function userType(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  if (control.disabled || control.readOnly) return;
  control.focus();
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Picks an option of a native select as a user: nothing happens when it is disabled. */
function userPick(select: HTMLSelectElement, optionValue: string): void {
  if (select.disabled) return;
  select.value = optionValue;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Presses a key on a focused control (keydown, as a user's key reaches the widget's handlers). */
export function pressKey(control: HTMLElement, key: string): void {
  control.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** Types text at the end of a focused control, as a user would; nothing happens when it cannot take text. */
export function typeText(control: HTMLInputElement, text: string, replace = false): void {
  if (
    control.disabled ||
    control.readOnly ||
    (control.getRootNode() instanceof ShadowRoot && (control.getRootNode() as ShadowRoot).activeElement !== control)
  )
    return;
  control.value = replace ? text : control.value + text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

const labelText = (el: HTMLInputElement): string => (el.labels?.[0]?.textContent ?? '').trim();

/** The label a schema gives an option (title, else the value as text). */
function optionLabel(schema: JsonSchemaObject, value: unknown): string {
  const o = schemaOptions(schema).find((x) => JSON.stringify(x.value) === JSON.stringify(value));
  return o?.title ?? (typeof value === 'string' ? value : JSON.stringify(value));
}
function valueOfLabel(schema: JsonSchemaObject, label: string): unknown {
  const o = schemaOptions(schema).find((x) => (x.title ?? (typeof x.value === 'string' ? x.value : JSON.stringify(x.value))) === label);
  return o ? o.value : label === '' ? undefined : `?${label}`;
}
const itemsOf = (s: JsonSchemaObject): JsonSchemaObject => s.items as JsonSchemaObject;

const textDriver: WidgetDriver = {
  read: (w) => q<HTMLInputElement>(w, 'input, textarea').value || undefined,
  edit: async (w, v) => userType(q(w, 'input, textarea'), String(v)),
};

/** A date is shown and typed in the card's language (28.02.1990); what names no day reads as typed. */
const dateDriver: WidgetDriver = {
  read: (w) => {
    const text = q<HTMLInputElement>(w, 'input').value;
    const locale = (w as HTMLElement & { locale: string }).locale;
    return text ? (parseLocaleDate(text, locale) ?? text) : undefined;
  },
  edit: async (w, v) => userType(q(w, 'input'), formatIsoDate(v, (w as HTMLElement & { locale: string }).locale)),
};

/** Parses a number as the widget shows it in its locale ("1,500.5" in English, "1 500,5" in Russian). */
function parseShown(text: string, w: HTMLElement): number | undefined {
  const t = text.replace(/[%\s\u00a0\u202f]+$/, '');
  if (t === '') return undefined;
  return parseLocaleNumber((w as HTMLElement & { locale?: string }).locale === 'ru' ? t : t.replace(/,/g, ''));
}

const numberDriver: WidgetDriver = {
  read: (w) => parseShown(q(w, 'input').value, w),
  // Typed with a comma as the decimal separator, in either language.
  edit: async (w, v) => userType(q(w, 'input'), String(v).replace('.', ',')),
};

const pad = (n: number) => String(n).padStart(2, '0');

const checkDriver: WidgetDriver = {
  read: (w) => q(w, 'input').checked,
  edit: async (w, v) => {
    const c = q(w, 'input');
    if (c.checked !== v) c.click();
  },
};

const selectDriver: WidgetDriver = {
  read: (w, { schema }) => {
    const combo = w.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]');
    if (combo) return valueOfLabel(schema, combo.value);
    const s = q<HTMLSelectElement>(w, 'select');
    return s.value === '-1' ? undefined : valueOfLabel(schema, s.selectedOptions[0]?.textContent?.trim() ?? '');
  },
  edit: async (w, v, { schema }) => {
    const label = optionLabel(schema, v);
    const combo = w.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]');
    if (!combo) {
      const s = q<HTMLSelectElement>(w, 'select');
      const opt = [...s.options].find((o) => o.textContent!.trim() === label)!;
      return userPick(s, opt.value);
    }
    // The combobox is driven with the real keyboard: type to filter, arrows, Enter.
    combo.focus();
    if (w.shadowRoot!.activeElement !== combo) return;
    typeText(combo, label.slice(0, Math.max(3, Math.ceil(label.length / 2))), true);
    await (w as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    for (let i = 0; i < 50; i++) {
      const id = combo.getAttribute('aria-activedescendant');
      const active = id ? w.shadowRoot!.getElementById(id) : null;
      if (active?.textContent?.trim() === label) break;
      if (i > 0 && combo.getAttribute('aria-expanded') !== 'true') break;
      pressKey(combo, 'ArrowDown');
      await (w as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    }
    pressKey(combo, 'Enter');
  },
};

const radioLabelValue = (w: HTMLElement, schema: JsonSchemaObject): unknown => {
  const r = qa(w, 'input[type="radio"]').find((x) => x.checked);
  if (!r || r.id.endsWith('-none')) return undefined;
  return valueOfLabel(schema, labelText(r));
};

const radioDriver: WidgetDriver = {
  read: (w, { schema }) => radioLabelValue(w, schema),
  edit: async (w, v, { schema }) => {
    const label = optionLabel(schema, v);
    qa(w, 'input[type="radio"]')
      .find((r) => labelText(r) === label)
      ?.click();
  },
};

const multiDriver: WidgetDriver = {
  read: (w, { schema }) =>
    qa(w, 'input[type="checkbox"]')
      .filter((b) => b.checked)
      .map((b) => valueOfLabel(itemsOf(schema), labelText(b))),
  edit: async (w, v, { schema }) => {
    const want = new Set((v as JsonValue[]).map((x) => optionLabel(itemsOf(schema), x)));
    for (const b of qa(w, 'input[type="checkbox"]')) if (b.checked !== want.has(labelText(b))) b.click();
  },
};

const tagsDriver: WidgetDriver = {
  read: (w) => {
    const tags = qa<HTMLElement>(w, '[part="tag"] > span').map((s) => s.textContent!.trim());
    return tags;
  },
  edit: async (w, v) => {
    const update = () => (w as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    for (
      let b = w.shadowRoot!.querySelector<HTMLButtonElement>('[part="remove-button"]');
      b;
      b = w.shadowRoot!.querySelector('[part="remove-button"]')
    ) {
      b.click();
      await update();
    }
    const input = q(w, 'input');
    input.focus();
    if (w.shadowRoot!.activeElement !== input) return;
    for (const tag of v as string[]) {
      typeText(input, tag);
      await update();
      pressKey(input, 'Enter');
      await update();
    }
  },
};

const ratingDriver: WidgetDriver = {
  read: (w) => {
    const r = qa(w, 'input[type="radio"]').find((x) => x.checked);
    return r ? parseInt(r.labels![0].querySelector('.sr-only')!.textContent!, 10) : undefined;
  },
  edit: async (w, v) => {
    qa(w, 'input[type="radio"]')
      .find((r) => parseInt(r.labels![0].querySelector('.sr-only')!.textContent!, 10) === v)
      ?.click();
  },
};

const moneyDriver: WidgetDriver = {
  read: (w) => {
    const amount = q(w, '[part="amount"]').value;
    const currency = q<HTMLSelectElement>(w, 'select').value;
    return { amount: parseShown(amount, w), currency: currency || undefined };
  },
  edit: async (w, v) => {
    const { amount, currency } = v as { amount: number; currency: string };
    userType(q(w, '[part="amount"]'), String(amount).replace('.', ','));
    userPick(q<HTMLSelectElement>(w, 'select'), currency);
  },
};

const computedDriver: WidgetDriver = {
  read: (w) => {
    const text = q<HTMLOutputElement>(w, 'output').value;
    return text === '—' ? undefined : parseShown(text, w);
  },
  edit: async () => undefined,
};

const fileDriver: WidgetDriver = {
  read: (w) => {
    const link = w.shadowRoot!.querySelector<HTMLAnchorElement>('[part="download"]');
    if (!link) return undefined;
    // The kind is shown in words («документ PDF»); the link carries the media type as its `type` hint.
    return { name: link.textContent!.trim(), type: link.type };
  },
  edit: async (w, v) => {
    const input = q(w, 'input[type="file"]');
    if (input.disabled) return;
    const f = v as unknown as { name: string; type: string; lastModified: number; blob: Blob };
    const dt = new DataTransfer();
    dt.items.add(new File([f.blob], f.name, { type: f.type, lastModified: f.lastModified }));
    input.files = dt.files;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  },
};

const jsonDriver: WidgetDriver = {
  read: (w) => {
    const text = q<HTMLTextAreaElement>(w, 'textarea').value;
    return text ? JSON.parse(text) : undefined;
  },
  edit: async (w, v) => userType(q<HTMLTextAreaElement>(w, 'textarea'), JSON.stringify(v)),
};

/** Drivers of the built-in widgets, by tag. */
export const drivers: Record<string, WidgetDriver> = {
  'kc-text-field': textDriver,
  'kc-email-field': textDriver,
  'kc-phone-field': textDriver,
  'kc-url-field': textDriver,
  'kc-textarea': textDriver,
  'kc-date-field': dateDriver,
  'kc-time-field': {
    read: (w) => {
      const v = q(w, 'input').value;
      return v ? (v.length === 5 ? `${v}:00` : v) + 'Z' : undefined;
    },
    edit: async (w, v) => userType(q(w, 'input'), String(v).slice(0, 5)),
  },
  'kc-datetime-field': {
    read: (w) => {
      const v = q(w, 'input').value;
      return v ? new Date(v).toISOString() : undefined;
    },
    edit: async (w, v) => {
      const d = new Date(String(v));
      userType(
        q(w, 'input'),
        `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`,
      );
    },
  },
  'kc-number-field': numberDriver,
  'kc-percent-field': numberDriver,
  'kc-checkbox': checkDriver,
  'kc-switch': checkDriver,
  'kc-select': selectDriver,
  'kc-radio-group': radioDriver,
  'kc-multi-select': multiDriver,
  'kc-tags-field': tagsDriver,
  'kc-rating': ratingDriver,
  'kc-money-field': moneyDriver,
  'kc-computed-field': computedDriver,
  'kc-file-field': fileDriver,
  'kc-json-field': jsonDriver,
};

// ---- the suite ---------------------------------------------------------------------------------

const json = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

/** Every element in a widget's shadow root that a user operates or reads as a control. */
const CONTROLS = 'input:not([type="hidden"]), select, textarea, output, button, [role="combobox"], [role="listbox"]';

/** The accessible-name check the suite applies to each control. */
function isLabelled(el: Element, root: Root): boolean {
  if (el.getAttribute('aria-label')?.trim()) return true;
  const by = el.getAttribute('aria-labelledby');
  if (by && by.split(/\s+/).every((id) => root.getElementById(id)?.textContent?.trim())) return true;
  if (el.localName === 'button') return !!el.textContent?.trim();
  const labels = (el as HTMLInputElement).labels;
  return !!labels && labels.length > 0 && [...labels].some((l) => l.textContent?.trim());
}

export function runWidgetConformance(o: ConformanceOptions): void {
  const driver = o.driver ?? drivers[o.tag];
  if (!driver) throw new Error(`runWidgetConformance: no driver for <${o.tag}>; pass options.driver.`);
  const wrap = o.card ?? {
    schema: { type: 'object', properties: { field: { title: 'Field title', ...o.schema } } } as JsonSchemaObject,
    path: '/field',
    valueFor: (v: JsonValue) => ({ field: v }),
  };
  const ctx: DriverContext = { schema: o.schema };
  const norm = (v: unknown) => (o.normalize ? o.normalize(v) : json(v));
  const fieldSchema = (): JsonSchemaObject => o.schema;

  async function makeCard(value: JsonValue, locale: Locale = 'en', schema: JsonSchemaObject = wrap.schema) {
    const host = mount<HTMLDivElement>(
      html`<div><kc-card .schema=${schema} .registry=${o.registry} .value=${value} locale=${locale}></kc-card></div>`,
    );
    const card = host.querySelector('kc-card') as KcCard;
    await settle(card);
    const widget = () => fieldAt(card.shadowRoot!, wrap.path)!;
    return { host, card, widget };
  }

  const valueAt = (card: KcCard) => getAt(card.value as JsonValue, wrap.path);

  describe(`widget conformance: ${o.name ?? o.tag}`, () => {
    afterEach(unmountAll);
    it('is the widget the registry picks for the schema, bound to its pointer', async () => {
      const { widget } = await makeCard(wrap.valueFor(o.sample));
      expect(widget(), `widget at ${wrap.path}`).to.exist;
      expect(widget().localName).to.equal(o.tag);
      expect(widget().getAttribute('path')).to.equal(wrap.path);
    });

    for (const locale of ['en', 'ru'] as const) {
      it(`value in (${locale}): shows the card's value, and a new one set on the card`, async () => {
        const { card, widget } = await makeCard(wrap.valueFor(o.sample), locale);
        expect(norm(driver.read(widget(), ctx))).to.deep.equal(norm(o.sample));
        card.value = wrap.valueFor(o.other);
        await settle(card);
        expect(norm(driver.read(widget(), ctx))).to.deep.equal(norm(o.other));
      });
    }

    if (!o.readOnly) {
      it('value out: a user edit updates card.value, fires kc-change, and native input/change reach the page', async () => {
        const { host, card, widget } = await makeCard(wrap.valueFor(o.sample));
        const changes: KcChangeDetail[] = [];
        const native: { type: string; target: EventTarget | null }[] = [];
        card.addEventListener('kc-change', (e) => changes.push((e as CustomEvent<KcChangeDetail>).detail));
        const onNative = (e: Event) => native.push({ type: e.type, target: e.target });
        host.addEventListener('input', onNative);
        host.addEventListener('change', onNative);
        await driver.edit(widget(), o.other, ctx);
        await settle(card);
        expect(norm(valueAt(card))).to.deep.equal(norm(o.other));
        expect(changes.length, 'kc-change events').to.be.greaterThan(0);
        expect(
          changes.every((d) => d.path === wrap.path || d.path.startsWith(wrap.path + '/')),
          'kc-change paths',
        ).to.equal(true);
        expect(
          native.some((e) => e.type === 'input'),
          'an input event reached the page',
        ).to.equal(true);
        expect(
          native.some((e) => e.type === 'change'),
          'a change event reached the page',
        ).to.equal(true);
        // Retargeted: the page sees the card, not the widget's internals.
        expect(native.every((e) => e.target === card)).to.equal(true);
        expect(norm(driver.read(widget(), ctx))).to.deep.equal(norm(o.other));
      });

      it('disabled blocks edits', async () => {
        const { card, widget } = await makeCard(wrap.valueFor(o.sample));
        const w = widget() as HTMLElement & { disabled: boolean; updateComplete: Promise<unknown> };
        w.disabled = true;
        await w.updateComplete;
        let changes = 0;
        card.addEventListener('kc-change', () => changes++);
        await driver.edit(w, o.other, ctx);
        await settle(card);
        expect(changes).to.equal(0);
        expect(norm(valueAt(card))).to.deep.equal(norm(o.sample));
        for (const c of qa<HTMLInputElement>(w, 'input, select, textarea')) {
          expect(c.matches(':disabled'), `${c.localName}#${c.id} disabled`).to.equal(true);
        }
      });

      it('read-only (schema readOnly) blocks edits and keeps the value readable', async () => {
        const ro = { ...wrap.schema, properties: { ...(wrap.schema.properties ?? {}) } } as JsonSchemaObject;
        const key = wrap.path.slice(1);
        ro.properties![key] = { ...(ro.properties![key] as JsonSchemaObject), readOnly: true };
        const { card, widget } = await makeCard(wrap.valueFor(o.sample), 'en', ro);
        expect((widget() as HTMLElement & { readonly: boolean }).readonly).to.equal(true);
        let changes = 0;
        card.addEventListener('kc-change', () => changes++);
        await driver.edit(widget(), o.other, ctx);
        await settle(card);
        expect(changes).to.equal(0);
        expect(norm(valueAt(card))).to.deep.equal(norm(o.sample));
        expect(norm(driver.read(widget(), ctx))).to.deep.equal(norm(o.sample));
      });
    }

    const checkErrorWiring = (w: HTMLElement, expectText: string | RegExp) => {
      const root = w.shadowRoot!;
      const invalid = [...root.querySelectorAll('[aria-invalid="true"]')];
      expect(invalid.length, 'elements with aria-invalid="true"').to.be.greaterThan(0);
      for (const el of invalid) {
        const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const live = ids.map((id) => root.getElementById(id)).filter((x): x is HTMLElement => !!x && x.getAttribute('aria-live') !== null);
        expect(live.length, `${el.localName} aria-describedby names a live region`).to.be.greaterThan(0);
        const text = live.map((x) => x.textContent).join(' ');
        if (typeof expectText === 'string') expect(text).to.contain(expectText);
        else expect(text).to.match(expectText);
      }
    };

    it('shows server errors with aria-invalid and aria-describedby pointing at a live region', async () => {
      const { card, widget } = await makeCard(wrap.valueFor(o.sample));
      const none = widget().shadowRoot!.querySelectorAll('[aria-invalid="true"]');
      expect(none.length, 'no aria-invalid before errors').to.equal(0);
      card.setServerErrors([{ path: wrap.path, keyword: 'server', message: 'Rejected by the server', source: 'server' }]);
      // Server errors show like schema errors: after a submit (validate), a touch or an edit.
      card.validate();
      await settle(card);
      checkErrorWiring(widget(), 'Rejected by the server');
    });

    if (o.invalid) {
      const bad = o.invalid;
      it(`shows the schema's "${bad.keyword}" error after validate(), in both languages`, async () => {
        const { card, widget } = await makeCard(wrap.valueFor(bad.value));
        const r = card.validate();
        expect(
          r.errors.some((e) => e.keyword === bad.keyword && (e.path === wrap.path || e.path.startsWith(wrap.path + '/'))),
          `${bad.keyword} error`,
        ).to.equal(true);
        await settle(card);
        const mine = r.errors.filter((e) => e.path === wrap.path || e.path.startsWith(wrap.path + '/'));
        checkErrorWiring(widget(), mine[0].message);
        card.locale = 'ru';
        await settle(card);
        checkErrorWiring(widget(), /[а-яё]/i);
        card.value = wrap.valueFor(o.sample);
        card.validate();
        await settle(card);
        expect(widget().shadowRoot!.querySelectorAll('[aria-invalid="true"]').length).to.equal(0);
      });
    }

    it('labels every control and groups; no English UI text leaks into Russian', async () => {
      for (const locale of ['en', 'ru'] as const) {
        const { widget } = await makeCard(wrap.valueFor(o.sample), locale);
        const root = widget().shadowRoot!;
        const controls = [...root.querySelectorAll(CONTROLS)].filter((el) => !(el as HTMLElement).hidden);
        expect(controls.length, 'controls').to.be.greaterThan(0);
        for (const c of controls)
          expect(isLabelled(c, root), `${locale}: <${c.localName} id=${c.id}> has an accessible name`).to.equal(true);
        for (const fs of root.querySelectorAll('fieldset'))
          expect(fs.querySelector('legend')?.textContent?.trim(), 'fieldset legend').to.be.ok;
        expect(root.textContent).to.contain(o.card ? '' : 'Field title');
        if (locale === 'ru') {
          // UI strings of the elements' catalogue must be translated.
          for (const word of [
            'Choose',
            'Remove',
            'Clear',
            'Not chosen',
            'No rating',
            'Replace',
            'computed',
            'not in the list',
            'Amount',
            'Currency',
          ]) {
            const visible = [...root.querySelectorAll('*')]
              .map(
                (e) =>
                  (e.getAttribute('aria-label') ?? '') +
                  ' ' +
                  (e.childNodes.length
                    ? [...e.childNodes]
                        .filter((n) => n.nodeType === 3)
                        .map((n) => n.textContent)
                        .join('')
                    : ''),
              )
              .join(' ');
            expect(visible, `ru text contains "${word}"`).not.to.contain(word);
          }
        }
      }
    });

    it('inside a native form: submits the JSON under its name, and form.reset() restores it', async () => {
      const form = mount<HTMLFormElement>(
        html`<form><kc-card name="card" .schema=${wrap.schema} .registry=${o.registry} .value=${wrap.valueFor(o.sample)}></kc-card></form>`,
      );
      const card = form.querySelector('kc-card') as KcCard;
      await settle(card);
      const widget = () => fieldAt(card.shadowRoot!, wrap.path)!;
      const submitted = () => JSON.parse(new FormData(form).get('card') as string) as JsonValue;
      expect(norm(getAt(submitted(), wrap.path))).to.deep.equal(norm(json(o.sample)));
      if (!o.readOnly) {
        await driver.edit(widget(), o.other, ctx);
        await settle(card);
        expect(norm(getAt(submitted(), wrap.path))).to.deep.equal(norm(json(o.other)));
      }
      form.reset();
      await settle(card);
      expect(norm(valueAt(card))).to.deep.equal(norm(o.sample));
      expect(norm(driver.read(widget(), ctx))).to.deep.equal(norm(o.sample));
    });

    if (!o.skipStandalone) {
      it('works standalone: value, label, native events, errors', async () => {
        const el = document.createElement(o.tag) as HTMLElement & {
          value: unknown;
          schema: JsonSchemaObject;
          label: string;
          errors: FieldError[];
          updateComplete: Promise<unknown>;
        };
        el.schema = fieldSchema();
        el.value = o.sample;
        el.label = 'Standalone label';
        const host = mount<HTMLDivElement>(html`<div></div>`);
        host.append(el);
        await el.updateComplete;
        expect(norm(driver.read(el, ctx))).to.deep.equal(norm(o.sample));
        expect(el.shadowRoot!.textContent).to.contain('Standalone label');
        if (!o.readOnly) {
          const events: string[] = [];
          host.addEventListener('input', (e) => events.push(e.type));
          host.addEventListener('change', (e) => events.push(e.type));
          await driver.edit(el, o.other, ctx);
          await el.updateComplete;
          expect(norm(el.value)).to.deep.equal(norm(o.other));
          expect(events).to.include('input');
          expect(events).to.include('change');
        }
        el.errors = [{ path: '', keyword: 'app', message: 'Standalone error', source: 'app' }];
        await el.updateComplete;
        checkErrorWiring(el, 'Standalone error');
      });
    }
  });
}
