/**
 * TypeScript types for a card's data with json-schema-to-typescript: the one place the options
 * live (scripts/generate-template-types.mjs uses it for the templates' generated types too).
 */
import { compile } from 'json-schema-to-typescript';

/** `b2b-client-card` → `B2bClientCard`. */
export const typeNameOf = (id: string): string => id.replace(/(^|[-_\s]+)([a-z0-9])/gi, (_, __, c: string) => c.toUpperCase());

/**
 * A copy of the schema as json-schema-to-typescript should see it: no `title`s (they are fallback
 * labels, not type names; ours come from `$defs` keys), no `default`s (they would become comments
 * that drift) and no `x-*` keywords.
 */
function forTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forTypes);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'title' || k === '$id' || k === 'default' || k === 'description' || k.startsWith('x-')) continue;
    // `properties` and `$defs` hold names, not keywords: keep every key.
    if (k === 'properties' || k === '$defs') out[k] = Object.fromEntries(Object.entries(v as object).map(([n, s]) => [n, forTypes(s)]));
    else out[k] = forTypes(v);
  }
  return out;
}

/** The TypeScript source of the types of data valid against `schema`, the root type named `name`. */
export async function schemaToTypes(schema: object, name: string): Promise<string> {
  const body = await compile(forTypes(schema) as Parameters<typeof compile>[0], name, {
    bannerComment: '',
    additionalProperties: false,
    declareExternallyReferenced: true,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    customName: (_schema, key) => (key ? typeNameOf(key) : undefined),
    style: { singleQuote: true, printWidth: 120 },
    $refOptions: { resolve: { external: false } },
  });
  return body.trimStart();
}
