import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fallbackChain,
  hasMessage,
  loadTranslations,
  registerTranslation,
  registerTranslationLoader,
  registeredLocales,
  translate,
  translationsLoaded,
} from './index.js';

describe('the message registry', () => {
  registerTranslation('en', { test: { hello: 'Hello, {name}', only: 'English only', count: (p) => `${p.n} item(s)` } });
  registerTranslation('ru', { test: { hello: 'Привет, {name}', onlyRu: 'только по-русски' } });

  it('fills placeholders and calls function messages with the locale found', () => {
    assert.equal(translate('test', 'en', 'hello', { name: 'Ann' }), 'Hello, Ann');
    assert.equal(translate('test', 'en', 'count', { n: 3 }), '3 item(s)');
    assert.equal(translate('test', 'ru', 'hello', { name: 'Анна' }), 'Привет, Анна');
  });

  it('falls back along a registered chain, then to English: kk → ru → en', () => {
    registerTranslation('kk', { test: { hello: 'Сәлем, {name}' } }, { fallback: 'ru' });
    assert.deepEqual(fallbackChain('kk'), ['kk', 'ru', 'en']);
    assert.equal(translate('test', 'kk', 'hello', { name: 'Әлия' }), 'Сәлем, Әлия');
    assert.equal(translate('test', 'kk', 'onlyRu'), 'только по-русски');
    assert.equal(translate('test', 'kk', 'only'), 'English only');
  });

  it('tries a regional tag, then its language: de-AT → de → en', () => {
    registerTranslation('de', { test: { hello: 'Hallo, {name}' } });
    assert.deepEqual(fallbackChain('de-AT'), ['de-at', 'de', 'en']);
    assert.equal(translate('test', 'de-AT', 'hello', { name: 'Jo' }), 'Hallo, Jo');
    assert.equal(translate('test', 'fr', 'hello', { name: 'Jo' }), 'Hello, Jo', 'an unknown language reads English');
  });

  it('lets an app override single strings; a later registration wins key by key', () => {
    registerTranslation('en', { test: { hello: 'Hi, {name}' } });
    assert.equal(translate('test', 'en', 'hello', { name: 'Ann' }), 'Hi, Ann');
    assert.equal(translate('test', 'en', 'only'), 'English only', 'the other keys stay');
  });

  it('answers undefined for a key no language has, and knows which locale has what', () => {
    assert.equal(translate('test', 'ru', 'missing'), undefined);
    assert.ok(hasMessage('test', 'ru', 'onlyRu'));
    assert.ok(!hasMessage('test', 'kk', 'onlyRu'), 'a fallback is not the locale itself');
    assert.ok(registeredLocales().includes('kk'));
  });

  it('loads a catalogue on demand, once, underneath what an app registered before it', async () => {
    let calls = 0;
    registerTranslation('xx', { lazy: { greeting: 'App wording' } });
    registerTranslationLoader('xx', async () => {
      calls++;
      return { lazy: { greeting: 'Built-in greeting', farewell: 'Built-in farewell' } };
    });
    assert.ok(!translationsLoaded('xx'), 'not loaded until asked');
    assert.ok(translationsLoaded('yy'), 'a locale without loaders has nothing to wait for');
    assert.equal(translate('lazy', 'xx', 'farewell'), undefined);
    await Promise.all([loadTranslations('xx'), loadTranslations('xx-YY')]);
    assert.equal(calls, 1, 'each loader runs once');
    assert.ok(translationsLoaded('xx') && translationsLoaded('xx-YY'));
    assert.equal(translate('lazy', 'xx', 'farewell'), 'Built-in farewell');
    assert.equal(translate('lazy', 'xx', 'greeting'), 'App wording', "the app's override stays");
  });

  it('reports a loader that fails and runs it again on the next call', async () => {
    let attempts = 0;
    registerTranslationLoader('zz', async () => {
      if (++attempts === 1) throw new Error('offline');
      return { lazy: { greeting: 'zz' } };
    });
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await loadTranslations('zz');
    } finally {
      console.error = error;
    }
    assert.equal(errors.length, 1);
    assert.ok(!translationsLoaded('zz'));
    await loadTranslations('zz');
    assert.equal(attempts, 2);
    assert.equal(translate('lazy', 'zz', 'greeting'), 'zz');
  });
});
