// Plurals and placeholders live in @kartochka/i18n with the registry; re-exported for core's modules.
export { plural, formatMessage as format } from '@kartochka/i18n';
