/**
 * The inspector's formula editor: a formula in words (core's parser and printer,
 * `[Количество точек] * 150000`), completion of field names after `[` in an ARIA combobox, the
 * error marked at its place in the text, and the result on the sample record. The JSON Logic the
 * card stores stays editable under "Advanced".
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { JsonValue, Locale } from '@kartochka/core';
import { foldCase } from '@kartochka/core/internal';
import {
  checkFormula,
  checkFormulaText,
  formulaFields,
  formulaText,
  setFormula,
  type FieldInfo,
  type FormulaTextCheck,
} from '../model/index.js';
import type { BuilderStore } from './store.js';
import { s, type BuilderStringKey } from './strings.js';

interface WordsDraft {
  readonly text: string;
  /** The stored formula (as JSON) the draft belongs to: when the formula changes elsewhere (undo, JSON), the draft is dropped. */
  readonly basis: string;
}

interface JsonDraft {
  readonly text: string;
  readonly error?: string;
}

/** The `[` the caret is completing a field name after, if any (not inside a string literal). */
export function completionAt(text: string, caret: number): { start: number; query: string } | undefined {
  const start = text.lastIndexOf('[', caret - 1);
  if (start < 0 || text.slice(start, caret).includes(']')) return undefined;
  const quotes = (text.slice(0, start).match(/"/g) ?? []).length;
  if (quotes % 2 === 1) return undefined;
  return { start, query: text.slice(start + 1, caret) };
}

const MAX_OPTIONS = 8;

export class FormulaEditor {
  readonly words = new Map<string, WordsDraft>();
  readonly json = new Map<string, JsonDraft>();
  /** The open completion list: its options and the active one. */
  #completion?: { field: string; start: number; options: string[]; active: number };

  constructor(
    readonly store: BuilderStore,
    readonly uid: string,
  ) {}

  t(k: BuilderStringKey, p?: Record<string, string | number>): string {
    return s(this.store.locale, k, p);
  }

  /** A result as people read it: numbers in the UI's format, yes/no, text in quotes. */
  #shown(value: unknown, locale: Locale): string {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'number') return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value);
    if (typeof value === 'boolean') return this.t(value ? 'yes' : 'no');
    if (typeof value === 'string') return `«${value}»`;
    return JSON.stringify(value);
  }

  render(f: FieldInfo): TemplateResult | typeof nothing {
    if (f.type !== 'computed') return nothing;
    const stored = (f.schema['x-formula'] ?? null) as JsonValue;
    const printed = stored === null ? '' : formulaText(this.store.doc, stored, this.store.locale);
    return html`<fieldset><legend>${this.t('formula')}</legend>
      ${this.box({
        key: f.id,
        label: this.t('formula'),
        stored,
        at: f.pointer,
        commit: (expr) => {
          this.json.delete(f.id);
          this.store.edit((x) => setFormula(x, f.id, expr), { coalesce: `${f.id}-formula` });
        },
      })}
      ${this.#json(f, stored, printed === undefined && stored !== null)}
    </fieldset>`;
  }

  /**
   * A formula in words with completion, its error at its place and its result on the sample: the
   * computed field's formula, and the advanced view of a rule. `commit` gets each valid formula
   * (`null` for an empty text); what is typed is kept per `key` until it is valid.
   */
  box(o: { key: string; label: string; stored: JsonValue; at: string; commit(expr: JsonValue): void; name?: string }): TemplateResult {
    const st = this.store;
    const locale = st.locale;
    const { key, stored } = o;
    const basis = JSON.stringify(stored);
    const draft = this.words.get(key);
    const printed = stored === null ? '' : formulaText(st.doc, stored, locale);
    const text = draft && draft.basis === basis ? draft.text : (printed ?? '');
    const check: FormulaTextCheck =
      draft && draft.basis === basis
        ? checkFormulaText(st.doc, o.at, text, st.sample, locale)
        : stored === null
          ? { problems: [] }
          : checkFormula(st.doc, o.at, stored, st.sample);
    const id = `${this.uid}-formula-${key.replace(/[^\w-]/g, '_')}`;
    const listId = `${id}-list`;
    const errId = `${id}-error`;
    const hintId = `${id}-hint`;
    const completion = this.#completion?.field === key ? this.#completion : undefined;

    const update = (input: HTMLInputElement) => {
      const value = input.value;
      const caret = input.selectionStart ?? value.length;
      const at = completionAt(value, caret);
      if (at) {
        const own = formulaFields(st.doc, locale).filter((x) => x.pointer !== o.at);
        const q = foldCase(at.query.trim());
        const names = own.map((x) => x.name).filter((n) => foldCase(n).includes(q));
        this.#completion = names.length ? { field: key, start: at.start, options: names.slice(0, MAX_OPTIONS), active: 0 } : undefined;
      } else this.#completion = undefined;
      const result = checkFormulaText(st.doc, o.at, value, st.sample, locale);
      if (result.error || result.problems.length || result.expr === undefined) {
        this.words.set(key, { text: value, basis });
        st.refresh();
        return;
      }
      this.words.set(key, { text: value, basis: JSON.stringify(result.expr) });
      if (JSON.stringify(result.expr) === basis) st.refresh();
      else o.commit(result.expr);
    };
    const accept = (input: HTMLInputElement, name: string) => {
      const c = this.#completion;
      if (!c) return;
      const caret = input.selectionStart ?? input.value.length;
      const rest = input.value.slice(caret);
      const after = rest.startsWith(']') ? rest.slice(1) : rest;
      const inserted = `[${name.replace(/]/g, ']]')}]`;
      input.value = input.value.slice(0, c.start) + inserted + after;
      const at = c.start + inserted.length;
      input.setSelectionRange(at, at);
      update(input);
      this.#completion = undefined;
      st.refresh();
    };
    const onKey = (e: KeyboardEvent) => {
      const c = this.#completion;
      const input = e.target as HTMLInputElement;
      if (!c || c.field !== key) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        c.active = (c.active + (e.key === 'ArrowDown' ? 1 : c.options.length - 1)) % c.options.length;
        st.refresh();
      } else if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        accept(input, c.options[c.active]!);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.#completion = undefined;
        st.refresh();
      }
    };

    let message: TemplateResult | typeof nothing = nothing;
    if (check.error) {
      const { start, end } = check.error;
      const stop = Math.max(end, start + 1);
      message = html`<p class="kcb-error" id=${errId} data-formula-error data-start=${start} data-end=${end}>${this.t('formulaErrorAt', { pos: start + 1, message: check.error.message })}</p>
        <p class="kcb-formula-where" aria-hidden="true"><code>${text.slice(0, start)}<mark>${text.slice(start, stop) || ' '}</mark>${text.slice(stop)}</code></p>`;
    } else if (check.problems.length) {
      message = html`<p class="kcb-error" id=${errId} data-formula-error>${check.problems.map((p) => this.t('formulaInvalid', { at: p.at || '/', message: p.message })).join('\n')}</p>`;
    } else if (stored !== null && printed === undefined && !draft) {
      message = html`<p class="kcb-hint" id=${errId}>${this.t('formulaOnlyJson')}</p>`;
    } else if (text.trim() !== '' && 'result' in check) {
      message = html`<p class="kcb-ok" data-formula-result>${this.t('formulaResult', { value: this.#shown(check.result, locale) })}</p>`;
    }
    const invalid = !!check.error || check.problems.length > 0;

    return html`<label for=${id} class="kcb-sr">${o.label}</label>
      <div class="kcb-combo">
        <input id=${id} name=${o.name ?? 'formula'} type="text" spellcheck="false" autocomplete="off"
          role="combobox" aria-label=${o.label} aria-autocomplete="list" aria-controls=${listId} aria-expanded=${completion ? 'true' : 'false'}
          aria-activedescendant=${completion ? `${listId}-${completion.active}` : ''}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? `${errId} ${hintId}` : hintId}
          .value=${live(text)}
          @input=${(e: Event) => update(e.target as HTMLInputElement)}
          @keydown=${onKey}
          @blur=${() => {
            if (this.#completion) {
              this.#completion = undefined;
              st.refresh();
            }
          }}
          @change=${() => st.seal()} />
        <ul role="listbox" id=${listId} aria-label=${this.t('formulaFields')} ?hidden=${!completion}>
          <!-- The keyboard stays on the combobox (ARIA combobox pattern); a click picks with the mouse. -->
          ${
            completion?.options.map(
              (name, i) => html`<li role="option" id="${listId}-${i}" aria-selected=${i === completion.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => {
                // mousedown, not click: the input keeps focus (and its caret) while a name is picked.
                e.preventDefault();
                accept((e.target as Element).closest('.kcb-combo')!.querySelector('input')!, name);
              }}>${name}</li>`,
            ) ?? nothing
          }
        </ul>
      </div>
      <p class="kcb-hint" id=${hintId}>${this.t('formulaHint')}</p>
      <div aria-live="polite">${message}</div>`;
  }

  /** The raw JSON Logic, for what words can't say and for those who prefer it. */
  #json(f: FieldInfo, stored: JsonValue, open: boolean): TemplateResult {
    const st = this.store;
    const draft = this.json.get(f.id);
    const text = draft?.text ?? (stored === null ? '' : JSON.stringify(stored));
    const id = `${this.uid}-formula-json`;
    const onInput = (value: string) => {
      let parsed: JsonValue;
      try {
        parsed = value.trim() === '' ? null : (JSON.parse(value) as JsonValue);
      } catch (e) {
        this.json.set(f.id, { text: value, error: (e as Error).message });
        st.refresh();
        return;
      }
      const check = parsed === null ? { problems: [] } : checkFormula(st.doc, f.pointer, parsed, st.sample);
      if (check.problems.length) {
        this.json.set(f.id, {
          text: value,
          error: check.problems.map((p) => this.t('formulaInvalid', { at: p.at || '/', message: p.message })).join('\n'),
        });
        st.refresh();
        return;
      }
      this.json.set(f.id, { text: value });
      this.words.delete(f.id);
      st.edit((x) => setFormula(x, f.id, parsed), { coalesce: `${f.id}-formula` });
    };
    return html`<details class="kcb-advanced" ?open=${open || !!draft?.error}>
      <summary>${this.t('formulaAdvanced')}</summary>
      <label for=${id}>${this.t('formulaJson')}</label>
      <textarea id=${id} spellcheck="false" .value=${live(text)} @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}
        @change=${() => st.seal()}></textarea>
      ${draft?.error ? html`<p class="kcb-error" role="alert">${draft.error}</p>` : nothing}
    </details>`;
  }
}
