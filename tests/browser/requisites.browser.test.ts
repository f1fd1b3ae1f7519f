/**
 * The B2B card's requisites are checked with their check digits, and the field says what is wrong
 * ("Неверная контрольная цифра ИНН"), the same with the template's precompiled validator (no ajv
 * compiler on the page) as with the run-time one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonValue, LayoutDocument, PrecompiledValidator } from '@kartochka/core';
import { b2bClientCard } from '@kartochka/templates';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import { controlOf, fieldAt, settle, typeInto } from '../../packages/elements/src/testing/helpers.js';

const errorText = (card: KcCard, pointer: string) =>
  fieldAt(card.shadowRoot!, pointer)!.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim() ?? '';

async function card(locale: 'ru' | 'en', validator?: PrecompiledValidator): Promise<KcCard> {
  const el = await fixture<KcCard>(
    html`<kc-card .schema=${b2bClientCard.schema} .layout=${{ ...(b2bClientCard.layout as LayoutDocument), sections: 'plain' }} .messages=${b2bClientCard.messages}
      .value=${structuredClone(b2bClientCard.sample) as unknown as JsonValue} .validator=${validator} locale=${locale}></kc-card>`,
  );
  await settle(el);
  return el;
}

const INN = '/general/requisites/codes/inn';
const OGRN = '/general/requisites/codes/ogrn';
const BIK = '/general/requisites/bankAccounts/0/bik';
const ACCOUNT = '/general/requisites/bankAccounts/0/account';

async function enter(el: KcCard, pointer: string, text: string): Promise<void> {
  const control = controlOf(fieldAt(el.shadowRoot!, pointer)!) as HTMLInputElement;
  typeInto(control, text);
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  control.dispatchEvent(new FocusEvent('blur'));
  await settle(el);
}

for (const path of ['run-time', 'precompiled'] as const) {
  describe(`B2B requisites (${path} validator)`, function () {
    this.timeout(60000);
    let validator: PrecompiledValidator | undefined;
    before(async () => {
      validator = path === 'precompiled' ? await b2bClientCard.loadValidator!() : undefined;
    });

    it('the sample is valid; a wrong INN check digit, a short OGRN, a foreign BIK and a short account are named on their fields (ru)', async () => {
      const el = await card('ru', validator);
      expect(el.validate().valid, 'the sample has real check digits').to.equal(true);
      await enter(el, INN, '6312000008');
      await enter(el, OGRN, '102630000000');
      await enter(el, BIK, '143601999');
      await enter(el, ACCOUNT, '4070281060000001234');
      el.validate();
      await settle(el);
      expect(errorText(el, INN)).to.equal('Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.');
      expect(errorText(el, OGRN)).to.equal('ОГРН должен содержать 13 цифр, ОГРНИП — 15.');
      expect(errorText(el, BIK)).to.equal('БИК российского банка начинается с 04.');
      expect(errorText(el, ACCOUNT)).to.equal('Номер счёта должен содержать 20 цифр.');
      await enter(el, INN, '7707083893');
      expect(errorText(el, INN), 'a valid INN clears the message').to.equal('');
    });

    it('an account that does not match its BIK is named on the account field (x-bik), and fixing it clears it', async () => {
      const el = await card('ru', validator);
      await enter(el, ACCOUNT, '40702810700000012345');
      el.validate();
      await settle(el);
      expect(errorText(el, ACCOUNT)).to.equal('Номер счёта не сходится с БИК: проверьте счёт и БИК.');
      await enter(el, ACCOUNT, '40702810600000012345');
      expect(errorText(el, ACCOUNT)).to.equal('');
      expect(el.validate().valid).to.equal(true);
    });

    it('in English', async () => {
      const el = await card('en', validator);
      await enter(el, INN, '123');
      el.validate();
      await settle(el);
      expect(errorText(el, INN)).to.equal('An INN has 10 digits (a company) or 12 (a person or sole proprietor).');
    });
  });
}
