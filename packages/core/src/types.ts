/** Shared types of the form engine. Everything here is plain data: no DOM, no Lit. */

export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A JSON Schema (2020-12 or draft-07). Kept loose on purpose: unknown keywords are allowed. */
export interface JsonSchemaObject {
  $schema?: string;
  $id?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  type?: string | string[];
  title?: string;
  description?: string;
  default?: JsonValue;
  examples?: JsonValue[];
  const?: JsonValue;
  enum?: JsonValue[];
  readOnly?: boolean;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  dependentRequired?: Record<string, string[]>;
  dependentSchemas?: Record<string, JsonSchema>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Kartochka: explicit widget tag or name. */
  'x-widget'?: string;
  /** Kartochka: custom error messages, per keyword or one for all, optionally per locale. */
  'x-errorMessage'?: string | Record<string, string | Record<string, string>>;
  [keyword: string]: unknown;
}
export type JsonSchema = boolean | JsonSchemaObject;

/** A language tag (BCP 47): any language with a registered translation (docs/i18n.md). */
export type { Locale } from '@kartochka/i18n';

/** Where an error came from. */
export type ErrorSource = 'schema' | 'server' | 'rule' | 'app';

/** A validation error as data. `path` is a JSON Pointer into the data. */
export interface FieldError {
  path: string;
  keyword: string;
  message: string;
  source: ErrorSource;
  params?: Record<string, unknown>;
}

export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
}

/** When errors become visible to the user. */
export type ValidationMode = 'onInput' | 'onTouched' | 'none';
