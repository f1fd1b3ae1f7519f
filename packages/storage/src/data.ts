/**
 * `@kartochka/storage/data`: the storage package's helpers on card data — diffs, the case folding
 * of search, file references — with no adapter and no IndexedDB. The card and the list (which the
 * elements' root loads) import them from here, so `idb` stays out of a page that stores nothing.
 */
export { changedPaths, diff, escapePointerToken, unescapePointerToken, type Change } from './diff.js';
export { DEFAULT_SORT, foldCase } from './query.js';
export {
  acceptsFile,
  asLocalFile,
  blobOfDataUrl,
  isFileRef,
  localFilesIn,
  parseAccept,
  replaceAt,
  sha256Hex,
  type FileRef,
  type FileUpload,
  type LocalFile,
} from './files.js';
