// Plurals and placeholders live in @kartochka/i18n with the registry; re-exported for core's modules.
import { plural, formatMessage, type MessageParams } from '@kartochka/i18n';

export { plural, formatMessage as format };

/**
 * A catalogue message that agrees with its count (`formatMessage` has no plural syntax): the form
 * `plural()` picks for `params[count]`, with `{name}` placeholders filled. `locale` is the
 * catalogue's own language, whose words the forms are, not the reader's (a locale that falls back
 * to this catalogue still gets its grammar). English and German need `one` and `other`; Russian
 * `one`, `few`, `many` and `other` (fractions). For catalogues of any package (core/internal):
 * `{ cards: pluralMessage('en', { one: '{n} card', other: '{n} cards' }) }`.
 */
export function pluralMessage(
  locale: string,
  forms: Partial<Record<Intl.LDMLPluralRule, string>>,
  count = 'n',
): (params: MessageParams) => string {
  return (params) => formatMessage(plural(locale, Number(params[count]), forms), params);
}
