/**
 * What is wrong with a Russian requisite (validation/ru-requisites.ts), per format and problem, in
 * each shipped language, and the requisites' names: the `requisites` domain of the message
 * registry (`ru-inn:length`, `ru-inn`…). The `format` message of the `validation` domain says
 * this instead of "has the wrong format" when the error carries a `problem` (requisite-words.ts).
 * Registered with the requisite checks (validation/requisites-runtime.ts), so a page whose schemas
 * use no requisite never loads these strings.
 */
import { registerTranslation } from '@kartochka/i18n';

type Table = Record<string, string>;

const ru: Table = {
  'ru-inn:length': 'ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо, ИП).',
  'ru-inn:checksum': 'Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.',
  'ru-kpp:length': 'КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры.',
  'ru-ogrn:length': 'ОГРН должен содержать 13 цифр.',
  'ru-ogrn:checksum': 'Неверная контрольная цифра ОГРН: проверьте, нет ли опечатки.',
  'ru-ogrnip:length': 'ОГРНИП должен содержать 15 цифр.',
  'ru-ogrnip:checksum': 'Неверная контрольная цифра ОГРНИП: проверьте, нет ли опечатки.',
  'ru-ogrn-any:length': 'ОГРН должен содержать 13 цифр, ОГРНИП — 15.',
  'ru-ogrn-any:checksum': 'Неверная контрольная цифра ОГРН: проверьте, нет ли опечатки.',
  'ru-bik:length': 'БИК должен содержать 9 цифр.',
  'ru-bik:country': 'БИК российского банка начинается с 04.',
  'ru-account:length': 'Номер счёта должен содержать 20 цифр.',
  'ru-account:checksum': 'Номер счёта не сходится с БИК: проверьте счёт и БИК.',
};

const en: Table = {
  'ru-inn:length': 'An INN has 10 digits (a company) or 12 (a person or sole proprietor).',
  'ru-inn:checksum': 'The INN check digit is wrong: look for a typo.',
  'ru-kpp:length': 'A KPP has 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits.',
  'ru-ogrn:length': 'An OGRN has 13 digits.',
  'ru-ogrn:checksum': 'The OGRN check digit is wrong: look for a typo.',
  'ru-ogrnip:length': 'An OGRNIP has 15 digits.',
  'ru-ogrnip:checksum': 'The OGRNIP check digit is wrong: look for a typo.',
  'ru-ogrn-any:length': 'An OGRN has 13 digits, an OGRNIP 15.',
  'ru-ogrn-any:checksum': 'The OGRN check digit is wrong: look for a typo.',
  'ru-bik:length': 'A BIK has 9 digits.',
  'ru-bik:country': "A Russian bank's BIK begins with 04.",
  'ru-account:length': 'An account number has 20 digits.',
  'ru-account:checksum': 'The account number does not match the BIK: check both.',
};

const de: Table = {
  'ru-inn:length': 'Eine INN hat 10 Ziffern (Unternehmen) oder 12 (Person, Einzelunternehmer).',
  'ru-inn:checksum': 'Die Prüfziffer der INN stimmt nicht: bitte auf Tippfehler prüfen.',
  'ru-kpp:length': 'Ein KPP hat 9 Zeichen: 4 Ziffern, 2 Ziffern oder lateinische Großbuchstaben, 3 Ziffern.',
  'ru-ogrn:length': 'Eine OGRN hat 13 Ziffern.',
  'ru-ogrn:checksum': 'Die Prüfziffer der OGRN stimmt nicht: bitte auf Tippfehler prüfen.',
  'ru-ogrnip:length': 'Eine OGRNIP hat 15 Ziffern.',
  'ru-ogrnip:checksum': 'Die Prüfziffer der OGRNIP stimmt nicht: bitte auf Tippfehler prüfen.',
  'ru-ogrn-any:length': 'Eine OGRN hat 13 Ziffern, eine OGRNIP 15.',
  'ru-ogrn-any:checksum': 'Die Prüfziffer der OGRN stimmt nicht: bitte auf Tippfehler prüfen.',
  'ru-bik:length': 'Eine BIK hat 9 Ziffern.',
  'ru-bik:country': 'Die BIK einer russischen Bank beginnt mit 04.',
  'ru-account:length': 'Eine Kontonummer hat 20 Ziffern.',
  'ru-account:checksum': 'Die Kontonummer passt nicht zur BIK: bitte beide prüfen.',
};

/** The requisite formats' names, for "Must be …" when no problem is known (a server-sent error). */
const names: Record<'ru' | 'en' | 'de', Table> = {
  ru: {
    'ru-inn': 'ИНН',
    'ru-kpp': 'КПП',
    'ru-ogrn': 'ОГРН',
    'ru-ogrnip': 'ОГРНИП',
    'ru-ogrn-any': 'ОГРН или ОГРНИП',
    'ru-bik': 'БИК',
    'ru-account': 'номер банковского счёта',
  },
  en: {
    'ru-inn': 'an INN',
    'ru-kpp': 'a KPP',
    'ru-ogrn': 'an OGRN',
    'ru-ogrnip': 'an OGRNIP',
    'ru-ogrn-any': 'an OGRN or OGRNIP',
    'ru-bik': 'a BIK',
    'ru-account': 'a bank account number',
  },
  de: {
    'ru-inn': 'eine INN',
    'ru-kpp': 'ein KPP',
    'ru-ogrn': 'eine OGRN',
    'ru-ogrnip': 'eine OGRNIP',
    'ru-ogrn-any': 'eine OGRN oder OGRNIP',
    'ru-bik': 'eine BIK',
    'ru-account': 'eine Kontonummer',
  },
};

/** The built-in catalogues of the `requisites` domain: problems (`ru-inn:length`) and names (`ru-inn`). */
export const requisiteMessages: Record<'ru' | 'en' | 'de', Table> = {
  ru: { ...ru, ...names.ru },
  en: { ...en, ...names.en },
  de: { ...de, ...names.de },
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    requisites: Table;
  }
}

/** Registers the built-in catalogues (underneath what an app has registered for the domain already). */
export function registerRequisiteMessages(): void {
  for (const [locale, messages] of Object.entries(requisiteMessages))
    registerTranslation(locale, { requisites: messages }, { underneath: true });
}
