import type { CardTemplate } from '../types.js';
import type { B2BClientCard } from '../generated/b2b-client-card.js';
import { b2bSchema } from './schema.js';
import { b2bLayout } from './layout.js';
import { b2bMessages } from './messages.js';
import { b2bSample } from './sample.js';

export { loyaltyScale } from './messages.js';

/** The B2B client card of the seed: general, category, roles, history, plans, relationship, contract. */
export const b2bClientCard: CardTemplate<B2BClientCard> = {
  id: 'b2b-client-card',
  title: { ru: 'Карточка клиента (B2B)', en: 'B2B client card' },
  description: {
    ru: 'Общая информация, категоризация, ролевая структура, история, планирование, отношения и договор.',
    en: 'General information, categorisation, role structure, history, planning, relationship and contract.',
  },
  schema: b2bSchema,
  layout: b2bLayout,
  messages: b2bMessages,
  sample: b2bSample,
  loadValidator: () => import('../generated/b2b-client-card.validator.js').then((m) => m.default),
  listing: {
    title: '/general/companyName',
    indexed: {
      segment: '/category/segment',
      category: '/category/category',
      priority: '/category/priority',
      clientType: '/category/clientType',
      manager: '/general/responsibility/manager',
      loyalty: '/relationship/loyalty/score',
      contractValidUntil: '/contract/validUntil',
    },
    summary: [
      '/category/category',
      '/category/priority',
      '/relationship/loyalty/score',
      '/relationship/interactions/*/nextContactAt',
      '/contract/validUntil',
    ],
  },
};
