/**
 * Every domain of the message registry is complete in each built-in language: whatever key the
 * English catalogue (the reference) has, Russian and German have too, in the locale itself, not
 * through a fallback. A string added in English only fails here. German is registered with a
 * loader where the card needs it on demand (docs/i18n.md): loaded first, as a German card does.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasMessage, loadTranslations, registeredLocales, translate } from '@kartochka/i18n';
import { formulaMessages, layoutMessages, validationMessages, validateLayout } from '@kartochka/core';
import { storageMessages, NotFoundError, formatStorageMessage } from '@kartochka/storage';
import { uiStrings } from '../../packages/elements/src/internal/ui-strings.js';
import { persistenceStrings } from '../../packages/elements/src/persistence/messages.js';
import { importStrings } from '../../packages/elements/src/import/messages.js';
import { cardListStrings } from '../../packages/elements/src/card-list/messages.js';
import { builderStrings } from '../../packages/builder/src/builder/strings.js';
import { cliStrings } from '@kartochka/cli';
import { ROLE_LABELS } from '../../packages/templates/src/roles.js';
import { requisiteMessages } from '../../packages/core/src/i18n/requisite-messages.js';

const english: Record<string, object> = {
  validation: validationMessages.en,
  layout: layoutMessages.en,
  formula: formulaMessages.en,
  storage: storageMessages.en,
  elements: uiStrings.en,
  persistence: persistenceStrings.en,
  import: importStrings.en,
  cardList: cardListStrings.en,
  builder: builderStrings.en,
  cli: cliStrings.en,
  requisites: requisiteMessages.en,
  roles: Object.fromEntries(Object.entries(ROLE_LABELS).map(([role, text]) => [role, text.en])),
};

describe('built-in translations', () => {
  before(() => loadTranslations('de'));

  it('register English, Russian and German', () => {
    for (const l of ['en', 'ru', 'de']) assert.ok(registeredLocales().includes(l), l);
  });

  for (const [domain, catalogue] of Object.entries(english)) {
    it(`${domain}: every English key exists in Russian and German`, () => {
      const keys = Object.keys(catalogue);
      assert.ok(keys.length > 0);
      for (const locale of ['ru', 'de']) {
        const missing = keys.filter((k) => !hasMessage(domain, locale, k));
        assert.deepEqual(missing, [], `${domain}: missing in ${locale}`);
      }
    });
  }

  it('German messages read German through the packages’ own functions', () => {
    assert.equal(translate('validation', 'de', 'required'), 'Dieses Feld ist erforderlich.');
    assert.equal(translate('validation', 'de', 'minLength', { limit: 3 }), 'Mindestens 3 Zeichen lang.');
    assert.equal(formatStorageMessage(NotFoundError.card('c-1'), 'de'), 'Karte „c-1“ wurde nicht gefunden.');
    const { errors } = validateLayout(
      { version: 1, items: [{ type: 'section', id: 's', items: ['/nope'] }] },
      { type: 'object', properties: {} },
      { locale: 'de' },
    );
    assert.equal(errors[0]?.message, 'Das Schema hat kein Feld „/nope“.');
  });
});

// Messages with a count agree with it (pluralMessage of core/internal over @kartochka/i18n's
// plural()): "1 card", "2 cards"; Russian keeps its three forms (1 ошибка, 2 ошибки, 5 ошибок,
// 21 ошибка) or a "Label: {n}" wording that reads right for any number.
describe('messages with a count', () => {
  before(() => loadTranslations('de'));

  const counts = (domain: string, locale: string, key: string, ns: number[], extra: Record<string, unknown> = {}) =>
    ns.map((n) => translate(domain, locale, key, { n, ...extra }));

  const cases: [
    domain: string,
    key: string,
    en: [string, string],
    ru: [string, string, string, string],
    de?: [string, string],
    extra?: Record<string, unknown>,
  ][] = [
    [
      'elements',
      'errorsSummary',
      ['The card has 1 problem. Fix the field marked in red.', 'The card has 2 problems. Fix the fields marked in red.'],
      [
        'В карточке 1 ошибка. Исправьте поля, отмеченные красным.',
        'В карточке 2 ошибки. Исправьте поля, отмеченные красным.',
        'В карточке 5 ошибок. Исправьте поля, отмеченные красным.',
        'В карточке 21 ошибка. Исправьте поля, отмеченные красным.',
      ],
      [
        'Die Karte hat 1 Problem. Korrigieren Sie das rot markierte Feld.',
        'Die Karte hat 2 Probleme. Korrigieren Sie die rot markierten Felder.',
      ],
    ],
    ['elements', 'sectionErrors', ['1 error', '2 errors'], ['Ошибок: 1', 'Ошибок: 2', 'Ошибок: 5', 'Ошибок: 21'], ['1 Fehler', '2 Fehler']],
    [
      'elements',
      'matches',
      ['1 option', '2 options'],
      ['Вариантов: 1', 'Вариантов: 2', 'Вариантов: 5', 'Вариантов: 21'],
      ['1 Option', '2 Optionen'],
    ],
    [
      'elements',
      'remindersCount',
      ['1 reminder', '2 reminders'],
      ['Напоминаний: 1', 'Напоминаний: 2', 'Напоминаний: 5', 'Напоминаний: 21'],
      ['1 Erinnerung', '2 Erinnerungen'],
    ],
    [
      'elements',
      'historyChanges',
      ['1 change', '2 changes'],
      ['Изменений: 1', 'Изменений: 2', 'Изменений: 5', 'Изменений: 21'],
      ['1 Änderung', '2 Änderungen'],
    ],
    [
      'cardList',
      'bulkChanged',
      ['Changed in 1 card.', 'Changed in 2 cards.'],
      ['Изменено карточек: 1.', 'Изменено карточек: 2.', 'Изменено карточек: 5.', 'Изменено карточек: 21.'],
      ['In 1 Karte geändert.', 'In 2 Karten geändert.'],
    ],
    [
      'cardList',
      'bulkSkipped',
      ['1 card not changed: locked', '2 cards not changed: locked'],
      [
        'Не изменено карточек: 1 — locked',
        'Не изменено карточек: 2 — locked',
        'Не изменено карточек: 5 — locked',
        'Не изменено карточек: 21 — locked',
      ],
      ['1 Karte nicht geändert: locked', '2 Karten nicht geändert: locked'],
      { msg: 'locked' },
    ],
    [
      'cardList',
      'bulkDeleted',
      ['Deleted 1 card.', 'Deleted 2 cards.'],
      ['Удалено карточек: 1.', 'Удалено карточек: 2.', 'Удалено карточек: 5.', 'Удалено карточек: 21.'],
      ['1 Karte gelöscht.', '2 Karten gelöscht.'],
    ],
    [
      'cardList',
      'bulkRestored',
      ['Restored 1 card.', 'Restored 2 cards.'],
      ['Восстановлено карточек: 1.', 'Восстановлено карточек: 2.', 'Восстановлено карточек: 5.', 'Восстановлено карточек: 21.'],
      ['1 Karte wiederhergestellt.', '2 Karten wiederhergestellt.'],
    ],
    [
      'cardList',
      'bulkExported',
      ['Exported 1 card.', 'Exported 2 cards.'],
      ['Выгружено карточек: 1.', 'Выгружено карточек: 2.', 'Выгружено карточек: 5.', 'Выгружено карточек: 21.'],
      ['1 Karte exportiert.', '2 Karten exportiert.'],
    ],
    [
      'cardList',
      'dupNone',
      ['No likely duplicates among 1 card.', 'No likely duplicates among 2 cards.'],
      [
        'Среди карточек (1) возможных дубликатов нет.',
        'Среди карточек (2) возможных дубликатов нет.',
        'Среди карточек (5) возможных дубликатов нет.',
        'Среди карточек (21) возможных дубликатов нет.',
      ],
      ['Keine möglichen Dubletten unter 1 Karte.', 'Keine möglichen Dubletten unter 2 Karten.'],
    ],
  ];

  for (const [domain, key, en, ru, de, extra] of cases) {
    it(`${domain}.${key}: en 1, 2; ru 1, 2, 5, 21${de ? '; de 1, 2' : ''}`, () => {
      assert.deepEqual(counts(domain, 'en', key, [1, 2], extra), en);
      assert.deepEqual(counts(domain, 'ru', key, [1, 2, 5, 21], extra), ru);
      if (de) assert.deepEqual(counts(domain, 'de', key, [1, 2], extra), de);
    });
  }

  it('a locale that falls back to a catalogue gets that catalogue’s grammar', () => {
    // Japanese has one plural category (other) and no catalogue here: English forms by English rules.
    assert.deepEqual(counts('cardList', 'ja', 'bulkDeleted', [1, 21]), ['Deleted 1 card.', 'Deleted 21 cards.']);
  });
});
