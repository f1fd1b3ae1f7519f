/**
 * Field labels come from a message catalogue keyed by pointer template (array indices as `*`)
 * or, failing that, from the schema's `title`; so one schema serves every language.
 */
import type { JsonValue, Locale } from '../types.js';

export interface FieldMessages {
  title?: string;
  description?: string;
  /** Option labels by the option's value (JSON-encoded when it is not a string). */
  options?: Record<string, string>;
}

/** `{ru: {"/general/companyName": "Название организации" | {title, description, options}}}` */
export type MessageCatalogue = Partial<Record<Locale, Record<string, string | FieldMessages>>>;

interface Labelled {
  template: string;
  key: string;
  schema: { title?: string; description?: string; [k: string]: unknown };
}

function entry(catalogue: MessageCatalogue, locale: Locale, template: string): FieldMessages | undefined {
  const e = catalogue[locale]?.[template];
  return typeof e === 'string' ? { title: e } : e;
}

/** "companyName" → "Company name": the last resort, so a field is never unlabelled. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

export function labelOf(n: Labelled, catalogue: MessageCatalogue, locale: Locale): string {
  const fromCatalogue = entry(catalogue, locale, n.template)?.title;
  if (fromCatalogue) return fromCatalogue;
  if (typeof n.schema.title === 'string' && n.schema.title) return n.schema.title;
  if (/^\d+$/.test(n.key)) return `#${Number(n.key) + 1}`;
  return humanize(n.key);
}

export function descriptionOf(n: Labelled, catalogue: MessageCatalogue, locale: Locale): string | undefined {
  return entry(catalogue, locale, n.template)?.description ?? (typeof n.schema.description === 'string' ? n.schema.description : undefined);
}

export function optionLabelOf(
  n: Labelled,
  value: JsonValue,
  title: string | undefined,
  catalogue: MessageCatalogue,
  locale: Locale,
): string {
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  const fromCatalogue = entry(catalogue, locale, n.template)?.options?.[key];
  if (fromCatalogue) return fromCatalogue;
  if (title) return title;
  return value === null ? '—' : String(key);
}
