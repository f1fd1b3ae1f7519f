/**
 * Formatting shared by the list, history and reminders elements: calendar dates, instants and
 * values in the card's language, and field labels from the message catalogue or the schema.
 */
import {
  createSchemaContext,
  deref,
  type FieldMessages,
  type JsonSchema,
  type JsonSchemaObject,
  type Locale,
  type MessageCatalogue,
  type SchemaContext,
} from '@kartochka/core';
import { escapeToken, humanize, parsePointer } from '@kartochka/core/internal';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { numberFormat, dateTimeFormat } from '../internal/intl.js';
import { formatBytes } from '../internal/widget-utils.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

const tag = (locale: Locale) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** `2027-03-16` → "16 марта 2027 г." / "16 March 2027". Read as a calendar date, never shifted by a time zone. */
export function formatCalendarDate(iso: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dateTimeFormat(tag(locale), { dateStyle: style, timeZone: 'UTC' }).format(at);
}

/** An ISO instant as a local date and time. */
export function formatInstant(iso: string, locale: Locale, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return dateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(at);
}

export function formatNumber(n: number, locale: Locale): string {
  return numberFormat(tag(locale), { maximumFractionDigits: 2 }).format(n);
}

/** `title` in the locale from a string or `{ru, en}`. */
export function localized(text: string | Partial<Record<Locale, string>> | undefined, locale: Locale): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  return text[locale] ?? text.en ?? text.ru;
}

/** Labels and option labels of a card's fields, by concrete pointer. */
export class FieldLabels {
  #ctx?: SchemaContext;
  constructor(
    readonly schema: JsonSchema | undefined,
    readonly messages: MessageCatalogue | undefined,
    readonly locale: Locale,
  ) {
    if (schema !== undefined) this.#ctx = createSchemaContext(schema);
  }

  #entry(template: string): FieldMessages | undefined {
    const e = this.messages?.[this.locale]?.[template];
    return typeof e === 'string' ? { title: e } : e;
  }

  /** The schemas along a pointer, `undefined` where the schema says nothing. */
  #schemas(tokens: string[]): (JsonSchemaObject | undefined)[] {
    const out: (JsonSchemaObject | undefined)[] = [];
    let cur = this.#root();
    for (const token of tokens) {
      let next: JsonSchemaObject | undefined;
      if (cur && this.#ctx) {
        const props = cur.properties as Record<string, JsonSchema> | undefined;
        if (props && token in props) next = deref(this.#ctx, props[token]);
        else if (/^\d+$/.test(token) && cur.items && typeof cur.items === 'object' && !Array.isArray(cur.items))
          next = deref(this.#ctx, cur.items as JsonSchema);
      }
      out.push(next);
      cur = next;
    }
    return out;
  }

  #root(): JsonSchemaObject | undefined {
    return this.#ctx ? deref(this.#ctx, this.#ctx.root) : undefined;
  }

  /** Which tokens are array indices: under an array schema, or any number when the schema is silent. */
  #indices(tokens: string[], schemas: (JsonSchemaObject | undefined)[]): boolean[] {
    return tokens.map((token, i) => {
      if (!/^\d+$/.test(token)) return false;
      const parent = i === 0 ? this.#root() : schemas[i - 1];
      return parent ? parent.type === 'array' || parent.items !== undefined : true;
    });
  }

  /** The pointer template (array indices as `*`), the key of the message catalogue. */
  template(pointer: string): string {
    const tokens = parsePointer(pointer);
    const index = this.#indices(tokens, this.#schemas(tokens));
    return tokens.map((token, i) => '/' + (index[i] ? '*' : escapeToken(token))).join('');
  }

  /**
   * The file field a pointer lies in (`/contract/file` for `/contract/file/size`), or `undefined`:
   * a file changes as one value (its name and size), not as its parts (ids, checksums, types).
   */
  fileField(pointer: string): string | undefined {
    const tokens = parsePointer(pointer);
    const schemas = this.#schemas(tokens);
    const i = schemas.findIndex((s) => !!s && (s['x-widget'] === 'file' || typeof s.contentMediaType === 'string'));
    return i < 0
      ? undefined
      : tokens
          .slice(0, i + 1)
          .map((t) => '/' + escapeToken(t))
          .join('');
  }

  /** "Key people › #2 › Birthday": each step's label, from the catalogue, the schema, or the key. */
  label(pointer: string): string {
    if (pointer === '') return t(this.locale, 'historyWholeCard');
    const tokens = parsePointer(pointer);
    const schemas = this.#schemas(tokens);
    const index = this.#indices(tokens, schemas);
    let template = '';
    return tokens
      .map((token, i) => {
        template += '/' + (index[i] ? '*' : escapeToken(token));
        if (index[i]) return `#${Number(token) + 1}`;
        const s = schemas[i];
        return this.#entry(template)?.title ?? (typeof s?.title === 'string' ? s.title : humanize(token));
      })
      .join(' › ');
  }

  /**
   * A value as words: option labels (an array item's from its list's entry, as multi-selects keep
   * them there), dates, numbers, yes/no; a list as its items joined, a group as its first value
   * with the others in brackets, like the summary chips (view/format.ts formatText) — never JSON.
   */
  value(pointer: string, v: unknown, depth = 0): string {
    if (v === undefined || v === null || v === '') return t(this.locale, 'notSet');
    const template = this.template(pointer);
    const options = this.#entry(template)?.options ?? (template.endsWith('/*') ? this.#entry(template.slice(0, -2))?.options : undefined);
    if (typeof v === 'string') {
      if (options?.[v]) return options[v];
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatCalendarDate(v, this.locale, 'medium');
      if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatInstant(v, this.locale);
      return v;
    }
    if (typeof v === 'number') return options?.[JSON.stringify(v)] ?? formatNumber(v, this.locale);
    if (typeof v === 'boolean') return t(this.locale, v ? 'yes' : 'no');
    if (typeof v !== 'object' || depth > 8) return String(v);
    const file = v as { name?: unknown; size?: unknown };
    if (typeof file.name === 'string' && this.fileField(pointer) === pointer) {
      return typeof file.size === 'number' ? `${file.name} (${formatBytes(tag(this.locale), file.size)})` : file.name;
    }
    const parts = (Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v))
      .filter(([, x]) => x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && !x.length))
      .map(([k, x]) => this.value(`${pointer}/${escapeToken(k)}`, x, depth + 1));
    if (!parts.length) return t(this.locale, 'notSet');
    const text = Array.isArray(v) ? parts.join(', ') : parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join('; ')})`;
    return text.length > 200 ? text.slice(0, 199) + '…' : text;
  }
}
