/**
 * `@kartochka/core/formats`, what precompiled validators (precompile.ts) import their formats
 * from: each check by name (format-checks.ts: `date`, `date_time`, `uri`…; requisite-formats.ts:
 * `ru_inn`…), so a bundle
 * carries only the formats its schemas use, and `formats`, the whole record (all-formats.ts:
 * ajv-formats' full set plus Kartochka's), for code that looks formats up by name at run time.
 */
export * from './format-checks.js';
export * from './requisite-formats.js';
export { formats } from './all-formats.js';
