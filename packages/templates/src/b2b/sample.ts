/** A filled B2B card for a fictional client (any resemblance to a real company is accidental). */
import type { B2BClientCard } from '../generated/b2b-client-card.js';
import { SAMPLE_CONTRACT_PDF, SAMPLE_CONTRACT_PDF_BYTES } from './sample-contract.js';

export const b2bSample: B2BClientCard = {
  general: {
    companyName: 'Волжская керамика',
    legalForm: 'llc',
    activity: {
      description:
        'Оптовая торговля керамической плиткой и сантехникой; собственная сеть салонов в Поволжье; клиенты — строительные компании и частные покупатели.',
      products: ['Керамическая плитка', 'Керамогранит', 'Сантехника'],
      regions: ['Самарская область', 'Ульяновская область', 'Татарстан'],
    },
    size: {
      class: 'medium',
      turnover: { amount: 850000000, currency: 'RUB' },
      marketShare: 12.5,
      headcount: 240,
      branches: 6,
      marketCoverage: 'Среднее Поволжье',
      exportCountries: ['KZ', 'UZ'],
    },
    contacts: {
      addresses: [
        { kind: 'legal', address: '443001, г. Самара, ул. Молодогвардейская, д. 10, офис 5' },
        { kind: 'warehouse', address: '443004, г. Самара, ул. Заводская, д. 3' },
      ],
      phones: [
        { label: 'Приёмная', number: '+7 846 200-10-10' },
        { label: 'Отдел закупок', number: '+7 846 200-10-22' },
      ],
      emails: [{ label: 'Общий', email: 'info@volga-keramika.example' }],
    },
    requisites: {
      bankAccounts: [
        { bank: 'АО «Пример-Банк»', bik: '043601999', account: '40702810600000012345', correspondentAccount: '30101810400000000999' },
      ],
      codes: { inn: '6312000007', kpp: '631201001', ogrn: '1026300000000', okpo: '12345678' },
      registration: { date: '2004-03-15', authority: 'ИФНС по Советскому району г. Самары' },
      certificates: [{ name: 'Сертификат дилера', number: 'D-2026/117', validUntil: '2027-02-28' }],
    },
    geo: { country: 'Россия', region: 'Самарская область', city: 'Самара' },
    responsibility: { department: 'Отдел продаж «Поволжье»', supervisor: 'Кузнецова Ольга Викторовна', manager: 'Петров Андрей Сергеевич' },
  },
  category: {
    segment: 'dealer',
    priority: 'A',
    clientType: 'active',
    category: 'VIP',
    conditions: {
      package: 'extended',
      individual: [
        { term: 'Отсрочка платежа', value: '45 дней' },
        { term: 'Скидка на новые коллекции', value: '7%' },
      ],
    },
    salesType: 'active',
    salesKind: 'quantitative',
    planningType: 'targeted',
    potential: { unit: 'money', value: 12000000, currency: 'RUB' },
    actualVolume: 4200000,
    ourShare: 35,
  },
  roles: {
    people: [
      {
        fullName: 'Соколов Игорь Николаевич',
        role: 'P',
        position: 'Генеральный директор',
        managementLevel: 'top',
        phone: '+7 927 100-20-30',
        email: 'sokolov@volga-keramika.example',
        traits: 'Решения принимает быстро, ценит цифры и пунктуальность.',
        birthday: '1972-02-29',
        maritalStatus: 'married',
        motivators: ['Рост доли рынка', 'Надёжные поставки'],
        hobbies: ['Рыбалка', 'Хоккей'],
        keyValues: 'Долгосрочные отношения, честность в условиях.',
      },
      {
        fullName: 'Морозова Елена Павловна',
        role: 'KK',
        position: 'Руководитель отдела закупок',
        managementLevel: 'middle',
        phone: '+7 927 555-44-33',
        email: 'morozova@volga-keramika.example',
        birthday: '1985-11-07',
        maritalStatus: 'single',
        motivators: ['Бонусы за объём'],
        hobbies: ['Йога'],
      },
      {
        fullName: 'Лебедев Максим Олегович',
        role: 'K',
        position: 'Менеджер по закупкам',
        managementLevel: 'specialist',
        birthday: '1993-06-30',
      },
    ],
  },
  history: {
    sales: [
      { period: '2025-Q4', turnover: 900000, margin: 180000, purchases: 6, abcClass: 'A' },
      { period: '2026-Q1', turnover: 1100000, margin: 231000, purchases: 8, abcClass: 'A' },
      { period: '2026-Q2', turnover: 1200000, margin: 240000, purchases: 7, abcClass: 'A' },
      { period: '2026-Q3', turnover: 1000000, margin: 190000, purchases: 6, abcClass: 'B' },
    ],
    totalTurnover: 4200000,
    shipments: [
      { date: '2026-09-12', document: 'УПД № 4411', amount: 350000 },
      { date: '2026-10-03', document: 'УПД № 4620', amount: 420000 },
    ],
    payments: [
      { date: '2026-09-28', document: 'П/п № 918', amount: 350000 },
      { date: '2026-11-02', document: 'П/п № 77', amount: 200000 },
    ],
    receivables: { current: 220000, overdue: 0 },
    marketing: {
      done: ['Выкладка коллекции «Волга» в трёх салонах'],
      inProgress: ['Обучение продавцов новой коллекции'],
      costs: [{ period: '2026', amount: 150000 }],
      clientBrands: ['ВолгаДом'],
      loyaltyPrograms: ['Клуб строителей'],
    },
    service: [{ period: '2026-Q2', kind: 'warranty', type: 'Замена партии с браком', cost: 18000 }],
  },
  plans: {
    sales: [
      { periodType: 'quarter', period: '2027-Q1', item: 'Керамогранит 60×60', quantity: 4000, price: 1150 },
      { periodType: 'month', period: '2027-01', item: 'Плитка «Волга»', quantity: 1500, price: 890 },
    ],
    marketing: [
      { event: 'Открытие шоу-рума', budget: 250000, materials: 'Стенды, каталоги', promo: 'Скидка 5% на открытии', dueDate: '2027-02-20' },
    ],
    actions: [
      { action: 'Согласовать план закупок на II квартал', dueDate: '2026-12-10', owner: 'Петров Андрей Сергеевич', status: 'inProgress' },
      { action: 'Провести обучение продавцов', dueDate: '2027-01-20', owner: 'Кузнецова Ольга Викторовна', status: 'planned' },
    ],
    service: [{ service: 'Аудит склада и хранения', date: '2027-03-01', notes: 'По просьбе клиента' }],
  },
  relationship: {
    interactions: [
      {
        at: '2026-10-20T11:00:00+04:00',
        channel: 'meeting',
        participants: 'Соколов И. Н., Петров А. С.',
        result: 'Обсудили расширение ассортимента и условия на 2026 год.',
        nextContactAt: '2026-12-07',
      },
      { at: '2026-11-16T15:30:00+04:00', channel: 'call', participants: 'Морозова Е. П.', result: 'Уточнили сроки отгрузки.' },
    ],
    contactFrequency: 'monthly',
    mailing: { email: true, sms: false },
    loyalty: { score: 4, assessedAt: '2026-10-20' },
    satisfaction: {
      lastScore: 4.1,
      survey: {
        conductedAt: '2026-10-20',
        respondent: 'Морозова Е. П.',
        method: 'interview',
        productQuality: 4,
        deliveryReliability: 5,
        serviceQuality: 4,
        managerCommunication: 5,
        priceTerms: 3,
        averageScore: 4.2,
        wouldRecommend: true,
        comments: 'Хотели бы более гибкие цены на крупные партии.',
      },
      remarks: [
        { text: 'Задержка поставки в октябре', date: '2026-06-15', status: 'done' },
        { text: 'Неполный комплект документов к отгрузке', date: '2026-08-05', status: 'done' },
        { text: 'Нужен личный кабинет для заказов', date: '2026-10-20', status: 'open' },
      ],
      resolvedPercent: 66.7,
    },
  },
  contract: {
    number: 'ДП-2025/015',
    signedAt: '2025-05-01',
    validUntil: '2027-04-30',
    file: { name: 'dogovor-DP-2025-015.pdf', type: 'application/pdf', size: SAMPLE_CONTRACT_PDF_BYTES, url: SAMPLE_CONTRACT_PDF },
    renewalReminderDays: 45,
  },
};
