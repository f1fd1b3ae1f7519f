/**
 * One small class per `kc-*` event, as Web Awesome does, and the global event map that makes
 * `card.addEventListener('kc-change', (e) => e.detail.path)` type-check. Every event bubbles and
 * is composed, so a page hears it from inside any shadow root.
 */
import type { FieldError, JsonValue } from '@kartochka/core';
import type { CardRecord } from '@kartochka/storage';
import type { PersistenceStatus } from '../persistence/status.js';
import type { ImportResult } from '../import/write.js';

const init = { bubbles: true, composed: true } as const;

/** Detail of `kc-change`: which field changed (a JSON Pointer) and its new value. */
export interface KcChangeDetail {
  path: string;
  value: JsonValue | undefined;
}

/** Detail of `kc-save`: a section's Save in view mode succeeded. */
export interface KcSaveDetail {
  /** The whole card's data after the save. */
  value: JsonValue | undefined;
  /** The saved section's id. */
  section: string;
}

/** Detail of `kc-open`: the card to open (and, from reminders, the date field it is about). */
export interface KcOpenDetail {
  id: string;
  pointer?: string;
}

/** Detail of `kc-storage-status`: the card's storage state and its message in the card's language. */
export interface KcStorageStatusDetail {
  status: PersistenceStatus;
  message: string;
  /** Numbers and names the message was built from (the revision saved, cards queued…). */
  [param: string]: string | number;
}

/** `kc-change`: after every edit. */
export class KcChangeEvent extends CustomEvent<KcChangeDetail> {
  constructor(detail: KcChangeDetail) {
    super('kc-change', { ...init, detail });
  }
}

/** `kc-submit`: `submit()` found the data valid. */
export class KcSubmitEvent extends CustomEvent<{ value: JsonValue | undefined }> {
  constructor(detail: { value: JsonValue | undefined }) {
    super('kc-submit', { ...init, detail });
  }
}

/** `kc-invalid`: `submit()` found errors. */
export class KcInvalidEvent extends CustomEvent<{ errors: readonly FieldError[] }> {
  constructor(detail: { errors: readonly FieldError[] }) {
    super('kc-invalid', { ...init, detail });
  }
}

/** `kc-save`: view mode, a section's Save succeeded. */
export class KcSaveEvent extends CustomEvent<KcSaveDetail> {
  constructor(detail: KcSaveDetail) {
    super('kc-save', { ...init, detail });
  }
}

/** `kc-saved`: a card with `storage` was stored. */
export class KcSavedEvent extends CustomEvent<{ record: CardRecord }> {
  constructor(detail: { record: CardRecord }) {
    super('kc-saved', { ...init, detail });
  }
}

/** `kc-storage-status`: loading, saved, queued, conflict… */
export class KcStorageStatusEvent extends CustomEvent<KcStorageStatusDetail> {
  constructor(detail: KcStorageStatusDetail) {
    super('kc-storage-status', { ...init, detail });
  }
}

/** `kc-open`: a row of the card list or a reminder asks the page to open a card. */
export class KcOpenEvent extends CustomEvent<KcOpenDetail> {
  constructor(detail: KcOpenDetail) {
    super('kc-open', { ...init, detail });
  }
}

/**
 * Detail of `kc-file-request`: a file field needs the bytes of a stored file (`{fileId}` in its
 * value). Whoever can fetch it — the card's persistence (its storage's `getFile`), or the app —
 * sets `blob` to the promise while the event is dispatched.
 */
export interface KcFileRequestDetail {
  /** The field's JSON Pointer. */
  path: string;
  fileId: string;
  blob?: Promise<Blob>;
}

/** `kc-file-request`: a file field asks for a stored file's bytes (download, preview). */
export class KcFileRequestEvent extends CustomEvent<KcFileRequestDetail> {
  constructor(detail: KcFileRequestDetail) {
    super('kc-file-request', { ...init, detail });
  }
}

/** `kc-date-pick`: a day was picked in `<kc-calendar>`; `detail.value` is its ISO date (`YYYY-MM-DD`). */
export class KcDatePickEvent extends CustomEvent<{ value: string }> {
  constructor(detail: { value: string }) {
    super('kc-date-pick', { ...init, detail });
  }
}

/** `kc-calendar-close`: Escape in `<kc-calendar>` (the date field closes it and takes focus back). */
export class KcCalendarCloseEvent extends CustomEvent<undefined> {
  constructor() {
    super('kc-calendar-close', init);
  }
}

/** Detail of `kc-export`: the file `<kc-card-export>` made, and how many cards it holds. */
export interface KcExportDetail {
  blob: Blob;
  filename: string;
  count: number;
}

/** `kc-export`: a file was made; cancel it (`preventDefault()`) to skip the download and handle the file. */
export class KcExportEvent extends CustomEvent<KcExportDetail> {
  constructor(detail: KcExportDetail) {
    super('kc-export', { ...init, cancelable: true, detail });
  }
}

/** `kc-import`: an import ended (finished, cancelled, or stopped by an unreachable store). */
export class KcImportEvent extends CustomEvent<ImportResult> {
  constructor(detail: ImportResult) {
    super('kc-import', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-date-pick': KcDatePickEvent;
    'kc-calendar-close': KcCalendarCloseEvent;
    'kc-export': KcExportEvent;
    'kc-import': KcImportEvent;
    'kc-file-request': KcFileRequestEvent;
    'kc-change': KcChangeEvent;
    'kc-submit': KcSubmitEvent;
    'kc-invalid': KcInvalidEvent;
    'kc-save': KcSaveEvent;
    'kc-saved': KcSavedEvent;
    'kc-storage-status': KcStorageStatusEvent;
    'kc-open': KcOpenEvent;
  }
}
