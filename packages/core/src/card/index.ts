/**
 * `@kartochka/core/card`: card settings (title, columns, filters, chips), migrations across a
 * type's versions and reindexing — without the validator, so the storage adapters can use it.
 */
export * from './settings.js';
export * from './migrate.js';
export * from './reindex.js';
