/** The B2B card's layout: one tab per section of the seed, fields grouped as the seed lists them. */
import type { TemplateLayout } from '../types.js';

export const b2bLayout: TemplateLayout = {
  version: 1,
  sections: 'tabs',
  items: [
    {
      type: 'section',
      id: 'general',
      title: { ru: 'Общая информация', en: 'General' },
      columns: 2,
      items: [
        '/general/companyName',
        '/general/legalForm',
        '/general/legalFormOther',
        {
          type: 'group',
          id: 'activity',
          title: { ru: 'Род деятельности', en: 'Line of business' },
          items: ['/general/activity/description', '/general/activity/products', '/general/activity/regions'],
        },
        {
          type: 'group',
          id: 'size',
          title: { ru: 'Размер клиента', en: 'Client size' },
          columns: 3,
          items: [
            '/general/size/class',
            '/general/size/turnover',
            '/general/size/marketShare',
            '/general/size/headcount',
            '/general/size/branches',
            '/general/size/marketCoverage',
            '/general/size/exportCountries',
          ],
        },
        {
          type: 'group',
          id: 'contacts',
          title: { ru: 'Контактный блок', en: 'Contacts' },
          items: ['/general/contacts/addresses', '/general/contacts/phones', '/general/contacts/emails'],
        },
        {
          type: 'group',
          id: 'requisites',
          title: { ru: 'Реквизиты', en: 'Company details' },
          items: [
            '/general/requisites/codes',
            '/general/requisites/registration',
            '/general/requisites/bankAccounts',
            '/general/requisites/certificates',
          ],
        },
        {
          type: 'group',
          id: 'geo',
          title: { ru: 'География', en: 'Location' },
          columns: 3,
          items: ['/general/geo/country', '/general/geo/region', '/general/geo/city'],
        },
        {
          type: 'group',
          id: 'responsibility',
          title: { ru: 'За кем закреплён', en: 'Responsibility' },
          columns: 3,
          items: ['/general/responsibility/department', '/general/responsibility/supervisor', '/general/responsibility/manager'],
        },
      ],
    },
    {
      type: 'section',
      id: 'category',
      title: { ru: 'Категоризация', en: 'Categorisation' },
      columns: 2,
      items: [
        '/category/segment',
        '/category/priority',
        '/category/clientType',
        '/category/category',
        {
          type: 'group',
          id: 'conditions',
          title: { ru: 'Условия', en: 'Terms' },
          items: ['/category/conditions/package', '/category/conditions/individual'],
        },
        {
          type: 'group',
          id: 'salesModel',
          title: { ru: 'Продажи', en: 'Sales' },
          columns: 3,
          items: ['/category/salesType', '/category/salesKind', '/category/planningType'],
        },
        {
          type: 'group',
          id: 'potential',
          title: { ru: 'Потенциал и доля', en: 'Potential and share' },
          // The whole row: three columns in half of it crushed the potential's unit, amount and currency.
          span: 2,
          columns: 3,
          items: ['/category/potential', '/category/actualVolume', '/category/ourShare'],
        },
      ],
    },
    {
      type: 'section',
      id: 'roles',
      title: { ru: 'Ролевая структура', en: 'Role structure' },
      description: {
        ru: 'Ключевые люди клиента: кто принимает решения и кто на них влияет, их контакты и то, что важно знать для общения и поздравлений.',
        en: "The client's key people: who decides and who influences, their contacts and what to know for talking to them and greeting them.",
      },
      items: ['/roles/people'],
    },
    {
      type: 'section',
      id: 'history',
      title: { ru: 'История', en: 'History' },
      description: {
        ru: 'Факт работы с клиентом: продажи, отгрузки, оплаты, маркетинг и сервис.',
        en: 'What has happened with the client: sales, shipments, payments, marketing and service.',
      },
      items: [
        { type: 'group', id: 'salesHistory', title: { ru: 'Продажи', en: 'Sales' }, items: ['/history/sales', '/history/totalTurnover'] },
        {
          type: 'group',
          id: 'finance',
          title: { ru: 'Отгрузки, оплаты, дебиторка', en: 'Shipments, payments, receivables' },
          items: ['/history/shipments', '/history/payments', '/history/receivables'],
        },
        '/history/marketing',
        '/history/service',
      ],
    },
    {
      type: 'section',
      id: 'plans',
      title: { ru: 'Планирование', en: 'Planning' },
      description: {
        ru: 'Что мы планируем по клиенту: продажи, маркетинг, мероприятия и сервис.',
        en: 'What we plan for the client: sales, marketing, events and service.',
      },
      items: ['/plans/sales', '/plans/marketing', '/plans/actions', '/plans/service'],
    },
    {
      type: 'section',
      id: 'relationship',
      title: { ru: 'Отношения', en: 'Relationship' },
      description: {
        ru: 'Как часто и чем мы информируем клиента, насколько он лоялен и доволен.',
        en: 'How often and how we keep the client informed, how loyal and satisfied they are.',
      },
      items: [
        '/relationship/interactions',
        {
          type: 'group',
          id: 'contact',
          title: { ru: 'Информирование', en: 'Keeping in touch' },
          columns: 2,
          items: ['/relationship/contactFrequency', '/relationship/mailing'],
        },
        {
          type: 'group',
          id: 'loyalty',
          title: { ru: 'Лояльность', en: 'Loyalty' },
          columns: 2,
          items: ['/relationship/loyalty/score', '/relationship/loyalty/assessedAt'],
        },
        {
          type: 'group',
          id: 'satisfaction',
          title: { ru: 'Удовлетворённость', en: 'Satisfaction' },
          items: [
            '/relationship/satisfaction/lastScore',
            '/relationship/satisfaction/survey',
            '/relationship/satisfaction/remarks',
            '/relationship/satisfaction/resolvedPercent',
          ],
        },
      ],
    },
    {
      type: 'section',
      id: 'contract',
      title: { ru: 'Договор', en: 'Contract' },
      description: {
        ru: 'Договор о сотрудничестве: номер, сроки, копия и напоминание о продлении.',
        en: 'The cooperation contract: number, dates, a copy and the renewal reminder.',
      },
      columns: 2,
      items: ['/contract/number', '/contract/signedAt', '/contract/validUntil', '/contract/renewalReminderDays', '/contract/file'],
    },
  ],
};
