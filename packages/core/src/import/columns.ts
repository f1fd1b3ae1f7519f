/**
 * A table's header and its columns → fields. Real files carry a title row above the header, or a
 * header of two rows where an upper cell spans several columns («Реквизиты» over «ИНН», «КПП»): the
 * header depth is chosen as the one whose column titles name the most fields, upper rows filled to
 * the right (as a merged cell reads), each column titled by its rows joined.
 */
import type { Cell } from './convert.js';
import { foldLabel } from './convert.js';
import type { ImportField } from './fields.js';

/** The titles of a table's columns for a header of `depth` rows (parts joined with ` › `). */
export function columnTitles(rows: readonly (readonly Cell[])[], depth: number): string[][] {
  const width = Math.max(0, ...rows.slice(0, Math.max(depth, 1) + 1).map((r) => r.length));
  const parts: string[][] = Array.from({ length: width }, () => []);
  for (let r = 0; r < depth; r++) {
    const row = rows[r] ?? [];
    let carried = '';
    for (let c = 0; c < width; c++) {
      const own = row[c] === null || row[c] === undefined ? '' : String(row[c]).trim();
      // A cell of an upper row that spans columns is empty to the right of its text (CSV) or repeats it (XLSX merge).
      const isLast = r === depth - 1;
      const text = own || (isLast ? '' : carried);
      if (own) carried = own;
      if (text && parts[c][parts[c].length - 1] !== text) parts[c].push(text);
    }
  }
  return parts;
}

/** How well a column's title parts name a field: 3 exact (the whole title or its last part), 2 a label's tail, 1 a near match, 0 none. */
export function matchScore(parts: readonly string[], field: ImportField): number {
  if (!parts.length) return 0;
  const names = [...Object.values(field.labels), ...field.aliases].map(foldLabel).filter(Boolean);
  const whole = foldLabel(parts.join(' '));
  const last = foldLabel(parts[parts.length - 1]);
  if (names.includes(whole)) return 3;
  if (names.includes(last)) return 2.5;
  // «Номер» under «Телефоны» against «Телефоны › Номер»; «Имя» for «Имя клиента».
  if (names.some((n) => n.endsWith(' ' + last) && whole.endsWith(n.split(' ').slice(-2).join(' ')))) return 2;
  const near = (a: string, b: string) =>
    a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 3;
  if (names.some((n) => near(n, last) || near(n, whole))) return 1;
  return 0;
}

/**
 * Each column's field (or undefined): best scores first, each field used by one column at most,
 * ties left unmatched rather than guessed.
 */
export function matchColumns(titles: readonly (readonly string[])[], fields: readonly ImportField[]): (string | undefined)[] {
  const pairs: { column: number; pointer: string; score: number }[] = [];
  titles.forEach((parts, column) => {
    for (const f of fields) {
      const score = matchScore(parts, f);
      if (score > 0) pairs.push({ column, pointer: f.pointer, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const out: (string | undefined)[] = titles.map(() => undefined);
  const used = new Set<string>();
  for (const p of pairs) {
    if (out[p.column] !== undefined || used.has(p.pointer)) continue;
    // Two fields equally good for one column: a guess; leave it to the person.
    // A tie goes to the field nearest the top (the company's email before a contact person's).
    const depth = (pointer: string) => pointer.split('/').length;
    const rivals = pairs.filter((q) => q.column === p.column && q.score === p.score && !used.has(q.pointer));
    const shallowest = Math.min(...rivals.map((q) => depth(q.pointer)));
    if (
      rivals.length > 1 &&
      p.score < 3 &&
      (depth(p.pointer) > shallowest || rivals.filter((q) => depth(q.pointer) === shallowest).length > 1)
    )
      continue;
    out[p.column] = p.pointer;
    used.add(p.pointer);
  }
  return out;
}

/** The header: how many rows (1–4) give the most matched columns (ties: fewer rows), their titles and the columns' fields. */
export function detectHeader(
  rows: readonly (readonly Cell[])[],
  fields: readonly ImportField[],
): { depth: number; titles: string[][]; mapping: (string | undefined)[] } {
  let best = { depth: 1, titles: columnTitles(rows, 1), mapping: [] as (string | undefined)[], score: -1 };
  for (let depth = 1; depth <= Math.min(4, Math.max(1, rows.length - 1)); depth++) {
    const titles = columnTitles(rows, depth);
    const mapping = matchColumns(titles, fields);
    const score = mapping.filter(Boolean).length;
    if (score > best.score) best = { depth, titles, mapping, score };
  }
  return { depth: best.depth, titles: best.titles, mapping: best.mapping };
}
