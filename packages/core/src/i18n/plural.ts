import type { Locale } from '../types.js';

const rules = new Map<Locale, Intl.PluralRules>();

/**
 * Picks the plural form for `n`: `forms` holds `one`, `few`, `many`, `other` (Russian needs three
 * forms: 1 символ, 2 символа, 5 символов; English uses `one` and `other`).
 */
export function plural(locale: Locale, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>): string {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return forms[r.select(n)] ?? forms.other ?? forms.many ?? '';
}

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function format(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
