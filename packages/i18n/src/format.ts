/** Placeholders and plural forms, for every catalogue. */
const rules = new Map<string, Intl.PluralRules>();

/**
 * Picks the plural form for `n`: `forms` holds `one`, `few`, `many`, `other` (Russian needs three
 * forms: 1 символ, 2 символа, 5 символов; English and German use `one` and `other`).
 */
export function plural(locale: string, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>): string {
  let r = rules.get(locale);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules('en'); // a registered tag Intl does not know still gets a form
    }
    rules.set(locale, r);
  }
  return forms[r.select(n)] ?? forms.other ?? forms.many ?? '';
}

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function formatMessage(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(params, k) ? String(params[k]) : m));
}
