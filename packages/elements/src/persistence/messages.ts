/**
 * Strings of saving, drafts, the outbox and conflicts in English, Russian and German: the
 * `persistence` domain of the message registry (`registerTranslation` adds a language).
 */
import { registerTranslation } from '@kartochka/core';
import { translate } from '@kartochka/i18n';
import type { Locale } from '@kartochka/core';
import { de } from './messages.de.js';

const en = {
  loading: 'Loading the card…',
  loaded: 'Loaded (revision {n}).',
  newCard: 'New card: not saved yet.',
  saving: 'Saving…',
  saved: 'Saved (revision {n}).',
  invalid: 'Not saved: fix the fields marked in red.',
  serverInvalid: 'The server did not accept the card: see the fields marked in red.',
  serverRejected: 'The server did not accept the card: {msg}',
  queued: 'No connection: the save is queued on this device ({n} waiting) and will be sent when the server is back.',
  rateLimited: 'The server asked to slow down: the save is queued on this device ({n} waiting) and will be sent in {s} s.',
  flushed: 'Queued saves were sent.',
  draftAvailable: 'There are unsaved changes from {when}.',
  restore: 'Restore them',
  discard: 'Discard',
  draftRestored: 'Unsaved changes restored. Save to keep them.',
  conflict: 'Someone else saved this card meanwhile (revision {n}). Choose, field by field, which value to keep; then save.',
  merged:
    'Someone else saved this card meanwhile (revision {n}). Their changes to other fields ({fields}) were combined with yours. Check and save again.',
  here: 'Here',
  onServer: 'On the server',
  applyChoices: 'Apply and save',
  keepMine: 'Keep all of mine',
  takeTheirs: 'Take all of theirs',
  field: 'Field',
  empty: '(empty)',
  quota: 'The device is out of storage space: the card was not saved. Free some space and try again; your edits are still on screen.',
  failed: 'Could not save: {msg}',
  notFound: 'This card no longer exists on the server.',
  save: 'Save',
  actionBar: 'Save the card',
  unsaved: 'Unsaved changes',
  allSaved: 'All changes saved',
  barQueued: 'Waiting to be sent',
  barProblem: 'Not saved',
  showProblem: 'Show why',
  cancel: 'Cancel',
  cancelHint: 'Discard the unsaved changes and show the card as last saved',
  refreshed: 'This card was changed elsewhere (another tab or another user); showing the new version (revision {n}).',
  changedElsewhere:
    'This card was just changed elsewhere (another tab or another user; revision {n}). Your edits are kept; saving will show what differs.',
  unauthorized:
    'The server asks you to sign in again ({user}). What you save meanwhile is kept on this device and sent once you are signed in as {user}.',
  detached: 'This card is not connected to storage (no storage or record id): it cannot be saved.',
  queuedConflict:
    'Your save queued on this device ({when}) met a newer version on the server (revision {n}). Choose, field by field, which value to keep; then save.',
  queuedRejected: 'Your save queued on this device ({when}) was refused by the server: {msg}. Fix the card and save again.',
  heldElsewhere: 'A save of «{title}» queued on this device met a newer version or was refused. Open that card to choose what to keep.',
  draftsOff:
    'Drafts are off: this browser does not allow local storage here, so unsaved changes and queued saves last only until the page is closed.',
  duplicate: 'Not saved: another card already has the same value in a field that must be unique.',
  duplicateField: 'Another card already has this value.',
  duplicateFound: 'A card with the same {fields} already exists:',
  duplicateOpen: 'Open «{title}»',
};
export type PersistenceStrings = typeof en;

const ru: PersistenceStrings = {
  loading: 'Загрузка карточки…',
  loaded: 'Загружено (версия {n}).',
  newCard: 'Новая карточка: ещё не сохранена.',
  saving: 'Сохранение…',
  saved: 'Сохранено (версия {n}).',
  invalid: 'Не сохранено: исправьте поля, отмеченные красным.',
  serverInvalid: 'Сервер не принял карточку: см. поля, отмеченные красным.',
  serverRejected: 'Сервер не принял карточку: {msg}',
  queued: 'Нет связи: сохранение поставлено в очередь на этом устройстве (ожидает: {n}) и уйдёт, когда сервер станет доступен.',
  rateLimited: 'Сервер попросил подождать: сохранение поставлено в очередь на этом устройстве (ожидает: {n}) и уйдёт через {s} с.',
  flushed: 'Отложенные сохранения отправлены.',
  draftAvailable: 'Есть несохранённые изменения от {when}.',
  restore: 'Восстановить',
  discard: 'Отбросить',
  draftRestored: 'Несохранённые изменения восстановлены. Сохраните, чтобы не потерять их.',
  conflict: 'Карточку тем временем сохранил кто-то другой (версия {n}). Выберите для каждого поля, какое значение оставить, и сохраните.',
  merged:
    'Карточку тем временем сохранил кто-то другой (версия {n}). Их изменения в других полях ({fields}) объединены с вашими. Проверьте и сохраните ещё раз.',
  here: 'Здесь',
  onServer: 'На сервере',
  applyChoices: 'Применить и сохранить',
  keepMine: 'Оставить всё моё',
  takeTheirs: 'Взять всё их',
  field: 'Поле',
  empty: '(пусто)',
  quota: 'На устройстве закончилось место: карточка не сохранена. Освободите место и повторите; ваши правки остаются на экране.',
  failed: 'Не удалось сохранить: {msg}',
  notFound: 'Этой карточки больше нет на сервере.',
  save: 'Сохранить',
  actionBar: 'Сохранение карточки',
  unsaved: 'Есть несохранённые изменения',
  allSaved: 'Все изменения сохранены',
  barQueued: 'Ждёт отправки',
  barProblem: 'Не сохранено',
  showProblem: 'Показать',
  cancel: 'Отменить',
  cancelHint: 'Отбросить несохранённые изменения и показать карточку, как она сохранена',
  refreshed: 'Карточку изменили в другом месте (в другой вкладке или другой пользователь); показана новая версия (версия {n}).',
  changedElsewhere:
    'Карточку только что изменили в другом месте (в другой вкладке или другой пользователь; версия {n}). Ваши правки сохранены на экране; при сохранении будет видно, что отличается.',
  unauthorized:
    'Сервер просит войти снова ({user}). Всё, что вы сохраните, останется на этом устройстве и уйдёт, когда вы снова войдёте как {user}.',
  detached: 'Карточка не связана с хранилищем (нет хранилища или идентификатора записи): сохранить её нельзя.',
  queuedConflict:
    'Ваше сохранение, отложенное на этом устройстве ({when}), встретило более новую версию на сервере (версия {n}). Выберите для каждого поля, какое значение оставить, и сохраните.',
  queuedRejected: 'Сервер не принял ваше сохранение, отложенное на этом устройстве ({when}): {msg}. Исправьте карточку и сохраните снова.',
  heldElsewhere:
    'Отложенное сохранение карточки «{title}» встретило более новую версию или было отклонено. Откройте эту карточку, чтобы выбрать, что оставить.',
  draftsOff:
    'Черновики отключены: этот браузер не разрешает здесь локальное хранилище, поэтому несохранённые правки и отложенные сохранения живут только до закрытия страницы.',
  duplicate: 'Не сохранено: у другой карточки уже есть такое же значение в поле, которое должно быть уникальным.',
  duplicateField: 'У другой карточки уже есть такое значение.',
  duplicateFound: 'Карточка с таким же значением ({fields}) уже есть:',
  duplicateOpen: 'Открыть «{title}»',
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    persistence: PersistenceStrings;
  }
}

/** The built-in catalogues (the registry holds them, and whatever an app registers). */
export const persistenceStrings: Record<'en' | 'ru' | 'de', PersistenceStrings> = { en, ru, de };
for (const [locale, strings] of Object.entries(persistenceStrings)) registerTranslation(locale, { persistence: strings });

export function pt(locale: Locale, key: keyof PersistenceStrings, params: Record<string, string | number> = {}): string {
  return translate('persistence', locale, key, params) ?? en[key];
}
