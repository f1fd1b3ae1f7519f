/**
 * The format checks a precompiled validator imports, one named export each, so a bundle carries
 * only the formats its schemas use. ajv's standalone code writes a format given as a RegExp
 * (`email`, `uuid`, `ipv4`, `phone`…) into the validator itself; it imports the others — checks
 * that are functions, and the date and time formats with their `compare` (formatMinimum…) —
 * by name from `@kartochka/core/formats` (precompile.ts, `formatExportName`: `date-time` →
 * `date_time`): these, and Kartochka's `ru-*` formats (requisite-formats.ts).
 *
 * ajv-formats ships one CommonJS object of all its formats, which no bundler can tree-shake
 * (~2.6 KB gzipped on every page). The functions below are its `fullFormats` definitions
 * (ajv-formats 3.0.1, src/formats.ts, MIT, © Evgeny Poberezkin), copied unchanged but for types;
 * format-checks.test.ts checks each against ajv-formats' own on the same inputs. The run-time
 * compiler keeps using ajv-formats itself (compiler.ts).
 */
type Compare = (a: string, b: string) => number | undefined;

function isLeapYear(year: number): boolean {
  // https://tools.ietf.org/html/rfc3339#appendix-C
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function fullDate(str: string): boolean {
  // full-date from http://tools.ietf.org/html/rfc3339#section-5.6
  const matches = DATE.exec(str);
  if (!matches) return false;
  const year = +matches[1]!;
  const month = +matches[2]!;
  const day = +matches[3]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

function compareDate(d1: string, d2: string): number | undefined {
  if (!(d1 && d2)) return undefined;
  if (d1 > d2) return 1;
  if (d1 < d2) return -1;
  return 0;
}

const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;

function getTime(strictTimeZone?: boolean): (str: string) => boolean {
  return function time(str: string): boolean {
    const matches = TIME.exec(str);
    if (!matches) return false;
    const hr = +matches[1]!;
    const min = +matches[2]!;
    const sec = +matches[3]!;
    const tz = matches[4];
    const tzSign = matches[5] === '-' ? -1 : 1;
    const tzH = +(matches[6] || 0);
    const tzM = +(matches[7] || 0);
    if (tzH > 23 || tzM > 59 || (strictTimeZone && !tz)) return false;
    if (hr <= 23 && min <= 59 && sec < 60) return true;
    // leap second
    const utcMin = min - tzM * tzSign;
    const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
    return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
  };
}

function compareTime(s1: string, s2: string): number | undefined {
  if (!(s1 && s2)) return undefined;
  const t1 = new Date('2020-01-01T' + s1).valueOf();
  const t2 = new Date('2020-01-01T' + s2).valueOf();
  if (!(t1 && t2)) return undefined;
  return t1 - t2;
}

function compareIsoTime(t1: string, t2: string): number | undefined {
  if (!(t1 && t2)) return undefined;
  const a1 = TIME.exec(t1);
  const a2 = TIME.exec(t2);
  if (!(a1 && a2)) return undefined;
  t1 = a1[1]! + a1[2]! + a1[3]!;
  t2 = a2[1]! + a2[2]! + a2[3]!;
  if (t1 > t2) return 1;
  if (t1 < t2) return -1;
  return 0;
}

const DATE_TIME_SEPARATOR = /t|\s/i;
function getDateTime(strictTimeZone?: boolean): (str: string) => boolean {
  const time = getTime(strictTimeZone);
  return function date_time(str: string): boolean {
    // http://tools.ietf.org/html/rfc3339#section-5.6
    const dateTime = str.split(DATE_TIME_SEPARATOR);
    return dateTime.length === 2 && fullDate(dateTime[0]!) && time(dateTime[1]!);
  };
}

function compareDateTime(dt1: string, dt2: string): number | undefined {
  if (!(dt1 && dt2)) return undefined;
  const d1 = new Date(dt1).valueOf();
  const d2 = new Date(dt2).valueOf();
  if (!(d1 && d2)) return undefined;
  return d1 - d2;
}

function compareIsoDateTime(dt1: string, dt2: string): number | undefined {
  if (!(dt1 && dt2)) return undefined;
  const [d1, t1] = dt1.split(DATE_TIME_SEPARATOR);
  const [d2, t2] = dt2.split(DATE_TIME_SEPARATOR);
  const res = compareDate(d1!, d2!);
  if (res === undefined) return undefined;
  return res || compareTime(t1!, t2!);
}

const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/gm;

const MIN_INT32 = -(2 ** 31);
const MAX_INT32 = 2 ** 31 - 1;

const Z_ANCHOR = /[^\\]\\Z/;

const withCompare = (validate: (s: string) => boolean, compare: Compare) => ({ validate, compare });

// ajv-formats' fullFormats: the formats that are not plain RegExps (those ajv writes inline).
export const date = /*#__PURE__*/ withCompare(fullDate, compareDate);
export const time = /*#__PURE__*/ withCompare(/*#__PURE__*/ getTime(true), compareTime);
export const date_time = /*#__PURE__*/ withCompare(/*#__PURE__*/ getDateTime(true), compareDateTime);
export const iso_time = /*#__PURE__*/ withCompare(/*#__PURE__*/ getTime(), compareIsoTime);
export const iso_date_time = /*#__PURE__*/ withCompare(/*#__PURE__*/ getDateTime(), compareIsoDateTime);

export function uri(str: string): boolean {
  // http://jmrware.com/articles/2009/uri_regexp/URI_regex.html + optional protocol + required "."
  return NOT_URI_FRAGMENT.test(str) && URI.test(str);
}

export function regex(str: string): boolean {
  if (Z_ANCHOR.test(str)) return false;
  try {
    new RegExp(str);
    return true;
  } catch {
    return false;
  }
}

export function byte(str: string): boolean {
  BYTE.lastIndex = 0;
  return BYTE.test(str);
}

export const int32 = {
  type: 'number',
  validate: (value: number): boolean => Number.isInteger(value) && value <= MAX_INT32 && value >= MIN_INT32,
};
// JSON and javascript max Int is 2**53, so any int that passes isInteger is valid for Int64
export const int64 = { type: 'number', validate: (value: number): boolean => Number.isInteger(value) };
const validateNumber = (): boolean => true;
export const float = { type: 'number', validate: validateNumber };
export const double = { type: 'number', validate: validateNumber };
