/**
 * @kartochka/elements — Lit web components that render Kartochka cards. Importing this module
 * defines every kc-* element.
 */
export { KcCard, type KcChangeDetail } from './card/card.js';
export { KcFieldElement, defineElement } from './internal/field-element.js';
export { KcTextField, KcEmailField, KcPhoneField, KcUrlField, KcDateField, KcTimeField, KcDateTimeField } from './text-field/text-field.js';
export { KcTextarea } from './textarea/textarea.js';
export { KcNumberField, parseLocaleNumber } from './number-field/number-field.js';
export { KcCheckbox, KcSwitch } from './checkbox/checkbox.js';
export { KcSelect } from './select/select.js';
export { KcJsonField } from './json-field/json-field.js';
export { KcObjectGroup } from './object-group/object-group.js';
export { KcArrayField } from './array-field/array-field.js';
export { uiStrings, t, type UiStrings } from './internal/i18n.js';
