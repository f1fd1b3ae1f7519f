/**
 * The layout document's own JSON Schema (2020-12). `layout.schema.json` beside this file is the
 * same document for tools outside TypeScript; a test keeps the two equal.
 */
import type { JsonSchemaObject } from '../types.js';
import { SECTIONS_MODES } from './types.js';

const localized: JsonSchemaObject = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { en: { type: 'string' }, ru: { type: 'string' } },
      additionalProperties: { type: 'string' },
      minProperties: 1,
    },
  ],
};

/** A JSON Logic expression: any JSON value (checked by the rules engine, not here). */
const expression: JsonSchemaObject = {};

export const layoutSchema: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:kartochka:layout:v1',
  title: 'Kartochka card layout',
  type: 'object',
  required: ['version', 'items'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    version: { const: 1 },
    sections: { enum: [...SECTIONS_MODES] },
    columns: { $ref: '#/$defs/columns' },
    widgets: { type: 'object', additionalProperties: { type: 'string', minLength: 1 } },
    items: { type: 'array', items: { $ref: '#/$defs/section' } },
  },
  $defs: {
    columns: { type: 'integer', minimum: 1, maximum: 12 },
    text: localized,
    // Segments exclude `/`, so each string splits one way only: linear on a backtracking engine.
    pointer: { type: 'string', pattern: '^(/([^~/]|~[01])*)+$' },
    containerRules: {
      type: 'object',
      additionalProperties: false,
      properties: { visible: expression, readOnly: expression },
    },
    rules: {
      type: 'object',
      additionalProperties: false,
      properties: { visible: expression, required: expression, readOnly: expression },
    },
    section: {
      type: 'object',
      required: ['type', 'id', 'items'],
      additionalProperties: false,
      properties: {
        type: { const: 'section' },
        id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
        title: { $ref: '#/$defs/text' },
        description: { $ref: '#/$defs/text' },
        pointer: { $ref: '#/$defs/pointer' },
        columns: { $ref: '#/$defs/columns' },
        rules: { $ref: '#/$defs/containerRules' },
        items: { type: 'array', items: { $ref: '#/$defs/item' } },
      },
    },
    item: {
      oneOf: [{ $ref: '#/$defs/pointer' }, { $ref: '#/$defs/field' }, { $ref: '#/$defs/group' }],
    },
    field: {
      type: 'object',
      required: ['type', 'pointer'],
      additionalProperties: false,
      properties: {
        type: { const: 'field' },
        pointer: { $ref: '#/$defs/pointer' },
        widget: { type: 'string', minLength: 1 },
        span: { $ref: '#/$defs/columns' },
        rules: { $ref: '#/$defs/rules' },
      },
    },
    group: {
      type: 'object',
      required: ['type', 'items'],
      additionalProperties: false,
      properties: {
        type: { const: 'group' },
        id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
        title: { $ref: '#/$defs/text' },
        columns: { $ref: '#/$defs/columns' },
        span: { $ref: '#/$defs/columns' },
        rules: { $ref: '#/$defs/containerRules' },
        items: { type: 'array', items: { $ref: '#/$defs/item' } },
      },
    },
  },
};
