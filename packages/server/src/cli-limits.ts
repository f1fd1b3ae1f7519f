/**
 * The command-line flags of the server's limits (limits.ts), one per limit, and their parsing.
 * docs/rest-api.md ("Limits") lists the same table.
 */
import type { Limits } from './limits.js';

/** flag → [limit, what it counts] */
export const LIMIT_FLAGS = {
  'max-depth': ['jsonDepth', 'levels'],
  'list-limit': ['listLimit', 'cards'],
  'schema-bytes': ['schemaBytes', 'bytes'],
  'schema-expansion': ['schemaExpansion', 'subschemas'],
  'schema-compile-ms': ['compileMs', 'ms'],
  'schema-versions': ['schemaVersions', 'versions'],
  'rate-limit': ['rateRequests', 'requests per minute, 0 = off'],
  'auth-failures': ['authFailures', 'failed sign-ins per address per minute, 0 = off'],
  'max-streams': ['streamsTotal', 'event streams'],
  'max-streams-per-key': ['streamsPerKey', 'event streams'],
  'stream-buffer': ['streamBuffer', 'notices'],
  'max-file-bytes': ['fileBytes', 'bytes per uploaded file'],
  'file-idle-ms': ['fileIdleMs', 'ms an upload may send nothing'],
} as const satisfies Record<string, [keyof Limits, string]>;

export const limitArgOptions = Object.fromEntries(Object.keys(LIMIT_FLAGS).map((flag) => [flag, { type: 'string' as const }])) as Record<
  keyof typeof LIMIT_FLAGS,
  { type: 'string' }
>;

/** The limits given on the command line; throws on a value that is not a whole number. */
export function limitsFromArgs(values: Partial<Record<string, string | boolean | string[] | undefined>>): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const [flag, [key]] of Object.entries(LIMIT_FLAGS)) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const n = Number(raw);
    const zeroOk = key === 'rateRequests' || key === 'authFailures';
    if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1))
      throw new Error(`--${flag} must be a whole number${zeroOk ? ' (0 turns it off)' : ' above 0'}, got ${raw}`);
    limits[key] = n;
  }
  return limits;
}

export const LIMITS_HELP = Object.entries(LIMIT_FLAGS)
  .map(([flag, [, unit]]) => `  --${flag} <n>`.padEnd(30) + unit)
  .join('\n');
