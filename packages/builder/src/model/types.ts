/**
 * The builder's document: exactly what a card needs (schema, layout, messages), with no builder-only
 * wrapper, so what you edit is what you publish. Every field's schema carries a stable internal id
 * in `x-kc-id`; versions are compared by it, never by guessing from names.
 */
import type { JsonSchemaObject, LayoutDocument, Locale, MessageCatalogue } from '@kartochka/core';

export type { Locale };

/** What the builder edits and publishes. */
export interface BuilderDocument {
  readonly schema: JsonSchemaObject;
  readonly layout: LayoutDocument;
  readonly messages: MessageCatalogue;
}

/** The keyword holding a field's stable id. */
export const ID_KEYWORD = 'x-kc-id';
/** Set when an admin typed the key by hand: it then no longer follows the title. */
export const MANUAL_KEY_KEYWORD = 'x-kc-manualKey';
/** Reminder settings on date fields. */
export const REMINDER_KEYWORD = 'x-reminder';
/** Migrations stored with a published schema version (core's card/migrate.ts). */
export { MIGRATIONS_KEYWORD } from '@kartochka/core/internal';

/** Every kind of field the palette offers. */
export type FieldType =
  | 'text'
  | 'longText'
  | 'number'
  | 'integer'
  | 'money'
  | 'percent'
  | 'date'
  | 'dateTime'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'select'
  | 'radio'
  | 'multiSelect'
  | 'tags'
  | 'checkbox'
  | 'switch'
  | 'rating'
  | 'file'
  | 'computed'
  | 'repeating'
  /** A nested object that is not a repeating group (templates use them); not in the palette. */
  | 'object'
  /** Anything the builder can't classify; edited in the JSON view. */
  | 'other';

/** Which thing is selected or addressed: a section or group of the layout, or a field by `x-kc-id`. */
export interface NodeRef {
  readonly kind: 'section' | 'group' | 'field';
  readonly id: string;
}

/** Where to put something: inside a section, a group or a repeating group, at an index (end by default). */
export interface Target {
  readonly container: NodeRef;
  readonly index?: number;
}

/** Which fields were published already (their keys are frozen). */
export interface EditContext {
  readonly published?: ReadonlySet<string>;
}

/** The result of an operation that creates something. */
export interface Created {
  readonly doc: BuilderDocument;
  readonly ref: NodeRef;
}

/** A localised text of the builder's own (titles of sections and groups). */
export type Texts = Partial<Record<Locale, string>>;
