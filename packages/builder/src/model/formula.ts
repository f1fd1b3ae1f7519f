/** Checking a computed field's formula and showing its result on sample data, as the card will. */
import { dataContext, dependencies, evaluate, templateOf, validateExpression, type JsonValue } from '@kartochka/core';
import { fieldIndex } from './doc.js';
import type { BuilderDocument } from './types.js';

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
