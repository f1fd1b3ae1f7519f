/**
 * Small helpers shared by the option-based and compound widgets (select, radio group, multi-select,
 * rating, money, tags, file). Kept apart from KcFieldElement so its contract stays small.
 */
import type { FieldError, FieldNode, FormController, JsonSchemaObject, JsonValue, SchemaOption } from '@kartochka/core';
import { numberFormat } from './intl.js';

/** An option with the label to show in the current locale. */
export interface LabelledOption {
  value: JsonValue;
  label: string;
  description?: string;
}

/** Identity of an option value (values may be any JSON). */
export const keyOf = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/**
 * Options of an enum-like schema when no controller built them (a standalone widget): `enum` with
 * `x-enumTitles`, or a `oneOf`/`anyOf` of `const` + `title`.
 */
export function schemaOptions(schema: JsonSchemaObject | undefined): SchemaOption[] {
  if (!schema) return [];
  if (Array.isArray(schema.enum)) {
    const titles = schema['x-enumTitles'] ?? schema['x-enumNames'] ?? schema['enumNames'];
    return schema.enum.map((value, i) => {
      const t = Array.isArray(titles) ? titles[i] : undefined;
      return typeof t === 'string' ? { value, title: t } : { value };
    });
  }
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const list = schema[kw];
    if (!Array.isArray(list)) continue;
    const out: SchemaOption[] = [];
    for (const b of list) {
      if (typeof b !== 'object' || b === null || !('const' in b)) continue;
      out.push({ value: b.const as JsonValue, title: typeof b.title === 'string' ? b.title : undefined });
    }
    if (out.length) return out;
  }
  return [];
}

/** Labels options through the controller (message catalogue, then titles) or from titles alone. */
export function labelOptions(c: FormController | undefined, node: FieldNode | undefined, raw: readonly SchemaOption[]): LabelledOption[] {
  return raw.map((o) => ({
    value: o.value,
    label:
      c && node
        ? c.optionLabel(node, o.value, o.title)
        : (o.title ?? (o.value === null ? '—' : typeof o.value === 'string' ? o.value : JSON.stringify(o.value))),
    description: o.description,
  }));
}

/** A stored value that is not among the options, as text. */
export const displayUnknown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Visible errors below `path` (a compound widget such as money or tags edits its children as one
 * control, so their errors show on it).
 */
export function subtreeErrors(c: FormController | undefined, path: string): FieldError[] {
  if (!c) return [];
  const out: FieldError[] = [];
  const seen = new Set<string>();
  // Rendering must not compile a deferred validator (paint first): the errors known now.
  for (const e of c.knownErrors()) {
    if (!e.path.startsWith(path + '/') || seen.has(e.path)) continue;
    seen.add(e.path);
    out.push(...c.state(e.path).errors);
  }
  return out;
}

/** Fires the native-named `input` event on a widget host (composed, so it leaves the card). */
export function fireInput(host: HTMLElement): void {
  host.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fires `input` then `change`, as a native control does for a discrete choice. */
export function fireInputAndChange(host: HTMLElement): void {
  fireInput(host);
  host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Bytes as "12 KB" / "1,5 МБ", via Intl units. */
export function formatBytes(locale: string, bytes: number): string {
  const [unit, n] =
    bytes >= 1024 * 1024 ? ['megabyte', bytes / (1024 * 1024)] : bytes >= 1024 ? ['kilobyte', bytes / 1024] : ['byte', bytes];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(n);
}

/**
 * A stored file's `url` as a link target, only when it is a web address (http, https, or relative to
 * the page) or a blob: never `javascript:` or `data:`, whatever a record contains.
 */
export function safeFileLink(url: unknown): string | undefined {
  if (typeof url !== 'string' || !url.trim()) return undefined;
  try {
    const parsed = new URL(url, globalThis.location?.href ?? 'http://localhost/');
    return ['http:', 'https:', 'blob:'].includes(parsed.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `{amount, currency}` (or `x-widget: money`): one currency amount in view mode, not a group of
 * two fields (the section decides that before the field view, in its own chunk, is loaded).
 */
export function isMoneyNode(node: FieldNode): boolean {
  if (node.kind !== 'object') return false;
  const s = node.schema;
  if (s['x-widget'] === 'money') return true;
  const p = s.properties ?? {};
  const keys = Object.keys(p);
  return keys.length === 2 && keys.includes('amount') && keys.includes('currency');
}
