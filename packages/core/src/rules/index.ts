/** Rules and formulas: JSON Logic expressions over JSON Pointers, their dependency graph, and where they live in a schema. */
export {
  evaluate,
  dataContext,
  dependencies,
  dependencyDetails,
  validateExpression,
  resolveRelative,
  ExpressionError,
  MAX_DEPTH,
  OPERATOR_NAMES,
} from './expression.js';
export type { Expression, EvalContext, ExpressionProblem, Dependency } from './expression.js';
export { walkExpression, mapPaths, classifyPath } from './walk.js';
export type { ExpressionVisitor, PathSite, VarPath } from './walk.js';
export { truthy, isEmpty, toNumber } from './operators.js';
export { RuleGraph } from './graph.js';
export type { RuleKind, RuleSpec, RuleInstance, RuleProblem, RuleGraphOptions } from './graph.js';
export { collectRules } from './collect.js';
export type { XRules, Deref } from './collect.js';
export { parseFormula, printFormula, closestName, decimalComma, FormulaPrintError, MAX_FORMULA_LENGTH } from './formula-text.js';
export type { FormulaField, FormulaTextOptions, FormulaTextError, FormulaParseResult } from './formula-text.js';
export { translateOptions, type FormulaOption } from './formula-options.js';
export { FORMULA_FUNCTIONS, FORMULA_CONSTANTS, functionName as formulaFunctionName } from './formula-functions.js';
export type { FormulaFunction } from './formula-functions.js';
export { formulaMessages, formulaMessage } from './formula-messages.js';
export type { FormulaErrorCode, FormulaMessages } from './formula-messages.js';
