/** Checking a computed field's formula and showing its result on sample data, as the card will. */
import {
  dataContext,
  dependencies,
  evaluate,
  parseFormula,
  printFormula,
  validateExpression,
  type FormulaField,
  type FormulaTextError,
  type JsonValue,
  type Locale,
} from '@kartochka/core';
import { templateOf } from '@kartochka/core/internal';
import { fieldIndex, ruleFields } from './doc.js';
import { optionsOf, titleOf } from './settings.js';
import type { BuilderDocument } from './types.js';

/**
 * The fields a formula can name, by their titles in `locale` (the other language's, then the key,
 * when a title is missing): the table core's formula parser and printer resolve `[Title]` with.
 */
export function formulaFields(doc: BuilderDocument, locale: Locale): FormulaField[] {
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  return ruleFields(doc).map((f) => {
    const ref = { kind: 'field', id: f.id } as const;
    // Option values are written by their labels ([Сегмент] = "Дилер"), stored as codes.
    const options = optionsOf(doc, f.id).map((o) => ({ value: o.value, label: o.labels[locale] ?? o.labels[other] ?? o.value }));
    return {
      name: titleOf(doc, ref, locale) || titleOf(doc, ref, other) || f.key,
      pointer: f.pointer,
      ...(options.length ? { options } : {}),
    };
  });
}

/** A formula in words for the inspector, or `undefined` when only JSON can say it. */
export function formulaText(doc: BuilderDocument, expr: JsonValue, locale: Locale): string | undefined {
  try {
    return printFormula(expr, { locale, fields: formulaFields(doc, locale) });
  } catch {
    return undefined;
  }
}

export interface FormulaTextCheck extends FormulaCheck {
  /** The parsed formula, when the text is well-formed. */
  readonly expr?: JsonValue;
  /** The syntax error, with its place in the text. */
  readonly error?: FormulaTextError;
}

/** Parses formula text (core's parser) and checks it as {@link checkFormula} does. Empty text is no formula. */
export function checkFormulaText(
  doc: BuilderDocument,
  pointer: string,
  text: string,
  sample: unknown,
  locale: Locale,
  now?: Date,
): FormulaTextCheck {
  if (text.trim() === '') return { problems: [], expr: null };
  const parsed = parseFormula(text, { locale, fields: formulaFields(doc, locale) });
  if (!parsed.ok) return { problems: [], error: parsed.error };
  return { ...checkFormula(doc, pointer, parsed.expr, sample, now), expr: parsed.expr };
}

export interface FormulaCheck {
  /** Problems, with `at` a JSON Pointer into the formula (`/+/1` is the 2nd argument of `+`). */
  readonly problems: readonly { at: string; message: string }[];
  /** The result on the sample data, when the formula is valid. */
  readonly result?: unknown;
}

/** Validates a formula (core's `validateExpression`, plus unknown fields) and evaluates it on `sample`. */
export function checkFormula(doc: BuilderDocument, pointer: string, expr: JsonValue, sample: unknown, now?: Date): FormulaCheck {
  const problems = [...validateExpression(expr)];
  if (problems.length) return { problems };
  const known = new Set([...fieldIndex(doc.schema).values()].map((f) => f.pointer));
  // The paths core's walker finds (the same the card's rule graph reads), relative ones resolved from the field.
  const unknown = new Set<string>();
  for (const p of dependencies(expr, pointer)) {
    const template = templateOf(p);
    if (p !== '' && ![...known].some((k) => k === template || template.startsWith(k + '/'))) unknown.add(p);
  }
  if (unknown.size) return { problems: [...unknown].map((p) => ({ at: '', message: `Unknown field "${p}".` })) };
  try {
    return { problems: [], result: evaluate(expr, dataContext(sample, pointer, now)) };
  } catch (e) {
    return { problems: [{ at: (e as { at?: string }).at ?? '', message: (e as Error).message }] };
  }
}
