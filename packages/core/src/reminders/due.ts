/** Which reminders fall due in a period, for a set of cards. */
import type { JsonValue } from '../types.js';
import { expandTemplate, getAt } from '../pointer.js';
import { resolveRelative } from '../rules/relative.js';
import type { ReminderSpec, ReminderText } from './collect.js';
import { calendarDate, formatIsoDate, inYear, parseIsoDate, toDayNumber, fromDayNumber, type CivilDate } from './dates.js';

/** What `dueReminders` needs of a card: a storage `CardRecord` fits. */
export interface ReminderRecord {
  id: string;
  title?: string;
  data: unknown;
}

/** The period to look at, inclusive at both ends, in calendar dates. */
export interface ReminderPeriod {
  /** First day: a `Date` (its calendar date in `timeZone`) or `YYYY-MM-DD`. */
  from: Date | string;
  /** Last day, included. */
  to: Date | string;
  /** IANA zone the `Date` bounds are read in; default the runtime's. Ignored for string bounds. */
  timeZone?: string;
}

/** One reminder due in the period. */
export interface Reminder {
  recordId: string;
  recordTitle: string;
  /** The concrete pointer of the date field (`/roles/people/1/birthday`). */
  pointer: string;
  /** Its template (`/roles/people/*\/birthday`): the key for labels. */
  template: string;
  /** The day to remind, `YYYY-MM-DD`. */
  dueDate: string;
  /** The day of the event itself (this year's birthday, the contract's end), `YYYY-MM-DD`. */
  eventDate: string;
  /** Who is reminded (a role name or the value found at the `who` pointer), when known. */
  who?: string;
  /** `who` is a role's code (worded with roleLabel), not a value read from the card (a person's name). */
  whoIsRole?: boolean;
  /** The reminder's text in Russian and English, placeholders filled. */
  title: { ru: string; en: string };
  repeat?: 'yearly';
}

const DEFAULT_TITLE = { ru: 'Напоминание: {record}', en: 'Reminder: {record}' };

/**
 * The reminders due between `period.from` and `period.to` (inclusive), sorted by due date, then
 * card, then pointer. Each date field named by a spec is visited in every card, and in every item
 * of the arrays its template crosses (`/roles/people/*\/birthday`). Empty or invalid dates are
 * skipped. Yearly dates recur from their own year on; 29 February falls on 28 February in common
 * years. All arithmetic is on calendar dates, so time zones and daylight saving can't shift a day.
 */
export function dueReminders(records: readonly ReminderRecord[], specs: readonly ReminderSpec[], period: ReminderPeriod): Reminder[] {
  const from = toDayNumber(calendarDate(period.from, period.timeZone));
  const to = toDayNumber(calendarDate(period.to, period.timeZone));
  const out: Reminder[] = [];
  for (const record of records) {
    for (const spec of specs) {
      for (const { pointer, value } of expandTemplate(record.data, spec.template, { present: true })) {
        const event = parseIsoDate(value);
        if (!event) continue;
        const offset = offsetOf(record.data, pointer, spec);
        for (const occurrence of occurrences(event, spec.repeat, from - offset, to - offset)) {
          const due = toDayNumber(occurrence) + offset;
          if (due < from || due > to) continue;
          out.push(build(record, spec, pointer, occurrence, fromDayNumber(due)));
        }
      }
    }
  }
  return out.sort(
    (a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.recordId, b.recordId) || cmp(a.pointer, b.pointer) || cmp(a.eventDate, b.eventDate),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The event's dates whose day numbers lie in [lo, hi]. */
function occurrences(event: CivilDate, repeat: 'yearly' | undefined, lo: number, hi: number): CivilDate[] {
  if (repeat !== 'yearly') return [event];
  const out: CivilDate[] = [];
  const first = Math.max(event.year, fromDayNumber(lo).year);
  const last = fromDayNumber(hi).year;
  for (let y = first; y <= last; y++) {
    const d = inYear(event, y);
    const n = toDayNumber(d);
    if (n >= lo && n <= hi) out.push(d);
  }
  return out;
}

function offsetOf(data: unknown, at: string, spec: ReminderSpec): number {
  if (spec.offsetFrom !== undefined) {
    const v = read(data, at, spec.offsetFrom);
    if (typeof v === 'number' && Number.isFinite(v)) return -Math.trunc(v);
  }
  return spec.offsetDays ?? 0;
}

function build(record: ReminderRecord, spec: ReminderSpec, pointer: string, event: CivilDate, due: CivilDate): Reminder {
  const recordTitle = record.title ?? '';
  const r: Reminder = {
    recordId: record.id,
    recordTitle,
    pointer,
    template: spec.template,
    dueDate: formatIsoDate(due),
    eventDate: formatIsoDate(event),
    title: texts(spec.title, (s) => fill(s, record, pointer)),
  };
  if (spec.who !== undefined) {
    const who = isPointer(spec.who) ? read(record.data, pointer, spec.who) : spec.who;
    if (typeof who === 'string' && who !== '') r.who = who;
    else if (typeof who === 'number') r.who = String(who);
    if (r.who !== undefined && !isPointer(spec.who)) r.whoIsRole = true;
  }
  if (spec.repeat) r.repeat = spec.repeat;
  return r;
}

function texts(t: ReminderText | undefined, f: (s: string) => string): { ru: string; en: string } {
  if (typeof t === 'string') return { ru: f(t), en: f(t) };
  const ru = t?.ru ?? t?.en ?? DEFAULT_TITLE.ru;
  const en = t?.en ?? t?.ru ?? DEFAULT_TITLE.en;
  return { ru: f(ru), en: f(en) };
}

/** `{record}` → the card's title; `{/a/b}` and `{1/name}` → values from the data. */
function fill(s: string, record: ReminderRecord, at: string): string {
  return s.replace(/\{([^{}]*)\}/g, (m, key: string) => {
    if (key === 'record') return record.title ?? '';
    if (!isPointer(key)) return m;
    const v = read(record.data, at, key);
    return v === undefined || v === null || typeof v === 'object' ? '' : String(v);
  });
}

const isPointer = (s: string) => s.startsWith('/') || /^\d+(\/|$)/.test(s);

/** Reads an absolute pointer, or a relative one (`1/fullName`) from `at` (resolved as the rules resolve it). */
function read(data: unknown, at: string, pointer: string): JsonValue | undefined {
  if (pointer.startsWith('/')) return getAt(data, pointer);
  const r = resolveRelative(pointer, at);
  return r && 'pointer' in r ? getAt(data, r.pointer) : undefined;
}
