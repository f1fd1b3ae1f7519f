import { fallbackChain } from '@kartochka/i18n';
import type { Locale } from '../types.js';
import type { LocalizedText } from './types.js';

/**
 * A text in `locale`: the first language of its fallback chain the text has (`de-AT` → `de` →
 * `en`, or a registered `kk` → `ru` → `en`), else any; `undefined` when none.
 */
export function localize(
  text: LocalizedText | Readonly<Record<string, string | undefined>> | undefined,
  locale: Locale,
): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  for (const tag of fallbackChain(locale)) if (typeof text[tag] === 'string') return text[tag];
  return Object.values(text).find((v) => typeof v === 'string');
}
