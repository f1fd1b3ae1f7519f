/**
 * The roles the templates name (`x-access`, `x-reminder.who`), in words, registered as the `roles`
 * domain of the message registry so core's roleLabel() says «Администратор», not "administrator".
 * Each template lists its own (`CardTemplate.roles`), which keeps this module in a bundle.
 */
import { registerTranslation } from '@kartochka/core';
import type { LocalizedText } from './types.js';

export const ROLE_LABELS: Readonly<Record<string, LocalizedText>> = {
  administrator: { ru: 'Администратор салона', en: 'Salon administrator', de: 'Salon-Administrator' },
  master: { ru: 'Мастер', en: 'Master (stylist)', de: 'Meister (Stylist)' },
  admin: { ru: 'Администратор системы', en: 'System administrator', de: 'Systemadministrator' },
  manager: { ru: 'Менеджер', en: 'Manager', de: 'Manager' },
};

for (const locale of ['ru', 'en', 'de'] as const) {
  registerTranslation(locale, { roles: Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, text]) => [role, text[locale]!])) });
}

/** The labels of `roles`, for a template's `roles`. */
export const rolesOf = (...roles: string[]): Record<string, LocalizedText> => Object.fromEntries(roles.map((r) => [r, ROLE_LABELS[r]!]));
