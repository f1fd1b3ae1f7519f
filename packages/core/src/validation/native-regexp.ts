/**
 * The browser's own RegExp, with the interface ajv's standalone output calls (`linearRegExp`).
 * Only for Kartochka's own fixed schemas (the layout document's): their patterns are ours, short
 * and without nested quantifiers, so they cannot backtrack without end, and the layout validator
 * then does not carry the RE2 engine (re2js, ~44 KB gzip) into every page. Schemas that come from
 * users always run on RE2 (regexp.ts).
 */
export const linearRegExp = (pattern: string, flags: string): RegExp => new RegExp(pattern, flags);
