/** Helpers for apps that store cards of a template: record title and indexed values, deep copies. */
import { getAt, type JsonValue } from '@kartochka/core';
import type { CardTemplate } from './types.js';

/** A value `list()` can filter on: strings, finite numbers, booleans; anything else is `null`. */
function indexable(v: JsonValue | undefined): string | number | boolean | null {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}

/**
 * The `title` and `indexed` values of a storage record for `data`, as the template's `listing`
 * says: `adapter.put({id, schemaId: template.id, schemaVersion, data, ...recordFields(template, data)})`.
 */
export function recordFields(template: CardTemplate<unknown>, data: unknown): { title: string; indexed: Record<string, string | number | boolean | null> } {
  const title = getAt(data, template.listing.title);
  const indexed: Record<string, string | number | boolean | null> = {};
  for (const [name, pointer] of Object.entries(template.listing.indexed)) indexed[name] = indexable(getAt(data, pointer));
  return { title: typeof title === 'string' ? title : '', indexed };
}

/**
 * A private, editable copy of a template (schema, layout, messages, sample): what "start from a
 * template" gives the builder, so edits never leak into the shared module objects.
 */
export function startFrom<T>(template: CardTemplate<T>, id: string = template.id): CardTemplate<T> {
  // The copy is for editing: its schema will differ, so the shipped validator does not come along.
  const { loadValidator: _shipped, ...data } = template;
  return { ...structuredClone(data), id };
}
