import { html, css, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { FieldError, JsonValue } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { fireInputAndChange, formatBytes, safeFileLink } from '../internal/widget-utils.js';
import { acceptsFile, asLocalFile, isFileRef, parseAccept, type FileRef } from '@kartochka/storage/data';
import { KcFileRequestEvent } from '../events/events.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/** The size limit when the schema gives no `x-maxSize`: 10 MB. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * The value of a file field as picked here. The Blob is kept in the value: IndexedDB stores Blobs
 * natively; a store that keeps files apart (REST) uploads it before the save and the value becomes
 * a {@link FileRef} `{fileId, name, size, type, sha256}` (docs/files.md).
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

/** Types the card previews: images (not SVG, which can carry script) and PDF. */
const previewKind = (type: string): 'image' | 'pdf' | undefined =>
  type === 'application/pdf' ? 'pdf' : /^image\/(png|jpeg|gif|webp|avif|bmp)$/.test(type) ? 'image' : undefined;

/**
 * @summary An attachment (`{type: "object", "x-widget": "file"}` or a `contentMediaType`): a native
 * file input with a label; shows the file's name (a working download link), size and kind, with
 * preview (images, PDF), replace and remove. Files over `x-maxSize` bytes (default 10 MB), or not
 * matching `contentMediaType` (also the input's `accept`), are refused with a message and the
 * previous file is kept. A stored file (`{fileId}`) is fetched on demand through `kc-file-request`.
 * @event input - When a file is chosen or removed.
 * @event change - When a file is chosen or removed.
 * @event kc-file-request - Asks the card's storage (or the app) for a stored file's bytes.
 * @csspart label - The label.
 * @csspart input - The native file input.
 * @csspart file - The description of the attached file.
 * @csspart download - The download link.
 * @csspart preview-button - Shows or hides the preview.
 * @csspart preview - The preview (an image, or a frame with the PDF).
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
      .preview { margin-block-end: var(--_space); }
      .preview img { max-inline-size: 100%; max-block-size: 24rem; display: block; }
      .preview iframe { inline-size: 100%; block-size: 32rem; border: 1px solid var(--_border, #ccc); }
    `,
  ];

  /** A refused file's message (size limit); cleared by the next accepted change. */
  @state() private refusal = '';
  /** Whether the preview is open. */
  @state() private previewing = false;
  /** A stored file fetched for download or preview, by its id. */
  @state() private fetched?: { fileId: string; blob: Blob };
  /** Why the last fetch of a stored file failed. */
  @state() private fetchProblem = '';
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

  /** The bytes of the current value: its own Blob (a picked or legacy inline file) or the fetched stored file. */
  #blobOf(value: unknown): Blob | undefined {
    const local = asLocalFile(value);
    if (local) return local.blob;
    return isFileRef(value) && this.fetched?.fileId === value.fileId ? this.fetched.blob : undefined;
  }

  /** Fetches a stored file through `kc-file-request` (the card's storage answers). */
  async #fetch(ref: FileRef): Promise<Blob | undefined> {
    if (this.fetched?.fileId === ref.fileId) return this.fetched.blob;
    const request = new KcFileRequestEvent({ path: this.path, fileId: ref.fileId });
    this.dispatchEvent(request);
    try {
      if (!request.detail.blob) throw new Error(t(this.locale, 'noFile'));
      const blob = await request.detail.blob;
      this.fetchProblem = '';
      if (isFileRef(this.value) && this.value.fileId === ref.fileId) this.fetched = { fileId: ref.fileId, blob };
      return blob;
    } catch (e) {
      this.fetchProblem = t(this.locale, 'fileUnavailable', { reason: (e as Error).message });
      return undefined;
    }
  }

  /** A stored file's link: fetched on the first click, then followed like any download link. */
  #onLinkClick = async (e: MouseEvent) => {
    const ref = this.value;
    if (!isFileRef(ref) || this.#blobOf(ref)) return;
    e.preventDefault();
    if (!(await this.#fetch(ref))) return;
    await this.updateComplete;
    (this.renderRoot.querySelector('[part="download"]') as HTMLAnchorElement | null)?.click();
  };

  #togglePreview = async () => {
    const open = !this.previewing;
    if (open && isFileRef(this.value)) await this.#fetch(this.value);
    this.previewing = open && !this.fetchProblem;
  };

  get #accept(): string[] | undefined {
    return parseAccept(this.schema.contentMediaType);
  }

  get #maxSize(): number {
    const m = this.schema['x-maxSize'];
    return typeof m === 'number' && m > 0 ? m : DEFAULT_MAX_FILE_SIZE;
  }

  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const refusal =
      file.size > this.#maxSize
        ? t(this.locale, 'fileTooLarge', {
            name: file.name,
            size: formatBytes(this.locale, file.size),
            max: formatBytes(this.locale, this.#maxSize),
          })
        : !acceptsFile(this.#accept, file.type, file.name)
          ? t(this.locale, 'fileWrongType', { name: file.name, accept: this.#accept!.join(', ') })
          : '';
    if (refusal) {
      this.refusal = refusal;
      input.value = '';
      e.stopPropagation();
      return;
    }
    this.refusal = '';
    this.previewing = false;
    this.fetched = undefined;
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
    this.previewing = false;
    this.fetched = undefined;
    this.commit(undefined);
    fireInputAndChange(this);
    this.focus();
  };

  protected get shownErrors(): readonly FieldError[] {
    const own = [this.refusal, this.fetchProblem]
      .filter(Boolean)
      .map((message): FieldError => ({ path: this.path, keyword: 'x-maxSize', message, source: 'app' }));
    return own.length ? [...own, ...this.errors] : this.errors;
  }

  override render(): unknown {
    const raw = this.value as Record<string, unknown> | undefined;
    const ref = isFileRef(raw) ? raw : undefined;
    const local = asLocalFile(raw);
    const v = isFileValue(raw) || ref || local ? (raw as unknown as FileValue) : undefined;
    const name = v?.name ?? '';
    const size = local?.size ?? (typeof v?.size === 'number' ? v.size : undefined);
    const type = local?.type ?? (typeof v?.type === 'string' ? v.type : '');
    // A file picked here (or a legacy inline one) links to its Blob; a stored one to its Blob once
    // fetched (the first click fetches it); an old record's web address to that address.
    const blob = this.#blobOf(raw);
    const url = this.#urlFor(blob) ?? (ref ? '#' : safeFileLink(raw?.url));
    const kind = previewKind(type);
    const canPreview = !!kind && (!!blob || !!ref);
    const locked = this.disabled || this.readonly;
    const invalid = this.invalid || !!this.refusal;
    const accept = this.#accept?.join(',');
    const kindWord = kind === 'pdf' ? t(this.locale, 'fileKindPdf') : kind === 'image' ? t(this.locale, 'fileKindImage') : '';
    return html`${this.renderLabel()}
      ${
        v
          ? html`<div class="file" part="file">
            ${
              url
                ? html`<a part="download" href=${url} download=${name} type=${type || nothing} aria-label=${t(this.locale, 'download', { name })} @click=${this.#onLinkClick}>${name}</a>`
                : html`<span>${name}</span>`
            }
            <span class="meta">${size !== undefined ? formatBytes(this.locale, size) : nothing}${kindWord ? html` · ${kindWord}` : nothing}</span>
            ${
              canPreview
                ? html`<button type="button" part="preview-button" aria-expanded=${this.previewing ? 'true' : 'false'} aria-controls="preview" @click=${this.#togglePreview}>
                  ${t(this.locale, this.previewing ? 'hidePreview' : 'previewFile')}
                </button>`
                : nothing
            }
            ${
              locked
                ? nothing
                : html`<button type="button" part="replace-button" @click=${() => (this.renderRoot.querySelector('#input') as HTMLInputElement).click()}>
                    ${t(this.locale, 'replaceFile')}
                  </button>
                  <button type="button" part="remove-button" @click=${this.#remove}>${t(this.locale, 'removeFile')}</button>`
            }
          </div>`
          : html`<div class="none">${t(this.locale, 'noFile')}</div>`
      }
      ${
        this.previewing && blob && this.#url
          ? html`<div class="preview" part="preview" id="preview">
            ${
              kind === 'image'
                ? html`<img src=${this.#url.url} alt=${t(this.locale, 'previewOf', { name })} />`
                : html`<iframe src=${this.#url.url} title=${t(this.locale, 'previewOf', { name })}></iframe>`
            }
          </div>`
          : nothing
      }
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
