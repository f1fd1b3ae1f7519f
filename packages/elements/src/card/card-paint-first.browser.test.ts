/**
 * Paint first: the card renders its fields from the schema before its validator is compiled;
 * the compile and the first validation run after the first frame; errors appear then. Anything
 * that must know the errors early (validate(), submit(), checkValidity()) compiles on the spot.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard } from './card.js';
import { allFields, controlOf, fieldAt, settle, typeInto, unmountAll } from '../test-support/helpers.js';

// A schema object of its own per test: the compile cache would otherwise make every card after
// the first one ready at once (a cached validator compiles nothing, but it is still deferred).
const makeSchema = (): JsonSchemaObject => ({
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    age: { type: 'integer', minimum: 0, title: 'Age' },
  },
});

/** A card that has rendered its first update and nothing more (no frame has run yet). */
async function freshCard(value: unknown): Promise<KcCard> {
  const card = await fixture<KcCard>(html`<kc-card .schema=${makeSchema()} .value=${value}></kc-card>`);
  await card.updateComplete;
  return card;
}

const errorText = (card: KcCard, pointer: string) =>
  fieldAt(card.shadowRoot!, pointer)!.shadowRoot!.querySelector('.error')?.textContent?.trim() ?? '';

describe('<kc-card> paints first, validates after', () => {
  afterEach(unmountAll);

  it('renders every field before the validator runs, then validates after the first frame', async () => {
    const card = await freshCard({ email: 'a@b.co' });
    expect(card.controller!.validationPending, 'pending at first render').to.equal(true);
    expect([...allFields(card).keys()]).to.include.members(['/name', '/email', '/age']);
    // Read through matches(), not card.validity (which would compile on the spot).
    expect(card.matches(':state(validating)')).to.equal(true);
    expect(card.matches(':state(invalid)'), 'no verdict before the validator ran').to.equal(false);
    expect(card.matches(':valid'), 'not "valid" before the validator ran').to.equal(false);
    await card.validatorReady;
    expect(card.controller!.validationPending).to.equal(false);
    expect(card.matches(':state(validating)')).to.equal(false);
    expect(card.matches(':state(invalid)'), 'the missing name makes it invalid').to.equal(true);
    expect(card.matches(':valid')).to.equal(false);
  });

  it('a valid card is never shown invalid, and becomes valid once checked', async () => {
    const card = await freshCard({ name: 'Anna' });
    expect(card.matches(':state(invalid)')).to.equal(false);
    await card.validatorReady;
    expect(card.matches(':state(invalid)')).to.equal(false);
    expect(card.matches(':valid')).to.equal(true);
  });

  it('validate() called before the validator is ready compiles it and returns the real errors', async () => {
    const card = await freshCard({ email: 'nope', age: -1 });
    expect(card.controller!.validationPending).to.equal(true);
    const r = card.validate();
    expect(r.valid).to.equal(false);
    expect(r.errors.map((e) => e.path).sort()).to.deep.equal(['/age', '/email', '/name']);
    expect(card.controller!.validationPending).to.equal(false);
    await settle(card);
    expect(errorText(card, '/email')).to.not.equal('');
  });

  it('submit() and checkValidity() before the validator is ready answer for real', async () => {
    const card = await freshCard({});
    expect(card.checkValidity()).to.equal(false);
    const fresh = await freshCard({ name: 'Anna' });
    let submitted: unknown;
    fresh.addEventListener('kc-submit', (e) => (submitted = (e as CustomEvent).detail.value));
    expect(fresh.submit()).to.equal(true);
    expect(submitted).to.deep.equal({ name: 'Anna' });
  });

  it('keystrokes before the validator is ready are kept and validated when it runs', async () => {
    const card = await freshCard({ name: 'Anna' });
    await (fieldAt(card.shadowRoot!, '/email') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/email')!) as HTMLInputElement, 'not-an-email');
    expect(card.controller!.validationPending, 'still pending after the keystroke').to.equal(true);
    expect(card.value).to.deep.equal({ name: 'Anna', email: 'not-an-email' });
    expect(errorText(card, '/email'), 'no error before the validator ran').to.equal('');
    await settle(card);
    expect(card.value).to.deep.equal({ name: 'Anna', email: 'not-an-email' });
    expect(errorText(card, '/email'), 'the error appears once validated').to.not.equal('');
    expect(card.matches(':state(invalid)')).to.equal(true);
  });
});
