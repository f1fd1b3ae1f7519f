import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FormController, JsonValue, Locale } from '@kartochka/core';
import { tokens, buttonStyles } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import type { CardPersistence } from './card-persistence.js';
import { pt } from './messages.js';
import { fieldName, formatText } from '../view/format.js';
import { KcOpenEvent } from '../events/events.js';
import { pointersOfKey } from '../internal/unique-keys.js';

/**
 * @summary The card's saving status, the offer to restore an unsaved draft, and the field-by-field
 * choice after a stale save. Rendered by `<kc-card>` when it has a `storage`.
 * @csspart status - The status line (a live region).
 * @csspart drafts-off - Says that drafts last only as long as the page (no IndexedDB here).
 * @csspart conflicts - The conflict table.
 * @csspart duplicates - The warning that another card holds one of this card's unique keys, with links to it.
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
      .duplicates { padding: calc(var(--_space) / 2) var(--_space); border: 1px solid var(--kc-color-warning, #b26b00); border-radius: 4px; background: var(--kc-color-warning-subtle, #fff6e5); }
      .duplicates a, .duplicates .link { color: inherit; font-weight: 600; margin-inline-start: 0.35em; }
      .duplicates .link { background: none; border: none; padding: 0; text-decoration: underline; cursor: pointer; font: inherit; font-weight: 600; }
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
      ${p.duplicates.matches.length ? this.#renderDuplicates(p) : nothing}
      ${p.attached && !p.draftsPersistent ? html`<div class="notice" part="drafts-off">${pt(l, 'draftsOff')}</div>` : nothing}
      ${
        p.draft
          ? html`<div class="row">
            <button type="button" @click=${() => p.restoreDraft()}>${pt(l, 'restore')}</button>
            <button type="button" @click=${() => p.discardDraft()}>${pt(l, 'discard')}</button>
          </div>`
          : nothing
      }
      ${p.conflicts.length ? this.#renderConflicts(p) : nothing}`;
  }

  #renderDuplicates(p: CardPersistence) {
    const l = this.locale;
    const matches = p.duplicates.matches;
    const fields = [...new Set(matches.flatMap((m) => pointersOfKey(m.key)))].map((ptr) => this.#label(ptr)).join(', ') || '—';
    // The page opens the card on kc-open (as from the list); with `recordHref` the link also works without it.
    const open = (id: string) => () => this.dispatchEvent(new KcOpenEvent({ id }));
    const ids = [...new Map(matches.map((m) => [m.id, m])).values()];
    return html`<div class="duplicates" part="duplicates" role="status">
      ${pt(l, 'duplicateFound', { fields })}
      ${ids.map((m) => {
        const label = pt(l, 'duplicateOpen', { title: m.title || m.id });
        const href = p.options?.recordHref?.(m.id);
        return href
          ? html`<a href=${href} data-id=${m.id} @click=${open(m.id)}>${label}</a>`
          : html`<button type="button" class="link" data-id=${m.id} @click=${open(m.id)}>${label}</button>`;
      })}
    </div>`;
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
