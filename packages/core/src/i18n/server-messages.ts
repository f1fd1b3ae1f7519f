/**
 * The `validation` domain's messages for what a server refuses (docs/rest-api.md, "Limits",
 * "Validation"; docs/files.md): the request's size and depth, schema limits, rate limits, uploads,
 * publishing. Only code that talks to a server meets them — the server itself and card persistence
 * — so they are a module of their own, registered when one of those imports it (the package root
 * does, catalogues.ts); a card page without storage never downloads them. German is in
 * validation-messages.de.ts, loaded with the rest of German.
 */
import { registerTranslation, type MessageParams } from '@kartochka/i18n';
import type { Locale } from '../types.js';
import { validationMessage, type Msg } from './validation-messages.js';

const en = {
  // The server's limits (docs/rest-api.md, "Limits"): what a client sent was refused whole.
  maxBodySize: (p) => `The request is larger than the server's limit of ${p.limit} bytes.`,
  maxDepth: (p) => `The data is nested deeper than the server's limit of ${p.limit} levels.`,
  maxSchemaSize: (p) => `The schema is ${p.actual} bytes; the limit is ${p.limit}.`,
  maxSchemaExpansion: (p) => `The schema expands (through $ref) to more than ${p.limit} subschemas; simplify its references.`,
  maxCompileTime: (p) => `The schema took ${p.actual} ms to compile; the limit is ${p.limit} ms.`,
  maxSchemaVersions: (p) => `Schema "${p.schemaId}" already has ${p.limit} versions, the limit.`,
  unsupportedMediaType: () => 'Send the body as JSON, with Content-Type: application/json.',
  hostNotAllowed: (p) => `The host "${p.host}" is not served here.`,
  rateLimited: (p) => `Too many requests; try again in ${p.retryAfter} s.`,
  tooManyFailedSignIns: (p) => `Too many failed sign-ins from this address; try again in ${p.retryAfter} s.`,
  tooManyStreams: (p) => `Too many open event streams (limit ${p.limit}); close one and retry.`,
  invalidId: () => 'The id must be 1–200 characters, without control characters or slashes.',
  // File uploads (docs/files.md): the file was refused and nothing was stored.
  fileTooLarge: (p) => `The file is larger than the limit of this field, ${p.limit} bytes.`,
  fileType: (p) => `Files of type "${p.type || 'unknown'}" are not accepted here (accepted: ${p.accept}).`,
  fileContent: (p) => `The file's content is not what its type "${p.type}" says.`,
  checksum: () => 'The file arrived damaged (its SHA-256 checksum does not match); upload it again.',
  uploadStalled: (p) => `The upload stopped sending for more than ${p.limit} s and was dropped; upload the file again.`,
  notAFileField: (p) => `"${p.field}" is not a file field of the card type "${p.schemaId}".`,
  fileRef: () => 'This file was not uploaded for this card; attach it again.',
  schemaVersionNotLatest: (p) =>
    p.current == null
      ? `Save with the latest version of schema "${p.schemaId}" (${p.latest}).`
      : `Save with the latest version of schema "${p.schemaId}" (${p.latest}) or the card's own (${p.current}).`,
  schemaNotPublished: (p) =>
    `The card type "${p.schemaId}" is not published on the server; an administrator must publish it before cards of it can be saved.`,
} satisfies Record<string, Msg>;

export type ServerMessages = Record<keyof typeof en, Msg>;

const ru: ServerMessages = {
  maxBodySize: (p) => `Запрос больше предела сервера: ${p.limit} байт.`,
  maxDepth: (p) => `Данные вложены глубже предела сервера: ${p.limit} уровней.`,
  maxSchemaSize: (p) => `Схема занимает ${p.actual} байт, предел — ${p.limit}.`,
  maxSchemaExpansion: (p) => `Схема через $ref разворачивается больше чем в ${p.limit} подсхем; упростите ссылки.`,
  maxCompileTime: (p) => `Схема компилировалась ${p.actual} мс, предел — ${p.limit} мс.`,
  maxSchemaVersions: (p) => `У схемы «${p.schemaId}» уже ${p.limit} версий — это предел.`,
  unsupportedMediaType: () => 'Отправьте тело запроса как JSON, с Content-Type: application/json.',
  hostNotAllowed: (p) => `Хост «${p.host}» здесь не обслуживается.`,
  rateLimited: (p) => `Слишком много запросов; повторите через ${p.retryAfter} с.`,
  tooManyFailedSignIns: (p) => `Слишком много неудачных входов с этого адреса; повторите через ${p.retryAfter} с.`,
  tooManyStreams: (p) => `Открыто слишком много потоков событий (предел ${p.limit}); закройте один и повторите.`,
  invalidId: () => 'Идентификатор — от 1 до 200 символов, без управляющих символов и косой черты.',
  fileTooLarge: (p) => `Файл больше предела этого поля: ${p.limit} байт.`,
  fileType: (p) => `Файлы типа «${p.type || 'неизвестный'}» здесь не принимаются (можно: ${p.accept}).`,
  fileContent: (p) => `Содержимое файла не соответствует его типу «${p.type}».`,
  checksum: () => 'Файл пришёл повреждённым (контрольная сумма SHA-256 не совпадает); загрузите его ещё раз.',
  uploadStalled: (p) => `Загрузка не передавала данные дольше ${p.limit} с и прервана; загрузите файл ещё раз.`,
  notAFileField: (p) => `«${p.field}» — не файловое поле типа карточки «${p.schemaId}».`,
  fileRef: () => 'Этот файл загружен не для этой карточки; прикрепите его заново.',
  schemaVersionNotLatest: (p) =>
    p.current == null
      ? `Сохраните с последней версией схемы «${p.schemaId}» (${p.latest}).`
      : `Сохраните с последней версией схемы «${p.schemaId}» (${p.latest}) или с версией карточки (${p.current}).`,
  schemaNotPublished: (p) =>
    `Тип карточки «${p.schemaId}» не опубликован на сервере; администратор должен опубликовать его, прежде чем сохранять такие карточки.`,
};

export const upFrontServerMessages: Record<'en' | 'ru', ServerMessages> = { en, ru };
// Underneath: an app's own wording, registered before this module loaded (persistence is
// imported when a page needs it), stays.
for (const [locale, messages] of Object.entries(upFrontServerMessages))
  registerTranslation(locale, { validation: messages }, { underneath: true });

/** A server refusal's message in `locale` (`validationMessage`, with this module's catalogues registered). */
export function serverMessage(locale: Locale, keyword: string, params: MessageParams): string {
  return validationMessage(locale, keyword, params);
}
