/**
 * The shape every ready card shares: a JSON Schema, a layout document, a message catalogue in
 * Russian and English, and sample data that is valid against the schema.
 */
import type { JsonSchemaObject, JsonValue, MessageCatalogue, PrecompiledValidator } from '@kartochka/core';

/** Text in both languages of the card (and any other a template adds). */
export interface LocalizedText {
  ru: string;
  en: string;
  [locale: string]: string;
}

/** A group of fields inside a section (a fieldset with a title). */
export interface TemplateLayoutGroup {
  type: 'group';
  id?: string;
  title?: LocalizedText;
  columns?: number;
  /** Grid columns of the enclosing section the group takes (docs/layout.md). */
  span?: number;
  items: TemplateLayoutItem[];
}

/** A field by JSON Pointer, or a group of fields. */
export type TemplateLayoutItem = string | TemplateLayoutGroup;

/** One section (a tab, an accordion panel or a step, as the layout's `sections` says). */
export interface TemplateLayoutSection {
  type: 'section';
  id: string;
  title: LocalizedText;
  /** Shown above the section's fields, in both languages. */
  description?: LocalizedText;
  columns?: number;
  items: TemplateLayoutItem[];
}

/**
 * The layout document of a template: the `LayoutDocument` of `@kartochka/core`
 * (`packages/core/src/layout/`), narrowed: titles in both languages, pointers and groups only (the
 * tests check it is assignable to, and valid as, the core format).
 */
export interface TemplateLayout {
  version: 1;
  sections: 'tabs' | 'accordion' | 'steps';
  items: TemplateLayoutSection[];
}

/** How a card of this template is listed: its title and the indexed fields `list()` filters on. */
export interface TemplateListing {
  /** Pointer of the value used as the record title (e.g. `/general/companyName`). */
  title: string;
  /** Indexed field name → pointer of the value copied into `record.indexed`. */
  indexed: Record<string, string>;
  /** Pointers shown in the card's summary header (views, not inputs). */
  summary: string[];
}

/** A ready card: `{schema, layout, messages, sample}`, plus how its records are listed. */
export interface CardTemplate<T = JsonValue> {
  /** Stable id, also the storage `schemaId` a new card of this template is saved under. */
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  schema: JsonSchemaObject;
  layout: TemplateLayout;
  messages: MessageCatalogue;
  /** A filled card for a fictional client, valid against `schema`. */
  sample: T;
  listing: TemplateListing;
  /** The roles its schema names (`x-access`, `x-reminder.who`) and their labels (registered: roleLabel). */
  roles?: Readonly<Record<string, LocalizedText>>;
  /**
   * The schema's validator, precompiled at build time (scripts/generate-template-validators.mjs):
   * give it to the card (`card.validator = await t.loadValidator()`) and no ajv compiler is
   * loaded or run. A chunk of its own in a bundled app, fetched only when called. Only for
   * `schema` as shipped: a migrated or edited schema needs its own.
   */
  loadValidator?: () => Promise<PrecompiledValidator>;
}
