// <kc-card> as a native form control, the way Web Awesome's form-associated elements behave:
// fieldset disabling, validity with an anchor, reportValidity, checkValidity, reset and restore,
// `required`, `form`.
import { expect, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard } from './card.js';
import { controlOf, fieldAt, mount, settle, typeInto, unmountAll } from '../test-support/helpers.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
  },
};

async function inForm(value: unknown, attrs: { required?: boolean; fieldsetDisabled?: boolean; disabled?: boolean } = {}) {
  const form = mount<HTMLFormElement>(html`<form>
    <fieldset ?disabled=${!!attrs.fieldsetDisabled}>
      <kc-card name="card" .schema=${schema} .value=${value} ?required=${!!attrs.required} ?disabled=${!!attrs.disabled}></kc-card>
    </fieldset>
    <button>Send</button>
  </form>`);
  const card = form.querySelector('kc-card') as KcCard;
  await settle(card);
  return {
    form,
    card,
    fieldset: form.querySelector('fieldset')!,
    input: (p: string) => controlOf(fieldAt(card.shadowRoot!, p)!) as HTMLInputElement,
  };
}

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

describe('<kc-card> in a native form', () => {
  afterEach(unmountAll);

  it('a <fieldset disabled> disables it, and enabling the fieldset enables it again', async () => {
    const { card, fieldset, input, form } = await inForm({ companyName: 'Acme' }, { fieldsetDisabled: true });
    expect(card.matches(':disabled')).to.equal(true);
    expect(input('/companyName').disabled, 'inputs disabled with the fieldset').to.equal(true);
    expect(card.disabled, "the card's own setting is untouched").to.equal(false);
    expect(card.hasAttribute('disabled')).to.equal(false);
    expect(card.willValidate).to.equal(false);
    fieldset.disabled = false;
    await settle(card);
    expect(card.matches(':disabled')).to.equal(false);
    expect(input('/companyName').disabled, 'inputs enabled again').to.equal(false);
    expect(card.willValidate).to.equal(true);
    expect(JSON.parse(new FormData(form).get('card') as string)).to.deep.equal({ companyName: 'Acme' });
  });

  it('a card disabled by its own attribute stays disabled when the fieldset around it is toggled', async () => {
    const { card, fieldset, input } = await inForm({ companyName: 'Acme' }, { disabled: true });
    fieldset.disabled = true;
    await settle(card);
    fieldset.disabled = false;
    await settle(card);
    expect(card.disabled).to.equal(true);
    expect(card.matches(':disabled')).to.equal(true);
    expect(input('/companyName').disabled).to.equal(true);
  });

  it('checkValidity(): true without errors; false with them, with validity, message and an invalid event', async () => {
    const { card, form, input } = await inForm({ companyName: 'Acme' });
    let invalidEvents = 0;
    card.addEventListener('invalid', () => invalidEvents++);
    expect(card.checkValidity()).to.equal(true);
    expect(card.validity.valid).to.equal(true);
    expect(card.validationMessage).to.equal('');
    expect(form.checkValidity()).to.equal(true);
    expect(invalidEvents).to.equal(0);
    typeInto(input('/email'), 'nope');
    await settle(card);
    expect(card.checkValidity()).to.equal(false);
    expect(card.validity.customError).to.equal(true);
    expect(card.validationMessage).to.contain('email address');
    expect(form.checkValidity()).to.equal(false);
    expect(invalidEvents).to.equal(2);
    expect(card.form).to.equal(form);
  });

  it('reportValidity() reports the first error at its control, which gets the focus', async () => {
    const { card, input } = await inForm({ companyName: 'Acme', email: 'a@b.co' });
    typeInto(input('/email'), 'nope');
    await settle(card);
    (document.activeElement as HTMLElement | null)?.blur();
    expect(card.reportValidity()).to.equal(false);
    await settle(card);
    expect(deepActive(), 'the invalid input is focused').to.equal(input('/email'));
    expect(fieldAt(card.shadowRoot!, '/email')!.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('email address');
  });

  it("a form's submit is blocked and the browser's report lands on the invalid control", async () => {
    const { card, form, input } = await inForm({ companyName: 'Acme' });
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted++;
    });
    typeInto(input('/companyName'), 'A');
    await settle(card);
    (document.activeElement as HTMLElement | null)?.blur();
    form.requestSubmit();
    expect(submitted).to.equal(0);
    expect(deepActive(), 'the browser focused the anchor').to.equal(input('/companyName'));
    typeInto(input('/companyName'), 'Acme Ltd');
    await settle(card);
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('form.reset() puts back the loaded data; a restored state comes back (dirty), bad state loses nothing', async () => {
    const { card, form, input } = await inForm({ companyName: 'Acme' });
    typeInto(input('/companyName'), 'Other');
    await settle(card);
    form.reset();
    await settle(card);
    expect(card.value).to.deep.equal({ companyName: 'Acme' });
    expect(input('/companyName').value).to.equal('Acme');
    expect(card.matches(':state(dirty)')).to.equal(false);
    // What the browser hands back on back/forward navigation is the state the card stored.
    card.formStateRestoreCallback(JSON.stringify({ companyName: 'Restored', email: 'r@e.co' }));
    await settle(card);
    expect(input('/companyName').value).to.equal('Restored');
    expect(input('/email').value).to.equal('r@e.co');
    expect(card.matches(':state(dirty)'), 'restored edits are unsaved').to.equal(true);
    expect(JSON.parse(new FormData(form).get('card') as string)).to.deep.equal({ companyName: 'Restored', email: 'r@e.co' });
    card.formStateRestoreCallback('{not json');
    card.formStateRestoreCallback(null);
    expect(card.value).to.deep.equal({ companyName: 'Restored', email: 'r@e.co' });
    form.reset();
    await settle(card);
    expect(card.value).to.deep.equal({ companyName: 'Acme' });
  });

  it("required: an empty card is valueMissing (message in the card's language); filled in, it is valid", async () => {
    const loose: JsonSchemaObject = { type: 'object', properties: { note: { type: 'string' } } };
    const form = mount<HTMLFormElement>(html`<form><kc-card name="card" required locale="ru" .schema=${loose}></kc-card></form>`);
    const card = form.querySelector('kc-card') as KcCard;
    await settle(card);
    expect(card.checkValidity()).to.equal(false);
    expect(card.validity.valueMissing).to.equal(true);
    expect(card.validationMessage).to.equal('Заполните карточку.');
    card.locale = 'en';
    await settle(card);
    expect(card.validationMessage).to.equal('Fill in this card.');
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/note')!) as HTMLInputElement, 'x');
    await settle(card);
    expect(card.checkValidity()).to.equal(true);
    card.required = false;
    card.reset({});
    await settle(card);
    expect(card.checkValidity()).to.equal(true);
  });
});
