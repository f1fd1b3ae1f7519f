/**
 * exceljs, loaded when a spreadsheet is read or written (≈ 250 kB gzipped: never in a page's first
 * load). In a module of its own that no public declaration imports: exceljs's types need Node's
 * (`stream`, `events`), which an app's strict type check (skipLibCheck off) would then require.
 */
export async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  return mod.default ?? mod;
}
