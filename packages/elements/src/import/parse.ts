/**
 * A file → rows of cells. CSV: the encoding is found (a UTF-8 BOM, else UTF-8 when the bytes are
 * valid UTF-8, else Windows-1251, as Excel saves CSV on Russian Windows) and the separator guessed
 * by papaparse (`;` from Russian Excel, `,`, tab). XLSX: the first sheet read with exceljs; merged
 * cells read as their first cell (so a header spanning columns names each of them), dates as ISO,
 * formulas as their results. Runs in the import worker (table-worker.ts), or in the page when
 * workers are not available.
 */
import type { Cell } from '@kartochka/core';
import { loadExcelJs } from './excel.js';

export interface ParsedTable {
  rows: Cell[][];
  /** What the file was read as: `csv` with its encoding and separator, or `xlsx` with the sheet's name. */
  format: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  /** Where it was parsed: in the import's worker, or in the page (no worker could start). */
  parsedIn?: 'worker' | 'page';
}

const isZip = (b: Uint8Array) => b.length > 3 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The text of a CSV file and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

export async function parseCsv(bytes: Uint8Array): Promise<ParsedTable> {
  const { default: Papa } = await import('papaparse');
  const { text, encoding } = decodeText(bytes);
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t', '|'] });
  return { rows: result.data, format: 'csv', encoding, delimiter: result.meta.delimiter };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An exceljs cell value as a plain cell: text, number, boolean, or an ISO date. */
function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const time =
      v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds()
        ? `T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}Z`
        : '';
    return date + time;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; hyperlink?: string; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plainCell(o.result);
    if (o.text !== undefined) return plainCell(o.text);
    if (o.hyperlink) return o.hyperlink;
    if (o.error) return null;
  }
  return String(v);
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParsedTable> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets.find((w) => w.state !== 'hidden' && w.actualRowCount > 0) ?? workbook.worksheets[0];
  const rows: Cell[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // A merged cell's others read as the first one's value (a header over several columns).
      cells[c - 1] = plainCell(cell.isMerged ? cell.master.value : cell.value);
    });
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return {
    rows: rows.filter((r, i) => i === 0 || r.some((c) => c !== null && c !== undefined && c !== '')),
    format: 'xlsx',
    sheet: sheet?.name,
  };
}

/** A file's rows: XLSX by its bytes (a ZIP), CSV otherwise. */
export function parseTable(bytes: Uint8Array): Promise<ParsedTable> {
  return isZip(bytes) ? parseXlsx(bytes) : parseCsv(bytes);
}

/** Rows written as an XLSX workbook of one sheet (header row bold, columns sized to their text). */
export async function writeXlsx(rows: Cell[][], sheetName: string): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
  for (const row of rows) sheet.addRow(row.map((c) => (c === undefined ? null : c)));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col, i) => {
    const width = Math.max(8, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2));
    col.width = Math.min(60, width);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
