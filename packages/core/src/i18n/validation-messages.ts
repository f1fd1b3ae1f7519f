/**
 * Validation messages in English, Russian and German, keyed by JSON Schema keyword, registered as
 * the `validation` domain of the message registry (@kartochka/i18n): an app adds a language with
 * `registerTranslation(locale, { validation: {...} })`. Each entry turns ajv's error params into a
 * sentence for the user; a schema can override any of them per field with `x-errorMessage`.
 */
import { registerTranslation, registerTranslationLoader, translate, type MessageParams } from '@kartochka/i18n';
import type { Locale } from '../types.js';
import { plural } from './plural.js';
import { dateWords } from './date-words.js';
import { requisiteFormatName, requisiteMessage } from './requisite-words.js';

type P = MessageParams;
type Msg = (p: P, locale: Locale) => string;

// Russian messages say «не короче N …» and «не больше N …», which take the genitive: 1 символа,
// 2 символов, 5 символов (Intl.PluralRules picks one/few/many; `other` is for fractions).
const chars = (l: Locale, n: number) =>
  l === 'ru'
    ? plural(l, n, { one: 'символа', few: 'символов', many: 'символов', other: 'символа' })
    : plural(l, n, { one: 'character', other: 'characters' });
const items = (l: Locale, n: number) =>
  l === 'ru'
    ? plural(l, n, { one: 'элемента', few: 'элементов', many: 'элементов', other: 'элемента' })
    : plural(l, n, { one: 'item', other: 'items' });

const FORMAT_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    email: 'an email address',
    uri: 'a web address (URL)',
    url: 'a web address (URL)',
    date: 'a date',
    'date-time': 'a date and time',
    time: 'a time',
    phone: 'a phone number',
    tel: 'a phone number',
    uuid: 'a UUID',
    ipv4: 'an IPv4 address',
    hostname: 'a host name',
  },
  ru: {
    email: 'адрес электронной почты',
    uri: 'веб-адрес (URL)',
    url: 'веб-адрес (URL)',
    date: 'дата',
    'date-time': 'дата и время',
    time: 'время',
    phone: 'номер телефона',
    tel: 'номер телефона',
    uuid: 'UUID',
    ipv4: 'IPv4-адрес',
    hostname: 'имя хоста',
  },
};

const TYPE_NAMES: Record<Locale, Record<string, string>> = {
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes or no',
    object: 'a group of fields',
    array: 'a list',
    null: 'empty',
  },
  ru: {
    string: 'текст',
    number: 'число',
    integer: 'целое число',
    boolean: 'да или нет',
    object: 'группа полей',
    array: 'список',
    null: 'пусто',
  },
};

const typeName = (l: Locale, t: unknown) =>
  String(t)
    .split(',')
    .map((x) => TYPE_NAMES[l][x] ?? x)
    .join(l === 'ru' ? ' или ' : ' or ');

const en = {
  required: () => 'This field is required.',
  dependentRequired: () => 'This field is required.',
  type: (p) => `Must be ${typeName('en', p.type)}.`,
  minLength: (p) => `Must be at least ${p.limit} ${chars('en', Number(p.limit))} long.`,
  maxLength: (p) => `Must be at most ${p.limit} ${chars('en', Number(p.limit))} long.`,
  minimum: (p) => `Must be ${p.limit} or more.`,
  maximum: (p) => `Must be ${p.limit} or less.`,
  exclusiveMinimum: (p) => `Must be more than ${p.limit}.`,
  exclusiveMaximum: (p) => `Must be less than ${p.limit}.`,
  multipleOf: (p) => `Must be a multiple of ${p.multipleOf}.`,
  pattern: () => 'Has the wrong format.',
  format: (p) =>
    requisiteMessage('en', p) ??
    `Must be ${FORMAT_NAMES.en[String(p.format)] ?? requisiteFormatName('en', p.format) ?? `in the format "${p.format}"`}.`,
  enum: () => 'Choose one of the listed values.',
  const: () => 'Has a value that is not allowed here.',
  minItems: (p) => `Add at least ${p.limit} ${items('en', Number(p.limit))}.`,
  maxItems: (p) => `At most ${p.limit} ${items('en', Number(p.limit))} allowed.`,
  uniqueItems: () => 'Items must not repeat.',
  oneOf: () => 'Matches none (or more than one) of the allowed variants.',
  anyOf: () => 'Matches none of the allowed variants.',
  not: () => 'Has a value that is not allowed here.',
  additionalProperties: (p) => `Unknown field "${p.additionalProperty}".`,
  'x-access': (p) => (p.access === 'read' ? 'You may not write this field.' : 'You may not change this field.'),
  fallback: (p) => `Is not valid (${p.keyword}).`,
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
  formatMinimum: (p, l) => `Not earlier than ${dateWords(p.limit, l)}.`,
  formatMaximum: (p, l) => `Not later than ${dateWords(p.limit, l)}.`,
  formatExclusiveMinimum: (p, l) => `Later than ${dateWords(p.limit, l)}.`,
  formatExclusiveMaximum: (p, l) => `Earlier than ${dateWords(p.limit, l)}.`,
  schemaNotPublished: (p) =>
    `The card type "${p.schemaId}" is not published on the server; an administrator must publish it before cards of it can be saved.`,
} satisfies Record<string, Msg>;

export type ValidationMessages = Record<keyof typeof en, Msg>;

const ru: ValidationMessages = {
  required: () => 'Обязательное поле.',
  dependentRequired: () => 'Обязательное поле.',
  type: (p) => `Должно быть: ${typeName('ru', p.type)}.`,
  minLength: (p) => `Не короче ${p.limit} ${chars('ru', Number(p.limit))}.`,
  maxLength: (p) => `Не длиннее ${p.limit} ${chars('ru', Number(p.limit))}.`,
  minimum: (p) => `Не меньше ${p.limit}.`,
  maximum: (p) => `Не больше ${p.limit}.`,
  exclusiveMinimum: (p) => `Больше ${p.limit}.`,
  exclusiveMaximum: (p) => `Меньше ${p.limit}.`,
  multipleOf: (p) => `Должно быть кратно ${p.multipleOf}.`,
  pattern: () => 'Неверный формат.',
  format: (p) =>
    requisiteMessage('ru', p) ??
    `Ожидается ${FORMAT_NAMES.ru[String(p.format)] ?? requisiteFormatName('ru', p.format) ?? `формат «${p.format}»`}.`,
  enum: () => 'Выберите одно из значений списка.',
  const: () => 'Недопустимое значение.',
  minItems: (p) => `Добавьте не меньше ${p.limit} ${items('ru', Number(p.limit))}.`,
  maxItems: (p) => `Не больше ${p.limit} ${items('ru', Number(p.limit))}.`,
  uniqueItems: () => 'Значения не должны повторяться.',
  oneOf: () => 'Не подходит ни под один (или подходит под несколько) из вариантов.',
  anyOf: () => 'Не подходит ни под один из вариантов.',
  not: () => 'Недопустимое значение.',
  additionalProperties: (p) => `Неизвестное поле «${p.additionalProperty}».`,
  'x-access': (p) => (p.access === 'read' ? 'Вам нельзя заполнять это поле.' : 'Вам нельзя изменять это поле.'),
  fallback: (p) => `Недопустимое значение (${p.keyword}).`,
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
  // No final period: the date ends with «г.» already.
  formatMinimum: (p, l) => `Не раньше ${dateWords(p.limit, l)}`,
  formatMaximum: (p, l) => `Не позже ${dateWords(p.limit, l)}`,
  formatExclusiveMinimum: (p, l) => `Позже ${dateWords(p.limit, l)}`,
  formatExclusiveMaximum: (p, l) => `Раньше ${dateWords(p.limit, l)}`,
  schemaNotPublished: (p) =>
    `Тип карточки «${p.schemaId}» не опубликован на сервере; администратор должен опубликовать его, прежде чем сохранять такие карточки.`,
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    validation: ValidationMessages;
  }
}

/**
 * The catalogues registered up front (the registry holds them, and whatever an app registers).
 * German is loaded when a card in German needs it (`loadTranslations`): a page in another
 * language never downloads it. The package root registers it up front (catalogues.ts).
 */
export const upFrontValidationMessages: Record<'en' | 'ru', ValidationMessages> = { en, ru };
for (const [locale, messages] of Object.entries(upFrontValidationMessages)) registerTranslation(locale, { validation: messages });
registerTranslationLoader('de', () => import('./load-german.js').then((m) => m.german));

export function validationMessage(locale: Locale, keyword: string, params: P): string {
  const all = { ...params, keyword };
  return translate('validation', locale, keyword, all) ?? translate('validation', locale, 'fallback', all)!;
}
