import { formatMessage } from '@kartochka/core';
import type { Locale } from '@kartochka/core';

const en = {
  appTitle: 'Kartochka — client cards',
  nav: 'Sections of the demo',
  cards: 'Cards',
  reminders: 'Reminders',
  builder: 'Builder',
  template: 'Card type',
  backend: 'Storage',
  idb: 'IndexedDB (this browser)',
  rest: 'REST server',
  newCard: 'New card',
  backToList: '← All cards',
  edit: 'Edit',
  view: 'View',
  printFilled: 'Print',
  printBlank: 'Print blank',
  history: 'History of changes',
  loadFailed: 'Could not open the storage: {msg}',
  restHint: 'Start the server with `npm start` (it runs next to the demo) or `npm run server`.',
  builderLoading: 'Loading the builder…',
  olderVersion: 'This card was saved with version {from} of the card type; it is shown in version {to}.',
  user: 'User',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signInPrompt: 'Sign in to open the cards: your drafts and unsent saves are kept per user on this device.',
  signOutPending: '{n} save(s) of {user} have not reached the server yet. Signing out removes them from this device. Sign out anyway?',
  signedOut: 'Signed out: {drafts} draft(s) and {queued} unsent save(s) of {user} were removed from this device.',
};
export type DemoStrings = typeof en;
const ru: DemoStrings = {
  appTitle: 'Карточка — карточки клиентов',
  nav: 'Разделы демо',
  cards: 'Карточки',
  reminders: 'Напоминания',
  builder: 'Конструктор',
  template: 'Тип карточки',
  backend: 'Хранилище',
  idb: 'IndexedDB (этот браузер)',
  rest: 'REST-сервер',
  newCard: 'Новая карточка',
  backToList: '← Все карточки',
  edit: 'Редактировать',
  view: 'Просмотр',
  printFilled: 'Печать',
  printBlank: 'Печать бланка',
  history: 'История изменений',
  loadFailed: 'Не удалось открыть хранилище: {msg}',
  restHint: 'Запустите сервер: `npm start` (он работает рядом с демо) или `npm run server`.',
  builderLoading: 'Загрузка конструктора…',
  olderVersion: 'Карточка сохранена в версии {from} типа карточки; показана в версии {to}.',
  user: 'Пользователь',
  signIn: 'Войти',
  signOut: 'Выйти',
  signInPrompt: 'Войдите, чтобы открыть карточки: черновики и неотправленные сохранения хранятся на этом устройстве отдельно для каждого пользователя.',
  signOutPending: 'Сохранения пользователя {user} ещё не дошли до сервера ({n}). При выходе они будут удалены с этого устройства. Всё равно выйти?',
  signedOut: 'Вы вышли: с этого устройства удалены черновики ({drafts}) и неотправленные сохранения ({queued}) пользователя {user}.',
};

export function s(locale: Locale, key: keyof DemoStrings, params: Record<string, string | number> = {}): string {
  return formatMessage(({ en, ru }[locale] ?? en)[key], params);
}
