import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { fieldAt, settle } from '../test-support/helpers.js';

const seed = 'promotes and recommends us, cooperates actively, grows our share';
const schema = {
  type: 'object',
  properties: { loyalty: { type: 'integer', title: 'Loyalty', minimum: 1, maximum: 5, 'x-widget': 'rating' } },
};
const messages = {
  en: { '/loyalty': { title: 'Loyalty', options: { '1': 'hostile', '3': 'neutral', '5': seed } } },
  ru: {
    '/loyalty': {
      title: 'Лояльность',
      options: { '1': 'враждебен', '3': 'нейтрален', '5': 'продвигает и рекомендует нас, активно сотрудничает, наращивает нашу долю' },
    },
  },
};

describe('<kc-rating>', () => {
  it('names values from the catalogue, shows the meaning, and clears', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .messages=${messages} .value=${{ loyalty: 5 }}></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/loyalty')!;
    const meaning = () => w.shadowRoot!.querySelector('[part="meaning"]')!.textContent!.trim();
    expect(meaning()).to.equal(`5 — ${seed}`);
    const radios = [...w.shadowRoot!.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    expect(radios.length).to.equal(5);
    expect(radios[0].labels![0].textContent).to.contain('hostile');
    // Native radios: arrow keys move between them (the browser's own behaviour, not re-tested here).
    expect(new Set(radios.map((r) => r.name)).size).to.equal(1);
    radios[3].click();
    await settle(card);
    expect((card.value as { loyalty: number }).loyalty).to.equal(4);
    expect(meaning()).to.equal('4 of 5');
    expect(w.shadowRoot!.querySelectorAll('.star.on').length).to.equal(4);
    card.locale = 'ru';
    await settle(card);
    expect(meaning()).to.equal('4 из 5');
    (w.shadowRoot!.querySelector('[part="clear-button"]') as HTMLButtonElement).click();
    await settle(card);
    expect((card.value as { loyalty?: number }).loyalty).to.equal(undefined);
    expect(meaning()).to.equal('Нет оценки');
  });
});
