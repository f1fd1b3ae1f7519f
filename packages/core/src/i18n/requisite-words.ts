/**
 * How the `format` messages of the `validation` domain name a Russian requisite and what is wrong
 * with it: from the `requisites` domain (requisite-messages.ts), registered with the requisite
 * checks. Before those are loaded (a schema without requisites) there is nothing to look up.
 */
import { translate, type MessageParams } from '@kartochka/i18n';
import type { Locale } from '../types.js';

/** The sentence for a requisite's problem in `locale`, when the error names one. */
export function requisiteMessage(locale: Locale, p: MessageParams): string | undefined {
  return p.problem === undefined ? undefined : translate('requisites', locale, `${String(p.format)}:${String(p.problem)}`);
}

/** A requisite format's name in `locale` ("ИНН", "an INN"), for "Must be …". */
export function requisiteFormatName(locale: Locale, format: unknown): string | undefined {
  return typeof format === 'string' && format.startsWith('ru-') ? translate('requisites', locale, format) : undefined;
}
