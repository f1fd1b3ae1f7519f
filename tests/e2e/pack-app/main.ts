// An app as a team writes it after `npm install @kartochka/elements @kartochka/templates`: the
// README's snippet in strict TypeScript, with the template's generated type on the card's value.
// tests/e2e/pack-install.test.ts copies this folder outside the workspace, installs the packed
// tarballs, type-checks it, builds it with Vite and uses it in Chromium.
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import { b2bClientCard, type B2BClientCard } from '@kartochka/templates';

const card = document.querySelector('kc-card') as KcCard<B2BClientCard>;
card.schema = b2bClientCard.schema;
card.layout = b2bClientCard.layout as NonNullable<KcCard['layout']>;
card.messages = b2bClientCard.messages;
card.value = { general: { companyName: 'Acme' } };
card.addEventListener('kc-change', (e) => {
  document.querySelector('#result')!.textContent = `${e.detail.path}=${String(e.detail.value)}`;
});
document.querySelector<HTMLButtonElement>('#save')!.onclick = () => {
  const { valid, errors } = card.validate();
  document.querySelector('#result')!.textContent = valid ? `saved ${card.value?.general.companyName}` : `invalid ${errors.length}`;
};
