/**
 * The palette's field types: what schema each one writes, how a schema is recognised as one, which
 * constraints and widgets it offers. Recognition looks at the schema alone, so cards made by hand
 * or by templates open in the builder too.
 */
import type { JsonSchemaObject } from '@kartochka/core';
import type { FieldType } from './types.js';

export interface FieldTypeInfo {
  readonly type: FieldType;
  /** Default key stem for a new field of this type. */
  readonly key: string;
  /** The type's name per language (`localize(label, locale)` picks one along the fallback chain). */
  readonly label: { ru: string; en: string; [locale: string]: string };
  /** The schema of a new field (without `x-kc-id`). */
  readonly create: () => JsonSchemaObject;
  /** Constraint keywords the inspector offers. */
  readonly constraints: readonly ConstraintKeyword[];
  /** Widgets (registry names) that fit; the first is the default. */
  readonly widgets: readonly string[];
}

export type ConstraintKeyword =
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minimum'
  | 'maximum'
  | 'multipleOf'
  | 'minItems'
  | 'maxItems'
  | 'formatMinimum'
  | 'formatMaximum';

const TEXT: ConstraintKeyword[] = ['minLength', 'maxLength', 'pattern'];
const NUM: ConstraintKeyword[] = ['minimum', 'maximum', 'multipleOf'];
const LIST: ConstraintKeyword[] = ['minItems', 'maxItems'];
const DATE: ConstraintKeyword[] = ['formatMinimum', 'formatMaximum'];

const str = (extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'string', ...extra });

/** In palette order. */
export const FIELD_TYPES: readonly FieldTypeInfo[] = [
  {
    type: 'text',
    key: 'text',
    label: { ru: 'Текст', en: 'Text', de: 'Text' },
    create: () => str(),
    constraints: TEXT,
    widgets: ['text', 'textarea'],
  },
  {
    type: 'longText',
    key: 'notes',
    label: { ru: 'Длинный текст', en: 'Long text', de: 'Langer Text' },
    create: () => str({ 'x-widget': 'textarea' }),
    constraints: TEXT,
    widgets: ['textarea', 'text'],
  },
  {
    type: 'number',
    key: 'number',
    label: { ru: 'Число', en: 'Number', de: 'Zahl' },
    create: () => ({ type: 'number' }),
    constraints: NUM,
    widgets: ['number', 'percent', 'rating'],
  },
  {
    type: 'integer',
    key: 'count',
    label: { ru: 'Целое число', en: 'Whole number', de: 'Ganze Zahl' },
    create: () => ({ type: 'integer' }),
    constraints: NUM,
    widgets: ['number', 'rating', 'percent'],
  },
  {
    type: 'money',
    key: 'amount',
    label: { ru: 'Деньги', en: 'Money', de: 'Geldbetrag' },
    create: () => ({
      type: 'object',
      properties: { amount: { type: 'number' }, currency: { type: 'string', pattern: '^[A-Z]{3}$', default: 'RUB' } },
      required: ['amount', 'currency'],
    }),
    constraints: [],
    widgets: ['money'],
  },
  {
    type: 'percent',
    key: 'percent',
    label: { ru: 'Процент', en: 'Percent', de: 'Prozent' },
    create: () => ({ type: 'number', minimum: 0, maximum: 100, 'x-unit': '%' }),
    constraints: NUM,
    widgets: ['percent', 'number'],
  },
  {
    type: 'date',
    key: 'date',
    label: { ru: 'Дата', en: 'Date', de: 'Datum' },
    create: () => str({ format: 'date' }),
    constraints: DATE,
    widgets: ['date'],
  },
  {
    type: 'dateTime',
    key: 'dateTime',
    label: { ru: 'Дата и время', en: 'Date and time', de: 'Datum und Uhrzeit' },
    create: () => str({ format: 'date-time' }),
    constraints: DATE,
    widgets: ['datetime'],
  },
  {
    type: 'time',
    key: 'time',
    label: { ru: 'Время', en: 'Time', de: 'Uhrzeit' },
    create: () => str({ format: 'time' }),
    constraints: [],
    widgets: ['time'],
  },
  {
    type: 'email',
    key: 'email',
    label: { ru: 'Эл. почта', en: 'E-mail', de: 'E-Mail' },
    create: () => str({ format: 'email' }),
    constraints: ['maxLength'],
    widgets: ['email'],
  },
  {
    type: 'phone',
    key: 'phone',
    label: { ru: 'Телефон', en: 'Phone', de: 'Telefon' },
    create: () => str({ format: 'phone' }),
    constraints: [],
    widgets: ['phone'],
  },
  {
    type: 'url',
    key: 'website',
    label: { ru: 'Ссылка', en: 'Link', de: 'Link' },
    create: () => str({ format: 'uri' }),
    constraints: [],
    widgets: ['url'],
  },
  {
    type: 'select',
    key: 'choice',
    label: { ru: 'Выбор из списка', en: 'Select', de: 'Auswahlliste' },
    create: () => str({ enum: ['option1'] }),
    constraints: [],
    widgets: ['select', 'radio'],
  },
  {
    type: 'radio',
    key: 'choice',
    label: { ru: 'Переключатели', en: 'Radio buttons', de: 'Optionsfelder' },
    create: () => str({ enum: ['option1'], 'x-widget': 'radio' }),
    constraints: [],
    widgets: ['radio', 'select'],
  },
  {
    type: 'multiSelect',
    key: 'choices',
    label: { ru: 'Несколько из списка', en: 'Multi-select', de: 'Mehrfachauswahl' },
    create: () => ({ type: 'array', items: { type: 'string', enum: ['option1'] }, uniqueItems: true }),
    constraints: LIST,
    widgets: ['multiselect'],
  },
  {
    type: 'tags',
    key: 'tags',
    label: { ru: 'Метки', en: 'Tags', de: 'Schlagwörter' },
    create: () => ({ type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, 'x-widget': 'tags' }),
    constraints: LIST,
    widgets: ['tags'],
  },
  {
    type: 'checkbox',
    key: 'flag',
    label: { ru: 'Флажок', en: 'Checkbox', de: 'Kontrollkästchen' },
    create: () => ({ type: 'boolean' }),
    constraints: [],
    widgets: ['checkbox', 'switch'],
  },
  {
    type: 'switch',
    key: 'enabled',
    label: { ru: 'Переключатель', en: 'Switch', de: 'Schalter' },
    create: () => ({ type: 'boolean', 'x-widget': 'switch' }),
    constraints: [],
    widgets: ['switch', 'checkbox'],
  },
  {
    type: 'rating',
    key: 'rating',
    label: { ru: 'Оценка', en: 'Rating', de: 'Bewertung' },
    create: () => ({ type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating' }),
    constraints: ['minimum', 'maximum'],
    widgets: ['rating', 'number'],
  },
  {
    type: 'file',
    key: 'file',
    label: { ru: 'Файл', en: 'File', de: 'Datei' },
    create: () => ({
      type: 'object',
      'x-widget': 'file',
      properties: { name: { type: 'string' }, size: { type: 'integer' }, type: { type: 'string' } },
      required: ['name'],
    }),
    constraints: [],
    widgets: ['file'],
  },
  {
    type: 'computed',
    key: 'result',
    label: { ru: 'Вычисляемое', en: 'Computed', de: 'Berechnet' },
    create: () => ({ type: 'number', readOnly: true, 'x-formula': null }),
    constraints: [],
    widgets: ['computed'],
  },
  {
    type: 'repeating',
    key: 'items',
    label: { ru: 'Повторяющаяся группа', en: 'Repeating group', de: 'Wiederholte Gruppe' },
    create: () => ({ type: 'array', items: { type: 'object', properties: {} } }),
    constraints: LIST,
    widgets: ['list'],
  },
];

const BY_TYPE = new Map(FIELD_TYPES.map((t) => [t.type, t]));

const OBJECT_INFO: FieldTypeInfo = {
  type: 'object',
  key: 'group',
  label: { ru: 'Вложенный блок', en: 'Nested block', de: 'Verschachtelter Block' },
  create: () => ({ type: 'object', properties: {} }),
  constraints: [],
  widgets: ['group'],
};
const OTHER_INFO: FieldTypeInfo = {
  type: 'other',
  key: 'value',
  label: { ru: 'JSON', en: 'JSON', de: 'JSON' },
  create: () => ({}),
  constraints: [],
  widgets: ['json'],
};

export function fieldTypeInfo(type: FieldType): FieldTypeInfo {
  return BY_TYPE.get(type) ?? (type === 'object' ? OBJECT_INFO : OTHER_INFO);
}

const primary = (s: JsonSchemaObject): string | undefined => {
  const t = s.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  if (Array.isArray(s.enum)) return typeof s.enum[0] === 'number' ? 'number' : 'string';
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
};

/** The palette type a schema stands for. */
export function fieldTypeOf(schema: JsonSchemaObject): FieldType {
  const w = schema['x-widget'];
  if (schema['x-formula'] !== undefined) return 'computed';
  const t = primary(schema);
  if (t === 'object') {
    const p = schema.properties ?? {};
    if (w === 'file' || w === 'kc-file-field' || typeof schema.contentMediaType === 'string') return 'file';
    if ('amount' in p && 'currency' in p && Object.keys(p).length === 2) return 'money';
    return 'object';
  }
  if (t === 'array') {
    const items = schema.items;
    if (!items || typeof items !== 'object' || Array.isArray(items)) return 'other';
    const it = items as JsonSchemaObject;
    if (Array.isArray(it.enum) || Array.isArray(it.oneOf)) return 'multiSelect';
    const ip = primary(it);
    if (ip === 'object') return 'repeating';
    if (ip === 'string') return 'tags';
    return 'other';
  }
  if (Array.isArray(schema.enum)) return w === 'radio' || w === 'kc-radio-group' ? 'radio' : 'select';
  switch (t) {
    case 'string':
      switch (schema.format) {
        case 'date':
          return 'date';
        case 'date-time':
          return 'dateTime';
        case 'time':
          return 'time';
        case 'email':
        case 'idn-email':
          return 'email';
        case 'phone':
        case 'tel':
          return 'phone';
        case 'uri':
        case 'url':
        case 'iri':
        case 'uri-reference':
          return 'url';
      }
      return w === 'textarea' || w === 'kc-textarea' ? 'longText' : 'text';
    case 'integer':
      if (w === 'rating' || w === 'kc-rating') return 'rating';
      if (schema['x-unit'] === '%') return 'percent';
      return 'integer';
    case 'number':
      if (w === 'rating' || w === 'kc-rating') return 'rating';
      if (schema['x-unit'] === '%' || w === 'percent') return 'percent';
      return 'number';
    case 'boolean':
      return w === 'switch' || w === 'kc-switch' ? 'switch' : 'checkbox';
  }
  return 'other';
}

/** True for types whose values are a fixed list of options. */
export const hasOptions = (type: FieldType): boolean => type === 'select' || type === 'radio' || type === 'multiSelect';
/** True for the types a reminder can be set on. */
export const isDateType = (type: FieldType): boolean => type === 'date' || type === 'dateTime';
/** True for fields that contain fields of their own (repeating groups, nested blocks). */
export const isContainerType = (type: FieldType): boolean => type === 'repeating' || type === 'object';
