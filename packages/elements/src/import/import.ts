import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  cardTitle,
  detectHeader,
  importFields,
  matchColumns,
  type CardSettings,
  type ImportField,
  type ImportProblem,
  type JsonSchema,
  type Locale,
  type MessageCatalogue,
  type PlannedRow,
  type PrecompiledValidator,
} from '@kartochka/core';
import { cardSettingsOrDefault, columnTitles, planCounts } from '@kartochka/core/internal';
import { StorageError, formatStorageMessage, type StorageAdapter } from '@kartochka/storage';
import { tokens, buttonStyles, fieldStyles } from '../internal/styles.js';
import { defineElement } from '../internal/field-element.js';
import { FieldLabels, formatNumber } from '../history/format.js';
import { imt } from './messages.js';
import { readTable, type ParsedTable } from './read-table.js';
import { existingByKey, jobFromPlan, keyComparer, planTable } from './plan-table.js';
import { KcImportEvent } from '../events/events.js';
import {
  forgetImport,
  runImport,
  saveImportJob,
  unfinishedImports,
  type ImportJobInfo,
  type ImportProgress,
  type ImportResult,
} from './write.js';

type Step = 'choose' | 'reading' | 'map' | 'planning' | 'review' | 'writing' | 'done';
type Show = 'all' | 'refuse' | 'changes';
const SHOWN = 200;

export { KcImportEvent };

/**
 * @summary Imports a CSV or XLSX file into cards of one type: columns matched to fields by title
 * (adjustable), a dry run row by row (create, update by a key such as INN, refuse and why, with the
 * card's own validator's messages), then the write through the storage adapter with a progress bar,
 * time left and Cancel; an unfinished import (a reload, the network gone) is offered to continue.
 *
 * @event kc-import - The import ended; `detail`: counts, `cancelled`, `failures`.
 * @csspart mapping - The table of columns and fields.
 * @csspart review - The table of planned rows.
 * @csspart progress - The progress bar.
 */
export class KcImport extends LitElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    css`
      :host { display: block; }
      h3 { margin-block: var(--_space) calc(var(--_space) / 2); font-size: 1rem; }
      table { width: 100%; border-collapse: collapse; margin-block: var(--_space); }
      th, td { text-align: start; vertical-align: top; padding: calc(var(--_space) / 2); border-block-end: 1px solid var(--_border); }
      td.sample { color: var(--_muted, #555); max-width: 18rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .row { display: flex; flex-wrap: wrap; gap: var(--_space); align-items: end; margin-block: var(--_space); }
      progress { width: 100%; height: 1.25rem; }
      [data-action='refuse'] td:nth-child(2) { color: var(--_danger, #b00020); font-weight: 600; }
      ul.reasons { margin: 0; padding-inline-start: 1rem; }
      .hint { font-size: 0.875em; color: var(--_muted, #555); }
      /* Wide tables scroll inside the element on a phone instead of widening the page. */
      .scroll { overflow-x: auto; max-width: 100%; }
    `,
  ];

  /** Where the cards go. */
  @property({ attribute: false }) storage?: StorageAdapter;
  /** The card type's schema (its latest published version). */
  @property({ attribute: false }) schema?: JsonSchema;
  /** The schema's validator compiled ahead of time (a template's `loadValidator()`): no compile before the dry run. */
  @property({ attribute: false }) validator?: PrecompiledValidator;
  /** The type's labels in each language (columns are matched against all of them). */
  @property({ attribute: false }) messages?: MessageCatalogue;
  /** Title, columns and filters of the type (`x-card`); default: the schema's own. */
  @property({ attribute: false }) settings?: CardSettings;
  @property({ attribute: 'schema-id' }) schemaId = '';
  @property({ type: Number, attribute: 'schema-version' }) schemaVersion = 1;
  /** Recorded as the author of every card's history entry. */
  @property() author?: string;
  @property({ reflect: true }) locale: Locale = 'en';
  /** Cards written per batch (default: the writer's, 20 over REST, 50 otherwise). */
  @property({ type: Number, attribute: 'batch-size' }) batchSize?: number;

  @state() private step: Step = 'choose';
  @state() private table?: ParsedTable & { file: string };
  @state() private depth = 1;
  @state() private mapping: (string | undefined)[] = [];
  @state() private key = '';
  @state() private onExisting: 'update' | 'skip' = 'update';
  @state() private plan: PlannedRow[] = [];
  @state() private planned = 0;
  @state() private show: Show = 'all';
  @state() private progress?: ImportProgress;
  @state() private result?: ImportResult;
  @state() private error = '';
  @state() private unfinished: { job: ImportJobInfo; next: number }[] = [];
  #fields: ImportField[] = [];
  #abort?: AbortController;
  #job?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema') || changed.has('messages')) {
      this.#fields = this.schema ? importFields(this.schema, this.messages) : [];
      if (!this.key || !this.#fields.some((f) => f.pointer === this.key)) this.key = this.#fields.find((f) => f.unique)?.pointer ?? '';
    }
    if (changed.has('storage')) void this.#loadUnfinished();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #loadUnfinished(): Promise<void> {
    const storage = this.storage;
    if (!storage) return;
    try {
      const all = await unfinishedImports(storage);
      if (storage === this.storage) this.unfinished = all.filter((u) => !this.schemaId || u.job.schemaId === this.schemaId);
    } catch {
      this.unfinished = [];
    }
  }

  /** The fields a column can go to. */
  get fields(): readonly ImportField[] {
    return this.#fields;
  }

  /** Reads `file` and matches its columns (what choosing a file does). */
  async load(file: File): Promise<void> {
    this.error = '';
    this.step = 'reading';
    this.table = undefined;
    try {
      const table = await readTable(file);
      if (!table.rows.length) throw new Error(imt(this.locale, 'emptyFile'));
      this.table = { ...table, file: file.name };
      const header = detectHeader(table.rows, this.#fields);
      this.depth = header.depth;
      this.mapping = header.mapping;
      // A column matched to the card type's unique field makes it the key; else INN-like first match stays.
      this.step = 'map';
    } catch (e) {
      this.error = imt(this.locale, 'readFailed', { msg: (e as Error).message });
      this.step = 'choose';
    }
  }

  #setDepth(depth: number): void {
    if (!this.table || !Number.isInteger(depth) || depth < 0 || depth > 10) return;
    this.depth = depth;
    this.mapping = depth ? matchColumns(columnTitles(this.table.rows, depth), this.#fields) : this.table.rows[0].map(() => undefined);
  }

  /** Runs the dry run over the file with the current mapping. */
  async check(): Promise<void> {
    if (!this.table || !this.schema) return;
    if (!this.mapping.some(Boolean)) {
      this.error = imt(this.locale, 'noFieldMapped');
      return;
    }
    this.error = '';
    this.step = 'planning';
    this.planned = 0;
    this.#abort = new AbortController();
    try {
      const key = this.key && this.mapping.includes(this.key) ? this.key : undefined;
      let lastProgress = performance.now();
      const compare = key ? await keyComparer(this.schema, key) : undefined;
      const existing = key && this.storage ? await existingByKey(this.storage, this.schemaId, key, compare) : undefined;
      this.plan = await planTable(this.table.rows, {
        depth: this.depth,
        schema: this.schema,
        validator: this.validator,
        fields: this.#fields,
        mapping: this.mapping,
        key,
        keyOf: compare,
        existing,
        onExisting: this.onExisting,
        locale: this.locale,
        signal: this.#abort.signal,
        // A few updates a second: each re-renders this screen.
        onProgress: (n, total) => {
          const now = performance.now();
          if (n === total || now - lastProgress > 250) {
            this.planned = n;
            lastProgress = now;
          }
        },
      });
      if (this.#abort.signal.aborted) {
        // Cancelled while checking: back to the columns, nothing planned.
        this.plan = [];
        this.step = 'map';
        return;
      }
      this.show = planCounts(this.plan).refuse ? 'refuse' : 'all';
      this.step = 'review';
    } catch (e) {
      this.error = this.#storageMessage(e);
      this.step = 'map';
    }
  }

  /** Writes the planned creates and updates. */
  async start(): Promise<void> {
    if (!this.storage || !this.table) return;
    const job = await jobFromPlan(this.plan, {
      storage: this.storage,
      schemaId: this.schemaId,
      schemaVersion: this.schemaVersion,
      settings: this.settings ?? cardSettingsOrDefault(this.schema),
      author: this.author,
      file: this.table.file,
    });
    await saveImportJob(job);
    await this.#write(job.id, job.items.length);
  }

  /** Continues a job kept from an earlier page (after a reload, or when the store was unreachable). */
  async resume(jobId: string): Promise<void> {
    const u = this.unfinished.find((x) => x.job.id === jobId);
    await this.#write(jobId, u?.job.total ?? this.progress?.total ?? 0);
  }

  /** Stops the import after the batch in flight; what was written stays. */
  cancel(): void {
    this.#abort?.abort();
  }

  async #write(jobId: string, total: number): Promise<void> {
    if (!this.storage) return;
    this.#job = jobId;
    this.step = 'writing';
    this.error = '';
    this.progress = { done: 0, created: 0, updated: 0, failed: 0, total };
    this.#abort = new AbortController();
    try {
      this.result = await runImport(this.storage, jobId, {
        signal: this.#abort.signal,
        batchSize: this.batchSize,
        onProgress: (p) => (this.progress = p),
      });
    } catch (e) {
      const p = this.progress;
      this.result = { ...p, cancelled: true, failures: [] };
      this.error = imt(this.locale, 'unreachable', { msg: this.#storageMessage(e), done: p.done });
    }
    this.step = 'done';
    await this.#loadUnfinished();
    this.dispatchEvent(new KcImportEvent(this.result));
  }

  async #discard(jobId: string): Promise<void> {
    await forgetImport(jobId);
    await this.#loadUnfinished();
  }

  #storageMessage(e: unknown): string {
    return e instanceof StorageError ? formatStorageMessage(e, this.locale) : e instanceof Error ? e.message : String(e);
  }

  #fieldLabel(pointer: string): string {
    const f = this.#fields.find((x) => x.pointer === pointer);
    return f
      ? (f.labels[this.locale] ?? f.labels.en ?? Object.values(f.labels)[0] ?? pointer)
      : new FieldLabels(this.schema, this.messages, this.locale).label(pointer);
  }

  #reason(p: ImportProblem): string {
    const where = p.column !== undefined && this.table ? columnTitles(this.table.rows, this.depth)[p.column]?.join(' › ') : undefined;
    const field = p.pointer ? this.#fieldLabel(p.pointer) : '';
    const what =
      p.code === 'validation'
        ? (p.message ?? '')
        : p.code === 'empty'
          ? imt(this.locale, 'emptyRow')
          : imt(this.locale, p.code, { text: p.text ?? '' });
    const name = where || field;
    return name ? `${name}: ${what}` : what;
  }

  #time(ms: number): string {
    const s = Math.max(1, Math.round(ms / 1000));
    return s < 90 ? imt(this.locale, 'seconds', { n: s }) : imt(this.locale, 'minutes', { n: Math.round(s / 60) });
  }

  override render(): unknown {
    const l = this.locale;
    return html`<section aria-labelledby="import-heading">
      <h3 id="import-heading">${imt(l, 'heading')}</h3>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.step === 'choose' || this.step === 'reading' ? this.#choose() : nothing}
      ${this.step === 'map' ? this.#map() : nothing}
      ${
        this.step === 'planning'
          ? html`<p role="status">${imt(this.locale, 'planning', { n: formatNumber(this.planned, this.locale), total: formatNumber(this.table!.rows.length - this.depth, this.locale) })}</p>
            <button type="button" name="cancel-check" @click=${() => this.#abort?.abort()}>${imt(this.locale, 'cancel')}</button>`
          : nothing
      }
      ${this.step === 'review' ? this.#review() : nothing}
      ${this.step === 'writing' ? this.#writing() : nothing}
      ${this.step === 'done' ? this.#done() : nothing}
    </section>`;
  }

  #choose() {
    const l = this.locale;
    return html`${this.unfinished.map(
      (u) => html`<p class="row" data-unfinished=${u.job.id}>
          <span>${imt(l, 'unfinished', { file: u.job.file, done: formatNumber(u.next, l), total: formatNumber(u.job.total, l) })}</span>
          <button type="button" class="primary" name="resume" @click=${() => this.resume(u.job.id)}>${imt(l, 'resume')}</button>
          <button type="button" name="discard" @click=${() => this.#discard(u.job.id)}>${imt(l, 'discard')}</button>
        </p>`,
    )}
      <div>
        <label for="file">${imt(l, 'file')}</label>
        <input id="file" type="file" aria-describedby="file-hint" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ?disabled=${this.step === 'reading'}
          @change=${(e: Event) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void this.load(f);
          }} />
        <p class="hint" id="file-hint">${imt(l, 'fileHint')}</p>
      </div>
      ${this.step === 'reading' ? html`<p role="status">${imt(l, 'reading', { file: '' })}</p>` : nothing}`;
  }

  #map() {
    const l = this.locale;
    const table = this.table!;
    const titles = columnTitles(table.rows, this.depth);
    const width = Math.max(titles.length, ...table.rows.slice(this.depth, this.depth + 3).map((r) => r.length));
    const samples = (c: number) =>
      table.rows
        .slice(this.depth, this.depth + 3)
        .map((r) => r[c])
        .filter((v) => v !== null && v !== undefined && v !== '')
        .join(' · ');
    const format = table.format === 'csv' ? `CSV (${table.encoding}, «${table.delimiter}»)` : `XLSX (${table.sheet})`;
    const keyOptions = this.#fields.filter(
      (f) => f.kind !== 'enum' && f.kind !== 'enum-list' && f.kind !== 'boolean' && this.mapping.includes(f.pointer),
    );
    return html`<p role="status">${imt(l, 'readAs', { file: table.file, rows: formatNumber(table.rows.length - this.depth, l), format })}</p>
      <h3>${imt(l, 'mappingHeading')}</h3>
      <div class="row">
        <div><label for="depth">${imt(l, 'headerRows')}</label>
          <input id="depth" type="number" min="0" max="10" .value=${String(this.depth)} @change=${(e: Event) => this.#setDepth(Number((e.target as HTMLInputElement).value))} /></div>
      </div>
      <div class="scroll"><table part="mapping">
        <thead><tr><th scope="col">${imt(l, 'column')}</th><th scope="col">${imt(l, 'sample')}</th><th scope="col">${imt(l, 'field')}</th></tr></thead>
        <tbody>
          ${Array.from({ length: width }, (_, c) => {
            const title = titles[c]?.join(' › ') || `#${c + 1}`;
            return html`<tr data-column=${c}>
              <th scope="row" id=${`col-${c}`}>${title}</th>
              <td class="sample">${samples(c)}</td>
              <td><select aria-labelledby=${`col-${c}`} data-column=${c} @change=${(e: Event) => this.#mapColumn(c, (e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.mapping[c]}>${imt(l, 'skipColumn')}</option>
                ${this.#fields.map((f) => html`<option value=${f.pointer} ?selected=${this.mapping[c] === f.pointer}>${this.#fieldLabel(f.pointer)}</option>`)}
              </select></td>
            </tr>`;
          })}
        </tbody>
      </table></div>
      <div class="row">
        <div><label for="key">${imt(l, 'key')}</label>
          <select id="key" @change=${(e: Event) => (this.key = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.key}>${imt(l, 'keyNone')}</option>
            ${keyOptions.map((f) => html`<option value=${f.pointer} ?selected=${this.key === f.pointer}>${f.unique ? imt(l, 'keyUnique', { field: this.#fieldLabel(f.pointer) }) : this.#fieldLabel(f.pointer)}</option>`)}
          </select></div>
        ${
          this.key && this.mapping.includes(this.key)
            ? html`<fieldset><legend>${imt(l, 'onExisting')}</legend>
              <label><input type="radio" name="existing" value="update" .checked=${this.onExisting === 'update'} @change=${() => (this.onExisting = 'update')} /> ${imt(l, 'update')}</label>
              <label><input type="radio" name="existing" value="skip" .checked=${this.onExisting === 'skip'} @change=${() => (this.onExisting = 'skip')} /> ${imt(l, 'skip')}</label>
            </fieldset>`
            : nothing
        }
      </div>
      <div class="row">
        <button type="button" class="primary" name="check" @click=${() => this.check()}>${imt(l, 'check')}</button>
      </div>`;
  }

  #mapColumn(column: number, pointer: string): void {
    const next = [...this.mapping];
    // A field goes to one column: choosing it here frees it elsewhere.
    if (pointer) next.forEach((p, i) => p === pointer && (next[i] = undefined));
    next[column] = pointer || undefined;
    this.mapping = next;
  }

  #review() {
    const l = this.locale;
    const counts = planCounts(this.plan);
    const rows = this.plan.filter(
      (r) => this.show === 'all' || (this.show === 'refuse' ? r.action === 'refuse' : r.action === 'create' || r.action === 'update'),
    );
    const writable = counts.create + counts.update;
    const action = (a: PlannedRow['action']) =>
      imt(l, a === 'create' ? 'create' : a === 'update' ? 'updateAction' : a === 'skip' ? 'skipAction' : 'refuse');
    const settings = this.settings ?? cardSettingsOrDefault(this.schema);
    return html`<h3>${imt(l, 'reviewHeading')}</h3>
      <p role="status" data-counts>${imt(l, 'counts', { create: formatNumber(counts.create, l), update: formatNumber(counts.update, l), skip: formatNumber(counts.skip, l), refuse: formatNumber(counts.refuse, l) })}</p>
      <div class="row">
        <div><label for="show">${imt(l, 'show')}</label>
          <select id="show" @change=${(e: Event) => (this.show = (e.target as HTMLSelectElement).value as Show)}>
            <option value="all" ?selected=${this.show === 'all'}>${imt(l, 'showAll')}</option>
            <option value="refuse" ?selected=${this.show === 'refuse'}>${imt(l, 'showRefused')}</option>
            <option value="changes" ?selected=${this.show === 'changes'}>${imt(l, 'showChanges')}</option>
          </select></div>
      </div>
      <div class="scroll"><table part="review">
        <thead><tr><th scope="col">${imt(l, 'line')}</th><th scope="col">${imt(l, 'action')}</th><th scope="col">${imt(l, 'card')}</th><th scope="col">${imt(l, 'reason')}</th></tr></thead>
        <tbody>
          ${rows.slice(0, SHOWN).map(
            (r) => html`<tr data-line=${r.line} data-action=${r.action}>
            <td>${r.line}</td><td>${action(r.action)}</td>
            <td>${r.data !== undefined ? this.#title(settings, r) : (r.key ?? '')}</td>
            <td>${r.problems.length ? html`<ul class="reasons">${r.problems.map((p) => html`<li>${this.#reason(p)}</li>`)}</ul>` : nothing}</td>
          </tr>`,
          )}
        </tbody>
      </table></div>
      ${rows.length > SHOWN ? html`<p class="hint">${imt(l, 'firstShown', { n: SHOWN, total: formatNumber(rows.length, l) })}</p>` : nothing}
      <div class="row">
        <button type="button" name="back" @click=${() => (this.step = 'map')}>${imt(l, 'back')}</button>
        ${
          writable
            ? html`<button type="button" class="primary" name="start" @click=${() => this.start()}>${imt(l, 'start', { n: formatNumber(writable, l) })}</button>`
            : html`<p role="alert">${imt(l, 'nothingToImport')}</p>`
        }
      </div>`;
  }

  #title(settings: CardSettings, r: PlannedRow): string {
    return cardTitle(settings, r.data);
  }

  #writing() {
    const l = this.locale;
    const p = this.progress!;
    const written = p.done + p.failed;
    return html`<label for="progress">${imt(l, 'writing')}</label>
      <progress id="progress" part="progress" max=${p.total || 1} .value=${written}></progress>
      <p role="status" aria-live="polite" data-progress>
        ${imt(l, 'progress', { done: formatNumber(written, l), total: formatNumber(p.total, l) })}${p.remainingMs !== undefined ? html` · ${imt(l, 'timeLeft', { time: this.#time(p.remainingMs) })}` : nothing}
      </p>
      <button type="button" name="cancel" @click=${() => this.cancel()}>${imt(l, 'cancel')}</button>`;
  }

  #done() {
    const l = this.locale;
    const r = this.result!;
    const left = r.total - r.done - r.failed;
    return html`<p role="status" data-result=${r.cancelled ? 'cancelled' : 'finished'}>
        ${
          r.cancelled && !this.error
            ? imt(l, 'cancelled', { done: formatNumber(r.done, l), left: formatNumber(left, l) })
            : r.cancelled
              ? nothing
              : imt(l, 'finished', { created: formatNumber(r.created, l), updated: formatNumber(r.updated, l) })
        }
      </p>
      ${
        r.failures.length
          ? html`<p>${imt(l, 'storeRefused', { n: r.failures.length })}</p>
            <ul data-failures>${r.failures.slice(0, SHOWN).map((f) => html`<li>${imt(l, 'line')} ${f.line}: ${f.errors?.length ? f.errors.map((e) => `${this.#fieldLabel(e.path)}: ${e.message}`).join('; ') : f.message}</li>`)}</ul>`
          : nothing
      }
      <div class="row">
        ${r.cancelled && this.#job && left > 0 ? html`<button type="button" class="primary" name="resume" @click=${() => this.resume(this.#job!)}>${imt(l, 'resumeLater')}</button>` : nothing}
        <button type="button" name="another" @click=${() => ((this.step = 'choose'), (this.table = undefined), (this.error = ''))}>${imt(l, 'another')}</button>
      </div>`;
  }
}

defineElement('kc-import', KcImport);

declare global {
  interface HTMLElementTagNameMap {
    'kc-import': KcImport;
  }
}
