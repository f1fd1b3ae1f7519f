/**
 * What the German loader of the `elements` domain imports (i18n.ts). A module of its own that no
 * entry imports statically, so a bundler makes it, with the catalogue, a chunk: the package root
 * imports the catalogue itself up front (ui-strings.ts), and a dynamic import of a module an entry
 * also imports statically would be ineffective (INEFFECTIVE_DYNAMIC_IMPORT).
 */
import type { Translation } from '@kartochka/i18n';
import { de } from './i18n.de.js';

export const german: Translation = { elements: de };
