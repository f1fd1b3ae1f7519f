/**
 * A table cell → a field's value, by the field's kind: Russian and ISO dates (and Excel's dates),
 * numbers with a decimal comma and spaces between thousands, yes/no in Russian and English, options
 * by their label in any language of the card, lists split on `;` or `,`, phone numbers normalised.
 * A cell that cannot be read is an error with a code (the UI words it), never a guess.
 */
import type { JsonValue } from '../types.js';
import type { ImportField } from './fields.js';
import { foldCase } from '../fold.js';

/** What a parser hands over for one cell: text (CSV), or a number, boolean or ISO date string (XLSX). */
export type Cell = string | number | boolean | null | undefined;

/** Why a cell was not read. */
export type ConvertErrorCode = 'notANumber' | 'notAnInteger' | 'notADate' | 'notABoolean' | 'notAnOption' | 'notAPhone';

export type Converted = { value: JsonValue } | { empty: true } | { error: ConvertErrorCode; text: string };

/** Lower case, `ё` as `е`, runs of spaces and punctuation as one space: how labels and headers compare. */
export function foldLabel(text: string): string {
  return foldCase(text)
    .replace(/[\s\u00a0_.,:;()«»"'*\-–—/\\›>|]+/g, ' ')
    .trim();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const MONTHS: Record<string, number> = {};
['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'].forEach(
  (m, i) => (MONTHS[m] = i + 1),
);
['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((m, i) => (MONTHS[m] = i + 1));

function monthOf(word: string): number | undefined {
  const w = foldCase(word);
  if (w.length >= 3 && MONTHS[w.slice(0, 3)] && /^[a-z]/.test(w)) return MONTHS[w.slice(0, 3)];
  // «мая», «марта»: the longest Russian stem that starts the word.
  const stem = Object.keys(MONTHS)
    .filter((k) => /^[а-я]/.test(k) && w.startsWith(k))
    .sort((a, b) => b.length - a.length)[0];
  return stem ? MONTHS[stem] : undefined;
}

/** Days since 1899-12-30: how spreadsheets count dates. */
function fromSerial(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(n) * 86400000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `31.12.2025`, `31/12/25`, `2025-12-31`, `2025-12-31T…`, `31 декабря 2025 г.`, `Dec 31, 2025`, a spreadsheet serial. */
export function parseDate(cell: Cell): string | undefined {
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell !== 'string') return undefined;
  const s = cell.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return validDate(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:\s*г\.?)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? (+m[3] < 50 ? 2000 + +m[3] : 1900 + +m[3]) : +m[3];
    return validDate(y, +m[2], +m[1]);
  }
  m = /^(\d{1,2})\s+([A-Za-zА-Яа-яЁё]+)\.?,?\s+(\d{4})(?:\s*(?:г\.?|года))?$/.exec(s);
  if (m && monthOf(m[2])) return validDate(+m[3], monthOf(m[2])!, +m[1]);
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && monthOf(m[1])) return validDate(+m[3], monthOf(m[1])!, +m[2]);
  if (/^\d+(\.\d+)?$/.test(s) && +s > 20000 && +s < 80000) return fromSerial(+s);
  return undefined;
}

/**
 * `1 234 567,89`, `1234.5`, `1,234.50`, `12,5 %`, `−3`: spaces (also non-breaking and thin) and
 * apostrophes group thousands; with both marks the last one is the decimal mark; a lone comma is one.
 */
export function parseNumber(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  let s = cell
    .trim()
    .replace(/[\s\u00a0\u202f\u2009']/g, '')
    .replace(/^[−–]/, '-')
    .replace(/%$/, '')
    .replace(/(руб|₽|р\.?|\$|€|rub|usd|eur)$/i, '');
  if (!s) return undefined;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) s = s.match(/,/g)!.length > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', 'истина', '1', '+', 'x', '✓', 'есть', 'on']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', 'ложь', '0', '-', '—', 'off']);

/**
 * A phone number as `+7 XXX XXX-XX-XX` for Russian numbers (`8 (495) …`, `+7…`, ten digits), else
 * its digits with the `+` kept; text that is not a phone number (letters, extensions) is undefined.
 */
export function normalizePhone(cell: Cell): string | undefined {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (!text || /[^\d\s()+\-.]/.test(text)) return undefined;
  const plus = text.startsWith('+');
  let digits = text.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 15) return undefined;
  if (!plus && digits.length === 11 && digits[0] === '8') digits = '7' + digits.slice(1);
  if (!plus && digits.length === 10 && /^[3489]/.test(digits)) digits = '7' + digits;
  if (digits.length === 11 && digits[0] === '7')
    return `+7 ${digits.slice(1, 4)} ${digits.slice(4, 7)}-${digits.slice(7, 9)}-${digits.slice(9)}`;
  return (plus || digits.length > 10 ? '+' : '') + digits;
}

function option(field: ImportField, text: string): JsonValue | undefined {
  const want = foldLabel(text);
  for (const o of field.options ?? []) if (o.labels.some((l) => foldLabel(l) === want)) return o.value;
  return undefined;
}

const LIST_SPLIT = /\s*[;\n]\s*|\s*,\s+|\s*,(?=\S)/;

/** The value of `cell` for `field`. Empty cells (and cells of spaces) are `{empty: true}`. */
export function convertCell(cell: Cell, field: ImportField): Converted {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { empty: true };
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = parseNumber(cell);
      if (n === undefined) return { error: 'notANumber', text };
      if (field.kind === 'integer' && !Number.isInteger(n)) return { error: 'notAnInteger', text };
      return { value: n };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const t = foldLabel(text);
      if (YES.has(t) || YES.has(text)) return { value: true };
      if (NO.has(t) || NO.has(text)) return { value: false };
      return { error: 'notABoolean', text };
    }
    case 'date': {
      const d = parseDate(cell);
      return d ? { value: d } : { error: 'notADate', text };
    }
    case 'date-time': {
      if (typeof cell === 'string' && !Number.isNaN(Date.parse(text)) && /^\d{4}-/.test(text))
        return { value: new Date(text).toISOString() };
      const d = parseDate(cell);
      return d ? { value: `${d}T00:00:00.000Z` } : { error: 'notADate', text };
    }
    case 'phone': {
      const p = normalizePhone(cell);
      return p ? { value: p } : { error: 'notAPhone', text };
    }
    case 'email':
      return { value: text.replace(/^mailto:/i, '') };
    case 'enum': {
      const v = option(field, text);
      return v === undefined ? { error: 'notAnOption', text } : { value: v };
    }
    case 'enum-list': {
      const parts = text.split(LIST_SPLIT).filter(Boolean);
      const values: JsonValue[] = [];
      for (const p of parts) {
        const v = option(field, p);
        if (v === undefined) return { error: 'notAnOption', text: p };
        if (!values.includes(v)) values.push(v);
      }
      return { value: values };
    }
    case 'string-list':
      return { value: [...new Set(text.split(/\s*[;\n]\s*/).filter(Boolean))] };
    default:
      return { value: typeof cell === 'string' ? text : String(cell) };
  }
}
