/** The salon card's layout: an accordion, so the master sees the anamnesis and the last visit at once. */
import type { TemplateLayout } from '../types.js';

export const salonLayout: TemplateLayout = {
  version: 1,
  sections: 'accordion',
  items: [
    {
      type: 'section',
      id: 'personal',
      title: { ru: 'Личные данные', en: 'Personal data' },
      columns: 2,
      items: [
        '/personal/fullName',
        '/personal/birthDate',
        '/personal/phone',
        '/personal/email',
        '/personal/preferredMaster',
        '/personal/source',
        '/personal/marketingConsent',
      ],
    },
    {
      type: 'section',
      id: 'anamnesis',
      title: { ru: 'Анамнез', en: 'Medical history' },
      items: [
        '/anamnesis/allergies',
        '/anamnesis/chronicConditions',
        '/anamnesis/medications',
        '/anamnesis/pregnancyOrLactation',
        '/anamnesis/contraindications',
        '/anamnesis/updatedAt',
      ],
    },
    {
      type: 'section',
      id: 'skin',
      title: { ru: 'Состояние кожи', en: 'Skin assessment' },
      columns: 2,
      items: ['/skin/type', '/skin/phototype', '/skin/conditions', '/skin/assessedAt', '/skin/notes'],
    },
    { type: 'section', id: 'visits', title: { ru: 'История посещений', en: 'Visits' }, items: ['/visits'] },
    {
      type: 'section',
      id: 'consents',
      title: { ru: 'Согласия', en: 'Consents' },
      items: [
        {
          type: 'group',
          id: 'personalData',
          title: { ru: 'Обработка персональных данных', en: 'Personal data processing' },
          columns: 2,
          items: ['/consents/personalData/given', '/consents/personalData/date'],
        },
        '/consents/procedures',
      ],
    },
    {
      type: 'section',
      id: 'loyalty',
      title: { ru: 'Лояльность', en: 'Loyalty' },
      columns: 2,
      items: ['/loyalty/visitsCount', '/loyalty/totalSpent', '/loyalty/bonusCard', '/loyalty/discountPercent'],
    },
  ],
};
