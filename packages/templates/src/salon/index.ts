import type { CardTemplate } from '../types.js';
import type { BeautySalonCard } from '../generated/beauty-salon-card.js';
import { salonSchema } from './schema.js';
import { salonLayout } from './layout.js';
import { salonMessages } from './messages.js';
import { salonSample } from './sample.js';
import { rolesOf } from '../roles.js';

/** The beauty-salon client card: personal data, anamnesis, skin, visits, consents, loyalty. */
export const beautySalonCard: CardTemplate<BeautySalonCard> = {
  id: 'beauty-salon-card',
  title: { ru: 'Карта клиента салона красоты', en: 'Beauty salon client card' },
  description: {
    ru: 'Личные данные, анамнез, состояние кожи, история посещений с напоминаниями, согласия, лояльность.',
    en: 'Personal data, medical history, skin assessment, visits with reminders, consents, loyalty.',
  },
  schema: salonSchema,
  layout: salonLayout,
  messages: salonMessages,
  sample: salonSample,
  roles: rolesOf('administrator', 'master', 'admin'),
  loadValidator: () => import('../generated/beauty-salon-card.validator.js').then((m) => m.default),
  listing: {
    title: '/personal/fullName',
    indexed: { master: '/personal/preferredMaster', source: '/personal/source', skinType: '/skin/type' },
    summary: ['/personal/phone', '/anamnesis/allergies', '/visits/*/nextVisit', '/loyalty/visitsCount'],
  },
};
