/**
 * Values read as words wherever they are shown: the summary chips and the view mode show option
 * labels from the template's catalogue, not codes, and a list of groups as text, not raw JSON.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { FormController, type JsonValue, type LayoutDocument } from '@kartochka/core';
import { b2bClientCard, beautySalonCard } from '@kartochka/templates';
import '@kartochka/elements';
import type { KcCard, KcCardSummary } from '@kartochka/elements';
import { fieldAt, settle } from '../../packages/elements/src/testing/helpers.js';

const chips = (el: KcCardSummary) => [...el.shadowRoot!.querySelectorAll('div')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim());

describe('values as words', function () {
  this.timeout(60000);

  for (const [locale, allergy, phone] of [
    ['ru', 'Аллергии Лидокаин (Покраснение, отёк; Средняя)', 'Телефон'],
    ['en', 'Allergies Лидокаин (Покраснение, отёк; Moderate)', 'Phone'],
  ] as const) {
    it(`the salon summary chip shows allergies as text, with the severity's label (${locale})`, async () => {
      const t = beautySalonCard;
      const controller = new FormController(t.schema, { value: structuredClone(t.sample) as unknown as JsonValue, messages: t.messages, locale });
      const el = await fixture<KcCardSummary>(html`<kc-card-summary .controller=${controller} .pointers=${t.listing!.summary} .locale=${locale}></kc-card-summary>`);
      await el.updateComplete;
      const texts = chips(el);
      expect(texts.find((x) => x.startsWith(allergy.split(' ')[0]!))).to.equal(allergy);
      expect(texts.join(' ')).to.not.match(/[{}[\]"]/, 'no raw JSON');
      expect(texts[0]).to.match(new RegExp(`^${phone}`));
    });
  }

  for (const [locale, countries] of [
    ['ru', ['Казахстан', 'Узбекистан']],
    ['en', ['Kazakhstan', 'Uzbekistan']],
  ] as const) {
    it(`view mode names the B2B export countries, not their codes (${locale})`, async () => {
      const t = b2bClientCard;
      const card = await fixture<KcCard>(
        html`<kc-card .schema=${t.schema} .layout=${{ ...(t.layout as LayoutDocument), sections: 'plain' }} .messages=${t.messages}
          .value=${structuredClone(t.sample) as unknown as JsonValue} locale=${locale} mode="view"></kc-card>`,
      );
      await settle(card);
      const view = fieldAt(card.shadowRoot!, '/general/size/exportCountries')!;
      const items = [...view.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal([...countries]);
    });
  }
});
