/**
 * A date or date-time limit from a schema (`formatMinimum: "2026-01-15"`) as the user's language
 * writes it — «15 янв. 2026 г.», "Jan 15, 2026" — so a message never shows the ISO code. Anything
 * that is not such a value is returned as it is.
 */
import type { Locale } from '../types.js';

export function dateWords(value: unknown, locale: Locale): string {
  const text = String(value);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return text;
  const at = new Date(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) return text;
  try {
    return new Intl.DateTimeFormat(
      locale,
      day ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short' },
    ).format(at);
  } catch {
    return text;
  }
}
