/** Labels of the beauty-salon card in Russian and English, by pointer template. */
import type { MessageCatalogue } from '@kartochka/core';
import { catalogue, type Entry, type EntryExtras } from '../catalogue.js';

const SENSITIVE: EntryExtras['d'] = [
  'Медицинские данные: видны только допущенным сотрудникам.',
  'Health data: visible to authorised staff only.',
];
const satisfaction: EntryExtras = {
  o: {
    '1': ['1 — очень недоволен', '1 — very unhappy'],
    '2': ['2 — недоволен', '2 — unhappy'],
    '3': ['3 — нейтрально', '3 — neutral'],
    '4': ['4 — доволен', '4 — happy'],
    '5': ['5 — в восторге', '5 — delighted'],
  },
};

const entries: Entry[] = [
  // The card as a whole: the title of a printed blank.
  ['', 'Карта клиента салона красоты', 'Beauty salon client card'],
  ['/personal', 'Личные данные', 'Personal data'],
  ['/personal/fullName', 'Ф.И.О.', 'Full name'],
  [
    '/personal/birthDate',
    'Дата рождения',
    'Date of birth',
    { d: ['Администратору придёт напоминание поздравить клиента.', 'The front desk is reminded to send greetings.'] },
  ],
  ['/personal/phone', 'Телефон', 'Phone'],
  ['/personal/email', 'Имэйл', 'Email'],
  ['/personal/preferredMaster', 'Любимый мастер', 'Preferred specialist'],
  [
    '/personal/source',
    'Как узнали о нас',
    'How they found us',
    {
      o: {
        recommendation: ['Рекомендация', 'Recommendation'],
        socialMedia: ['Соцсети', 'Social media'],
        search: ['Поиск в интернете', 'Web search'],
        maps: ['Карты', 'Maps'],
        walkIn: ['Проходили мимо', 'Walk-in'],
        advertising: ['Реклама', 'Advertising'],
        other: ['Другое', 'Other'],
      },
    },
  ],
  ['/personal/marketingConsent', 'Согласие на рекламные рассылки', 'Agrees to marketing messages'],

  ['/anamnesis', 'Анамнез', 'Medical history', { d: SENSITIVE }],
  ['/anamnesis/chronicConditions', 'Хронические заболевания', 'Chronic conditions'],
  ['/anamnesis/allergies', 'Аллергии', 'Allergies'],
  ['/anamnesis/allergies/*/allergen', 'Аллерген', 'Allergen'],
  ['/anamnesis/allergies/*/reaction', 'Реакция', 'Reaction'],
  [
    '/anamnesis/allergies/*/severity',
    'Тяжесть',
    'Severity',
    { o: { mild: ['Лёгкая', 'Mild'], moderate: ['Средняя', 'Moderate'], severe: ['Тяжёлая', 'Severe'] } },
  ],
  ['/anamnesis/medications', 'Принимаемые препараты', 'Medications'],
  [
    '/anamnesis/pregnancyOrLactation',
    'Беременность / лактация',
    'Pregnancy or breastfeeding',
    { o: { no: ['Нет', 'No'], pregnancy: ['Беременность', 'Pregnancy'], lactation: ['Лактация', 'Breastfeeding'] } },
  ],
  ['/anamnesis/contraindications', 'Противопоказания', 'Contraindications'],
  ['/anamnesis/updatedAt', 'Анамнез уточнён', 'Last reviewed'],

  ['/skin', 'Состояние кожи', 'Skin assessment'],
  [
    '/skin/type',
    'Тип кожи',
    'Skin type',
    {
      o: {
        normal: ['Нормальная', 'Normal'],
        dry: ['Сухая', 'Dry'],
        oily: ['Жирная', 'Oily'],
        combination: ['Комбинированная', 'Combination'],
        sensitive: ['Чувствительная', 'Sensitive'],
      },
    },
  ],
  [
    '/skin/phototype',
    'Фототип (по Фицпатрику)',
    'Phototype (Fitzpatrick)',
    { o: { I: ['I', 'I'], II: ['II', 'II'], III: ['III', 'III'], IV: ['IV', 'IV'], V: ['V', 'V'], VI: ['VI', 'VI'] } },
  ],
  [
    '/skin/conditions',
    'Особенности',
    'Conditions',
    {
      o: {
        acne: ['Акне', 'Acne'],
        postAcne: ['Постакне', 'Post-acne marks'],
        rosacea: ['Розацеа', 'Rosacea'],
        couperose: ['Купероз', 'Couperose'],
        hyperpigmentation: ['Гиперпигментация', 'Hyperpigmentation'],
        dehydration: ['Обезвоженность', 'Dehydration'],
        wrinkles: ['Морщины', 'Wrinkles'],
        enlargedPores: ['Расширенные поры', 'Enlarged pores'],
      },
    },
  ],
  ['/skin/notes', 'Заметки', 'Notes'],
  ['/skin/assessedAt', 'Дата осмотра', 'Assessed on'],

  ['/visits', 'История посещений', 'Visits'],
  ['/visits/*/date', 'Дата', 'Date'],
  ['/visits/*/master', 'Мастер', 'Specialist'],
  ['/visits/*/procedure', 'Процедура', 'Procedure'],
  ['/visits/*/zone', 'Зона', 'Area'],
  ['/visits/*/productsUsed', 'Препараты и средства', 'Products used'],
  ['/visits/*/reaction', 'Реакция кожи', 'Skin reaction'],
  ['/visits/*/result', 'Результат', 'Result'],
  ['/visits/*/recommendations', 'Рекомендации', 'Recommendations'],
  [
    '/visits/*/nextVisit',
    'Следующий визит',
    'Next visit',
    { d: ['Мастеру придёт напоминание за день.', 'The specialist is reminded the day before.'] },
  ],
  ['/visits/*/price', 'Стоимость', 'Price'],
  ['/visits/*/price/amount', 'Сумма', 'Amount'],
  ['/visits/*/price/currency', 'Валюта', 'Currency'],
  ['/visits/*/satisfaction', 'Удовлетворённость', 'Satisfaction', satisfaction],

  ['/consents', 'Согласия', 'Consents'],
  ['/consents/personalData', 'Обработка персональных данных', 'Personal data processing'],
  ['/consents/personalData/given', 'Согласие получено', 'Consent given'],
  ['/consents/personalData/date', 'Дата согласия', 'Date'],
  ['/consents/procedures', 'Информированные согласия на процедуры', 'Informed consent per procedure'],
  ['/consents/procedures/*/procedure', 'Процедура', 'Procedure'],
  ['/consents/procedures/*/signedAt', 'Дата подписания', 'Signed on'],
  ['/consents/procedures/*/file', 'Скан согласия', 'Signed form'],
  ['/consents/procedures/*/file/name', 'Имя файла', 'File name'],
  ['/consents/procedures/*/file/type', 'Тип файла', 'File type'],
  ['/consents/procedures/*/file/size', 'Размер', 'Size'],
  ['/consents/procedures/*/file/fileId', 'Файл на сервере', 'Stored file'],
  ['/consents/procedures/*/file/sha256', 'Контрольная сумма', 'Checksum'],
  ['/consents/procedures/*/file/url', 'Ссылка', 'Link'],
  ['/consents/procedures/*/file/lastModified', 'Изменён', 'Last modified'],

  ['/loyalty', 'Лояльность', 'Loyalty'],
  ['/loyalty/visitsCount', 'Визитов', 'Visits', { d: ['Вычисляется по истории посещений.', 'Computed from the visits.'] }],
  [
    '/loyalty/totalSpent',
    'Потрачено всего',
    'Total spent',
    { d: ['Вычисляется: сумма стоимости визитов.', 'Computed: the sum of visit prices.'] },
  ],
  ['/loyalty/bonusCard', 'Бонусная карта', 'Bonus card'],
  ['/loyalty/bonusCard/number', 'Номер карты', 'Card number'],
  ['/loyalty/bonusCard/balance', 'Баланс бонусов', 'Bonus balance'],
  ['/loyalty/discountPercent', 'Скидка, %', 'Discount, %'],
];

export const salonMessages: MessageCatalogue = catalogue(entries);
