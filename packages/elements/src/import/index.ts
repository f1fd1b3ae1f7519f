/**
 * `@kartochka/elements/import`: `<kc-import>` (a CSV/XLSX file into cards, with a dry run and a
 * resumable write) and `<kc-card-export>` (a list's cards to CSV, XLSX or JSON), and the functions
 * under them for apps that build their own UI. papaparse and exceljs load only when a file is read
 * or written, exceljs in the import's worker.
 */
export { KcImport, KcImportEvent } from './import.js';
export { KcCardExport } from './export-button.js';
export { readTable, xlsxBytes, type ParsedTable } from './read-table.js';
export { exportCards, exportList, exportRows, listAll, downloadBlob, type ExportFormat, type ExportOptions } from './export.js';
export {
  runImport,
  saveImportJob,
  unfinishedImports,
  forgetImport,
  storeIdOf,
  type ImportJob,
  type ImportJobInfo,
  type ImportItem,
  type ImportProgress,
  type ImportResult,
  type ImportFailure,
  type WriteOptions,
} from './write.js';
export { planTable, existingByKey, jobFromPlan, keyComparer, yieldToPage, type PlanTableOptions } from './plan-table.js';
export { importStrings, type ImportStrings } from './messages.js';
