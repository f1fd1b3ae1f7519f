/**
 * Real-world tables for the import's tests, made in the test: CSV as Russian Excel saves it
 * (Windows-1251, `;`), UTF-8 with a BOM, XLSX with a merged title row and a two-row header, and a
 * file of 10,000 fictional clients.
 */
import { loadExcelJs } from '../import/excel.js';

/** Windows-1251 bytes of `text` (ASCII, Cyrillic, Ёё, №, «», —, non-breaking space). */
export function cp1251(text: string): Uint8Array<ArrayBuffer> {
  const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96, '\u00a0': 0xa0 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = ch.charCodeAt(0);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (extra[ch] !== undefined) out[i] = extra[ch];
    else throw new Error(`cp1251: no byte for ${ch}`);
  }
  return out;
}

/** UTF-8 with a BOM. */
export const utf8Bom = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

/** CSV text of rows with `sep`, quoting where needed, CRLF line ends (as Excel writes). */
export const csv = (rows: (string | number)[][], sep = ';'): string =>
  rows.map((r) => r.map((c) => (/[";\n,]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(sep)).join('\r\n') +
  '\r\n';

const NAMES = ['Ромашка', 'Василёк', 'Берёзка', 'Север', 'Полюс', 'Вектор', 'Альфа-Строй', 'Техносфера', 'Грань', 'Орбита'];
const SEGMENTS = ['Дилер', 'Корпоративный', 'Сети', 'Дистрибьютор'];

/** A valid 10-digit INN for n (its check digit computed), so the card's own validator accepts it. */
export function innFor(n: number): string {
  const base = String(770000000 + (n % 229999999))
    .split('')
    .map(Number);
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (base.reduce((s, d, i) => s + d * w[i], 0) % 11) % 10;
  return base.join('') + check;
}

/** `count` fictional clients as rows under a Russian header. */
export function clientRows(count: number, start = 0): (string | number)[][] {
  const header = ['Название организации', 'ИНН', 'Сегмент', 'Телефон', 'Дата регистрации', 'Штат'];
  const rows: (string | number)[][] = [header];
  for (let i = start; i < start + count; i++) {
    rows.push([
      `ООО «${NAMES[i % NAMES.length]} ${i + 1}»`,
      innFor(i),
      SEGMENTS[i % SEGMENTS.length],
      `8 (495) ${String(100 + (i % 900))}-${String(10 + (i % 90))}-${String(10 + ((i * 7) % 90))}`,
      `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.20${String(10 + (i % 15))}`,
      String(5 + (i % 500)),
    ]);
  }
  return rows;
}

/** An XLSX workbook: a merged title row, a two-row header (merged group cells), then `rows`. */
export async function xlsxWithMergedHeader(rows: (string | number | Date)[][]): Promise<Uint8Array<ArrayBuffer>> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Клиенты');
  ws.addRow(['Клиенты на 01.12.2026']);
  ws.mergeCells('A1:E1');
  ws.addRow(['Компания', '', 'Реквизиты', '', 'Регистрация']);
  ws.mergeCells('A2:B2');
  ws.mergeCells('C2:D2');
  ws.addRow(['Название организации', 'Сегмент', 'ИНН', 'КПП', 'Дата регистрации']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
