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
