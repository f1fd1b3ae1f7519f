/**
 * Calendar dates (JSON Schema `format: "date"`, stored as ISO `YYYY-MM-DD`) shown and typed in the
 * card's language: 28.02.1990 in Russian and German, 02/28/1990 in English — never in the
 * browser's. The order of day, month and year comes from Intl, so a language added to the
 * catalogue gets its own order too.
 */
import { dateTimeFormat } from './intl.js';

const NUMERIC: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `{y, m, d}` of an ISO date when it names a real day, else undefined. */
export function isoParts(iso: unknown): { y: number; m: number; d: number } | undefined {
  const match = typeof iso === 'string' ? ISO.exec(iso) : null;
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? { y, m, d } : undefined;
}

export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type DatePart = 'day' | 'month' | 'year';

/**
 * The numeric date of the catalogue's own languages, exactly as Intl writes it (dates.browser.test
 * checks them against Intl): a card's first paint then creates no `Intl.DateTimeFormat`, whose
 * first construction loads the page's ICU date data (~15–50 ms, before any field could paint).
 * Other tags (en-GB, a language added to the catalogue) ask Intl.
 */
export const KNOWN_DATE_PATTERNS: Readonly<Record<string, { order: readonly DatePart[]; separator: string }>> = {
  en: { order: ['month', 'day', 'year'], separator: '/' },
  ru: { order: ['day', 'month', 'year'], separator: '.' },
  de: { order: ['day', 'month', 'year'], separator: '.' },
};
const known = (locale: string) =>
  Object.prototype.hasOwnProperty.call(KNOWN_DATE_PATTERNS, locale) ? KNOWN_DATE_PATTERNS[locale] : undefined;

/** The order of the parts in `locale`'s numeric date, e.g. ['day', 'month', 'year']. */
export function dateOrder(locale: string): DatePart[] {
  const k = known(locale);
  if (k) return [...k.order];
  return dateTimeFormat(locale, NUMERIC)
    .formatToParts(new Date(Date.UTC(2001, 10, 22)))
    .map((p) => p.type)
    .filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
}

/** The mark between the parts of `locale`'s numeric date ('.' or '/'). */
export function dateSeparator(locale: string): string {
  const k = known(locale);
  if (k) return k.separator;
  return (
    dateTimeFormat(locale, NUMERIC)
      .formatToParts(new Date(Date.UTC(2001, 10, 22)))
      .find((p) => p.type === 'literal')?.value ?? '.'
  );
}

/** An ISO date as the card's language writes it (28.02.1990); any other text is shown as it is. */
export function formatIsoDate(value: unknown, locale: string): string {
  if (value === undefined || value === null) return '';
  const p = isoParts(value);
  if (!p) return String(value);
  const k = known(locale);
  if (k && p.y >= 1000) {
    const text = { day: String(p.d).padStart(2, '0'), month: String(p.m).padStart(2, '0'), year: String(p.y) };
    return k.order.map((part) => text[part]).join(k.separator);
  }
  return dateTimeFormat(locale, NUMERIC).format(new Date(Date.UTC(p.y, p.m - 1, p.d)));
}

/**
 * The ISO date for typed text in the card's language (28.2.1990, 28.02.90, 28 02 1990) or in ISO
 * (1990-02-28, as pasted); undefined when it names no real day. Two-digit years are 19xx above
 * the current year's last two digits + 10, else 20xx.
 */
export function parseLocaleDate(text: string, locale: string): string | undefined {
  const t = text.trim();
  if (isoParts(t)) return t;
  const nums = t.split(/[^\d]+/).filter(Boolean);
  if (nums.length !== 3 || nums.some((n) => n.length > 4)) return undefined;
  const order = dateOrder(locale);
  const at = (k: DatePart) => nums[order.indexOf(k)];
  let y = Number(at('year'));
  if (at('year').length <= 2) {
    const now = new Date().getFullYear();
    y += y > (now % 100) + 10 ? 1900 : 2000;
  }
  const iso = toIso(y, Number(at('month')), Number(at('day')));
  return isoParts(iso) ? iso : undefined;
}

/** The day the week starts on in `locale` (1 = Monday … 7 = Sunday), from Intl where it says. */
export function firstDayOfWeek(locale: string): number {
  const l = new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
  const info = l.getWeekInfo?.() ?? l.weekInfo;
  return info?.firstDay ?? (l.language === 'en' ? 7 : 1);
}
