/**
 * `@kartochka/storage`: the storage adapter interface, its typed errors, and the memory and
 * IndexedDB adapters. The conformance suite for adapter authors is the `./conformance` subpath;
 * the write and query rules a backend outside this package applies (the reference server's stores)
 * are `./backend` (docs/adopting.md, "Public API and subpaths").
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
  storageMessages,
} from './errors.js';
export type { StorageErrorCode, StorageFieldError, StorageMessageKey } from './errors.js';
export { changedPaths, diff } from './diff.js';
export type { Change } from './diff.js';
export { acceptsFile, asLocalFile, blobOfDataUrl, isFileRef, localFilesIn, parseAccept, replaceAt, sha256Hex } from './files.js';
export type { FileRef, FileUpload, LocalFile } from './files.js';
export { MemoryAdapter } from './memory.js';
export type { MemoryAdapterOptions } from './memory.js';
export { IndexedDbAdapter } from './indexeddb.js';
export type { IndexedDbAdapterOptions } from './indexeddb.js';
export { DB_VERSION } from './indexeddb-schema.js';
export type { KartochkaDB } from './indexeddb-schema.js';
export { RestAdapter } from './rest.js';
export type { RestAdapterOptions, RequestOptions } from './rest.js';
export { retryAfterMs } from './rest-errors.js';
