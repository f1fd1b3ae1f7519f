/** Import of tables into cards: fields, cell conversion, header and column matching, the dry run. */
export * from './fields.js';
export * from './convert.js';
export * from './columns.js';
export * from './plan.js';
