/**
 * The card on a page whose Content Security Policy forbids `unsafe-eval` (this file's page has
 * `script-src 'self' 'unsafe-inline'`, see web-test-runner.config.mjs): ajv cannot compile there.
 * The card must still render its form, run formulas, tell the user in their language, and
 * validate when given a validator precompiled with @kartochka/core/precompile.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject, PrecompiledValidator } from '@kartochka/core';
import '../index.js';
import type { KcCard } from './card.js';
import { controlOf, fieldAt, settle, typeInto } from '../test-support/helpers.js';
import schemaJson from '../test-support/csp-card.schema.json';

const schema = schemaJson as JsonSchemaObject;
const precompiledUrl: string = '/__kc_precompiled__/csp-card.js';

async function makeCard(validator?: PrecompiledValidator, locale = 'ru'): Promise<KcCard> {
  const card = await fixture<KcCard>(
    html`<kc-card .schema=${structuredClone(schema)} .validator=${validator} locale=${locale} .value=${{ companyName: 'Ромашка', potential: 200, actual: 50 }}></kc-card>`,
  );
  await settle(card);
  return card;
}

describe('<kc-card> under a strict CSP (no unsafe-eval)', () => {
  it('really is a page that refuses code generation', () => {
    expect(() => new Function('return 1')).to.throw(EvalError);
  });

  it('without a precompiled validator: the form renders, formulas run, and the user is told why nothing is checked', async () => {
    const card = await makeCard();
    expect(fieldAt(card.shadowRoot!, '/companyName'), 'a field, not the raw JSON editor').to.not.equal(null);
    expect(card.shadowRoot!.querySelector('kc-json-field')).to.equal(null);
    const notice = card.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('Политика безопасности');
    card.locale = 'en';
    await settle(card);
    expect(card.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('security policy');
    expect(card.controller!.getValue('/share')).to.equal(25);
    // Typing still works and nothing is lost.
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/email')!) as HTMLInputElement, 'not-an-email');
    await settle(card);
    expect(card.value).to.deep.include({ companyName: 'Ромашка', email: 'not-an-email' });
  });

  it('with a precompiled validator: errors show as usual and no notice', async () => {
    const { default: validator } = (await import(precompiledUrl)) as { default: PrecompiledValidator };
    const card = await makeCard(validator, 'en');
    expect(card.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    const email = fieldAt(card.shadowRoot!, '/email')!;
    typeInto(controlOf(email) as HTMLInputElement, 'not-an-email');
    await settle(card);
    expect(controlOf(email).getAttribute('aria-invalid')).to.equal('true');
    expect(email.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('email');
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/companyName')!) as HTMLInputElement, 'R');
    await settle(card);
    const r = card.validate();
    expect(r.errors.map((e) => `${e.path} ${e.keyword}`).sort()).to.deep.equal(['/companyName minLength', '/email format']);
  });
});
