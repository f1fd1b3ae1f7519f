/**
 * The checks a card's schema and layout get in the card and the builder, as one list of problems:
 * the schema against its draft's meta-schema (core's `metaSchemaErrors`, what the builder's JSON
 * view applies), whether ajv compiles it, the rules and formulas it declares (the rule graph's
 * unknown fields and cycles, and expressions that fail on an empty card: `FormController.ruleIssues`),
 * and the layout against the schema (`validateLayout`).
 */
import {
  FormController,
  SchemaCompileError,
  compileSchema,
  metaSchemaErrors,
  validateLayout,
  type JsonSchema,
  type LayoutDocument,
  type Locale,
} from '@kartochka/core';

export interface LintProblem {
  /** What was checked: the schema itself, a rule or formula in it, or the layout. */
  source: 'schema' | 'rule' | 'layout';
  /** A JSON Pointer into the schema, the data (for a rule's target) or the layout. */
  path: string;
  message: string;
}

export function lintCard(schema: JsonSchema, layout: unknown, locale: Locale): LintProblem[] {
  const meta = metaSchemaErrors(schema).map((e) => ({
    source: 'schema' as const,
    path: e.instancePath || '/',
    message: e.message ?? e.keyword,
  }));
  if (meta.length) return meta; // an invalid schema makes every later check noise
  const problems: LintProblem[] = [];
  try {
    compileSchema(schema);
  } catch (e) {
    if (!(e instanceof SchemaCompileError)) throw e;
    problems.push({ source: 'schema', path: '/', message: e.message });
  }
  if (layout !== undefined) {
    for (const e of validateLayout(layout, schema, { locale }).errors)
      problems.push({ source: 'layout', path: e.path || '/', message: e.message });
  }
  const layoutOk = layout !== undefined && !problems.some((p) => p.source === 'layout');
  const controller = new FormController(schema, {
    locale,
    deferValidation: true,
    layout: layoutOk ? (layout as LayoutDocument) : undefined,
  });
  for (const issue of controller.ruleIssues)
    problems.push({ source: 'rule', path: issue.at || issue.target || '/', message: issue.message });
  return problems;
}
