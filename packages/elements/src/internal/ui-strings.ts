/**
 * The elements' UI strings in every built-in language, German included, registered up front: what
 * the package root exports (`uiStrings`) and what the entries other than the card's (`/list`,
 * `/history`, `/reminders`) register, so their elements are in German from the first frame
 * without waiting for a card to load it. `@kartochka/elements/card` does not import this module.
 */
import { registerTranslation } from '@kartochka/i18n';
import { upFrontUiStrings, type UiStrings } from './i18n.js';
import { moreUiStrings, registerMoreUiStrings } from './i18n-more.js';
import { de } from './i18n.de.js';

/** The built-in catalogues of the `elements` domain (the registry holds them, and whatever an app registers). */
export const uiStrings: Record<'en' | 'ru' | 'de', UiStrings> = {
  en: { ...upFrontUiStrings.en, ...moreUiStrings.en },
  ru: { ...upFrontUiStrings.ru, ...moreUiStrings.ru },
  de,
};

/**
 * Registers the German catalogue now (underneath an app's own strings). Called by the modules that
 * define the elements of the entries other than the card's: a call, not a statement of this
 * module, because bundlers drop the statements of modules whose exports go unused.
 */
export function registerGermanUiStrings(): void {
  registerMoreUiStrings();
  registerTranslation('de', { elements: de }, { underneath: true });
}
registerGermanUiStrings();
