/** Helpers for apps that store cards of a template: record title and indexed values, deep copies. */
import { cardSettingsOf, type CardSettings, type JsonValue } from '@kartochka/core';
import { getAt } from '@kartochka/core/internal';
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
export function recordFields(
  template: CardTemplate<unknown>,
  data: unknown,
): { title: string; indexed: Record<string, string | number | boolean | null> } {
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

/**
 * A template's card settings (title, list columns, filters, summary chips) in the one shape every
 * card type has (`x-card`, see core's `CardSettings`): the schema's own when it carries them, else
 * its `listing` — columns are its indexed fields, filters those of them with named options.
 */
export function templateCardSettings(template: Pick<CardTemplate<unknown>, 'schema' | 'listing' | 'messages'>): CardSettings {
  const own = cardSettingsOf(template.schema);
  if (own) return own;
  const pointers = Object.values(template.listing.indexed);
  const hasOptions = (p: string) =>
    Object.values(template.messages).some((m) => {
      const e = m?.[p];
      return typeof e === 'object' && !!e?.options && Object.keys(e.options).length > 0;
    });
  return {
    title: template.listing.title,
    columns: pointers.slice(0, 4),
    filters: pointers.filter(hasOptions).slice(0, 4),
    summary: [...template.listing.summary],
  };
}
