/**
 * How a card type is titled and listed — its title, list columns, filters and summary chips — as
 * data stored with the published schema (`x-card` on the schema root), so the list, search and the
 * summary header read it and no application code knows a template.
 */
import { getAt, isWithin, joinPointer } from '../pointer.js';
import type { JsonValue } from '../types.js';

/** The schema-root keyword that holds a card type's {@link CardSettings}. */
export const CARD_KEYWORD = 'x-card';

/** A card type's listing settings. Every entry is a JSON Pointer into the card's data. */
export interface CardSettings {
  /**
   * The record title: one pointer (`/general/companyName`) or a pattern of pointers in braces
   * (`{/general/name} ({/general/inn})`; the leading `/` may be left out: `{general/name}`).
   */
  title: string;
  /** Columns of the card list after the title, in order. */
  columns: string[];
  /** Fields the card list filters on (fields with a fixed set of options). */
  filters: string[];
  /** Fields shown as chips in the card's summary header. */
  summary: string[];
}

/** An indexed value `list()` can filter and sort on: strings, finite numbers, booleans, else null. */
export type IndexedValue = string | number | boolean | null;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The settings a schema carries (`x-card`), or undefined when it carries none (or a malformed one). */
export function cardSettingsOf(schema: unknown): CardSettings | undefined {
  const raw = schema && typeof schema === 'object' ? (schema as Record<string, unknown>)[CARD_KEYWORD] : undefined;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  return {
    title: typeof r.title === 'string' ? r.title : '',
    columns: strings(r.columns),
    filters: strings(r.filters),
    summary: strings(r.summary),
  };
}

/** `schema` with `settings` as its `x-card` (a new object; the input is not changed). */
export function withCardSettings<S extends object>(schema: S, settings: CardSettings): S {
  return {
    ...schema,
    [CARD_KEYWORD]: {
      title: settings.title,
      columns: [...settings.columns],
      filters: [...settings.filters],
      summary: [...settings.summary],
    },
  };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const asPointer = (p: string) => (p === '' || p.startsWith('/') ? p : `/${p}`);

/** The pointers a title pattern reads (one for a plain pointer). */
export function titlePointers(title: string): string[] {
  if (!title.includes('{')) return title ? [asPointer(title.trim())] : [];
  return [...title.matchAll(PLACEHOLDER)].map((m) => asPointer(m[1].trim()));
}

function text(v: JsonValue | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/**
 * The record title for `data`: the pattern with each `{pointer}` replaced by that field's text.
 * Parts around an empty field are tidied, so `{/name} ({/inn})` without an INN is just the name.
 */
export function cardTitle(settings: Pick<CardSettings, 'title'>, data: unknown): string {
  const pattern = settings.title;
  if (!pattern.includes('{')) return pattern ? text(getAt(data, asPointer(pattern.trim()))) : '';
  const out = pattern.replace(PLACEHOLDER, (_m, p: string) => text(getAt(data, asPointer(p.trim()))));
  // "ООО Ромашка ()" → "ООО Ромашка": brackets and separators left around nothing go.
  return out
    .replace(/\(\s*\)|\[\s*\]|«\s*»/g, '')
    .replace(/\s*[·,—-]\s*$/, '')
    .replace(/^\s*[·,—-]\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** The name a field has in `record.indexed`: its pointer (one home, so list columns find it). */
export const indexedName = (pointer: string): string => pointer;

/** The `indexed` values of a record for `data`: every column and filter field. */
export function cardIndexed(settings: CardSettings, data: unknown): Record<string, IndexedValue> {
  const out: Record<string, IndexedValue> = {};
  for (const pointer of new Set([...settings.columns, ...settings.filters])) {
    const v = getAt(data, pointer);
    out[indexedName(pointer)] = typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null;
  }
  return out;
}

/** `{title, indexed}` of a storage record for `data`, as the card type's settings say. */
export function cardRecordFields(settings: CardSettings, data: unknown): { title: string; indexed: Record<string, IndexedValue> } {
  return { title: cardTitle(settings, data), indexed: cardIndexed(settings, data) };
}

/**
 * Settings for a schema that has none (a type made before settings existed): the first text field
 * as the title, so no card lists as "— · —". Only top-level and one group deep, in schema order.
 */
export function defaultCardSettings(schema: unknown): CardSettings {
  const firstText = (s: unknown, at: string, depth: number): string | undefined => {
    const props = s && typeof s === 'object' ? (s as { properties?: Record<string, unknown> }).properties : undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      const c = child as { type?: unknown; enum?: unknown; format?: unknown };
      const pointer = joinPointer(at, key);
      if (c?.type === 'string' && !c.enum && !c.format) return pointer;
      if (c?.type === 'object' && depth < 1) {
        const inner = firstText(c, pointer, depth + 1);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return { title: firstText(schema, '', 0) ?? '', columns: [], filters: [], summary: [] };
}

/** The settings of a schema, with {@link defaultCardSettings} when it carries none. */
export const cardSettingsOrDefault = (schema: unknown): CardSettings => cardSettingsOf(schema) ?? defaultCardSettings(schema);

/**
 * The settings after the data at `from` moved to `to` (a field renamed or moved), or was deleted
 * (`to` undefined): pointers at or below `from` follow, or leave the lists and the title pattern.
 */
export function moveCardSettings(settings: CardSettings, from: string, to: string | undefined): CardSettings {
  const move = (p: string): string | undefined => (isWithin(p, from) ? (to === undefined ? undefined : to + p.slice(from.length)) : p);
  const list = (ps: string[]) => ps.map(move).filter((p): p is string => p !== undefined);
  let title: string;
  if (!settings.title.includes('{')) title = settings.title ? (move(asPointer(settings.title.trim())) ?? '') : '';
  else
    title = settings.title
      .replace(PLACEHOLDER, (m, p: string) => {
        const moved = move(asPointer(p.trim()));
        return moved === undefined ? '' : moved === asPointer(p.trim()) ? m : `{${moved}}`;
      })
      .replace(/\(\s*\)/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  return { title, columns: list(settings.columns), filters: list(settings.filters), summary: list(settings.summary) };
}

/** `schema` with its `x-card` moved as {@link moveCardSettings} says; the same object when it has none or nothing moved. */
export function moveSchemaCardSettings<S extends object>(schema: S, from: string, to: string | undefined): S {
  const settings = cardSettingsOf(schema);
  if (!settings) return schema;
  const moved = moveCardSettings(settings, from, to);
  return JSON.stringify(moved) === JSON.stringify(settings) ? schema : withCardSettings(schema, moved);
}
