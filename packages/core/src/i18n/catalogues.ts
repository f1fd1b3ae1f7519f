/**
 * The package root's catalogues: every built-in language registered up front, German included, so
 * code that imports `@kartochka/core` (Node, the server, tests) reads German without loading
 * anything. `@kartochka/elements/card` does not reach this module: a card there loads German on
 * demand (the loader validation-messages.ts registers; docs/i18n.md, "Languages loaded on demand").
 */
import { registerTranslation } from '@kartochka/i18n';
import { upFrontFieldMessages, type ValidationMessages } from './validation-messages.js';
import { upFrontServerMessages } from './server-messages.js';
import { de } from './validation-messages.de.js';

/** The built-in catalogues of the `validation` domain (the registry holds them, and whatever an app registers). */
export const validationMessages: Record<'en' | 'ru' | 'de', ValidationMessages> = {
  en: { ...upFrontFieldMessages.en, ...upFrontServerMessages.en },
  ru: { ...upFrontFieldMessages.ru, ...upFrontServerMessages.ru },
  de: de as ValidationMessages,
};
registerTranslation('de', { validation: validationMessages.de }, { underneath: true });
