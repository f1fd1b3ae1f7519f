/**
 * What ajv is given for a schema of an older draft. ajv 8 validates draft-06/07 with its draft-07
 * class and has no draft-04 at all; rather than add ajv-draft-04 (one more CommonJS package to
 * bundle for the browser tests, the precompiler and the formats module), a draft-04 schema is
 * converted on a copy to the draft-06+ forms it shares a meaning with: boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numeric bounds, `id` becomes `$id`. Up to draft-07
 * the keywords beside a `$ref` are ignored (the spec says so, and the form model reads them so:
 * ../schema/ref.ts), so the copy drops them too, keeping annotations. ajv's own switch for that,
 * `ignoreKeywordsWithRef`, is deprecated. The caller's schema object is never changed.
 */
import type { JsonSchema, JsonSchemaObject } from '../types.js';
import { eachSubschema, isOlderDraft, schemaDialect, type Dialect } from '../schema/dialect.js';
import { isAnnotation } from '../schema/util.js';

const DRAFT_07_URI = 'http://json-schema.org/draft-07/schema#';

/** The schema to build a validator from, and with which ajv class. */
export interface AjvInput {
  /** Use ajv's draft-07 class (draft-04 … draft-07, declared or read from the syntax). */
  readonly draft07: boolean;
  /** The schema itself, or a converted copy (see the module comment). */
  readonly schema: JsonSchema;
}

/** See the module comment. */
export function ajvInput(schema: JsonSchema): AjvInput {
  const dialect = schemaDialect(schema);
  if (!isOlderDraft(dialect) || typeof schema !== 'object') return { draft07: false, schema };
  if (dialect === 'draft-07' && !needsCopy(schema, dialect)) return { draft07: true, schema };
  const copy = structuredClone(schema) as JsonSchemaObject;
  // draft-06 reads as draft-07 (which only added keywords); ajv knows the draft-07 meta-schema only.
  if (copy.$schema !== undefined) copy.$schema = DRAFT_07_URI;
  eachSubschema(copy, (s) => {
    if (dialect === 'draft-04') fromDraft04(s);
    dropRefSiblings(s);
  });
  return { draft07: true, schema: copy };
}

const refSiblings = (s: JsonSchemaObject): string[] =>
  typeof s.$ref === 'string' ? Object.keys(s).filter((k) => k !== '$ref' && !isAnnotation(k)) : [];

function needsCopy(schema: JsonSchema, dialect: Dialect): boolean {
  let found = dialect !== 'draft-07';
  if (!found) eachSubschema(schema, (s) => (found ||= refSiblings(s).length > 0));
  return found;
}

function dropRefSiblings(s: JsonSchemaObject): void {
  for (const k of refSiblings(s)) delete s[k];
}

/** Rewrites one (copied) draft-04 subschema in place to the draft-06 form with the same meaning. */
function fromDraft04(s: JsonSchemaObject): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof s[flag] !== 'boolean') continue;
    // `{minimum: 5, exclusiveMinimum: true}` is `{exclusiveMinimum: 5}`; `false` is a plain minimum.
    if (s[flag] === true && typeof s[bound] === 'number') {
      s[flag] = s[bound];
      delete s[bound];
    } else delete s[flag];
  }
  if (typeof s.id === 'string' && s.$id === undefined) {
    s.$id = s.id;
    delete s.id;
  }
}
