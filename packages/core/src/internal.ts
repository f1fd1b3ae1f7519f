/**
 * `@kartochka/core/internal`: the helpers other Kartochka packages share with core — JSON Pointer
 * functions, civil-date arithmetic, the steps of the import pipeline, the validation runtime's
 * switches, keyword names. Not a public API: no semver promise, names and signatures change in any
 * release. An app uses `@kartochka/core` (docs/adopting.md, "Public API and subpaths").
 */
export * from './pointer.js';
export { foldCase, foldUniqueText } from './fold.js';
export { groupErrors, ajvFor, PHONE_PATTERN } from './validation/validator.js';
export { validationRuntime, schemaNeedsMatcher, type ValidationRuntime } from './validation/runtime.js';
export { validationMessage } from './i18n/validation-messages.js';
export { serverMessage } from './i18n/server-messages.js';
export { humanize } from './i18n/labels.js';
export { pluralMessage } from './i18n/plural.js';
export { RulesRuntime, schemaAtTemplate, type RuleFlags, type RuleIssue } from './form/rules-runtime.js';
// The controller without the rules engine, the layout validator and FieldAccess (the root's
// registers them, registered.ts): for the card, which loads them only when a schema, layout or roles need them.
export { FormController as BareFormController } from './form/controller.js';
export {
  loadRulesEngine,
  rulesEngine,
  needsRulesEngine,
  schemaHasRules,
  layoutHasRules,
  RulesUnavailableError,
  type RulesEngine,
  type FormRules,
} from './rules/engine.js';
export { loadLayoutValidator, layoutValidator, LayoutValidatorUnavailableError, type LayoutValidator } from './layout/validator-runtime.js';
export { loadFieldAccess, fieldAccessClass, FieldAccessUnavailableError, type FieldAccessClass } from './access/access-runtime.js';
export { detectDialect, resolveRef, mergeSchemas, compileMatcher, type RefResolution, type Matcher } from './schema/resolve.js';
export {
  dependencyDetails,
  resolveRelative,
  OPERATOR_NAMES,
  truthy,
  isEmpty,
  toNumber,
  closestName,
  decimalComma,
  MAX_FORMULA_LENGTH,
  translateOptions,
  FORMULA_FUNCTIONS,
  FORMULA_CONSTANTS,
  formulaFunctionName,
  formulaMessage,
  type FormulaOption,
  type FormulaFunction,
} from './rules/index.js';
export { templateExists, MAIN_TITLE, OTHER_TITLE, layoutMessage, type LocalizedText } from './layout/index.js';
export {
  escapeICalText,
  foldICalLine,
  addCalendarDays,
  calendarDate,
  daysInMonth,
  formatIsoDate,
  isLeapYear,
  parseIsoDate,
  type CivilDate,
} from './reminders/index.js';
export { ACCESS_KEYWORD, canReadField, canWriteField, restrictedFields } from './access/field-access.js';
export {
  titlePointers,
  moveSchemaCardSettings,
  CARD_KEYWORD,
  indexedName,
  cardSettingsOrDefault,
  applySteps,
  storedMigrations,
  MIGRATIONS_KEYWORD,
  expandPresent,
  reindexedFields,
  type IndexedValue,
  type IndexedCard,
} from './card/index.js';
export {
  foldLabel,
  parseDate,
  parseNumber,
  normalizePhone,
  columnTitles,
  matchScore,
  keyOf,
  listItemOf,
  planCounts,
} from './import/index.js';
