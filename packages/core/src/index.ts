/**
 * @kartochka/core — the form engine: JSON Schema (plus layout) → form model, state, validation,
 * rules and formulas. No DOM; runs the same in the browser and in Node.
 *
 * This root is the stable API (docs/adopting.md, "Public API and subpaths"): a new export here is a
 * reviewed decision (tests/node/public-surface.test.ts). The helpers other Kartochka packages share
 * (JSON Pointer functions, date arithmetic, the import pipeline's steps…) are in
 * `@kartochka/core/internal`, which carries no semver promise.
 */
export * from './types.js';
export { MAX_FIELD_DEPTH, type FormOptions, type FieldState, type ChangeDetail } from './form/controller.js';
// The controller and resolveLayout with the rules engine and the layout validator they may need (registered.ts).
export { FormController, resolveLayout } from './registered.js';
export type { FieldNode, FieldKind } from './form/field-node.js';
export { deepEqual } from './form/equal.js';
export * from './registry.js';
export {
  validate,
  compileSchema,
  toFieldErrors,
  metaSchemaErrors,
  SchemaCompileError,
  ValidationUnavailableError,
  type PrecompiledValidator,
} from './validation/validator.js';
export { validatorCacheStats, clearValidatorCache, VALIDATOR_CACHE_SIZE } from './validation/compile-cache.js';
export { loadValidationRuntime } from './validation/runtime.js';
export { validationMessages } from './i18n/catalogues.js';
export { type MessageCatalogue, type FieldMessages } from './i18n/labels.js';
export { roleLabel } from './i18n/roles.js';
export {
  createSchemaContext,
  schemaDialect,
  deref,
  effectiveSchema,
  isDynamic,
  itemOptionsOf,
  optionsOf,
  describeType,
  defaultValue,
  renderable,
  matches,
  FALLBACK_KEYWORD,
  type Dialect,
  type Draft,
  type SchemaContext,
  type EffectiveOptions,
  type EffectiveSchema,
  type BranchOption,
  type SchemaOption,
  type TypeInfo,
  type Renderability,
} from './schema/resolve.js';
export {
  evaluate,
  dataContext,
  dependencies,
  validateExpression,
  ExpressionError,
  MAX_DEPTH,
  walkExpression,
  mapPaths,
  classifyPath,
  RuleGraph,
  collectRules,
  parseFormula,
  printFormula,
  FormulaPrintError,
  formulaMessages,
  type Expression,
  type EvalContext,
  type ExpressionProblem,
  type Dependency,
  type ExpressionVisitor,
  type PathSite,
  type VarPath,
  type RuleKind,
  type RuleSpec,
  type RuleInstance,
  type RuleProblem,
  type RuleGraphOptions,
  type XRules,
  type Deref,
  type FormulaField,
  type FormulaTextOptions,
  type FormulaTextError,
  type FormulaParseResult,
  type FormulaErrorCode,
  type FormulaMessages,
} from './rules/index.js';
export {
  layoutSchema,
  validateLayout,
  defaultLayout,
  unplaced,
  layoutMessages,
  localize,
  SECTIONS_MODES,
  type SectionsMode,
  type LayoutRules,
  type LayoutField,
  type LayoutGroup,
  type LayoutItem,
  type LayoutSection,
  type LayoutDocument,
  type LayoutError,
  type LayoutValidationResult,
  type ResolvedField,
  type ResolvedGroup,
  type ResolvedItem,
  type ResolvedSection,
  type ResolvedLayout,
  type ValidateLayoutOptions,
  type ResolveLayoutOptions,
  type LayoutMessages,
} from './layout/index.js';
export {
  collectReminderSpecs,
  dueReminders,
  toICalendar,
  type ReminderConfig,
  type ReminderSpec,
  type ReminderText,
  type Reminder,
  type ReminderPeriod,
  type ReminderRecord,
  type ICalendarOptions,
} from './reminders/index.js';
// The message registry lives in @kartochka/i18n; its entry points are here too, so an app that
// installs core (or the elements) can add a language. Everything else of it: @kartochka/i18n.
export { registerTranslation, registerTranslationLoader, loadTranslations, type Translation } from '@kartochka/i18n';
export { FieldAccess, type AccessError, type AccessRule, type RestrictedField } from './access/field-access.js';
export {
  cardSettingsOf,
  withCardSettings,
  cardTitle,
  cardIndexed,
  cardRecordFields,
  defaultCardSettings,
  moveCardSettings,
  migrateRecord,
  type CardSettings,
  type Conversion,
  type MigrationStep,
  type StoredMigrations,
  type VersionedSchema,
} from './card/index.js';
export {
  importFields,
  convertCell,
  matchColumns,
  detectHeader,
  ImportPlanner,
  type ImportFieldKind,
  type ImportOption,
  type ImportField,
  type Cell,
  type ConvertErrorCode,
  type Converted,
  type ExistingCard,
  type ImportProblem,
  type ImportAction,
  type PlannedRow,
  type PlanOptions,
} from './import/index.js';
