import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormController, JsonValue, Locale } from '@kartochka/core';
import { tokens, buttonStyles } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import type { CardPersistence } from './card-persistence.js';
import { pt } from './messages.js';
import { fieldName, formatText } from '../view/format.js';

/**
 * @summary The card's saving status, the offer to restore an unsaved draft, and the field-by-field
 * choice after a stale save. Rendered by `<kc-card>` when it has a `storage`.
 * @csspart status - The status line (a live region).
 * @csspart drafts-off - Says that drafts last only as long as the page (no IndexedDB here).
 * @csspart conflicts - The conflict table.
 */
export class KcStoragePanel extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host { display: block; margin-block-end: var(--_space); }
      .status { min-height: 1.4em; }
      .status.error { color: var(--_danger); }
      .row { display: flex; gap: var(--_space); flex-wrap: wrap; align-items: center; margin-block: calc(var(--_space) / 2); }
      table { border-collapse: collapse; width: 100%; margin-block: var(--_space); }
      th, td { border: 1px solid var(--kc-color-border-subtle, #d5d9e2); padding: calc(var(--_space) / 2); text-align: start; vertical-align: top; }
      label { display: flex; gap: 0.35em; align-items: flex-start; }
      code { white-space: pre-wrap; word-break: break-word; }
    `,
  ];

  @property({ attribute: false }) persistence?: CardPersistence;
  @property({ attribute: false }) controller?: FormController;
  @property() locale: Locale = 'en';
  /** The persistence's change counter: a new value re-renders the panel. */
  @property({ type: Number }) changes = 0;
  @state() private choices: Record<string, 'local' | 'remote'> = {};
  #conflicts?: readonly unknown[];

  protected override willUpdate(): void {
    // Choices belong to one set of conflicts: a new set (another record, another save) starts afresh.
    const conflicts = this.persistence?.conflicts;
    if (conflicts !== this.#conflicts) {
      this.#conflicts = conflicts;
      this.choices = {};
    }
  }

  #label(path: string): string {
    return fieldName(this.controller, path);
  }

  /** Either side of a conflict in words: option labels, dates, groups as text (view/format.ts). */
  #show(path: string, v: JsonValue | undefined): string {
    if (v === undefined || v === null || v === '') return pt(this.locale, 'empty');
    const c = this.controller;
    const node = c?.node(path);
    return c && node ? formatText(c, node, v) : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  override render(): unknown {
    const p = this.persistence;
    if (!p) return nothing;
    const l = this.locale;
    return html`<div class="status ${p.isError ? 'error' : ''}" part="status" role="status" aria-live="polite">${p.message(l)}</div>
      ${p.attached && !p.draftsPersistent ? html`<div class="notice" part="drafts-off">${pt(l, 'draftsOff')}</div>` : nothing}
      ${p.draft
        ? html`<div class="row">
            <button type="button" @click=${() => p.restoreDraft()}>${pt(l, 'restore')}</button>
            <button type="button" @click=${() => p.discardDraft()}>${pt(l, 'discard')}</button>
          </div>`
        : nothing}
      ${p.conflicts.length ? this.#renderConflicts(p) : nothing}`;
  }

  #renderConflicts(p: CardPersistence) {
    const l = this.locale;
    const choose = (path: string, side: 'local' | 'remote') => (this.choices = { ...this.choices, [path]: side });
    const all = (side: 'local' | 'remote') => (this.choices = Object.fromEntries(p.conflicts.map((c) => [c.path, side])));
    return html`<table part="conflicts">
        <thead>
          <tr><th scope="col">${pt(l, 'field')}</th><th scope="col">${pt(l, 'here')}</th><th scope="col">${pt(l, 'onServer')}</th></tr>
        </thead>
        <tbody>
          ${p.conflicts.map((c) => {
            const pick = this.choices[c.path] ?? 'local';
            const name = `choice-${c.path}`;
            return html`<tr data-path=${c.path}>
              <th scope="row">${this.#label(c.path)}</th>
              <td><label><input type="radio" name=${name} value="local" .checked=${pick === 'local'} @change=${() => choose(c.path, 'local')} /><code>${this.#show(c.path, c.local)}</code></label></td>
              <td><label><input type="radio" name=${name} value="remote" .checked=${pick === 'remote'} @change=${() => choose(c.path, 'remote')} /><code>${this.#show(c.path, c.remote)}</code></label></td>
            </tr>`;
          })}
        </tbody>
      </table>
      <div class="row">
        <button type="button" @click=${() => all('local')}>${pt(l, 'keepMine')}</button>
        <button type="button" @click=${() => all('remote')}>${pt(l, 'takeTheirs')}</button>
        <button type="button" class="primary" @click=${async () => {
          const choices = this.choices;
          this.choices = {};
          await p.resolve(choices);
        }}>${pt(l, 'applyChoices')}</button>
      </div>`;
  }
}
defineElement('kc-storage-panel', KcStoragePanel);

declare global {
  interface HTMLElementTagNameMap {
    'kc-storage-panel': KcStoragePanel;
  }
}
