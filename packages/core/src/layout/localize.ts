import type { Locale } from '../types.js';
import type { LocalizedText } from './types.js';

/** A layout text in `locale`: the locale's own, else English, else any; `undefined` when none. */
export function localize(text: LocalizedText | undefined, locale: Locale): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text).find((v) => typeof v === 'string');
}
