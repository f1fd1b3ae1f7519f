/**
 * The elements' own UI strings in English, Russian and German: the `elements` domain of the
 * message registry (`registerTranslation(locale, { elements: {...} })` adds a language). Field
 * labels come from the core. English and Russian are registered up front; German (i18n.de.ts) is
 * loaded when a card in German needs it (`loadTranslations`), and the package root and the
 * entries that are not the card's register it up front (ui-strings.ts).
 */
import { registerTranslation } from '@kartochka/core';
import { pluralMessage } from '@kartochka/core/internal';
import { registerTranslationLoader, translate, type Message } from '@kartochka/i18n';
import type { Locale } from '@kartochka/core';
import type { MoreUiKeys } from './i18n-more.js';

const en = {
  summary: 'Summary',
  dateSoon: 'soon',
  datePast: 'overdue',
  required: 'required',
  requiredMark: '(required)',
  duplicate: 'Duplicate',
  empty: 'No items yet.',
  choose: 'Choose…',
  notSet: '—',
  yes: 'Yes',
  no: 'No',
  errorsSummary: pluralMessage('en', {
    one: 'The card has {n} problem. Fix the field marked in red.',
    other: 'The card has {n} problems. Fix the fields marked in red.',
  }),
  cardRequired: 'Fill in this card.',
  expandGroup: 'Fill in “{title}”',
  validationUnavailable:
    "This page's security policy (CSP) does not let the card check its data, so mistakes are not shown here. The data is kept; the server still checks it when the card is saved.",
  validationPending: 'The card is still checking its data; try again in a moment.',
  partNotLoaded: 'Part of this card could not be loaded, so it cannot be shown in full. Check the connection and reload the page.',
  variant: 'Variant',
  // layout and modes
  sections: 'Sections',
  edit: 'Edit',
  editSection: 'Edit “{title}”',
  save: 'Save',
  cancel: 'Cancel',
  back: 'Back',
  next: 'Next',
  finish: 'Finish',
  stepOf: 'Step {n} of {total}',
  sectionErrors: pluralMessage('en', { one: '{n} error', other: '{n} errors' }),
  printedBlank: 'Blank form',
  amount: 'Amount',
  currency: 'Currency',
  notInList: '{value} (not in the list)',
  noMatches: 'No matches',
  matches: pluralMessage('en', { one: '{n} option', other: '{n} options' }),
  loading: 'Loading…',
};

/**
 * The keys of the `elements` domain; a message is a string with `{name}` placeholders, or a function
 * (counts: `pluralMessage`). The strings of the card and its standard widgets are here; those of
 * the on-demand widgets and the other elements are in i18n-more.ts, registered by their modules.
 */
export type UiStrings = Record<keyof typeof en | MoreUiKeys, Message>;
/** The strings registered with this module (the card's and its standard widgets'). */
export type CardUiStrings = Record<keyof typeof en, Message>;

const ru: CardUiStrings = {
  summary: 'Сводка',
  dateSoon: 'скоро',
  datePast: 'просрочено',
  required: 'обязательно',
  requiredMark: '(обязательно)',
  duplicate: 'Дублировать',
  empty: 'Пока пусто.',
  choose: 'Выберите…',
  notSet: '—',
  yes: 'Да',
  no: 'Нет',
  errorsSummary: pluralMessage('ru', {
    one: 'В карточке {n} ошибка. Исправьте поля, отмеченные красным.',
    few: 'В карточке {n} ошибки. Исправьте поля, отмеченные красным.',
    many: 'В карточке {n} ошибок. Исправьте поля, отмеченные красным.',
    other: 'В карточке {n} ошибки. Исправьте поля, отмеченные красным.',
  }),
  cardRequired: 'Заполните карточку.',
  expandGroup: 'Заполнить «{title}»',
  validationUnavailable:
    'Политика безопасности этой страницы (CSP) не даёт карточке проверять данные, поэтому ошибки здесь не показываются. Данные сохраняются; сервер проверит их при сохранении карточки.',
  validationPending: 'Карточка ещё проверяет данные; попробуйте через мгновение.',
  partNotLoaded: 'Не удалось загрузить часть карточки, поэтому её нельзя показать полностью. Проверьте подключение и обновите страницу.',
  variant: 'Вариант',
  // layout and modes
  sections: 'Разделы',
  edit: 'Изменить',
  editSection: 'Изменить «{title}»',
  save: 'Сохранить',
  cancel: 'Отмена',
  back: 'Назад',
  next: 'Далее',
  finish: 'Готово',
  stepOf: 'Шаг {n} из {total}',
  sectionErrors: 'Ошибок: {n}',
  printedBlank: 'Бланк',
  amount: 'Сумма',
  currency: 'Валюта',
  notInList: '{value} (нет в списке)',
  noMatches: 'Ничего не найдено',
  matches: 'Вариантов: {n}',
  loading: 'Загрузка…',
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    elements: UiStrings;
  }
}

/** The catalogues registered up front (the registry holds them, and whatever an app registers). */
export const upFrontUiStrings: Record<'en' | 'ru', CardUiStrings> = { en, ru };
for (const [locale, strings] of Object.entries(upFrontUiStrings)) registerTranslation(locale, { elements: strings });
registerTranslationLoader('de', () => import('./load-german.js').then((m) => m.german));

/** A UI string in `locale` (along its fallback chain), with `{name}` placeholders filled. */
export function t(locale: Locale | undefined, key: keyof UiStrings, params: Record<string, string | number> = {}): string {
  const own: Message | undefined = (en as Partial<UiStrings>)[key];
  return translate('elements', locale, key, params) ?? (typeof own === 'function' ? own(params, 'en') : (own ?? key));
}
