/**
 * The budgets a schema must fit before it is published (422 naming the limit): its size, its
 * expansion through `$ref` (schema-budget.ts), the number of versions of its id, and the time ajv
 * takes to compile it. Checked cheapest first, so a hostile schema is refused before the costly
 * steps run; publication is the only place a schema is compiled on behalf of a client that has
 * not yet been checked.
 */
import type { Context } from 'hono';
import type { StorageFieldError } from '@kartochka/storage';
import { compileProblem } from './validation.js';
import { expandedSize } from './schema-budget.js';
import type { JsonSchema } from '@kartochka/core';
import { limitProblem, type Limits } from './limits.js';
import type { CardStore } from './store.js';

type Budget = Pick<Limits, 'schemaBytes' | 'schemaExpansion' | 'schemaVersions' | 'compileMs'>;

export async function schemaBudgetProblems(
  c: Context,
  store: CardStore,
  schemaId: string,
  schema: object,
  limits: Budget,
): Promise<StorageFieldError[]> {
  const bytes = Buffer.byteLength(JSON.stringify(schema));
  if (bytes > limits.schemaBytes) return [limitProblem(c, '/schema', 'maxSchemaSize', { limit: limits.schemaBytes, actual: bytes })];
  if (expandedSize(schema as JsonSchema, limits.schemaExpansion) > limits.schemaExpansion) {
    return [limitProblem(c, '/schema', 'maxSchemaExpansion', { limit: limits.schemaExpansion })];
  }
  // Versions are numbered 1…n, so the latest one's number is the count.
  const latest = await store.getSchema(schemaId);
  if (latest && latest.version >= limits.schemaVersions) {
    return [limitProblem(c, '/schema', 'maxSchemaVersions', { limit: limits.schemaVersions, schemaId })];
  }
  const started = performance.now();
  const problem = compileProblem(schema);
  const ms = Math.round(performance.now() - started);
  if (problem) return [{ path: '/schema', keyword: 'compile', message: problem, source: 'server' }];
  if (ms > limits.compileMs) return [limitProblem(c, '/schema', 'maxCompileTime', { limit: limits.compileMs, actual: ms })];
  return [];
}
