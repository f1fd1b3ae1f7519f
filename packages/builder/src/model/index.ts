/** The builder's model: pure, immutable operations over `{schema, layout, messages}`, undo/redo, versions and migrations. */
export * from './types.js';
export { transliterate, keyFromTitle, uniqueKey, newId } from './translit.js';
export {
  FIELD_TYPES,
  fieldTypeInfo,
  fieldTypeOf,
  hasOptions,
  isDateType,
  isContainerType,
  type FieldTypeInfo,
  type ConstraintKeyword,
} from './field-types.js';
export {
  fieldIndex,
  fieldById,
  fieldAt,
  outline,
  locate,
  ruleFields,
  schemaAt,
  sectionPointer,
  findSection,
  findGroup,
  type FieldInfo,
  type OutlineField,
  type OutlineGroup,
  type OutlineItem,
  type OutlineSection,
} from './doc.js';
export { blankDocument, addSection, addGroup, addField, move, moveBy, remove, duplicate, dataContainerOf } from './structure.js';
export {
  fieldMessages,
  titleOf,
  setTitle,
  setDescription,
  setKey,
  setRequired,
  isRequired,
  setDefault,
  setConstraint,
  setWidget,
  setUnique,
  optionsOf,
  addOption,
  removeOption,
  moveOption,
  setOptionLabel,
  setFieldType,
  setRule,
  ruleOf,
  setFormula,
  setReminder,
  setSectionsMode,
  setColumns,
  type Reminder,
  nameUntitledFields,
} from './settings.js';
export {
  CONDITION_OPERATORS,
  UNARY,
  draftToLogic,
  logicToDraft,
  type Condition,
  type ConditionOperator,
  type RuleDraft,
  type RuleGroup,
} from './rules.js';
export { checkFormula, checkFormulaText, formulaFields, formulaText, type FormulaCheck, type FormulaTextCheck } from './formula.js';
export { MoveRefusedError } from './rewrite.js';
export { createHistory, commit, seal, undo, redo, canUndo, canRedo, HISTORY_LIMIT, type History } from './history.js';
export { normalizeDocument, inlineRefs, assignIds, type DocumentInput } from './normalize.js';
export * from './versions.js';
