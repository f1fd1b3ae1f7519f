/**
 * Cached Intl formatters. Constructing an `Intl.NumberFormat` costs tens of microseconds (locale
 * data lookup); a 2,000-field card formatting every number on mount made hundreds of them. Options
 * objects are small literals, so their JSON is a good key.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Per options object first (callers pass module-level constants), then by their JSON. */
const byOptionsObject = new WeakMap<object, Map<string, Intl.NumberFormat>>();

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  let same = byOptionsObject.get(options);
  if (!same) byOptionsObject.set(options, (same = new Map()));
  const hit = same.get(locale ?? '');
  if (hit) return hit;
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, options)));
  same.set(locale ?? '', f);
  return f;
}

export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = dateTimeFormats.get(key);
  if (!f) dateTimeFormats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
