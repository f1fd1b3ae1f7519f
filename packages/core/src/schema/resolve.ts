/**
 * Schema resolution: turns the schema at one place of the form into the plain, merged schema the
 * model is built from. The signatures are the contract used by the model (../model/).
 *
 * - `deref` follows `$ref` (ref.ts); `allOf` merging is in merge.ts; the data-independent part is
 *   cached per schema object (static.ts), and `effectiveSchema` applies the conditionals and the
 *   `oneOf`/`anyOf` branch active for the current data (effective.ts, branches.ts, matcher.ts).
 * - `optionsOf`/`itemOptionsOf` (options.ts), `describeType` (type-info.ts), `defaultValue`
 *   (defaults.ts) and `renderable` (renderable.ts) answer the widget questions.
 *
 * Nothing here throws on a schema: what cannot become fields is marked with `FALLBACK_KEYWORD`
 * and reported by `renderable()`, and the model shows a raw JSON editor there.
 */
export type { Dialect, Draft, SchemaContext } from './context.js';
export { createSchemaContext, detectDialect } from './context.js';
export { schemaDialect } from './dialect.js';
export type { RefResolution } from './ref.js';
export { deref, resolveRef } from './ref.js';
export { mergeSchemas } from './merge.js';
export type { EffectiveOptions, EffectiveSchema } from './effective.js';
export { effectiveSchema, effectiveSchemaOf, isDynamic } from './effective.js';
export { plainSchema } from './static.js';
export type { BranchOption } from './branches.js';
export type { SchemaOption } from './options.js';
export { itemOptionsOf, optionsOf } from './options.js';
export type { TypeInfo } from './type-info.js';
export { describeType } from './type-info.js';
export { defaultValue } from './defaults.js';
export type { Renderability } from './renderable.js';
export { renderable } from './renderable.js';
export type { Matcher } from './matcher.js';
export { compileMatcher, matches } from './matcher.js';
export { FALLBACK_KEYWORD } from './util.js';
