/**
 * Calendar dates without time zones. A reminder is about a day on the calendar ("the contract
 * ends on 30 April"), not an instant, so all arithmetic runs on day numbers (days since
 * 1970-01-01 in the proleptic Gregorian calendar) and never on `Date` instants, which shift by a
 * day across time zones and daylight-saving changes.
 */

/** A calendar date. `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/**
 * `YYYY-MM-DD` (or the date part of a date-time, as written: `2026-03-01T23:30:00-05:00` is
 * 1 March) → a date; `undefined` for anything else, including impossible dates (`2025-02-29`).
 */
export function parseIsoDate(value: unknown): CivilDate | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month)) return undefined;
  return d;
}

export function formatIsoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01. `Date.UTC` is pure calendar arithmetic: no time zone is involved. */
export function toDayNumber(d: CivilDate): number {
  const t = new Date(0);
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  return Math.round(t.getTime() / 86_400_000);
}

export function fromDayNumber(n: number): CivilDate {
  const t = new Date(n * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** `d` plus `days` (negative to go back), across month and year ends and leap days. */
export function addDays(d: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(d) + days);
}

/** The same day and month in `year`; 29 February becomes 28 February in a common year. */
export function inYear(d: CivilDate, year: number): CivilDate {
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

/**
 * The calendar date of an instant as seen in `timeZone` (an IANA name such as `Europe/Moscow`;
 * the runtime's own zone when omitted). A `YYYY-MM-DD` string is taken as that date.
 */
export function calendarDate(at: Date | string, timeZone?: string): CivilDate {
  if (typeof at === 'string') {
    const d = parseIsoDate(at);
    if (!d) throw new RangeError(`Not a calendar date: "${at}". Pass a Date or "YYYY-MM-DD".`);
    return d;
  }
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid Date passed as a reminder period bound.');
  if (!timeZone) return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: n('year'), month: n('month'), day: n('day') };
}
