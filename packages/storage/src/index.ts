/**
 * `@kartochka/storage`: the storage adapter interface, its typed errors, and the memory and
 * IndexedDB adapters. The conformance suite for adapter authors is the `./conformance` subpath.
 */
export type {
  CardRecord,
  ChangeEvent,
  DeleteOptions,
  IndexedValue,
  IndexRange,
  ListQuery,
  ListResult,
  NewOrUpdatedRecord,
  PublishSchemaInput,
  PutOptions,
  Revision,
  SchemaInfo,
  SchemaSummary,
  SchemaVersion,
  SortField,
  StorageAdapter,
  UniqueMatch,
  WatchCallback,
} from './types.js';
export {
  ConflictError,
  DuplicateError,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  StorageError,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  formatStorageMessage,
  ruleOfKey,
  storageMessages,
} from './errors.js';
export type { MessageParams, StorageErrorCode, StorageFieldError, StorageMessageKey } from './errors.js';
export { changedPaths, diff, escapePointerToken, unescapePointerToken } from './diff.js';
export type { Change } from './diff.js';
export { acceptsFile, asLocalFile, blobOfDataUrl, isFileRef, localFilesIn, parseAccept, replaceAt, sha256Hex } from './files.js';
export type { FileRef, FileUpload, LocalFile } from './files.js';
export { MemoryAdapter } from './memory.js';
export type { MemoryAdapterOptions } from './memory.js';
export { IndexedDbAdapter } from './indexeddb.js';
export type { IndexedDbAdapterOptions } from './indexeddb.js';
export { DB_VERSION } from './indexeddb-schema.js';
export type { KartochkaDB } from './indexeddb-schema.js';
// The write and query rules, for backends outside this package (the reference server's stores).
export { checkRevision, nextRecord, uniqueOf, validateRecord } from './record.js';
export { DEFAULT_SORT, applyQuery, foldCase, matcher, pageBounds, sortRecords } from './query.js';
export { INTERNAL_SCHEMA_PREFIX } from './types.js';
// Card types, settings and reindexing, for backends outside this package (the server's stores).
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
export { RestAdapter } from './rest.js';
export type { RestAdapterOptions, RequestOptions } from './rest.js';
export { errorBody, errorFromResponse, retryAfterMs, statusOf } from './rest-errors.js';
export type { RestErrorBody } from './rest-errors.js';
