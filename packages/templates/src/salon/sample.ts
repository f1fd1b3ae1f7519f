/** A filled salon card for a fictional client. */
import type { BeautySalonCard } from '../generated/beauty-salon-card.js';

export const salonSample: BeautySalonCard = {
  personal: {
    fullName: 'Смирнова Анна Игоревна',
    birthDate: '1990-02-28',
    phone: '+7 912 345-67-89',
    email: 'anna.smirnova@example.org',
    preferredMaster: 'Васильева Мария',
    source: 'recommendation',
    marketingConsent: true,
  },
  anamnesis: {
    chronicConditions: 'Нет',
    allergies: [{ allergen: 'Лидокаин', reaction: 'Покраснение, отёк', severity: 'moderate' }],
    medications: 'Не принимает',
    pregnancyOrLactation: 'no',
    contraindications: ['Ретиноиды'],
    updatedAt: '2026-09-01',
  },
  skin: {
    type: 'combination',
    phototype: 'II',
    conditions: ['dehydration', 'enlargedPores'],
    notes: 'Чувствительная зона вокруг глаз.',
    assessedAt: '2026-09-01',
  },
  visits: [
    {
      date: '2026-09-01',
      master: 'Васильева Мария',
      procedure: 'Ультразвуковая чистка лица',
      zone: 'Лицо',
      productsUsed: ['Энзимный пилинг', 'Маска с гиалуроновой кислотой'],
      reaction: 'Лёгкое покраснение, прошло за час',
      result: 'Кожа чище, поры сужены',
      recommendations: 'Увлажняющий крем утром и вечером, SPF 30',
      nextVisit: '2026-10-01',
      price: { amount: 3500, currency: 'RUB' },
      satisfaction: 5,
    },
    {
      date: '2026-10-01',
      master: 'Васильева Мария',
      procedure: 'Биоревитализация',
      zone: 'Лицо, шея',
      productsUsed: ['Гиалуроновая кислота 1,8%'],
      result: 'Хорошая переносимость',
      recommendations: 'Не посещать баню 2 недели',
      nextVisit: '2026-12-03',
      price: { amount: 9000, currency: 'RUB' },
      satisfaction: 4,
    },
  ],
  consents: {
    personalData: { given: true, date: '2026-09-01' },
    procedures: [
      { procedure: 'Ультразвуковая чистка лица', signedAt: '2026-09-01' },
      {
        procedure: 'Биоревитализация',
        signedAt: '2026-10-01',
        file: { name: 'soglasie-biorevitalizaciya.pdf', type: 'application/pdf', size: 120331 },
      },
    ],
  },
  loyalty: {
    visitsCount: 2,
    totalSpent: 12500,
    bonusCard: { number: 'BC-000417', balance: 625 },
    discountPercent: 5,
  },
};
