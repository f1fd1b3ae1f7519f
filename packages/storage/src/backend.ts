/**
 * `@kartochka/storage/backend`: the write and query rules of the adapters, for backends outside this
 * package (the reference server's SQLite and PostgreSQL stores): revisions, uniqueness, record
 * validation, list queries, card types and settings, reindexing, the REST error body. Server-side
 * helpers, not an app's API: they follow the server, with no semver promise of their own.
 */
export { checkRevision, nextRecord, tombstoneOf, uniqueOf, validateRecord } from './record.js';
export { DEFAULT_SORT, applyQuery, foldCase, matcher, pageBounds, sortRecords } from './query.js';
export { INTERNAL_SCHEMA_PREFIX } from './types.js';
export {
  LEGACY_DRAFT_KEY_PREFIX,
  LEGACY_DRAFT_SCHEMA,
  catalogue,
  checkSchemaInfo,
  checkSettingKey,
  isInternalSchema,
  legacyDraftKey,
  mergeSchemaInfo,
  reindexed,
  reindexes,
  schemaSummary,
} from './catalogue.js';
export { errorBody, errorFromResponse, statusOf } from './rest-errors.js';
export type { RestErrorBody } from './rest-errors.js';
export { ruleOfKey } from './errors.js';
export type { MessageParams } from './errors.js';
export { escapePointerToken, unescapePointerToken } from './diff.js';
