/**
 * Where a keyword of ours sits in a schema, by the pointer template of the data it applies to:
 * `x-reminder` on `/roles/people/*\/birthday`, `x-bik` on `/general/requisites/bankAccounts/*\/account`.
 * Walks `properties`, `items` and `allOf`, following `$ref`s, each schema once per path (so a
 * recursive schema stops).
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { escapeToken } from '../pointer.js';
import { createSchemaContext } from './context.js';
import { deref } from './ref.js';

export interface KeywordSite {
  /** The data's pointer template, `*` for array items. */
  readonly template: string;
  /** Where the keyword is in the schema, for messages (`/properties/contract/properties/validUntil/x-reminder`). */
  readonly source: string;
  /** The keyword's value (keywords beside a `$ref` win: read from the merged schema). */
  readonly value: unknown;
}

const MAX_DEPTH = 64;

export function keywordSites(schema: JsonSchema, keyword: string): KeywordSite[] {
  const ctx = createSchemaContext(schema);
  const out: KeywordSite[] = [];
  const onPath = new Set<JsonSchemaObject>();
  const visit = (node: JsonSchema | undefined, template: string, source: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return;
    const s = deref(ctx, node);
    if (onPath.has(s) || onPath.has(node)) return;
    onPath.add(s);
    onPath.add(node);
    try {
      if (s[keyword] !== undefined) out.push({ template, source: `${source}/${escapeToken(keyword)}`, value: s[keyword] });
      const props = s.properties;
      if (props && typeof props === 'object') {
        for (const [key, sub] of Object.entries(props)) {
          const t = escapeToken(key);
          visit(sub as JsonSchema, `${template}/${t}`, `${source}/properties/${t}`, depth + 1);
        }
      }
      if (s.items && typeof s.items === 'object' && !Array.isArray(s.items))
        visit(s.items as JsonSchema, `${template}/*`, `${source}/items`, depth + 1);
      if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => visit(sub as JsonSchema, template, `${source}/allOf/${i}`, depth + 1));
    } finally {
      onPath.delete(s);
      onPath.delete(node);
    }
  };
  visit(schema, '', '', 0);
  return out;
}
