import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Locale, type SectionsMode } from '@kartochka/core';
import {
  FIELD_TYPES,
  fieldById,
  fieldMessages,
  fieldTypeInfo,
  findSection as findSectionIndex,
  isRequired,
  setColumns,
  setDescription,
  setFieldType,
  setKey,
  setRequired,
  setUnique,
  setSectionsMode,
  setTitle,
  titleOf,
  type FieldInfo,
  type FieldType,
  type NodeRef,
} from '../model/index.js';
import { deleteNode, duplicateNode, moveSelected, moveTargets, moveTo, nodeName } from './actions.js';
import { FieldSettings } from './field-settings.js';
import { BuilderPart } from './part.js';
import { ruleEditor } from './rule-editor.js';
import { typeIcon } from './type-icons.js';
import { LANGUAGE_NAMES } from './strings.js';

const LOCALES: Locale[] = ['ru', 'en'];
const MODES: SectionsMode[] = ['tabs', 'accordion', 'steps', 'plain'];

/**
 * @summary Settings of the selected section, group or field: titles and hints in Russian and
 * English, key, type, required, default, constraints, widget, options, formula, reminder, rules,
 * and move / duplicate / delete.
 */
export class KcBuilderInspector extends BuilderPart {
  #fields?: FieldSettings;

  get #settings(): FieldSettings {
    if (!this.#fields || this.#fields.store !== this.store) this.#fields = new FieldSettings(this.store!, this.uid);
    return this.#fields;
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const sel = store.selection;
    return html`<section class="kcb-panel" aria-labelledby="${this.uid}-h">
      <h2 id="${this.uid}-h">${this.t('inspector')}${sel ? html`: ${this.#kindIcon(sel)}${nodeName(store.doc, sel, this.locale)}` : nothing}</h2>
      ${!sel ? html`<p class="kcb-hint">${this.t('nothingSelected')}</p>` : sel.kind === 'field' ? this.#field(sel) : this.#layoutNode(sel)}
    </section>`;
  }

  /** The icon of what is selected (its type's, for a field), decorative: the type is named below. */
  #kindIcon(ref: NodeRef): TemplateResult | typeof nothing {
    if (ref.kind !== 'field') return typeIcon(ref.kind);
    const f = fieldById(this.store!.doc, ref.id);
    return f ? typeIcon(f.type) : nothing;
  }

  #texts(ref: NodeRef, withDescription: boolean): TemplateResult {
    const store = this.store!;
    const doc = store.doc;
    const f = ref.kind === 'field' ? fieldById(doc, ref.id) : undefined;
    const key = (kind: string, l: Locale) => `${ref.kind}:${ref.id}:${kind}:${l}`;
    const description = (l: Locale) => {
      if (f) return fieldMessages(doc, f.pointer, l).description ?? '';
      const sec = ref.kind === 'section' ? doc.layout.items[findSectionIndex(doc, ref.id)] : undefined;
      const d = sec?.description;
      return typeof d === 'string' ? d : (d?.[l] ?? '');
    };
    return html`${LOCALES.map(
      (l) => html`<label>${this.t('titleIn', { lang: LANGUAGE_NAMES[l] })}
        <input
          name="title-${l}"
          .value=${live(titleOf(doc, ref, l))}
          @input=${(e: Event) => {
            const v = (e.target as HTMLInputElement).value;
            const index = ref.kind === 'section' ? findSectionIndex(store.doc, ref.id) : -1;
            // A section's id follows its title (until published): coalesce by its place, not its id.
            const coalesce = ref.kind === 'section' ? `section@${index}:title:${l}` : key('title', l);
            store.edit((d) => setTitle(d, ref, l, v, store.context), { coalesce });
            const now = index >= 0 ? store.doc.layout.items[index] : undefined;
            if (now && now.id !== ref.id) {
              store.activeSection = now.id;
              store.select({ kind: 'section', id: now.id });
            }
          }}
          @change=${() => store.seal()}
        />
      </label>`,
    )}
    ${
      withDescription
        ? LOCALES.map(
            (l) => html`<label>${this.t('descriptionIn', { lang: LANGUAGE_NAMES[l] })}
            <input
              name="description-${l}"
              .value=${live(description(l))}
              @input=${(e: Event) => store.edit((d) => setDescription(d, ref, l, (e.target as HTMLInputElement).value), { coalesce: key('description', l) })}
              @change=${() => store.seal()}
            />
          </label>`,
          )
        : nothing
    }`;
  }

  #actions(ref: NodeRef): TemplateResult {
    const store = this.store!;
    const targets = ref.kind === 'section' ? [] : moveTargets(store.doc, ref, this.locale);
    return html`${
      targets.length
        ? html`<label>${this.t('moveTo')}
            <select
              name="move-to"
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                const target = targets.find((x) => `${x.ref.kind}:${x.ref.id}` === v);
                if (target) moveTo(store, ref, { container: target.ref });
              }}
            >
              <option value="" selected></option>
              ${targets.map((x) => html`<option value="${x.ref.kind}:${x.ref.id}">${x.label}</option>`)}
            </select>
          </label>`
        : nothing
    }
      <div class="kcb-actions">
        <button type="button" @click=${() => moveSelected(store, ref, -1)}>↑ ${this.t('moveUp')}</button>
        <button type="button" @click=${() => moveSelected(store, ref, 1)}>↓ ${this.t('moveDown')}</button>
        <button type="button" @click=${() => duplicateNode(store, ref)}>${this.t('duplicate')}</button>
        <button type="button" class="danger" @click=${() => deleteNode(store, ref)}>${this.t('delete')}</button>
      </div>`;
  }

  #columns(ref: NodeRef, current: number | undefined): TemplateResult {
    return html`<label>${this.t('columns')}
      <select name="columns" @change=${(e: Event) => this.store!.edit((d) => setColumns(d, ref, Number((e.target as HTMLSelectElement).value) || undefined))}>
        ${[0, 1, 2, 3].map((n) => html`<option value=${n} ?selected=${(current ?? 0) === n}>${n || '—'}</option>`)}
      </select>
    </label>`;
  }

  #layoutNode(ref: NodeRef): TemplateResult {
    const store = this.store!;
    const doc = store.doc;
    if (ref.kind === 'section') {
      const section = doc.layout.items[findSectionIndex(doc, ref.id)];
      return html`${this.#texts(ref, true)}
        ${
          section?.pointer
            ? // Where the section's fields sit in the data: technical, under "Advanced" like a field's key.
              html`<details class="kcb-advanced" data-advanced="key"><summary>${this.t('advancedKey')}</summary>
              <p class="kcb-hint">${this.t('key')}: <code>${section.pointer}</code></p>
            </details>`
            : nothing
        }
        <label>${this.t('sectionsMode')}
          <select name="sections-mode" @change=${(e: Event) => store.edit((d) => setSectionsMode(d, (e.target as HTMLSelectElement).value as SectionsMode))}>
            ${MODES.map((m) => html`<option value=${m} ?selected=${(doc.layout.sections ?? 'tabs') === m}>${this.t(`mode_${m}`)}</option>`)}
          </select>
        </label>
        ${this.#columns(ref, section?.columns)} ${ruleEditor(store, ref, 'visible', this.uid, this.#settings.formulas)} ${ruleEditor(store, ref, 'readOnly', this.uid, this.#settings.formulas)}
        ${this.#actions(ref)}`;
    }
    const group = JSON.stringify(doc.layout).includes(`"id":${JSON.stringify(ref.id)}`);
    if (!group) return html``;
    return html`${this.#texts(ref, false)} ${ruleEditor(store, ref, 'visible', this.uid, this.#settings.formulas)} ${ruleEditor(store, ref, 'readOnly', this.uid, this.#settings.formulas)} ${this.#actions(ref)}`;
  }

  #field(ref: NodeRef): TemplateResult {
    const store = this.store!;
    const doc = store.doc;
    const f = fieldById(doc, ref.id);
    if (!f) return html``;
    const fs = this.#settings;
    const published = store.context.published?.has(f.id) ?? false;
    return html`<label>${this.t('type')}
        <select name="type" @change=${(e: Event) => store.edit((d) => setFieldType(d, f.id, (e.target as HTMLSelectElement).value as FieldType))}>
          ${FIELD_TYPES.map((t) => html`<option value=${t.type} ?selected=${t.type === f.type}>${localize(t.label, this.locale)}</option>`)}
          ${FIELD_TYPES.some((t) => t.type === f.type) ? nothing : html`<option selected value=${f.type}>${localize(fieldTypeInfo(f.type).label, this.locale)}</option>`}
        </select>
      </label>
      ${this.#texts(ref, true)}
      <!-- The key is the field's name in the data: a technical setting, under "Advanced". -->
      <details class="kcb-advanced" data-advanced="key"><summary>${this.t('advancedKey')}</summary>
        <label>${this.t('key')}
          <input name="key" .value=${live(f.key)} spellcheck="false" @change=${(e: Event) => this.#setKey(f, (e.target as HTMLInputElement).value)} />
          <span class="kcb-hint">${published ? this.t('keyPublished') : this.t('keyFollows')}</span>
        </label>
      </details>
      ${
        f.type === 'computed'
          ? nothing
          : html`<label class="kcb-check"
            ><input type="checkbox" name="required" .checked=${live(isRequired(doc, f.id))} @change=${(e: Event) => store.edit((d) => setRequired(d, f.id, (e.target as HTMLInputElement).checked))} />
            ${this.t('required')}</label
          >`
      }
      ${
        f.type === 'computed' || !['string', 'number', 'integer'].includes(String(f.schema.type))
          ? nothing
          : html`<label class="kcb-check"
            ><input type="checkbox" name="unique" .checked=${live(f.schema['x-unique'] === true)} @change=${(e: Event) => store.edit((d) => setUnique(d, f.id, (e.target as HTMLInputElement).checked))} />
            ${this.t('unique')}</label
          >`
      }
      ${fs.defaultValue(f)} ${fs.options(f)} ${fs.formula(f)} ${fs.constraints(f)} ${fs.widget(f)} ${fs.reminder(f)}
      ${(['visible', 'required', 'readOnly'] as const).map((k) => (f.type === 'computed' && k !== 'visible' ? nothing : ruleEditor(store, ref, k, this.uid, this.#settings.formulas)))}
      ${this.#actions(ref)}`;
  }

  #setKey(f: FieldInfo, key: string): void {
    const store = this.store!;
    // An explicit key change is allowed after publishing: the next publish records it as a move.
    store.edit((d) => setKey(d, f.id, key));
  }
}

if (!customElements.get('kc-builder-inspector')) customElements.define('kc-builder-inspector', KcBuilderInspector);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-inspector': KcBuilderInspector;
  }
}
