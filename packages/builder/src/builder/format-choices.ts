/**
 * The formats the builder offers for a text field, each under a name a card designer understands
 * ("ИНН", "Email address"), not its JSON Schema code. The Russian requisites (`ru-*`) are checked
 * with their check digits (core's validation/ru-requisites.ts, docs/schema.md "Formats").
 */
import type { Locale } from '@kartochka/core';

export const FORMAT_CHOICES = [
  'email',
  'uri',
  'phone',
  'date',
  'date-time',
  'time',
  'uuid',
  'ipv4',
  'ru-inn',
  'ru-kpp',
  'ru-ogrn',
  'ru-ogrnip',
  'ru-ogrn-any',
  'ru-bik',
  'ru-account',
] as const;

const NAMES: Record<'en' | 'ru' | 'de', Record<(typeof FORMAT_CHOICES)[number], string>> = {
  en: {
    email: 'Email address',
    uri: 'Web address (URL)',
    phone: 'Phone number',
    date: 'Date',
    'date-time': 'Date and time',
    time: 'Time',
    uuid: 'UUID',
    ipv4: 'IPv4 address',
    'ru-inn': 'INN (Russian taxpayer number)',
    'ru-kpp': 'KPP (tax registration reason code)',
    'ru-ogrn': 'OGRN (company registration number)',
    'ru-ogrnip': 'OGRNIP (sole proprietor registration number)',
    'ru-ogrn-any': 'OGRN or OGRNIP',
    'ru-bik': 'BIK (Russian bank code)',
    'ru-account': 'Russian bank account number',
  },
  ru: {
    email: 'Адрес электронной почты',
    uri: 'Веб-адрес (URL)',
    phone: 'Номер телефона',
    date: 'Дата',
    'date-time': 'Дата и время',
    time: 'Время',
    uuid: 'UUID',
    ipv4: 'IPv4-адрес',
    'ru-inn': 'ИНН',
    'ru-kpp': 'КПП',
    'ru-ogrn': 'ОГРН (организации)',
    'ru-ogrnip': 'ОГРНИП (индивидуального предпринимателя)',
    'ru-ogrn-any': 'ОГРН или ОГРНИП',
    'ru-bik': 'БИК',
    'ru-account': 'Номер банковского счёта',
  },
  de: {
    email: 'E-Mail-Adresse',
    uri: 'Webadresse (URL)',
    phone: 'Telefonnummer',
    date: 'Datum',
    'date-time': 'Datum und Uhrzeit',
    time: 'Uhrzeit',
    uuid: 'UUID',
    ipv4: 'IPv4-Adresse',
    'ru-inn': 'INN (russische Steuernummer)',
    'ru-kpp': 'KPP (russischer Steuer-Registrierungscode)',
    'ru-ogrn': 'OGRN (Registernummer eines Unternehmens)',
    'ru-ogrnip': 'OGRNIP (Registernummer eines Einzelunternehmers)',
    'ru-ogrn-any': 'OGRN oder OGRNIP',
    'ru-bik': 'BIK (russische Bankleitzahl)',
    'ru-account': 'Russische Kontonummer',
  },
};

/** Formats only a technical admin needs: offered under "Technical formats", apart from the everyday ones. */
export const TECHNICAL_FORMATS: ReadonlySet<string> = new Set(['uri', 'uuid', 'ipv4']);

/** A format's name in `locale` (English for other languages), or the code itself for one not offered here. */
export function formatName(locale: Locale, format: string): string {
  const table = NAMES[(locale in NAMES ? locale : 'en') as keyof typeof NAMES] as Record<string, string>;
  return table[format] ?? format;
}

/** The choices for a field: ours, plus the field's own format when a schema brought another one (kept, not lost). */
export function formatChoices(current: unknown): readonly string[] {
  return typeof current === 'string' && current && !(FORMAT_CHOICES as readonly string[]).includes(current)
    ? [...FORMAT_CHOICES, current]
    : FORMAT_CHOICES;
}
