/**
 * Export of a list of cards — the list's current filters and search, or any records — to CSV, XLSX
 * or JSON, with values as words (option labels, dates, yes/no; titles in the card's language: the
 * file reads like the card and imports back) or as stored (pointers and codes, for other programs).
 * CSV is UTF-8 with a BOM and `;` for Russian (what Excel opens without asking), `,` otherwise.
 */
import { importFields, type ImportField, type JsonSchema, type JsonValue, type Locale, type MessageCatalogue } from '@kartochka/core';
import { getAt, listItemOf } from '@kartochka/core/internal';
import type { CardRecord, ListQuery, StorageAdapter } from '@kartochka/storage';
import { FieldLabels, formatInstant } from '../history/format.js';
import { imt } from './messages.js';
import { xlsxBytes } from './read-table.js';
import { yieldToPage } from './plan-table.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

export interface ExportOptions {
  format: ExportFormat;
  /** `labels`: words and field titles (default); `raw`: stored values under their pointers. */
  values?: 'labels' | 'raw';
  schema: JsonSchema;
  messages?: MessageCatalogue;
  locale?: Locale;
  /** The fields to export (pointers); default every importable field that holds a value in some card. */
  fields?: string[];
  /** CSV separator; default `;` for Russian, `,` otherwise. */
  separator?: string;
}

type Row = (string | number | boolean | null)[];

const pad = (n: number) => String(n).padStart(2, '0');

function wordsOf(field: ImportField, v: JsonValue | undefined, labels: FieldLabels, locale: Locale): string | number | null {
  if (v === undefined || v === null || v === '') return null;
  if (field.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return locale === 'ru' ? `${v.slice(8, 10)}.${v.slice(5, 7)}.${v.slice(0, 4)}` : v;
  if ((field.kind === 'number' || field.kind === 'integer') && typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x, i) => labels.value(`${field.pointer}/${i}`, x)).join('; ');
  return labels.value(field.pointer, v);
}

function rawOf(v: JsonValue | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.join('; ');
  return JSON.stringify(v);
}

/** A field's value in a card; for a list's first item, every item's (joined with `; ` in the file, as the import splits them). */
function valuesOf(data: unknown, field: ImportField): JsonValue[] {
  const item = listItemOf(field.pointer);
  if (!item) {
    const v = getAt(data, field.pointer);
    return v === undefined || v === null || v === '' ? [] : [v];
  }
  const list = getAt(data, item.list);
  if (!Array.isArray(list)) return [];
  return list
    .map((_, i) => getAt(data, `${item.list}/${i}${item.rest}`))
    .filter((v): v is JsonValue => v !== undefined && v !== null && v !== '');
}

function cellOf(data: unknown, field: ImportField, raw: boolean, labels: FieldLabels, locale: Locale): string | number | boolean | null {
  const values = valuesOf(data, field);
  if (!values.length) return null;
  const one = (v: JsonValue) => (raw ? rawOf(v) : wordsOf(field, v, labels, locale));
  return values.length === 1 ? one(values[0]) : values.map((v) => String(one(v))).join('; ');
}

/** The table of `records`: a header row, then one row per card (its id, name, fields, last change). */
export async function exportRows(records: readonly CardRecord[], o: ExportOptions): Promise<Row[]> {
  const locale = o.locale ?? 'en';
  const all = importFields(o.schema, o.messages);
  const chosen = o.fields
    ? all.filter((f) => o.fields!.includes(f.pointer))
    : all.filter((f) => records.some((r) => valuesOf(r.data, f).some((v) => !(Array.isArray(v) && !v.length))));
  const labels = new FieldLabels(o.schema, o.messages, locale);
  const raw = o.values === 'raw';
  const rows: Row[] = [
    [
      raw ? 'id' : imt(locale, 'exportId'),
      raw ? 'title' : imt(locale, 'exportTitle'),
      ...chosen.map((f) => (raw ? f.pointer : (f.labels[locale] ?? f.labels.en ?? Object.values(f.labels)[0] ?? f.pointer))),
      raw ? 'updatedAt' : imt(locale, 'exportUpdated'),
    ],
  ];
  let deadline = performance.now() + 8;
  for (const r of records) {
    rows.push([
      r.id,
      r.title,
      ...chosen.map((f) => cellOf(r.data, f, raw, labels, locale)),
      raw ? r.updatedAt : formatInstant(r.updatedAt, locale),
    ]);
    if (performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + 8;
    }
  }
  return rows;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
};

/** A file of `records` in the chosen format. */
export async function exportCards(records: readonly CardRecord[], o: ExportOptions): Promise<Blob> {
  const locale = o.locale ?? 'en';
  if (o.format === 'json') {
    if (o.values === 'raw')
      return new Blob(
        [
          JSON.stringify(
            records.map(({ id, schemaId, schemaVersion, revision, title, data, createdAt, updatedAt }) => ({
              id,
              schemaId,
              schemaVersion,
              revision,
              title,
              createdAt,
              updatedAt,
              data,
            })),
            null,
            2,
          ),
        ],
        { type: MIME.json },
      );
    const [header, ...body] = await exportRows(records, o);
    return new Blob(
      [
        JSON.stringify(
          body.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]]).filter(([, v]) => v !== null))),
          null,
          2,
        ),
      ],
      { type: MIME.json },
    );
  }
  const rows = await exportRows(records, o);
  if (o.format === 'xlsx') return new Blob([(await xlsxBytes(rows, 'Cards')) as Uint8Array<ArrayBuffer>], { type: MIME.xlsx });
  const { default: Papa } = await import('papaparse');
  const text = Papa.unparse(rows as unknown[][], { delimiter: o.separator ?? (locale === 'ru' ? ';' : ','), newline: '\r\n' });
  return new Blob(['\ufeff', text, '\r\n'], { type: MIME.csv });
}

/** Every card a list query matches (its paging dropped), read page by page. */
export async function listAll(storage: StorageAdapter, query: ListQuery = {}): Promise<CardRecord[]> {
  const { offset: _o, limit: _l, ...rest } = query;
  const out: CardRecord[] = [];
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const { items, total } = await storage.list({ ...rest, offset, limit: page });
    out.push(...items);
    if (!items.length || out.length >= total) break;
  }
  return out;
}

/** The cards of a list query exported: `{blob, count, filename}` (`cards-2026-12-02.csv`). */
export async function exportList(
  storage: StorageAdapter,
  query: ListQuery,
  o: ExportOptions & { name?: string },
): Promise<{ blob: Blob; count: number; filename: string }> {
  const records = await listAll(storage, query);
  const blob = await exportCards(records, o);
  const d = new Date();
  return {
    blob,
    count: records.length,
    filename: `${o.name ?? 'cards'}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${o.format}`,
  };
}

/** Offers `blob` as a download named `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
