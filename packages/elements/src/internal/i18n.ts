/** The elements' own UI strings, in Russian and English. Field labels come from the core. */
import type { Locale } from '@kartochka/core';

const en = {
  required: 'required',
  requiredMark: '(required)',
  add: 'Add',
  addItem: 'Add an item',
  remove: 'Remove',
  removeItem: 'Remove item {n}',
  undo: 'Undo',
  itemRemoved: 'Item {n} removed.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  duplicate: 'Duplicate',
  empty: 'No items yet.',
  choose: 'Choose…',
  notSet: '—',
  yes: 'Yes',
  no: 'No',
  rawJson: 'Raw JSON',
  rawJsonHint: 'This part of the card has no form fields; edit it as JSON. Its data is kept as it is.',
  invalidJson: 'Not valid JSON: {detail}. Your text is kept; fix it to apply.',
  errorsSummary: 'The card has {n} problem(s). Fix the fields marked in red.',
  computed: 'computed',
  variant: 'Variant',
};

export type UiStrings = typeof en;

const ru: UiStrings = {
  required: 'обязательно',
  requiredMark: '(обязательно)',
  add: 'Добавить',
  addItem: 'Добавить элемент',
  remove: 'Удалить',
  removeItem: 'Удалить элемент {n}',
  undo: 'Отменить',
  itemRemoved: 'Элемент {n} удалён.',
  moveUp: 'Выше',
  moveDown: 'Ниже',
  duplicate: 'Дублировать',
  empty: 'Пока пусто.',
  choose: 'Выберите…',
  notSet: '—',
  yes: 'Да',
  no: 'Нет',
  rawJson: 'JSON',
  rawJsonHint: 'Для этой части карточки нет полей формы; её можно править как JSON. Данные сохраняются как есть.',
  invalidJson: 'Некорректный JSON: {detail}. Текст сохранён; исправьте его, чтобы применить.',
  errorsSummary: 'В карточке есть ошибки ({n}). Исправьте поля, отмеченные красным.',
  computed: 'вычисляется',
  variant: 'Вариант',
};

export const uiStrings: Record<Locale, UiStrings> = { en, ru };

/** A UI string in `locale`, with `{name}` placeholders filled. */
export function t(locale: Locale | undefined, key: keyof UiStrings, params: Record<string, string | number> = {}): string {
  const s = (uiStrings[locale ?? 'en'] ?? en)[key];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
