import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { JsonSchema, Locale, MessageCatalogue } from '@kartochka/core';
import { escapeToken } from '@kartochka/core/internal';
import type { Revision, StorageAdapter } from '@kartochka/storage';
import { tokens } from '../internal/styles.js';
import { emptyState, emptyStyles } from '../internal/empty.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { registerGermanUiStrings } from '../internal/ui-strings.js';
import { StorageWatch } from '../internal/storage-watch.js';
import { defineElement } from '../internal/field-element.js';
import { FieldLabels, formatInstant } from './format.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

// German up front, as the package root has it: this entry is not the card's, which loads it on demand.
registerGermanUiStrings();

/**
 * @summary The history of one card as a timeline, newest first: who changed which fields, when,
 * and each field's old → new value. Field names come from the card's messages or schema.
 *
 * @csspart list - The `<ol>` of revisions.
 * @csspart revision - One revision.
 * @csspart change - One changed field.
 * @csspart status - The loading, empty or error message.
 * @cssproperty --kc-color-accent - The timeline's line and dots.
 */
export class KcHistory extends LitElement {
  static override styles = [
    tokens,
    emptyStyles,
    css`
      :host { display: block; }
      h2 { font-size: 1.1em; margin: 0 0 var(--_space); }
      ol { list-style: none; margin: 0; padding: 0 0 0 calc(var(--_space) * 2); border-inline-start: 2px solid var(--_accent); }
      li.rev { position: relative; margin-block-end: calc(var(--_space) * 2); }
      li.rev::before { content: ''; position: absolute; inset-inline-start: calc(var(--_space) * -2 - 6px); top: 0.35em; width: 10px; height: 10px; border-radius: 50%; background: var(--_accent); }
      .meta { color: var(--_muted); font-size: 0.9em; }
      ul { margin: calc(var(--_space) / 2) 0 0; padding-inline-start: calc(var(--_space) * 2); }
      .field { font-weight: 600; }
      .old { text-decoration: line-through; color: var(--_muted); }
      .new { color: var(--_fg); }
      .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    `,
  ];

  /** Where the card is stored. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** The card whose history to show. */
  @property({ attribute: 'record-id' }) recordId = '';
  /** The card's schema, for field names when the messages lack them. */
  @property({ attribute: false }) schema?: JsonSchema;
  /** The card's message catalogue (labels by pointer template). */
  @property({ attribute: false }) messages?: MessageCatalogue;
  @property({ reflect: true }) locale: Locale = 'en';
  /** IANA time zone of the shown times; default the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private revisions: Revision[] = [];
  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private error = '';
  /** The card's changes re-read its history; a history read for another card is dropped. */
  #watch = new StorageWatch(this, () => void this.reload());

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storage') || changed.has('recordId')) {
      this.#watch.point(this.storage, this.recordId);
      void this.reload();
    }
  }

  /** Reads the history again (it also refreshes by itself when the card changes). */
  async reload(): Promise<void> {
    const load = this.#watch.begin();
    if (!this.storage || !this.recordId) {
      this.revisions = [];
      this.status = 'idle';
      return;
    }
    this.status = 'loading';
    try {
      const revisions = await this.storage.history(this.recordId);
      if (!this.#watch.isCurrent(load)) return;
      this.revisions = [...revisions].reverse();
      this.status = 'ready';
    } catch (e) {
      if (!this.#watch.isCurrent(load)) return;
      this.error = (e as Error).message;
      this.status = 'error';
    }
  }

  override render(): unknown {
    const locale = this.locale;
    const heading = html`<h2 id="h">${t(locale, 'history')}</h2>`;
    if (this.status === 'loading' && !this.revisions.length)
      return html`${heading}<p part="status" role="status">${t(locale, 'loading')}</p>`;
    if (this.status === 'error')
      return html`${heading}<p part="status" role="alert">${t(locale, 'loadFailed', { detail: this.error })}</p>`;
    if (!this.revisions.length) return html`${heading}${emptyState(t(locale, 'historyEmpty'), 'status')}`;
    const labels = new FieldLabels(this.schema, this.messages, locale);
    return html`${heading}
      <ol part="list" aria-labelledby="h">
        ${this.revisions.map((r) => this.#revision(r, labels))}
      </ol>`;
  }

  #revision(raw: Revision, labels: FieldLabels) {
    const locale = this.locale;
    const r = fileChanges(raw, labels);
    const created = r.changedPaths.length === 1 && r.changedPaths[0] === '';
    return html`<li class="rev" part="revision" data-revision=${r.revision}>
      <div>
        <time datetime=${r.at}>${formatInstant(r.at, locale, this.timeZone)}</time>
        ${r.author ? html`<span class="meta"> · ${t(locale, 'historyBy', { author: r.author })}</span>` : nothing}
      </div>
      ${
        created
          ? html`<div class="meta">${t(locale, 'historyCreated')}</div>`
          : html`<div class="meta">${t(locale, 'historyChanges', { n: r.changedPaths.length })}</div>
            <ul>
              ${r.changedPaths.map((p) => this.#change(p, r, labels))}
            </ul>`
      }
    </li>`;
  }

  #change(path: string, r: Revision, labels: FieldLabels) {
    const had = r.before !== undefined && path in r.before;
    const has = r.after !== undefined && path in r.after;
    // A group added or removed as a whole is shown field by field, as the user filled it.
    const whole = labels.fileField(path) === path;
    const changes = whole
      ? [{ path, had, before: r.before?.[path], has, after: r.after?.[path] }]
      : leafChanges(path, had, r.before?.[path], has, r.after?.[path]);
    return changes.map((c) => {
      const before = c.had ? labels.value(c.path, c.before) : t(this.locale, 'notSet');
      const after = c.has ? labels.value(c.path, c.after) : t(this.locale, 'historyRemoved');
      return html`<li part="change" data-path=${c.path}>
        <span class="field">${labels.label(c.path)}</span>:
        <span class="old">${before}</span>
        <span aria-hidden="true">→</span><span class="sr-only"> ${t(this.locale, 'historyBecame')} </span>
        <span class="new">${after}</span>
      </li>`;
    });
  }
}

/**
 * The revision with changes inside a file field folded into one change of the field, its before
 * and after rebuilt from the changed parts: "Copy of the contract: a.pdf (12 kB) → b.pdf (30 kB)".
 */
function fileChanges(r: Revision, labels: FieldLabels): Revision {
  if (!r.changedPaths.some((p) => labels.fileField(p) !== undefined)) return r;
  const paths: string[] = [];
  const before: Record<string, unknown> = { ...r.before };
  const after: Record<string, unknown> = { ...r.after };
  const fold = (side: Record<string, unknown>, from: Record<string, unknown> | undefined, field: string, path: string) => {
    if (!from || !(path in from)) return;
    if (path === field) return;
    const v = from[path];
    const obj = (side[field] && typeof side[field] === 'object' ? side[field] : (side[field] = {})) as Record<string, unknown>;
    obj[path.slice(field.length + 1)] = v;
    delete side[path];
  };
  for (const p of r.changedPaths) {
    const field = labels.fileField(p);
    if (field === undefined) {
      paths.push(p);
      continue;
    }
    if (!paths.includes(field)) paths.push(field);
    fold(before, r.before, field, p);
    fold(after, r.after, field, p);
  }
  return { ...r, changedPaths: paths, before, after };
}

interface LeafChange {
  path: string;
  had: boolean;
  before?: unknown;
  has: boolean;
  after?: unknown;
}

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => v !== null && typeof v === 'object';
const MAX_LEAVES = 50;

/** The changed leaves under `path` when either side is an object or array (capped, so a huge paste stays readable). */
export function leafChanges(path: string, had: boolean, before: unknown, has: boolean, after: unknown): LeafChange[] {
  if (!isContainer(before) && !isContainer(after)) return [{ path, had, before, has, after }];
  const out: LeafChange[] = [];
  const walk = (p: string, hb: boolean, b: unknown, ha: boolean, a: unknown) => {
    if (out.length >= MAX_LEAVES) return;
    if (!isContainer(b) && !isContainer(a)) {
      if (hb !== ha || JSON.stringify(b) !== JSON.stringify(a)) out.push({ path: p, had: hb, before: b, has: ha, after: a });
      return;
    }
    const bo = isContainer(b) ? b : undefined;
    const ao = isContainer(a) ? a : undefined;
    if ((bo && Object.keys(bo).length === 0 && !ao) || (ao && Object.keys(ao).length === 0 && !bo)) {
      out.push({ path: p, had: hb, before: b, has: ha, after: a });
      return;
    }
    const keys = new Set([...Object.keys(bo ?? {}), ...Object.keys(ao ?? {})]);
    for (const k of keys) {
      const inB = !!bo && Object.prototype.hasOwnProperty.call(bo, k);
      const inA = !!ao && Object.prototype.hasOwnProperty.call(ao, k);
      const token = escapeToken(k);
      walk(
        `${p}/${token}`,
        inB,
        inB ? (bo as Record<string, unknown>)[k] : undefined,
        inA,
        inA ? (ao as Record<string, unknown>)[k] : undefined,
      );
    }
  };
  walk(path, had, before, has, after);
  return out;
}

defineElement('kc-history', KcHistory);

declare global {
  interface HTMLElementTagNameMap {
    'kc-history': KcHistory;
  }
}
