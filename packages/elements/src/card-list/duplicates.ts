import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { diff } from '@kartochka/storage/data';
import type { CardRecord, StorageAdapter } from '@kartochka/storage';
import { loadValidationRuntime, type JsonSchema, type JsonValue, type Locale, type MessageCatalogue } from '@kartochka/core';
import { foldUniqueText, setAt } from '@kartochka/core/internal';
import { tokens, buttonStyles } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import { KcOpenEvent } from '../events/events.js';
import { FieldLabels } from '../history/format.js';
import { pointersOfKey, uniqueKeysOf } from '../internal/unique-keys.js';
import { lt } from './messages.js';
import { changeField, restoreCards } from './views.js';

/** Cards that share a key: a unique key (`x-unique`) or, as a likely duplicate, the same folded name. */
export interface DuplicateGroup {
  /** The shared key (`/general/inn=["7701234567"]`, or `title=…` for the same name). */
  key: string;
  /** The fields of the key (pointers), `[]` for the same name. */
  fields: string[];
  /** The shared normalised value(s), for showing. */
  value: string;
  cards: CardRecord[];
}

/**
 * Groups `records` that share a unique key or a name. A review tool, so it reads every card of the
 * type once (the card's warning while typing and the store's refusal use the key index instead);
 * it finds the duplicates stored before `x-unique` existed, imported, or kept offline.
 */
export async function duplicateGroups(records: readonly CardRecord[], schema: JsonSchema | undefined): Promise<DuplicateGroup[]> {
  const by = new Map<string, DuplicateGroup>();
  const add = (key: string, fields: string[], value: string, r: CardRecord) => {
    let g = by.get(key);
    if (!g) by.set(key, (g = { key, fields, value, cards: [] }));
    if (!g.cards.includes(r)) g.cards.push(r);
  };
  for (const r of records) {
    for (const key of (await uniqueKeysOf(schema, r.data as JsonValue)) ?? []) {
      const values = JSON.parse(key.slice(key.indexOf('=[') + 1)) as string[];
      add(key, pointersOfKey(key), values.join(' · '), r);
    }
    const name = foldUniqueText(r.title);
    if (name) add(`title=${name}`, [], r.title, r);
  }
  const groups = [...by.values()].filter((g) => g.cards.length > 1);
  // The first card is the one kept by default: the oldest (the original the others repeat).
  for (const g of groups) g.cards.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  // One group per set of cards: the same pair found by INN and by name is shown once (by its key).
  const seen = new Set<string>();
  return groups.filter((g) => {
    const ids = g.cards
      .map((c) => c.id)
      .sort()
      .join('\u0000');
    if (seen.has(ids)) return false;
    seen.add(ids);
    return true;
  });
}

/**
 * @summary Likely duplicates among the cards of a type — cards sharing a unique key (`x-unique`)
 * or a name — with a field-by-field merge: pick each differing value, the kept card is saved with
 * them (its history records the change) and the other card is deleted (the server and IndexedDB
 * keep its history, closed by a tombstone). docs/duplicates.md.
 *
 * @event kc-open - A card's name was activated; `detail: {id}`.
 * @csspart group - One group of likely duplicates.
 * @csspart merge - The merge table of two cards.
 * @csspart notice - What the last merge did, in words.
 */
export class KcDuplicates extends LitElement {
  static override styles = [
    tokens,
    buttonStyles,
    css`
      :host { display: block; }
      section { border: 1px solid var(--_border); border-radius: 4px; padding: var(--_space); margin-block-end: var(--_space); }
      h3 { margin: 0 0 calc(var(--_space) / 2); font-size: 1em; }
      ul { margin: 0 0 calc(var(--_space) / 2); padding-inline-start: 1.2em; }
      .link { all: unset; cursor: pointer; text-decoration: underline; }
      .link:focus-visible { outline: 2px solid var(--_accent); }
      table { border-collapse: collapse; width: 100%; margin-block: var(--_space); }
      th, td { border: 1px solid var(--_border); padding: calc(var(--_space) / 2); text-align: start; vertical-align: top; }
      label { display: flex; gap: 0.35em; align-items: flex-start; }
    `,
  ];

  @property({ attribute: false }) storage?: StorageAdapter;
  @property({ attribute: 'schema-id' }) schemaId = '';
  /** The card type: its `x-unique` keys, field labels, and validation of the merged card. */
  @property({ attribute: false }) schema?: JsonSchema;
  @property({ attribute: false }) messages?: MessageCatalogue;
  @property({ reflect: true }) locale: Locale = 'en';
  /** Author of the merge (default: the storage's user). */
  @property() user = '';

  @state() private groups: DuplicateGroup[] = [];
  @state() private total = 0;
  @state() private comparing?: { keep: CardRecord; other: CardRecord };
  @state() private picks: Record<string, 'keep' | 'other'> = {};
  @state() private notice = '';
  @state() private loaded = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage') || changed.has('schemaId') || changed.has('schema')) void this.refresh();
  }

  /** Reads the cards again and regroups them. */
  async refresh(): Promise<void> {
    const storage = this.storage;
    if (!storage) return;
    const { items, total } = await storage.list(this.schemaId ? { schemaId: this.schemaId } : {});
    if (storage !== this.storage) return;
    this.groups = await duplicateGroups(items, this.schema);
    this.total = total;
    this.loaded = true;
  }

  /** Merges: `keep` takes the values picked from `other` (one put, its history says what changed); `other` is deleted. */
  async merge(keep: CardRecord, other: CardRecord, picks: Readonly<Record<string, 'keep' | 'other'>>): Promise<boolean> {
    const storage = this.storage!;
    const labels = { title: keep.title || keep.id, other: other.title || other.id };
    try {
      const fromOther = diff(keep.data, other.data).filter((c) => picks[c.path] === 'other');
      let data = (await storage.get<JsonValue>(keep.id)).data;
      for (const c of fromOther) data = setAt(data, c.path, 'after' in c ? (c.after as JsonValue) : undefined);
      // Checked before anything is written: a merge that cannot be saved deletes nothing.
      // The run-time compiler is a chunk of its own (loaded here, on the first merge): importing
      // validate() statically would put ajv and re2js in every page that imports the elements.
      const errors = this.schema ? (await loadValidationRuntime(this.schema)).validate(this.schema, data, this.locale).errors : [];
      if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
      // The other card goes first: its unique keys must be free before the kept card may take them.
      await storage.delete(other.id, { expectedRevision: other.revision });
      if (fromOther.length) {
        const ctx = { storage, schema: this.schema, locale: this.locale, author: this.user || storage.user || undefined };
        // One put through the bulk writer: expectedRevision, title/indexes/unique keys derived again.
        const r = await changeField(ctx, [keep.id], '', data);
        if (r.failed.length) {
          await restoreCards(ctx, [other]);
          throw new Error(r.failed[0]!.message);
        }
      }
      this.notice = lt(this.locale, 'dupMerged', labels);
      this.comparing = undefined;
      await this.refresh();
      return true;
    } catch (e) {
      this.notice = lt(this.locale, 'dupMergeFailed', { msg: (e as Error).message });
      return false;
    }
  }

  override render(): unknown {
    const l = this.locale;
    const fieldLabels = new FieldLabels(this.schema, this.messages, l);
    return html`<h2>${lt(l, 'dupHeading')}</h2>
      <p role="status" part="notice">${this.notice}</p>
      ${this.loaded && !this.groups.length ? html`<p>${lt(l, 'dupNone', { n: this.total })}</p>` : nothing}
      ${this.groups.map((g) => {
        const fields = g.fields.length ? g.fields.map((p) => fieldLabels.label(p)).join(', ') : lt(l, 'dupSameTitle');
        const [a, b] = g.cards;
        return html`<section part="group" data-key=${g.key}>
          <h3>${lt(l, 'dupGroup', { fields, value: g.value })}</h3>
          <ul>
            ${g.cards.map((c) => html`<li><button type="button" class="link" @click=${() => this.dispatchEvent(new KcOpenEvent({ id: c.id }))}>${c.title || c.id}</button></li>`)}
          </ul>
          <button type="button" name="compare" @click=${() => ((this.comparing = { keep: a!, other: b! }), (this.picks = {}))}>${lt(l, 'dupCompare')}</button>
          ${this.comparing && g.cards.includes(this.comparing.keep) && g.cards.includes(this.comparing.other) ? this.#mergeTable(fieldLabels) : nothing}
        </section>`;
      })}`;
  }

  #mergeTable(fieldLabels: FieldLabels) {
    const l = this.locale;
    const { keep, other } = this.comparing!;
    const changes = diff(keep.data, other.data);
    const title = keep.title || keep.id;
    const otherTitle = other.title || other.id;
    const show = (path: string, v: unknown) => (v === undefined || v === null || v === '' ? '—' : fieldLabels.value(path, v));
    return html`<table part="merge">
        <thead>
          <tr><th scope="col">${lt(l, 'dupField')}</th><th scope="col">${lt(l, 'dupKeep', { title })}</th><th scope="col">${lt(l, 'dupKeep', { title: otherTitle })}</th></tr>
        </thead>
        <tbody>
          ${
            changes.length
              ? changes.map((c) => {
                  const pick = this.picks[c.path] ?? 'keep';
                  const name = `pick-${c.path}`;
                  const choose = (side: 'keep' | 'other') => () => (this.picks = { ...this.picks, [c.path]: side });
                  return html`<tr data-path=${c.path}>
                  <th scope="row">${fieldLabels.label(c.path)}</th>
                  <td><label><input type="radio" name=${name} value="keep" .checked=${pick === 'keep'} @change=${choose('keep')} />${show(c.path, c.before)}</label></td>
                  <td><label><input type="radio" name=${name} value="other" .checked=${pick === 'other'} @change=${choose('other')} />${show(c.path, c.after)}</label></td>
                </tr>`;
                })
              : html`<tr><td colspan="3">${lt(l, 'dupEqual')}</td></tr>`
          }
        </tbody>
      </table>
      <button type="button" class="primary" name="merge" @click=${() => this.merge(keep, other, this.picks)}>${lt(l, 'dupMerge', { title, other: otherTitle })}</button>`;
  }
}

defineElement('kc-duplicates', KcDuplicates);

declare global {
  interface HTMLElementTagNameMap {
    'kc-duplicates': KcDuplicates;
  }
}
