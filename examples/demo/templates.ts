/** The cards the demo offers: the two ready templates and the small client card of the first slice. */
import { b2bClientCard, beautySalonCard, type CardTemplate } from '@kartochka/templates';
import { clientMessages, clientSchema } from './client-schema.js';

export const simpleClientCard: CardTemplate<unknown> = {
  id: 'demo-client',
  title: { ru: 'Простая карточка', en: 'Simple card' },
  description: { ru: 'Небольшая карточка клиента', en: 'A small client card' },
  schema: clientSchema,
  layout: {
    version: 1,
    sections: 'tabs',
    items: [
      {
        type: 'section',
        id: 'main',
        title: { ru: 'Клиент', en: 'Client' },
        columns: 2,
        items: ['/companyName', '/email', '/segment', '/headcount', '/contractDate', '/address'],
      },
    ],
  },
  messages: clientMessages,
  sample: { companyName: 'ООО «Ромашка»', segment: 'dealer', headcount: 120, address: { city: 'Казань' } },
  listing: { title: '/companyName', indexed: { segment: '/segment' }, summary: ['/segment', '/contractDate'] },
};

export const demoTemplates: CardTemplate<unknown>[] = [
  b2bClientCard as CardTemplate<unknown>,
  beautySalonCard as CardTemplate<unknown>,
  simpleClientCard,
];

export const templateFor = (id: string) => demoTemplates.find((t) => t.id === id) ?? demoTemplates[0];

/** The sample record of a template: the card the demo opens with. */
export const sampleId = (t: CardTemplate<unknown>) => `${t.id}-sample`;
