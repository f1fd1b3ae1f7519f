/**
 * Values as text for the view mode: option labels for enums, numbers, dates and money with the
 * locale's `Intl` formats, yes/no for booleans, nested lists for arrays and objects.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { type FieldNode, type FormController, type JsonValue, type JsonSchemaObject, type Locale } from '@kartochka/core';
import { joinPointer, parentPointer } from '@kartochka/core/internal';
import { t } from '../internal/i18n.js';
import { numberFormat, dateTimeFormat } from '../internal/intl.js';
import { formatBytes, isMoneyNode } from '../internal/widget-utils.js';
import { fileLink } from '../internal/file-links.js';

const BCP47: Record<string, string> = { en: 'en-GB', ru: 'ru-RU' };
export const bcp47 = (locale: Locale): string => BCP47[locale] ?? locale;

export function isEmptyValue(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)
  );
}

/** An attachment (the file widget's node) holding at least a name. */
function isFileNode(node: FieldNode, value: unknown): value is { name: string; size?: unknown; url?: unknown } {
  return node.widget === 'kc-file-field' && !!value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string';
}

export function formatMoney(value: unknown, locale: Locale): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { amount, currency } = value as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'number') return undefined;
  try {
    if (typeof currency === 'string' && currency) return numberFormat(bcp47(locale), { style: 'currency', currency }).format(amount);
  } catch {
    // not an ISO 4217 code: number and code as they are
  }
  return `${numberFormat(bcp47(locale)).format(amount)}${typeof currency === 'string' && currency ? ` ${currency}` : ''}`;
}

/** A scalar as text, by the schema's type and format. */
export function formatScalar(schema: JsonSchemaObject, value: JsonValue, locale: Locale): string {
  const loc = bcp47(locale);
  if (typeof value === 'boolean') return t(locale, value ? 'yes' : 'no');
  if (typeof value === 'number') return numberFormat(loc, { maximumFractionDigits: 20 }).format(value);
  if (typeof value === 'string') {
    if (schema.format === 'date') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (m) return dateTimeFormat(loc, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    }
    if (schema.format === 'date-time') {
      const d = new Date(value);
      if (!Number.isNaN(d.getTime())) return dateTimeFormat(loc, { dateStyle: 'long', timeStyle: 'short' }).format(d);
    }
    return value;
  }
  return value === null ? t(locale, 'notSet') : JSON.stringify(value);
}

/** Any node's value as a template: scalars as text, arrays as lists, objects as label/value lists. */
export function formatNode(c: FormController, node: FieldNode, depth = 0): TemplateResult | string {
  const value = c.getValue(node.pointer);
  const locale = c.locale;
  if (isEmptyValue(value)) return html`<span class="empty">${t(locale, 'notSet')}</span>`;
  if (node.kind === 'fallback') return html`<code>${JSON.stringify(value)}</code>`;
  if (isMoneyNode(node)) return formatMoney(value, locale) ?? JSON.stringify(value);
  if (isFileNode(node, value)) {
    // A file reads as its name (a link when it has a web address) and its size — not its MIME type and epoch milliseconds.
    const link = fileLink(value, node.pointer);
    const size = typeof value.size === 'number' ? html` <span class="meta">· ${formatBytes(bcp47(locale), value.size)}</span>` : nothing;
    return html`${link ? html`<a href=${link.href} target="_blank" rel="noopener noreferrer" download=${value.name} @click=${link.onClick ?? nothing}>${value.name}</a>` : value.name}${size}`;
  }
  if (node.kind === 'value') {
    if (node.options) {
      const o = node.options.find((x) => JSON.stringify(x.value) === JSON.stringify(value));
      return o ? c.optionLabel(node, o.value, o.title) : formatScalar(node.schema, value!, locale);
    }
    return formatScalar(node.schema, value!, locale);
  }
  if (depth > 8) return html`<code>${JSON.stringify(value)}</code>`;
  if (node.kind === 'array') {
    if (node.itemOptions && Array.isArray(value)) {
      const labels = value.map((v) => {
        const o = node.itemOptions!.find((x) => JSON.stringify(x.value) === JSON.stringify(v));
        return o ? c.optionLabel(node, o.value, o.title) : typeof v === 'string' ? v : JSON.stringify(v);
      });
      return html`<ul class="list" part="list">${labels.map((l) => html`<li>${l}</li>`)}</ul>`;
    }
    return html`<ul class="list" part="list">${c.children(node.pointer).map((item) => html`<li>${formatNode(c, item, depth + 1)}</li>`)}</ul>`;
  }
  const children = c.children(node.pointer).filter((ch) => !isEmptyValue(c.getValue(ch.pointer)));
  return html`<dl class="pairs">${children.map((ch) => html`<div><dt>${c.label(ch)}</dt><dd>${formatNode(c, ch, depth + 1)}</dd></div>`)}</dl>${children.length ? nothing : t(locale, 'notSet')}`;
}

/**
 * A value as one line of words, for places with no room for a list (summary chips, the conflict
 * table): option labels (the catalogue's, then the schema's), dates and numbers in the locale, a
 * list as its items joined, an object as its first value with the others in brackets —
 * "Лидокаин (Покраснение, отёк; Средняя)" — never raw JSON. `value` defaults to the node's own;
 * another (the other side of a conflict) is worded with the same schema and catalogue.
 */
export function formatText(c: FormController, node: FieldNode, value: unknown = c.getValue(node.pointer), depth = 0): string {
  const locale = c.locale;
  const option = (options: FieldNode['options'], v: unknown) => {
    const o = options?.find((x) => JSON.stringify(x.value) === JSON.stringify(v));
    return o ? c.optionLabel(node, o.value, o.title) : undefined;
  };
  if (isEmptyValue(value)) return t(locale, 'notSet');
  if (isMoneyNode(node)) return formatMoney(value, locale) ?? t(locale, 'notSet');
  if (isFileNode(node, value))
    return typeof value.size === 'number' ? `${value.name} (${formatBytes(bcp47(locale), value.size)})` : value.name;
  if (node.kind === 'value' || typeof value !== 'object')
    return option(node.options, value) ?? formatScalar(node.schema, value as JsonValue, locale);
  if (node.kind === 'fallback' || depth > 8) return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as object);
  const parts = entries
    .filter(([, v]) => !isEmptyValue(v))
    .map(([k, v]) => {
      if (node.kind === 'array' && node.itemOptions) return option(node.itemOptions, v) ?? (typeof v === 'string' ? v : JSON.stringify(v));
      const child = c.node(joinPointer(node.pointer, k));
      return child ? formatText(c, child, v, depth + 1) : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  if (Array.isArray(value)) return parts.join(', ');
  if (!parts.length) return t(locale, 'notSet');
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join('; ')})`;
}

/**
 * A field named for a person, by its pointer: its label («Штат»), an array item as its list's
 * label and number («Телефоны #2»); the pointer itself only when the card has no such field.
 */
export function fieldName(c: FormController | undefined, pointer: string): string {
  const node = c?.node(pointer);
  if (!c || !node) return pointer;
  const parent = parentPointer(pointer);
  if (/^\d+$/.test(node.key) && parent !== undefined && parent !== '') return `${fieldName(c, parent)} #${Number(node.key) + 1}`;
  return c.label(node);
}
