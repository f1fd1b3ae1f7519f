/**
 * A card whose validator cannot be fetched, on the card entry as an app's bundler builds it
 * (scripts/wtr-card-bundle.mjs: the run-time compiler's chunk answers 503). The card says so (the
 * failed-parts notice), keeps the form and what was typed, and `save()` answers `false` instead of
 * waiting for good. A page of its own: the compiler must not have been loaded yet.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import type { KcCard } from './card.js';
import { controlOf, fieldAt } from '../test-support/helpers.js';

const BUNDLE = '/__kc_card_bundle__/';
const COMPILER = 'validation/compiler.ts';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', title: 'Name', minLength: 3 }, age: { type: 'integer', title: 'Age' } },
};

describe('<kc-card> from the card entry, when its validator cannot be loaded', () => {
  before(async function () {
    this.timeout(120000); // the first request builds the bundle
    await import(/* @vite-ignore */ `${BUNDLE}card.js`);
  });

  it('says so, keeps the data typed, and save() answers false', async () => {
    await fetch(`${BUNDLE}__fail__?module=${COMPILER}`);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    const card = document.createElement('kc-card') as KcCard;
    try {
      Object.assign(card, { schema, value: { age: 30 } });
      document.body.append(card);
      await waitUntil(() => fieldAt(card.shadowRoot!, '/name')?.shadowRoot?.querySelector('input'), 'the form is shown');
      const input = controlOf(fieldAt(card.shadowRoot!, '/name')!) as HTMLInputElement;
      input.value = 'Anna';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitUntil(
        () => card.shadowRoot!.querySelector('[part=notice][role=alert]'),
        'the card reports the validator it could not load',
        {
          timeout: 5000,
        },
      );
      const notice = card.shadowRoot!.querySelector('[part=notice][role=alert]');
      expect(notice!.getAttribute('title')).to.equal('the validator');
      expect(notice!.textContent).to.contain('Part of this card could not be loaded');
      expect(errors.some((e) => String(e).includes('the validator could not be loaded'))).to.equal(true);
      expect(await card.save(), 'nothing saved unchecked, and no endless wait').to.equal(false);
      expect(card.validate().valid, 'not claimed valid').to.equal(false);
      expect(card.value, 'the data typed is kept').to.deep.equal({ name: 'Anna', age: 30 });
      expect(input.value).to.equal('Anna');
      expect(card.shadowRoot!.querySelectorAll('[part=notice][role=alert]').length, 'one notice').to.equal(1);
    } finally {
      console.error = consoleError;
      card.remove();
      await fetch(`${BUNDLE}__fail__?module=${COMPILER}&off`);
    }
  });
});
