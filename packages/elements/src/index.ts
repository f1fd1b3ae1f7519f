/**
 * @kartochka/elements — Lit web components that render Kartochka cards. Importing this module
 * defines every kc-* element.
 */
export { KcCard } from './card/card.js';
export {
  KcChangeEvent,
  KcSubmitEvent,
  KcInvalidEvent,
  KcSaveEvent,
  KcSavedEvent,
  KcStorageStatusEvent,
  KcOpenEvent,
  KcFileRequestEvent,
  KcDatePickEvent,
  KcCalendarCloseEvent,
  KcExportEvent,
  KcImportEvent,
  type KcExportDetail,
  type KcFileRequestDetail,
  type KcChangeDetail,
  type KcSaveDetail,
  type KcOpenDetail,
  type KcStorageStatusDetail,
} from './events/events.js';
// Card persistence (drafts, outbox, merge, sign-out) is opt-in: import
// `@kartochka/elements/persistence` to make `<kc-card storage record-id>` save itself.
export type { CardPersistence, PersistenceOptions, PersistenceStatus } from './persistence/index.js';
export { KcFieldElement, defineElement } from './internal/field-element.js';
export { KcTextField, KcEmailField, KcPhoneField, KcUrlField, KcTimeField, KcDateTimeField } from './text-field/text-field.js';
export { KcDateField } from './date-field/date-field.js';
export { KcCalendar } from './date-field/calendar.js';
export { KcTextarea } from './textarea/textarea.js';
export { KcNumberField, parseLocaleNumber } from './number-field/number-field.js';
export { KcCheckbox, KcSwitch } from './checkbox/checkbox.js';
export { KcSelect } from './select/select.js';
export { KcJsonField } from './json-field/json-field.js';
export { KcObjectGroup } from './object-group/object-group.js';
export { KcArrayField, KcTableField } from './array-field/array-field.js';
export { uiStrings } from './internal/ui-strings.js';
export type { UiStrings } from './internal/i18n.js';
// The message registry lives in @kartochka/i18n (through core); here too, so an app that installs
// only the elements can add a language.
export { registerTranslation, registerTranslationLoader, loadTranslations, type Locale, type Translation } from '@kartochka/core';
export { KcRadioGroup } from './radio-group/radio-group.js';
export { KcMultiSelect } from './multi-select/multi-select.js';
export { KcTagsField } from './tags-field/tags-field.js';
export { KcRating } from './rating/rating.js';
export { KcMoneyField, DEFAULT_CURRENCIES } from './money-field/money-field.js';
export { KcPercentField } from './percent-field/percent-field.js';
export { KcComputedField, formatComputed } from './computed-field/computed-field.js';
export { KcFileField, DEFAULT_MAX_FILE_SIZE, type FileValue } from './file-field/file-field.js';
export { KcSection, type CardMode } from './section/section.js';
export { KcFieldView } from './view/field-view.js';
export { formatScalar, formatMoney } from './view/format.js';
export type { CardTheme } from './card/card.js';
export { KcReminders } from './reminders/reminders.js';
export { KcHistory } from './history/history.js';
export { KcCardList, type CardListColumn, type CardListFilter, type CardListRange, type CardListBulkField } from './card-list/card-list.js';
export { KcDuplicates, duplicateGroups, type DuplicateGroup } from './card-list/duplicates.js';
export { loadViews, saveView, deleteView, viewQuery, viewsKey, type SavedView } from './card-list/views.js';
export { KcCardSummary } from './summary/summary.js';
