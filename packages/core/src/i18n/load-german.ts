/**
 * What the German loader of the `validation` domain imports (validation-messages.ts). A module of
 * its own that no package root imports statically, so a bundler makes it, with the catalogue, a
 * chunk: the root imports the catalogue itself up front (catalogues.ts), and a dynamic import of a
 * module a root also imports statically would be ineffective (INEFFECTIVE_DYNAMIC_IMPORT).
 */
import type { Translation } from '@kartochka/i18n';
import type { ValidationMessages } from './validation-messages.js';
import { de } from './validation-messages.de.js';

export const german: Translation = { validation: de as ValidationMessages };
