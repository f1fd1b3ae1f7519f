/**
 * Reminders as an iCalendar file (RFC 5545): one all-day VEVENT per reminder, which any calendar
 * (Outlook, Google, Apple, Thunderbird) imports.
 */
import type { Locale } from '../types.js';
import type { Reminder } from './due.js';
import { localize } from '../layout/localize.js';
import { addDays, parseIsoDate, formatIsoDate } from './dates.js';
import { roleLabel } from '../i18n/roles.js';

export interface ICalendarOptions {
  /** Language of SUMMARY and DESCRIPTION. Default `en`. */
  locale?: Locale;
  /** DTSTAMP of every event (the file's creation time); default now. Fixed in tests. */
  now?: Date;
  /** Product id (PRODID); default `-//Kartochka//Reminders//RU` or `//EN`. */
  prodId?: string;
  /** Calendar name shown by clients (X-WR-CALNAME). */
  calendarName?: string;
  /** Domain after `@` in UIDs; default `kartochka.invalid`. */
  uidDomain?: string;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1): continuation
 * lines start with one space. Splits only between characters, never inside a UTF-8 sequence or a
 * surrogate pair, so Cyrillic text survives.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(CRLF + ' ');
}

const basicDate = (iso: string) => iso.replace(/-/g, '');
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A stable UID per card, field and occurrence, so re-importing updates instead of duplicating. */
function uid(r: Reminder, domain: string): string {
  // FNV-1a over the key: short, deterministic, and free of characters that need escaping.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of `${r.recordId}\u0000${r.pointer}\u0000${r.eventDate}\u0000${r.dueDate}`) {
    const c = ch.codePointAt(0)!;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `kc-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}@${domain}`;
}

/** The reminders as an RFC 5545 `.ics` text with CRLF line endings. */
export function toICalendar(reminders: readonly Reminder[], options: ICalendarOptions = {}): string {
  const locale = options.locale ?? 'en';
  const stamp = utcStamp(options.now ?? new Date());
  const domain = options.uidDomain ?? 'kartochka.invalid';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? `-//Kartochka//Reminders//${locale.toUpperCase()}`}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  const words =
    locale === 'ru' ? { event: 'Дата события', who: 'Кому', card: 'Карточка' } : { event: 'Event date', who: 'For', card: 'Card' };
  for (const r of reminders) {
    const due = parseIsoDate(r.dueDate);
    if (!due) throw new RangeError(`Reminder of "${r.recordId}" at "${r.pointer}" has an invalid dueDate "${r.dueDate}".`);
    const description = [
      `${words.event}: ${r.eventDate}`,
      r.who ? `${words.who}: ${r.whoIsRole ? roleLabel(locale, r.who) : r.who}` : '',
      r.recordTitle ? `${words.card}: ${r.recordTitle}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(r, domain)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(r.dueDate)}`,
      // An all-day event ends (exclusively) on the next day.
      `DTEND;VALUE=DATE:${basicDate(formatIsoDate(addDays(due, 1)))}`,
      `SUMMARY:${escapeText(localize(r.title, locale) ?? '')}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
