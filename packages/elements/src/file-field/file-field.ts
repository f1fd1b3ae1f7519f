import { html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { FieldError, JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { fireInputAndChange, formatBytes, safeFileLink } from '../internal/widget-utils.js';

/** The size limit when the schema gives no `x-maxSize`: 10 MB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * The value of a file field. The Blob is kept in the value: IndexedDB stores Blobs natively; a JSON
 * serialisation (a form post, a REST body) carries the metadata only.
 */
export interface FileValue {
  name: string;
  size: number;
  type: string;
  lastModified: number;
  blob: Blob;
}

const isFileValue = (v: unknown): v is FileValue =>
  !!v && typeof v === 'object' && typeof (v as FileValue).name === 'string' && typeof (v as FileValue).size === 'number';

/**
 * @summary An attachment (`{type: "object", "x-widget": "file"}` or a `contentMediaType`): a native
 * file input with a label; shows the file's name (a download link), size and type, with replace
 * and remove. Files over `x-maxSize` bytes (default 10 MB) are refused with a message and the
 * previous file is kept. `contentMediaType` becomes the input's `accept`.
 * @event input - When a file is chosen or removed.
 * @event change - When a file is chosen or removed.
 * @csspart label - The label.
 * @csspart input - The native file input.
 * @csspart file - The description of the attached file.
 * @csspart download - The download link.
 * @csspart replace-button - Opens the file picker to replace the file.
 * @csspart remove-button - Removes the file.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show (a refused file too).
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcFileField extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    css`
      .file { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space); margin-block-end: var(--_space); }
      .meta { color: var(--_muted); font-size: 0.9em; }
      .none { color: var(--_muted); margin-block-end: var(--_space); }
      input[type='file'] { border-style: dashed; }
      a { color: var(--_accent); font-weight: 500; word-break: break-all; }
    `,
  ];

  /** A refused file's message (size limit); cleared by the next accepted change. */
  @state() private refusal = '';
  #url?: { blob: Blob; url: string };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#revoke();
  }

  #revoke(): void {
    if (this.#url) URL.revokeObjectURL(this.#url.url);
    this.#url = undefined;
  }

  /** An object URL for the current Blob, made once per Blob and revoked when it is replaced. */
  #urlFor(blob: Blob | undefined): string | undefined {
    if (!(blob instanceof Blob)) {
      this.#revoke();
      return undefined;
    }
    if (this.#url?.blob !== blob) {
      this.#revoke();
      this.#url = { blob, url: URL.createObjectURL(blob) };
    }
    return this.#url.url;
  }

  /** The object URL currently offered for download (for tests and apps). */
  get downloadUrl(): string | undefined {
    return this.#url?.url;
  }

  get #maxSize(): number {
    const m = this.schema['x-maxSize'];
    return typeof m === 'number' && m > 0 ? m : DEFAULT_MAX_FILE_SIZE;
  }

  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > this.#maxSize) {
      this.refusal = t(this.locale, 'fileTooLarge', { name: file.name, size: formatBytes(this.locale, file.size), max: formatBytes(this.locale, this.#maxSize) });
      input.value = '';
      e.stopPropagation();
      return;
    }
    this.refusal = '';
    const value: FileValue = { name: file.name, size: file.size, type: file.type, lastModified: file.lastModified, blob: file };
    this.commit(value as unknown as JsonValue);
    // The value holds the file now; clearing the input lets the same file be picked again.
    input.value = '';
  };

  #onChange = (e: Event) => {
    // A refused file must not look like a change to the page.
    if (this.refusal) e.stopPropagation();
    else this.fireChange();
  };

  #remove = () => {
    this.refusal = '';
    this.commit(undefined);
    fireInputAndChange(this);
    this.focus();
  };

  protected get shownErrors(): readonly FieldError[] {
    return this.refusal ? [{ path: this.path, keyword: 'x-maxSize', message: this.refusal, source: 'app' }, ...this.errors] : this.errors;
  }

  override render(): unknown {
    const v = isFileValue(this.value) ? this.value : undefined;
    // A file picked here links to its blob; a stored one (no blob after JSON) to its `url`.
    const url = this.#urlFor(v?.blob) ?? safeFileLink((this.value as { url?: unknown } | undefined)?.url);
    const locked = this.disabled || this.readonly;
    const invalid = this.invalid || !!this.refusal;
    const accept = typeof this.schema.contentMediaType === 'string' ? this.schema.contentMediaType : undefined;
    return html`${this.renderLabel()}
      ${v
        ? html`<div class="file" part="file">
            ${url ? html`<a part="download" href=${url} download=${v.name} aria-label=${t(this.locale, 'download', { name: v.name })}>${v.name}</a>` : html`<span>${v.name}</span>`}
            <span class="meta">${formatBytes(this.locale, v.size)}${v.type ? html` · ${v.type}` : nothing}</span>
            ${locked
              ? nothing
              : html`<button type="button" part="replace-button" @click=${() => (this.renderRoot.querySelector("#input") as HTMLInputElement).click()}>
                    ${t(this.locale, 'replaceFile')}
                  </button>
                  <button type="button" part="remove-button" @click=${this.#remove}>${t(this.locale, 'removeFile')}</button>`}
          </div>`
        : html`<div class="none">${t(this.locale, 'noFile')}</div>`}
      <input
        id="input"
        part="input"
        type="file"
        accept=${accept ?? nothing}
        ?required=${this.required && !v}
        ?disabled=${locked}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="hint error"
        @input=${this.#onInput}
        @change=${this.#onChange}
        @blur=${this.handleBlur}
      />
      ${this.description ? html`<div class="hint" part="hint" id="hint">${this.description}</div>` : nothing}
      <div class="error" part="error" id="error" aria-live="polite">${this.shownErrors.map((e) => e.message).join(' ')}</div>`;
  }
}
defineElement('kc-file-field', KcFileField);

declare global {
  interface HTMLElementTagNameMap {
    'kc-file-field': KcFileField;
  }
}
