/**
 * Turning results into table rows and markdown. A row is
 * `{area, measure, value, baseline?, unit, goal?: {text, pass}}`; `value`/`baseline` are numbers
 * (or strings such as "n/a"), the ratio is computed here so it is never typed by hand.
 */

export function fmt(v, unit) {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'ms') return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)} ms`;
  if (unit === 'MB') return `${v.toFixed(1)} MB`;
  if (unit === 'KB') return `${v.toFixed(1)} KB`;
  if (unit === '×') return `${v.toFixed(2)}×`;
  if (unit === '/s') return `${Math.round(v).toLocaleString('en')}/s`;
  return `${v} ${unit ?? ''}`.trim();
}

export const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : NaN);

/** `goal` is `{max, of: 'ratio' | 'value', text}`; returns `{text, pass, by}` for the row. */
export function judge(row) {
  const g = row.goal;
  if (!g) return undefined;
  if (typeof g.pass === 'boolean') return { text: g.text, pass: g.pass, verdict: g.pass ? 'pass' : '**MISS**' };
  const x = g.of === 'ratio' ? (row.ratio ?? ratio(row.value, row.baseline)) : row.value;
  if (typeof x !== 'number' || Number.isNaN(x)) return { text: g.text, pass: null, verdict: 'n/a' };
  const pass = g.strict ? x < g.max : x <= g.max;
  const by = g.of === 'ratio' ? `${(x / g.max).toFixed(2)}× the goal` : `${fmt(x - g.max, row.unit)} over`;
  return { text: g.text, pass, verdict: pass ? 'pass' : `**MISS** (${by})` };
}

export function toMarkdown(rows) {
  const head = '| Area | Measure | Kartochka | Baseline | Ratio | Goal | Result |\n|---|---|---:|---:|---:|---|---|';
  const lines = rows.map((r) => {
    const q = r.ratio ?? ratio(r.value, r.baseline);
    const j = judge(r);
    return `| ${r.area} | ${r.measure} | ${fmt(r.value, r.unit)} | ${r.baseline === undefined ? '' : fmt(r.baseline, r.unit)} | ${Number.isNaN(q) ? '' : fmt(q, '×')} | ${j?.text ?? ''} | ${j?.verdict ?? ''} |`;
  });
  return [head, ...lines].join('\n');
}
