/**
 * Roles in words: "administrator" → «Администратор». A role is a code in schemas (`x-access`,
 * `x-reminder.who`) and on the server; people see its label from the `roles` domain of the message
 * registry, which whoever defines the roles fills (the templates do for theirs:
 * `registerTranslation('ru', { roles: { administrator: 'Администратор' } })`).
 */
import { translate } from '@kartochka/i18n';
import type { Locale } from '../types.js';

/** A role's label in `locale` (along its fallback chain), or the role's code when none is registered. */
export function roleLabel(locale: Locale, role: string): string {
  return translate('roles', locale, role) ?? role;
}
