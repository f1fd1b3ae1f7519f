import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { withCardSettings, type CardSettings } from '@kartochka/core';
import { cardSettingsOrDefault } from '@kartochka/core/internal';
import { fieldIndex, titleOf } from '../model/index.js';
import { BuilderPart } from './part.js';

type ListSetting = 'columns' | 'filters' | 'summary';
const LISTS: ListSetting[] = ['columns', 'filters', 'summary'];
const LIST_LABEL = { columns: 'cardColumns', filters: 'cardFilters', summary: 'cardSummary' } as const;

/**
 * @summary How cards of this type are titled and listed: the title (a field, or a pattern of fields
 * such as `{/general/name} ({/general/inn})`), the list's columns and filters, and the summary
 * chips. Stored on the schema root as `x-card` (core's `CardSettings`), published with the schema;
 * every change is one undoable edit.
 */
export class KcBuilderCardSettings extends BuilderPart {
  get settings(): CardSettings {
    return cardSettingsOrDefault(this.store!.doc.schema);
  }

  /** Sets part of the settings (one undo step; typing in the title coalesces). */
  change(part: Partial<CardSettings>, coalesce?: string): void {
    const next = { ...this.settings, ...part };
    this.store!.edit((doc) => ({ ...doc, schema: withCardSettings(doc.schema, next) }), {
      coalesce,
      announce: this.t('cardSettingsChanged'),
    });
  }

  /**
   * The title as the admin reads it: fields by their titles in braces (`{Наименование} ({ИНН})`);
   * stored with pointers, so renaming a field's title does not break it.
   */
  #shown(title: string, names: Map<string, string>): string {
    if (!title) return '';
    if (!title.includes('{')) return names.has(title) ? `{${names.get(title)}}` : title;
    return title.replace(/\{([^{}]*)\}/g, (m, p: string) => {
      const pointer = p.startsWith('/') ? p : `/${p}`;
      return names.has(pointer) ? `{${names.get(pointer)}}` : m;
    });
  }

  /** What the admin typed, with every `{field title}` (or `{/pointer}`) stored as its pointer. */
  #stored(text: string, names: Map<string, string>): string {
    const byName = new Map([...names].map(([pointer, name]) => [name.trim().toLocaleLowerCase(), pointer] as const).reverse());
    return text.replace(/\{([^{}]*)\}/g, (m, name: string) => {
      const pointer = byName.get(name.trim().toLocaleLowerCase());
      return pointer ? `{${pointer}}` : m;
    });
  }

  #toggle(list: ListSetting, pointer: string, on: boolean): void {
    const now = this.settings[list].filter((p) => p !== pointer);
    this.change({ [list]: on ? [...now, pointer] : now });
  }

  override render() {
    const store = this.store;
    if (!store) return html``;
    const settings = this.settings;
    // Fields a card can be listed by: plain values, not blocks or repeating groups (their rows vary).
    const fields = [...fieldIndex(store.doc.schema).values()].filter(
      (f) => f.type !== 'object' && f.type !== 'repeating' && !f.pointer.includes('/*'),
    );
    const label = (id: string, key: string) => titleOf(store.doc, { kind: 'field', id }, this.locale) || key;
    const titleId = `${this.uid}-title`;
    const names = new Map(fields.map((f) => [f.pointer, label(f.id, f.key)]));
    return html`<div class="kcb-card-settings">
      <p class="kcb-hint">${this.t('cardSettingsHint')}</p>
      <label for=${titleId}>${this.t('cardTitle')}</label>
      <div class="kcb-row">
        <input id=${titleId} name="card-title" .value=${live(this.#shown(settings.title, names))} placeholder=${this.t('cardTitlePlaceholder')} aria-describedby=${`${titleId}-hint`}
          @input=${(e: Event) => this.change({ title: this.#stored((e.target as HTMLInputElement).value, names) }, 'card-title')} />
        <select name="card-title-field" aria-label=${this.t('cardTitleInsert')}
          @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            const pointer = select.value;
            select.value = '';
            if (!pointer) return;
            // The first pick is the title; later picks add to the pattern.
            this.change({
              title: settings.title ? `${settings.title.includes('{') ? settings.title : `{${settings.title}}`} {${pointer}}` : pointer,
            });
          }}>
          <option value="">${this.t('cardTitleInsert')}</option>
          ${fields.map((f) => html`<option value=${f.pointer}>${label(f.id, f.key)}</option>`)}
        </select>
      </div>
      <small id=${`${titleId}-hint`}>${this.t('cardTitleHint')}</small>
      <table class="kcb-card-lists">
        <thead><tr><th scope="col">${this.t('cardField')}</th>${LISTS.map((l) => html`<th scope="col">${this.t(LIST_LABEL[l])}</th>`)}</tr></thead>
        <tbody>
          ${fields.map(
            (f) => html`<tr data-pointer=${f.pointer}>
            <th scope="row">${label(f.id, f.key)}</th>
            ${LISTS.map(
              (l) => html`<td><input type="checkbox" data-setting=${l} aria-label=${`${this.t(LIST_LABEL[l])}: ${label(f.id, f.key)}`}
              .checked=${live(settings[l].includes(f.pointer))} @change=${(e: Event) => this.#toggle(l, f.pointer, (e.target as HTMLInputElement).checked)} /></td>`,
            )}
          </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}

if (!customElements.get('kc-builder-card-settings')) customElements.define('kc-builder-card-settings', KcBuilderCardSettings);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-card-settings': KcBuilderCardSettings;
  }
}
