/**
 * Typed storage errors. Each is a small `Error` subclass with readonly data, a plain English
 * message that names the card or schema, and a `messageKey` + `params` pair so the UI can show the
 * same message in the user's language (see {@link storageMessages}).
 */
import { registerTranslation, translate, type Locale } from '@kartochka/i18n';
import type { CardRecord } from './types.js';

/** The broad kind of failure; stable, safe to switch on. */
export type StorageErrorCode =
  'not-found' | 'conflict' | 'validation' | 'forbidden' | 'unavailable' | 'unauthorized' | 'rate-limited' | 'quota-exceeded' | 'duplicate';

/** Keys of {@link storageMessages}; one per distinct user-facing situation. */
export type StorageMessageKey =
  | 'cardNotFound'
  | 'schemaNotFound'
  | 'schemaVersionNotFound'
  | 'conflict'
  | 'validation'
  | 'forbidden'
  | 'unavailable'
  | 'unauthorized'
  | 'rateLimited'
  | 'quotaExceeded'
  | 'duplicate';

/** Parameters substituted into a message template (`{id}` → `params.id`). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The base of every error an adapter rejects with. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly messageKey: StorageMessageKey,
    readonly params: MessageParams,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** A card, schema or schema version does not exist. */
export class NotFoundError extends StorageError {
  static card(id: string): NotFoundError {
    return new NotFoundError('cardNotFound', { id }, `Card "${id}" was not found.`);
  }
  static schema(schemaId: string, version?: number): NotFoundError {
    return version === undefined
      ? new NotFoundError('schemaNotFound', { schemaId }, `Schema "${schemaId}" has no published versions.`)
      : new NotFoundError('schemaVersionNotFound', { schemaId, version }, `Schema "${schemaId}" has no version ${version}.`);
  }
  private constructor(key: StorageMessageKey, params: MessageParams, message: string) {
    super('not-found', key, params, message);
    this.name = 'NotFoundError';
  }
}

/** The caller's `expectedRevision` is stale: someone else saved (or created) the card first. */
export class ConflictError extends StorageError {
  /** The card as it is stored now, so the UI can show or merge the other change. */
  readonly current: CardRecord;
  constructor(current: CardRecord, expectedRevision: number) {
    const params = { id: current.id, stored: current.revision, expected: expectedRevision };
    super(
      'conflict',
      'conflict',
      params,
      `Card "${current.id}" was changed by someone else (stored revision ${current.revision}, yours ${expectedRevision}).`,
    );
    this.name = 'ConflictError';
    this.current = current;
  }
}

/** One problem with a record or its data, in the shape `@kartochka/core` uses for field errors. */
export interface StorageFieldError {
  /** JSON Pointer into the record passed to `put` (e.g. `/indexed/segment`). */
  path: string;
  keyword: string;
  message: string;
  /** `app` for a malformed call, `server` for errors a server adapter passes through. */
  source: 'schema' | 'server' | 'rule' | 'app';
}

/** The record was rejected as malformed (or, for server adapters, invalid against its schema). */
export class ValidationError extends StorageError {
  readonly errors: readonly StorageFieldError[];
  constructor(id: string, errors: readonly StorageFieldError[], options?: { cause?: unknown }) {
    const list = errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
    super(
      'validation',
      'validation',
      { id, count: errors.length },
      `Card "${id}" was not saved: ${errors.length} problem(s): ${list}.`,
      options,
    );
    this.name = 'ValidationError';
    this.errors = errors;
  }
}

/**
 * The server knows who is calling and refuses: the role may not do this (e.g. a viewer saving),
 * or may not write some fields (`errors` names them, keyword `x-access`). A `ValidationError`
 * subclass on purpose: a card shows the refusal on the fields it names and never queues the save
 * for a retry, exactly as for a rejected value. Nothing was stored.
 */
export class ForbiddenError extends ValidationError {
  override readonly code: StorageErrorCode = 'forbidden';
  override readonly messageKey: StorageMessageKey = 'forbidden';
  constructor(id: string, message: string, errors: readonly StorageFieldError[] = []) {
    super(id, errors.length > 0 ? errors : [{ path: '', keyword: 'forbidden', message, source: 'server' }]);
    this.name = 'ForbiddenError';
    this.message = message;
  }
}

/**
 * Another card of the same type already holds one of this card's unique keys (`x-unique`,
 * docs/duplicates.md): nothing was stored. A `ValidationError` subclass on purpose, like
 * `ForbiddenError`: the card shows it on the key's field and never queues the save for a retry.
 */
export class DuplicateError extends ValidationError {
  override readonly code: StorageErrorCode = 'duplicate';
  override readonly messageKey: StorageMessageKey = 'duplicate';
  override readonly params: MessageParams;
  constructor(
    id: string,
    /** The card that holds the key (same tenant and card type). */
    readonly existingId: string,
    /** The key both cards have (`/general/inn=["7701234567"]`). */
    readonly key: string,
  ) {
    const message = `Card "${id}" was not saved: card "${existingId}" already has the same ${ruleOfKey(key) || 'unique key'}.`;
    const paths = ruleOfKey(key)
      .split('+')
      .filter((p) => p !== '' && !p.split('/').includes('*'));
    const errors = (paths.length > 0 ? paths : ['']).map((path) => ({ path, keyword: 'x-unique', message, source: 'server' as const }));
    super(id, errors);
    this.params = { id, existingId, key };
    this.name = 'DuplicateError';
    this.message = message;
  }
}

/** The rule part of a unique key string (`/a+/b` of `/a+/b=["x","y"]`). */
export function ruleOfKey(key: string): string {
  const at = key.indexOf('=[');
  return at < 0 ? '' : key.slice(0, at);
}

/** The backend cannot be used: no IndexedDB, blocked by another tab, closed, offline. */
export class UnavailableError extends StorageError {
  constructor(store: string, reason: string, options?: { cause?: unknown }) {
    super('unavailable', 'unavailable', { store, reason }, `Storage "${store}" is unavailable: ${reason}`, options);
    this.name = 'UnavailableError';
  }
}

/**
 * The server asked the client to slow down (HTTP 429): too many requests, or too many failed
 * sign-ins from this address. An `UnavailableError` (waiting helps, a queued save stays queued),
 * with its own code and message, and the wait the server named (`Retry-After`) so a retry comes
 * after it rather than in a tight loop.
 */
export class RateLimitedError extends UnavailableError {
  override readonly code: StorageErrorCode = 'rate-limited';
  override readonly messageKey: StorageMessageKey = 'rateLimited';
  override readonly params: MessageParams;

  constructor(
    store: string,
    /** How long the server asked to wait, in ms (from `Retry-After`; a default when it sent none). */
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(store, `the server is limiting requests (HTTP 429: ${reason}); retry in ${Math.ceil(retryAfterMs / 1000)} s.`);
    this.params = { store, seconds: Math.ceil(retryAfterMs / 1000), reason };
    this.name = 'RateLimitedError';
  }
}

/**
 * The server refused the credentials (HTTP 401 or 403): the user must sign in again. Not an
 * `UnavailableError`, because waiting does not help: a queued save stays queued for the same user
 * until they are signed in again, and is never sent with anyone else's credentials.
 */
export class UnauthorizedError extends StorageError {
  constructor(store: string, status: number, reason: string, options?: { cause?: unknown }) {
    super(
      'unauthorized',
      'unauthorized',
      { store, status, reason },
      `Storage "${store}" refused the credentials (HTTP ${status}: ${reason}). Sign in again or check the token.`,
      options,
    );
    this.name = 'UnauthorizedError';
  }
}

/** The browser refused the write because the origin's storage quota is full. */
export class QuotaExceededError extends StorageError {
  constructor(store: string, id: string, options?: { cause?: unknown }) {
    super(
      'quota-exceeded',
      'quotaExceeded',
      { store, id },
      `Card "${id}" was not saved: the browser's storage quota for "${store}" is full. Free some space or delete old cards.`,
      options,
    );
    this.name = 'QuotaExceededError';
  }
}

/** Message templates per locale; `{name}` placeholders are filled from the error's `params`. */
const en: Record<StorageMessageKey, string> = {
  cardNotFound: 'Card "{id}" was not found.',
  schemaNotFound: 'Schema "{schemaId}" has no published versions.',
  schemaVersionNotFound: 'Schema "{schemaId}" has no version {version}.',
  conflict: 'Card "{id}" was changed by someone else (stored revision {stored}, yours {expected}).',
  validation: 'Card "{id}" was not saved: {count} problem(s) found.',
  forbidden: 'Card "{id}" was not saved: your role may not make this change.',
  unavailable: 'Storage "{store}" is unavailable. Reload the page or try again later.',
  unauthorized: 'Storage "{store}" refused your credentials. Sign in again.',
  rateLimited: 'The server asked to slow down; trying again in {seconds} s.',
  quotaExceeded: 'Card "{id}" was not saved: the browser\'s storage is full.',
  duplicate: 'Card "{id}" was not saved: card "{existingId}" already has the same key.',
};

export const storageMessages: Record<'en' | 'ru' | 'de', Record<StorageMessageKey, string>> = {
  en,
  ru: {
    cardNotFound: 'Карточка «{id}» не найдена.',
    schemaNotFound: 'У схемы «{schemaId}» нет опубликованных версий.',
    schemaVersionNotFound: 'У схемы «{schemaId}» нет версии {version}.',
    conflict: 'Карточку «{id}» уже изменил кто-то другой (сохранена ревизия {stored}, у вас {expected}).',
    validation: 'Карточка «{id}» не сохранена: найдено ошибок: {count}.',
    forbidden: 'Карточка «{id}» не сохранена: вашей роли такое изменение не разрешено.',
    unavailable: 'Хранилище «{store}» недоступно. Перезагрузите страницу или повторите попытку позже.',
    unauthorized: 'Хранилище «{store}» не приняло ваши учётные данные. Войдите снова.',
    rateLimited: 'Сервер просит подождать; повторим через {seconds} с.',
    quotaExceeded: 'Карточка «{id}» не сохранена: хранилище браузера переполнено.',
    duplicate: 'Карточка «{id}» не сохранена: у карточки «{existingId}» такой же ключ.',
  },
  de: {
    cardNotFound: 'Karte „{id}“ wurde nicht gefunden.',
    schemaNotFound: 'Schema „{schemaId}“ hat keine veröffentlichten Versionen.',
    schemaVersionNotFound: 'Schema „{schemaId}“ hat keine Version {version}.',
    conflict: 'Karte „{id}“ wurde von jemand anderem geändert (gespeicherte Revision {stored}, Ihre {expected}).',
    validation: 'Karte „{id}“ wurde nicht gespeichert: {count} Problem(e) gefunden.',
    forbidden: 'Karte „{id}“ wurde nicht gespeichert: Ihre Rolle darf diese Änderung nicht vornehmen.',
    unavailable: 'Speicher „{store}“ ist nicht erreichbar. Laden Sie die Seite neu oder versuchen Sie es später erneut.',
    unauthorized: 'Speicher „{store}“ hat Ihre Anmeldedaten abgelehnt. Melden Sie sich erneut an.',
    rateLimited: 'Der Server bittet um eine Pause; neuer Versuch in {seconds} s.',
    quotaExceeded: 'Karte „{id}“ wurde nicht gespeichert: Der Speicher des Browsers ist voll.',
    duplicate: 'Karte „{id}“ wurde nicht gespeichert: Karte „{existingId}“ hat denselben Schlüssel.',
  },
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    storage: Record<StorageMessageKey, string>;
  }
}

for (const [locale, messages] of Object.entries(storageMessages)) registerTranslation(locale, { storage: messages });

/** The error's message in `locale` (along its fallback chain, docs/i18n.md), for showing to a user. */
export function formatStorageMessage(error: StorageError, locale: Locale): string {
  return translate('storage', locale, error.messageKey, error.params) ?? error.message;
}
