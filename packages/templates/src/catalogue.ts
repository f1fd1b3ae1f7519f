/**
 * Builds a message catalogue from one table of `[pointer template, ru, en, extras]` rows, so each
 * field's two languages sit side by side and neither can be forgotten.
 */
import type { FieldMessages, MessageCatalogue } from '@kartochka/core';

/** Russian and English, in that order. */
export type Pair = readonly [ru: string, en: string];

export interface EntryExtras {
  /** Description (hint) in both languages. */
  d?: Pair;
  /** Option labels by value. */
  o?: Record<string, Pair>;
}

export type Entry = readonly [template: string, ru: string, en: string, extras?: EntryExtras];

function side(e: Entry, i: 0 | 1): string | FieldMessages {
  const [, ru, en, x] = e;
  const title = i === 0 ? ru : en;
  if (!x) return title;
  const m: FieldMessages = { title };
  if (x.d) m.description = x.d[i];
  if (x.o) m.options = Object.fromEntries(Object.entries(x.o).map(([k, v]) => [k, v[i]]));
  return m;
}

/** `{ru: {template: …}, en: {template: …}}`; throws on a duplicated template (a copy-paste slip). */
export function catalogue(entries: readonly Entry[]): MessageCatalogue {
  const ru: Record<string, string | FieldMessages> = {};
  const en: Record<string, string | FieldMessages> = {};
  for (const e of entries) {
    if (e[0] in ru) throw new Error(`Message catalogue: "${e[0]}" is listed twice.`);
    ru[e[0]] = side(e, 0);
    en[e[0]] = side(e, 1);
  }
  return { ru, en };
}

/** The same option table for several templates (e.g. every `*\/status`). */
export const opts = (o: Record<string, Pair>): EntryExtras => ({ o });
