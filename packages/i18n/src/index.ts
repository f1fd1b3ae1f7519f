/**
 * @kartochka/i18n — the registry of message catalogues every Kartochka package looks its strings
 * up in. `Locale` is an open string (a BCP 47 tag): any language an app registers works.
 */
export {
  registerTranslation,
  translate,
  fallbackChain,
  registeredLocales,
  hasMessage,
  registerTranslationLoader,
  loadTranslations,
  translationsLoaded,
  type Locale,
  type Message,
  type MessageParams,
  type Catalogue,
  type Translation,
  type TranslationDomains,
  type RegisterOptions,
  type TranslationLoader,
} from './registry.js';
export { plural, formatMessage } from './format.js';
