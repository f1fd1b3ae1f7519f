/** The inspector's field-specific parts: default, constraints, widget, options, formula, reminder. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JsonValue, Locale } from '@kartochka/core';
import {
  addOption,
  fieldTypeInfo,
  hasOptions,
  isDateType,
  moveOption,
  optionsOf,
  removeOption,
  setConstraint,
  setDefault,
  setOptionLabel,
  setReminder,
  setWidget,
  type FieldInfo,
  type Reminder,
} from '../model/index.js';
import { FormulaEditor } from './formula-editor.js';
import type { BuilderStore } from './store.js';
import { LANGUAGE_NAMES, builderStrings, s, type BuilderStringKey } from './strings.js';
import { TECHNICAL_FORMATS, formatChoices, formatName } from './format-choices.js';

const LOCALES: Locale[] = ['ru', 'en'];

export class FieldSettings {
  /** The formula editor keeps what is being typed per field, while it is not a valid formula yet. */
  readonly formulas: FormulaEditor;

  constructor(
    readonly store: BuilderStore,
    readonly uid: string,
  ) {
    this.formulas = new FormulaEditor(store, uid);
  }

  t(k: BuilderStringKey, p?: Record<string, string | number>): string {
    return s(this.store.locale, k, p);
  }

  defaultValue(f: FieldInfo): TemplateResult | typeof nothing {
    const st = this.store;
    const d = f.schema.default;
    const set = (v: JsonValue | undefined, coalesce?: string) => st.edit((x) => setDefault(x, f.id, v), { coalesce });
    const label = this.t('defaultValue');
    switch (f.type) {
      case 'text':
      case 'longText':
      case 'email':
      case 'phone':
      case 'url':
      case 'date':
      case 'dateTime':
      case 'time': {
        const type = f.type === 'date' ? 'date' : f.type === 'time' ? 'time' : 'text';
        return html`<label>${label}<input type=${type} .value=${live(typeof d === 'string' ? d : '')}
          @input=${(e: Event) => set((e.target as HTMLInputElement).value || undefined, `${f.id}-default`)} @change=${() => st.seal()} /></label>`;
      }
      case 'number':
      case 'integer':
      case 'percent':
      case 'rating':
        return html`<label>${label}<input type="number" .value=${live(typeof d === 'number' ? String(d) : '')}
          @change=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            set(v === '' ? undefined : Number(v));
          }} /></label>`;
      case 'checkbox':
      case 'switch':
        return html`<label>${label}<select @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          set(v === '' ? undefined : v === 'true');
        }}>
          <option value="" ?selected=${d === undefined}></option>
          <option value="true" ?selected=${d === true}>${this.t('yes')}</option>
          <option value="false" ?selected=${d === false}>${this.t('no')}</option>
        </select></label>`;
      case 'select':
      case 'radio':
        return html`<label>${label}<select @change=${(e: Event) => set((e.target as HTMLSelectElement).value || undefined)}>
          <option value="" ?selected=${d === undefined}></option>
          ${optionsOf(st.doc, f.id).map((o) => html`<option value=${o.value} ?selected=${d === o.value}>${o.labels[st.locale] ?? o.value}</option>`)}
        </select></label>`;
      default:
        return nothing;
    }
  }

  constraints(f: FieldInfo): TemplateResult | typeof nothing {
    const st = this.store;
    const info = fieldTypeInfo(f.type);
    const text = f.type === 'text' || f.type === 'longText';
    if (!info.constraints.length && !text) return nothing;
    const num = (
      k: string,
    ) => html`<label>${this.t(k as BuilderStringKey)}<input type="number" .value=${live(typeof f.schema[k] === 'number' ? String(f.schema[k]) : '')}
      @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        st.edit((x) => setConstraint(x, f.id, k, v === '' ? undefined : Number(v)));
      }} /></label>`;
    // Date limits (formatMinimum/formatMaximum) are dates, not numbers: a date picker, kept as the
    // field's own format (`2026-01-15`, or `2026-01-15T10:30:00Z` for date and time).
    const dateTime = f.type === 'dateTime';
    const toInput = (v: unknown) =>
      typeof v !== 'string' ? '' : dateTime ? v.replace(/(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)$/, '').slice(0, 16) : v;
    const fromInput = (v: string) => (v === '' ? undefined : dateTime ? `${v.length === 16 ? `${v}:00` : v}Z` : v);
    const day = (
      k: string,
    ) => html`<label>${this.t(k as BuilderStringKey)}<input type=${dateTime ? 'datetime-local' : 'date'} .value=${live(toInput(f.schema[k]))}
      @change=${(e: Event) => st.edit((x) => setConstraint(x, f.id, k, fromInput((e.target as HTMLInputElement).value)))} /></label>`;
    const field = (k: string) => (k === 'formatMinimum' || k === 'formatMaximum' ? day(k) : num(k));
    const choices = text ? formatChoices(f.schema.format) : [];
    const everyday = choices.filter((fm) => !TECHNICAL_FORMATS.has(fm));
    const technical = choices.filter((fm) => TECHNICAL_FORMATS.has(fm));
    const option = (fm: string) =>
      html`<option value=${fm} ?selected=${f.schema.format === fm}>${formatName(this.store.locale, fm)}</option>`;
    return html`<fieldset><legend>${this.t('constraints')}</legend>
      <div class="kcb-pair">${info.constraints.filter((k) => k !== 'pattern').map(field)}</div>
      ${
        text
          ? html`<label>${this.t('format')}<select name="format" @change=${(e: Event) => st.edit((x) => setConstraint(x, f.id, 'format', (e.target as HTMLSelectElement).value || undefined))}>
            <option value="" ?selected=${!f.schema.format}>${this.t('formatNone')}</option>
            ${everyday.map(option)}
            ${technical.length ? html`<optgroup label=${this.t('formatsTechnical')}>${technical.map(option)}</optgroup>` : nothing}
          </select></label>`
          : nothing
      }
      ${
        info.constraints.includes('pattern')
          ? // A regular expression is for a technical admin: under "Advanced", open when one is set.
            html`<details class="kcb-advanced" ?open=${typeof f.schema.pattern === 'string'}><summary>${this.t('advancedPattern')}</summary>
            <label>${this.t('pattern')}<input name="pattern" spellcheck="false" .value=${live(typeof f.schema.pattern === 'string' ? f.schema.pattern : '')}
            @input=${(e: Event) => st.edit((x) => setConstraint(x, f.id, 'pattern', (e.target as HTMLInputElement).value || undefined), { coalesce: `${f.id}-pattern` })}
            @change=${() => st.seal()} /></label></details>`
          : nothing
      }
    </fieldset>`;
  }

  /** How a widget is named to the admin (Звёзды, Переключатель), never its code. */
  #widgetName(w: string): string {
    const k = `widget_${w}` as BuilderStringKey;
    return k in builderStrings.en ? this.t(k) : w;
  }

  widget(f: FieldInfo): TemplateResult | typeof nothing {
    const widgets = fieldTypeInfo(f.type).widgets;
    if (widgets.length < 2) return nothing;
    const cur = typeof f.schema['x-widget'] === 'string' ? f.schema['x-widget'] : '';
    return html`<label>${this.t('widget')}<select @change=${(e: Event) => this.store.edit((x) => setWidget(x, f.id, (e.target as HTMLSelectElement).value || undefined))}>
      <option value="" ?selected=${!cur}>${this.t('widgetDefault')}</option>
      ${widgets.map((w) => html`<option value=${w} ?selected=${cur === w}>${this.#widgetName(w)}</option>`)}
    </select></label>`;
  }

  options(f: FieldInfo): TemplateResult | typeof nothing {
    if (!hasOptions(f.type)) return nothing;
    const st = this.store;
    const opts = optionsOf(st.doc, f.id);
    const newId = `${this.uid}-newopt`;
    const add = () => {
      const labels: Partial<Record<Locale, string>> = {};
      for (const l of LOCALES) {
        const input = document.getElementById(`${newId}-${l}`) as HTMLInputElement | null;
        if (input?.value) labels[l] = input.value;
      }
      st.edit((x) => addOption(x, f.id, labels).doc);
      for (const l of LOCALES) {
        const input = document.getElementById(`${newId}-${l}`) as HTMLInputElement | null;
        if (input) input.value = '';
      }
    };
    return html`<fieldset><legend>${this.t('options')}</legend>
      ${opts.map(
        (o, i) => html`<div class="kcb-option" data-option=${o.value}>
          ${LOCALES.map(
            (l) => html`<input aria-label=${this.t('optionLabel', { lang: LANGUAGE_NAMES[l], value: o.value })} placeholder=${o.value}
              .value=${live(o.labels[l] ?? '')}
              @input=${(e: Event) => st.edit((x) => setOptionLabel(x, f.id, o.value, l, (e.target as HTMLInputElement).value), { coalesce: `${f.id}-opt-${o.value}-${l}` })}
              @change=${() => st.seal()} />`,
          )}
          <button type="button" aria-label=${this.t('optionUp', { value: o.value })} ?disabled=${i === 0} @click=${() => st.edit((x) => moveOption(x, f.id, o.value, -1))}>↑</button>
          <button type="button" aria-label=${this.t('optionDown', { value: o.value })} ?disabled=${i === opts.length - 1} @click=${() => st.edit((x) => moveOption(x, f.id, o.value, 1))}>↓</button>
          <button type="button" aria-label=${this.t('removeOption', { value: o.value })} @click=${() => st.edit((x) => removeOption(x, f.id, o.value))}>✕</button>
        </div>`,
      )}
      <div class="kcb-pair">
        ${LOCALES.map(
          (
            l,
          ) => html`<input id="${newId}-${l}" aria-label=${this.t('newOptionLabel', { lang: LANGUAGE_NAMES[l] })} placeholder=${this.t('newOptionLabel', { lang: l })}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }} />`,
        )}
      </div>
      <button type="button" @click=${add}>+ ${this.t('addOption')}</button>
    </fieldset>`;
  }

  formula(f: FieldInfo): TemplateResult | typeof nothing {
    return this.formulas.render(f);
  }

  reminder(f: FieldInfo): TemplateResult | typeof nothing {
    if (!isDateType(f.type)) return nothing;
    const st = this.store;
    const r = f.schema['x-reminder'] as Reminder | undefined;
    const set = (next: Reminder | undefined) => st.edit((x) => setReminder(x, f.id, next));
    return html`<fieldset><legend>${this.t('reminder')}</legend>
      <label class="kcb-check"><input type="checkbox" .checked=${live(!!r)} @change=${(e: Event) => set((e.target as HTMLInputElement).checked ? { offsetDays: 7, who: 'manager' } : undefined)} />${this.t('reminderOn')}</label>
      ${
        r
          ? html`<div class="kcb-pair">
            <label>${this.t('reminderDays')}<input type="number" .value=${live(String(r.offsetDays))} @change=${(e: Event) => set({ ...r, offsetDays: Number((e.target as HTMLInputElement).value) || 0 })} /></label>
            <label>${this.t('reminderWho')}<select @change=${(e: Event) => set({ ...r, who: (e.target as HTMLSelectElement).value as Reminder['who'] })}>
              <option value="manager" ?selected=${r.who === 'manager'}>${this.t('whoManager')}</option>
              <option value="supervisor" ?selected=${r.who === 'supervisor'}>${this.t('whoSupervisor')}</option>
              <option value="all" ?selected=${r.who === 'all'}>${this.t('whoAll')}</option>
            </select></label>
          </div>`
          : nothing
      }
    </fieldset>`;
  }
}
