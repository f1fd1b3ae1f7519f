import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { metaSchemaErrors, validateLayout, type JsonSchemaObject, type LayoutDocument, type MessageCatalogue } from '@kartochka/core';
import { normalizeDocument } from '../model/index.js';
import { parseJson } from './json-error.js';
import { BuilderPart } from './part.js';

type Tab = 'schema' | 'layout' | 'messages';
const TABS: Tab[] = ['schema', 'layout', 'messages'];
const TAB_LABEL = { schema: 'jsonSchema', layout: 'jsonLayout', messages: 'jsonMessages' } as const;

/**
 * @summary The card as JSON (schema, layout, messages), editable. What you type is kept until you
 * apply it or discard it; broken JSON is reported by line and column, a broken schema or layout by
 * JSON Pointer, and nothing is lost.
 */
export class KcBuilderJson extends BuilderPart {
  #tab: Tab = 'schema';
  /** Unapplied text per tab. */
  readonly #drafts = new Map<Tab, string>();
  #error = '';
  #status = '';

  #text(tab: Tab): string {
    return this.#drafts.get(tab) ?? JSON.stringify(this.store!.doc[tab], null, 2);
  }

  /** Applies the drafts; returns the error message, or '' when applied. */
  apply(): string {
    const store = this.store!;
    const parts: Record<Tab, unknown> = { schema: store.doc.schema, layout: store.doc.layout, messages: store.doc.messages };
    for (const tab of TABS) {
      const draft = this.#drafts.get(tab);
      if (draft === undefined) continue;
      const r = parseJson(draft);
      if ('error' in r) {
        this.#tab = tab;
        return this.#fail(
          `${this.t(TAB_LABEL[tab])}: ${this.t('jsonSyntax', { line: r.error.line, column: r.error.column, message: r.error.message })}`,
        );
      }
      parts[tab] = r.value;
    }
    const schema = parts.schema as JsonSchemaObject;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
      return this.#fail(this.t('jsonInvalidSchema', { path: '/', message: 'must be an object' }));
    const problems = metaSchemaErrors(schema);
    if (problems.length) {
      const e = problems[0];
      this.#tab = 'schema';
      return this.#fail(this.t('jsonInvalidSchema', { path: e?.instancePath || '/', message: e?.message ?? '' }));
    }
    const layout = validateLayout(parts.layout, schema, { locale: this.locale });
    if (!layout.valid) {
      this.#tab = 'layout';
      return this.#fail(layout.errors.map((e) => this.t('jsonInvalidLayout', { path: e.path || '/', message: e.message })).join('\n'));
    }
    store.edit(() => normalizeDocument({ schema, layout: parts.layout as LayoutDocument, messages: parts.messages as MessageCatalogue }), {
      select: null,
    });
    this.#drafts.clear();
    this.#error = '';
    this.#status = this.t('jsonApplied');
    store.announce(this.#status);
    return '';
  }

  #fail(message: string): string {
    this.#error = message;
    this.#status = '';
    this.requestUpdate();
    return message;
  }

  override render(): unknown {
    if (!this.store) return nothing;
    const id = `${this.uid}-text`;
    const edited = this.#drafts.size > 0;
    return html`<div class="kcb-tabs" role="tablist" aria-label=${this.t('json')}>
        ${TABS.map(
          (tab) => html`<button type="button" role="tab" aria-selected=${tab === this.#tab ? 'true' : 'false'} aria-controls=${id}
            @click=${() => {
              this.#tab = tab;
              this.requestUpdate();
            }}>${this.t(TAB_LABEL[tab])}${this.#drafts.has(tab) ? ' •' : ''}</button>`,
        )}
      </div>
      <label for=${id} class="kcb-sr">${this.t(TAB_LABEL[this.#tab])}</label>
      <textarea
        id=${id}
        name="json"
        spellcheck="false"
        aria-invalid=${this.#error ? 'true' : 'false'}
        aria-describedby="${this.uid}-err"
        .value=${live(this.#text(this.#tab))}
        @input=${(e: Event) => {
          this.#drafts.set(this.#tab, (e.target as HTMLTextAreaElement).value);
          this.#status = this.t('jsonEditing');
          this.requestUpdate();
        }}
      ></textarea>
      <div class="kcb-bar">
        <button type="button" class="primary" ?disabled=${!edited} @click=${() => this.apply()}>${this.t('jsonApply')}</button>
        <button type="button" ?disabled=${!edited} @click=${() => {
          this.#drafts.clear();
          this.#error = '';
          this.#status = '';
          this.requestUpdate();
        }}>${this.t('jsonRevert')}</button>
        <span class="kcb-status" role="status">${this.#status}</span>
      </div>
      <p id="${this.uid}-err" class="kcb-error" role="alert" data-json-error>${this.#error}</p>`;
  }
}

if (!customElements.get('kc-builder-json')) customElements.define('kc-builder-json', KcBuilderJson);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-json': KcBuilderJson;
  }
}
