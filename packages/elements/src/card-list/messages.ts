/**
 * Strings of the list's saved views and bulk actions in English, Russian and German: the
 * `cardList` domain of the message registry (`registerTranslation` adds a language).
 */
import { registerTranslation, type Locale } from '@kartochka/core';
import { pluralMessage } from '@kartochka/core/internal';
import { translate, type Message } from '@kartochka/i18n';

const en = {
  view: 'View',
  viewDefault: 'All cards (default)',
  viewName: 'Name of the view',
  viewSave: 'Save view',
  viewDelete: 'Delete view',
  viewSaved: 'View «{name}» saved.',
  viewDeleted: 'View «{name}» deleted.',
  viewsFailed: 'Views could not be read or saved: {msg}',
  columns: 'Columns',
  from: '{field} from',
  to: '{field} to',
  mine: 'My cards',
  select: 'Select «{title}»',
  selectPage: 'Select all cards on this page',
  selected: 'Selected: {n}',
  clearSelection: 'Clear selection',
  bulkField: 'Field to change',
  bulkValue: 'New value',
  bulkApply: 'Change in selected',
  bulkExport: 'Export selected',
  bulkDelete: 'Delete selected',
  bulkChanged: pluralMessage('en', { one: 'Changed in {n} card.', other: 'Changed in {n} cards.' }),
  bulkSkipped: pluralMessage('en', { one: '{n} card not changed: {msg}', other: '{n} cards not changed: {msg}' }),
  bulkDeleted: pluralMessage('en', { one: 'Deleted {n} card.', other: 'Deleted {n} cards.' }),
  bulkRestored: pluralMessage('en', { one: 'Restored {n} card.', other: 'Restored {n} cards.' }),
  bulkExported: pluralMessage('en', { one: 'Exported {n} card.', other: 'Exported {n} cards.' }),
  undo: 'Undo',
  working: 'Working…',
  dupHeading: 'Likely duplicates',
  dupNone: pluralMessage('en', { one: 'No likely duplicates among {n} card.', other: 'No likely duplicates among {n} cards.' }),
  dupGroup: 'Same {fields}: {value}',
  dupSameTitle: 'the same name',
  dupCompare: 'Compare and merge',
  dupField: 'Field',
  dupKeep: 'Keep «{title}»',
  dupMerge: 'Merge into «{title}» and delete «{other}»',
  dupMerged: '«{other}» merged into «{title}».',
  dupMergeFailed: 'Not merged: {msg}',
  dupEqual: 'The two cards hold the same data.',
};
/** The keys of the `cardList` domain; a message is a string with `{name}` placeholders, or a function (counts: `pluralMessage`). */
export type CardListStrings = Record<keyof typeof en, Message>;

const ru: CardListStrings = {
  view: 'Представление',
  viewDefault: 'Все карточки (по умолчанию)',
  viewName: 'Название представления',
  viewSave: 'Сохранить представление',
  viewDelete: 'Удалить представление',
  viewSaved: 'Представление «{name}» сохранено.',
  viewDeleted: 'Представление «{name}» удалено.',
  viewsFailed: 'Не удалось прочитать или сохранить представления: {msg}',
  columns: 'Столбцы',
  from: '{field} с',
  to: '{field} по',
  mine: 'Мои карточки',
  select: 'Выбрать «{title}»',
  selectPage: 'Выбрать все карточки на странице',
  selected: 'Выбрано: {n}',
  clearSelection: 'Снять выбор',
  bulkField: 'Какое поле изменить',
  bulkValue: 'Новое значение',
  bulkApply: 'Изменить у выбранных',
  bulkExport: 'Выгрузить выбранные',
  bulkDelete: 'Удалить выбранные',
  bulkChanged: 'Изменено карточек: {n}.',
  bulkSkipped: 'Не изменено карточек: {n} — {msg}',
  bulkDeleted: 'Удалено карточек: {n}.',
  bulkRestored: 'Восстановлено карточек: {n}.',
  bulkExported: 'Выгружено карточек: {n}.',
  undo: 'Отменить',
  working: 'Выполняется…',
  dupHeading: 'Возможные дубликаты',
  dupNone: 'Среди карточек ({n}) возможных дубликатов нет.',
  dupGroup: 'Совпадает {fields}: {value}',
  dupSameTitle: 'название',
  dupCompare: 'Сравнить и объединить',
  dupField: 'Поле',
  dupKeep: 'Оставить «{title}»',
  dupMerge: 'Объединить в «{title}» и удалить «{other}»',
  dupMerged: '«{other}» объединена с «{title}».',
  dupMergeFailed: 'Не объединено: {msg}',
  dupEqual: 'У двух карточек одинаковые данные.',
};

const de: CardListStrings = {
  view: 'Ansicht',
  viewDefault: 'Alle Karten (Standard)',
  viewName: 'Name der Ansicht',
  viewSave: 'Ansicht speichern',
  viewDelete: 'Ansicht löschen',
  viewSaved: 'Ansicht „{name}“ gespeichert.',
  viewDeleted: 'Ansicht „{name}“ gelöscht.',
  viewsFailed: 'Ansichten konnten nicht gelesen oder gespeichert werden: {msg}',
  columns: 'Spalten',
  from: '{field} von',
  to: '{field} bis',
  mine: 'Meine Karten',
  select: '„{title}“ auswählen',
  selectPage: 'Alle Karten dieser Seite auswählen',
  selected: 'Ausgewählt: {n}',
  clearSelection: 'Auswahl aufheben',
  bulkField: 'Zu änderndes Feld',
  bulkValue: 'Neuer Wert',
  bulkApply: 'Bei Ausgewählten ändern',
  bulkExport: 'Ausgewählte exportieren',
  bulkDelete: 'Ausgewählte löschen',
  bulkChanged: pluralMessage('de', { one: 'In {n} Karte geändert.', other: 'In {n} Karten geändert.' }),
  bulkSkipped: pluralMessage('de', { one: '{n} Karte nicht geändert: {msg}', other: '{n} Karten nicht geändert: {msg}' }),
  bulkDeleted: pluralMessage('de', { one: '{n} Karte gelöscht.', other: '{n} Karten gelöscht.' }),
  bulkRestored: pluralMessage('de', { one: '{n} Karte wiederhergestellt.', other: '{n} Karten wiederhergestellt.' }),
  bulkExported: pluralMessage('de', { one: '{n} Karte exportiert.', other: '{n} Karten exportiert.' }),
  undo: 'Rückgängig',
  working: 'Wird ausgeführt…',
  dupHeading: 'Mögliche Dubletten',
  dupNone: pluralMessage('de', { one: 'Keine möglichen Dubletten unter {n} Karte.', other: 'Keine möglichen Dubletten unter {n} Karten.' }),
  dupGroup: 'Gleich: {fields}: {value}',
  dupSameTitle: 'der Name',
  dupCompare: 'Vergleichen und zusammenführen',
  dupField: 'Feld',
  dupKeep: '„{title}“ behalten',
  dupMerge: 'In „{title}“ zusammenführen und „{other}“ löschen',
  dupMerged: '„{other}“ in „{title}“ zusammengeführt.',
  dupMergeFailed: 'Nicht zusammengeführt: {msg}',
  dupEqual: 'Beide Karten enthalten dieselben Daten.',
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    cardList: CardListStrings;
  }
}

/** The built-in catalogues of the `cardList` domain. */
export const cardListStrings: Record<'en' | 'ru' | 'de', CardListStrings> = { en, ru, de };
for (const [locale, strings] of Object.entries(cardListStrings)) registerTranslation(locale, { cardList: strings });

/** A saved-views or bulk-action string in `locale`, `{name}` placeholders filled. */
export function lt(locale: Locale | undefined, key: keyof CardListStrings, params: Record<string, string | number> = {}): string {
  const own: Message = en[key];
  return translate('cardList', locale, key, params) ?? (typeof own === 'function' ? own(params, 'en') : own);
}
