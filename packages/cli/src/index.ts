/**
 * @kartochka/cli — what the `kartochka` command does, as functions: types from a schema, the lint
 * of a schema and its layout, migration of exported records. The command itself: `npx kartochka`.
 */
export { schemaToTypes, typeNameOf } from './types.js';
export { lintCard, type LintProblem } from './lint.js';
export { migrateRecords, type ExportedRecord, type PublishedVersion, type MigrationResult } from './migrate.js';
export { main } from './cli.js';
export { cliStrings, type CliStrings } from './messages.js';
