/**
 * A card's unique keys (`x-unique`, docs/duplicates.md) as the elements need them: the card's
 * duplicate check (persistence/duplicate-watch.ts), the list's duplicates review and bulk changes.
 * The keys module (`@kartochka/core/unique`, with the phone metadata) is loaded only for a schema
 * that has `x-unique`. No storage here, so the list can use it without the persistence code.
 */
import type { JsonSchema, JsonValue } from '@kartochka/core';

const mentions = new WeakMap<object, boolean>();

/** True when the schema text has the keyword anywhere (a cheap test before loading the module). */
export function mentionsUnique(schema: JsonSchema | undefined): boolean {
  if (!schema || typeof schema !== 'object') return false;
  let found = mentions.get(schema);
  if (found === undefined) mentions.set(schema, (found = JSON.stringify(schema).includes('"x-unique"')));
  return found;
}

type UniqueModule = typeof import('@kartochka/core/unique');
let loading: Promise<UniqueModule> | undefined;
const loadUnique = (): Promise<UniqueModule> => (loading ??= import('@kartochka/core/unique'));

/** The unique keys of `data` under `schema`; `undefined` when the schema has no (valid) `x-unique`. */
export async function uniqueKeysOf(schema: JsonSchema | undefined, data: JsonValue | undefined): Promise<string[] | undefined> {
  if (!mentionsUnique(schema)) return undefined;
  const { uniqueKeyStrings } = await loadUnique();
  try {
    return uniqueKeyStrings(schema!, data);
  } catch {
    // A malformed x-unique is the schema's problem, reported where schemas are checked (publish).
    return undefined;
  }
}

/** The pointers a key was built from (the rule's fields outside arrays), for labels and focus. */
export function pointersOfKey(key: string): string[] {
  const at = key.indexOf('=[');
  if (at < 0) return [];
  return key
    .slice(0, at)
    .split('+')
    .filter((p) => p !== '' && !p.split('/').includes('*'));
}
