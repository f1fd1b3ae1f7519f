/**
 * @kartochka/core — the form engine: JSON Schema (plus layout) → form model, state, validation,
 * rules and formulas. No DOM; runs the same in the browser and in Node.
 */
export * from './types.js';
export * from './pointer.js';
export { FormController, MAX_FIELD_DEPTH, type FormOptions, type FieldState, type ChangeDetail } from './form/controller.js';
export type { FieldNode, FieldKind } from './form/field-node.js';
export { deepEqual } from './form/equal.js';
export * from './registry.js';
export {
  validate,
  compileSchema,
  groupErrors,
  toFieldErrors,
  ajvFor,
  metaSchemaErrors,
  SchemaCompileError,
  ValidationUnavailableError,
  type PrecompiledValidator,
  PHONE_PATTERN,
} from './validation/validator.js';
export { validatorCacheStats, clearValidatorCache, VALIDATOR_CACHE_SIZE } from './validation/compile-cache.js';
export { loadValidationRuntime, validationRuntime, schemaNeedsMatcher, type ValidationRuntime } from './validation/runtime.js';
export { validationMessage, validationMessages } from './i18n/validation-messages.js';
export { humanize, type MessageCatalogue, type FieldMessages } from './i18n/labels.js';
export { roleLabel } from './i18n/roles.js';
export * from './schema/resolve.js';
export { RulesRuntime, schemaAtTemplate, type RuleFlags, type RuleIssue } from './form/rules-runtime.js';
export * from './rules/index.js';
export * from './layout/index.js';
export * from './reminders/index.js';
export { format as formatMessage, plural } from './i18n/plural.js';
export { registerTranslation, translate, fallbackChain, registeredLocales, type Translation, type TranslationDomains, type RegisterOptions, type Message, type MessageParams } from '@kartochka/i18n';
export {
  ACCESS_KEYWORD,
  FieldAccess,
  canReadField,
  canWriteField,
  restrictedFields,
  type AccessError,
  type AccessRule,
  type RestrictedField,
} from './access/field-access.js';
export * from './card/index.js';
export * from './import/index.js';
