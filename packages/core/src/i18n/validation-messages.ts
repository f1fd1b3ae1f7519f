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
import type { ServerMessages } from './server-messages.js';

type P = MessageParams;
/** One message: ajv's (or the server's) error params → a sentence in `locale`. */
export type Msg = (p: P, locale: Locale) => string;

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
  formatMinimum: (p, l) => `Not earlier than ${dateWords(p.limit, l)}.`,
  formatMaximum: (p, l) => `Not later than ${dateWords(p.limit, l)}.`,
  formatExclusiveMinimum: (p, l) => `Later than ${dateWords(p.limit, l)}.`,
  formatExclusiveMaximum: (p, l) => `Earlier than ${dateWords(p.limit, l)}.`,
} satisfies Record<string, Msg>;

/** The messages of a card's own fields; the server's refusals are in server-messages.ts. */
type FieldMessages = Record<keyof typeof en, Msg>;
/** Every message of the `validation` domain: the fields' and the server's. */
export type ValidationMessages = FieldMessages & ServerMessages;

const ru: FieldMessages = {
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
  // No final period: the date ends with «г.» already.
  formatMinimum: (p, l) => `Не раньше ${dateWords(p.limit, l)}`,
  formatMaximum: (p, l) => `Не позже ${dateWords(p.limit, l)}`,
  formatExclusiveMinimum: (p, l) => `Позже ${dateWords(p.limit, l)}`,
  formatExclusiveMaximum: (p, l) => `Раньше ${dateWords(p.limit, l)}`,
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    validation: ValidationMessages;
  }
}

/**
 * The catalogues registered up front (the registry holds them, and whatever an app registers).
 * German is loaded when a card in German needs it (`loadTranslations`): a page in another
 * language never downloads it. The package root registers it up front (catalogues.ts). The
 * server's refusals (limits, uploads, publishing) come with the code that can meet them:
 * server-messages.ts, imported by the package root and by card persistence.
 */
export const upFrontFieldMessages: Record<'en' | 'ru', FieldMessages> = { en, ru };
for (const [locale, messages] of Object.entries(upFrontFieldMessages)) registerTranslation(locale, { validation: messages });
registerTranslationLoader('de', () => import('./load-german.js').then((m) => m.german));

export function validationMessage(locale: Locale, keyword: string, params: P): string {
  const all = { ...params, keyword };
  return translate('validation', locale, keyword, all) ?? translate('validation', locale, 'fallback', all)!;
}
