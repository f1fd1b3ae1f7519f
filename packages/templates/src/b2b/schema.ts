/**
 * The B2B client card (Карточка клиента) of the seed, section by section, at the paths of
 * SEED-MAP.md. Labels live in ./messages.ts (ru and en, keyed by pointer template), so the
 * schema carries no titles: one schema serves both languages.
 */
import type { JsonSchemaObject } from '@kartochka/core';

const str = (extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'string', ...extra });
const text = (maxLength = 4000): JsonSchemaObject => ({ type: 'string', maxLength, 'x-widget': 'textarea' });
const date: JsonSchemaObject = { type: 'string', format: 'date' };
const count: JsonSchemaObject = { type: 'integer', minimum: 0 };
const amount: JsonSchemaObject = { type: 'number', minimum: 0 };
const ref = (name: string): JsonSchemaObject => ({ $ref: `#/$defs/${name}` });
const list = (items: JsonSchemaObject, extra: JsonSchemaObject = {}): JsonSchemaObject => ({ type: 'array', items, ...extra });
/** A closed list the company may change in the builder (`x-editableOptions`). */
const editableEnum = (values: string[], extra: JsonSchemaObject = {}): JsonSchemaObject => ({
  type: 'string',
  enum: values,
  'x-editableOptions': true,
  ...extra,
});
const obj = (properties: Record<string, JsonSchemaObject>, extra: JsonSchemaObject = {}): JsonSchemaObject => ({
  type: 'object',
  properties,
  ...extra,
});

/** Year, quarter or month: `2025`, `2025-Q1`, `2025-03`. */
const PERIOD = '^[0-9]{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$';

export const b2bSchema: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:kartochka:template:b2b-client-card',
  title: 'B2B client card',
  type: 'object',
  required: ['general'],
  $defs: {
    money: obj(
      {
        amount: { type: 'number' },
        currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
      { required: ['amount', 'currency'] },
    ),
    period: str({ pattern: PERIOD }),
    tags: list(str({ minLength: 1, maxLength: 100 }), { uniqueItems: true, 'x-widget': 'tags' }),
    abcClass: { type: 'string', enum: ['A', 'B', 'C'] },
    // A file field (docs/files.md): on the REST server the bytes are kept apart and the card holds
    // {fileId, name, size, type, sha256}; in IndexedDB a picked file stays a Blob in the value.
    // `url` and `lastModified` are what older cards held; they stay readable.
    attachment: obj(
      {
        fileId: str({ pattern: '^f_[A-Za-z0-9_-]{22}$' }),
        name: str({ minLength: 1, maxLength: 255 }),
        type: str(),
        size: count,
        sha256: str({ pattern: '^[0-9a-f]{64}$' }),
        lastModified: count,
        url: str({ format: 'uri-reference' }),
      },
      { required: ['name'], 'x-widget': 'file', 'x-maxSize': 20 * 1024 * 1024, contentMediaType: 'application/pdf,image/png,image/jpeg' },
    ),
    address: obj(
      {
        kind: editableEnum(['legal', 'actual', 'postal', 'warehouse']),
        address: text(500),
      },
      { required: ['address'] },
    ),
    phone: obj({ label: str({ maxLength: 100 }), number: str({ format: 'phone' }) }, { required: ['number'] }),
    email: obj({ label: str({ maxLength: 100 }), email: str({ format: 'email' }) }, { required: ['email'] }),
    documentAmount: obj({ date, document: str({ maxLength: 200 }), amount }, { required: ['date', 'amount'] }),
    periodAmount: obj({ period: ref('period'), amount }, { required: ['period', 'amount'] }),
    person: obj(
      {
        fullName: str({ minLength: 1, maxLength: 200 }),
        role: editableEnum(['P', 'KK', 'K']),
        position: str({ maxLength: 200 }),
        managementLevel: editableEnum(['top', 'middle', 'line', 'specialist']),
        phone: str({ format: 'phone' }),
        email: str({ format: 'email' }),
        traits: text(2000),
        birthday: {
          ...date,
          'x-reminder': {
            offsetDays: -3,
            repeat: 'yearly',
            who: '/general/responsibility/manager',
            title: { ru: 'День рождения: {1/fullName} ({record})', en: 'Birthday: {1/fullName} ({record})' },
          },
        },
        maritalStatus: editableEnum(['single', 'married', 'divorced', 'widowed']),
        motivators: ref('tags'),
        hobbies: ref('tags'),
        keyValues: text(2000),
      },
      { required: ['fullName'] },
    ),
    rating: { type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating' },
  },
  properties: {
    // 1. General information — Общая информация
    general: obj(
      {
        companyName: str({ minLength: 1, maxLength: 200 }),
        legalForm: editableEnum(['llc', 'cjsc', 'jsc', 'pjsc', 'soleProprietor', 'privateEnterprise', 'other']),
        legalFormOther: str({
          maxLength: 100,
          'x-rules': {
            visible: { '==': [{ var: '/general/legalForm' }, 'other'] },
            required: { '==': [{ var: '/general/legalForm' }, 'other'] },
          },
        }),
        activity: obj({
          description: text(),
          products: ref('tags'),
          regions: ref('tags'),
        }),
        size: obj({
          class: { type: 'string', enum: ['small', 'medium', 'large', 'corporation'] },
          turnover: ref('money'),
          marketShare: { type: 'number', minimum: 0, maximum: 100, 'x-widget': 'percent', 'x-unit': '%' },
          headcount: count,
          branches: count,
          marketCoverage: str({ maxLength: 500 }),
          exportCountries: list(editableEnum(['RU', 'BY', 'KZ', 'UZ', 'KG', 'AM', 'AZ', 'GE', 'CN', 'TR', 'AE', 'IN', 'DE', 'RS', 'MN']), {
            uniqueItems: true,
          }),
        }),
        contacts: obj({
          addresses: list(ref('address')),
          phones: list(ref('phone')),
          emails: list(ref('email')),
        }),
        requisites: obj({
          bankAccounts: list(
            obj(
              {
                bank: str({ maxLength: 200 }),
                bik: str({ format: 'ru-bik' }),
                account: str({ format: 'ru-account', 'x-bik': '1/bik' }),
                correspondentAccount: str({ format: 'ru-account', 'x-bik': { bik: '1/bik', kind: 'correspondent' } }),
              },
              { required: ['account'] },
            ),
          ),
          codes: obj({
            inn: str({ format: 'ru-inn' }),
            kpp: str({ format: 'ru-kpp' }),
            ogrn: str({ format: 'ru-ogrn-any' }),
            okpo: str({ pattern: '^([0-9]{8}|[0-9]{10})$' }),
          }),
          registration: obj({ date, authority: str({ maxLength: 300 }) }),
          certificates: list(
            obj(
              {
                name: str({ minLength: 1, maxLength: 200 }),
                number: str({ maxLength: 100 }),
                validUntil: {
                  ...date,
                  'x-reminder': {
                    offsetDays: -30,
                    who: '/general/responsibility/manager',
                    title: { ru: 'Истекает свидетельство «{1/name}» ({record})', en: 'Certificate “{1/name}” expires ({record})' },
                  },
                },
              },
              { required: ['name'] },
            ),
          ),
        }),
        geo: obj({ country: str({ maxLength: 100 }), region: str({ maxLength: 100 }), city: str({ maxLength: 100 }) }),
        responsibility: obj({
          department: str({ maxLength: 200 }),
          supervisor: str({ maxLength: 200 }),
          manager: str({ maxLength: 200 }),
        }),
      },
      { required: ['companyName'] },
    ),

    // 2. Categorisation — Категоризация и идентификация
    category: obj({
      segment: editableEnum(['dealer', 'corporate', 'chain', 'distributor']),
      priority: { type: 'string', enum: ['A', 'B', 'C'] },
      clientType: { type: 'string', enum: ['potential', 'pencilled', 'active', 'passive'] },
      category: editableEnum(['VIP', 'A', 'B', 'C']),
      conditions: obj({
        package: editableEnum(['basic', 'standard', 'extended', 'vip']),
        individual: list(obj({ term: str({ minLength: 1, maxLength: 200 }), value: str({ maxLength: 500 }) }, { required: ['term'] })),
      }),
      salesType: { type: 'string', enum: ['active', 'activePassive', 'passive'] },
      salesKind: { type: 'string', enum: ['qualitative', 'quantitative'] },
      planningType: { type: 'string', enum: ['targeted', 'statistical', 'byCategory'] },
      potential: obj({
        unit: { type: 'string', enum: ['pieces', 'money'] },
        value: amount,
        currency: str({
          pattern: '^[A-Z]{3}$',
          'x-rules': { visible: { '==': [{ var: '/category/potential/unit' }, 'money'] } },
        }),
      }),
      // Not named by the seed: the actual sales volume over the same period and in the same unit
      // as the potential, so that the share below has something to divide.
      actualVolume: amount,
      ourShare: {
        type: 'number',
        minimum: 0,
        'x-unit': '%',
        'x-formula': {
          round: [{ '*': [{ '/': [{ var: '/category/actualVolume' }, { var: '/category/potential/value' }] }, 100] }, 1],
        },
      },
    }),

    // 3. Role structure — Ролевая структура
    roles: obj({ people: list(ref('person')) }),

    // 4. History — Факт и история работы с клиентом
    history: obj({
      sales: list(
        obj(
          { period: ref('period'), turnover: amount, margin: { type: 'number' }, purchases: count, abcClass: ref('abcClass') },
          { required: ['period'] },
        ),
      ),
      totalTurnover: { type: 'number', 'x-formula': { sum: [{ var: '/history/sales' }, 'turnover'] } },
      shipments: list(ref('documentAmount')),
      payments: list(ref('documentAmount')),
      receivables: obj({ current: amount, overdue: amount }),
      marketing: obj({
        done: list(str({ minLength: 1, maxLength: 500 })),
        inProgress: list(str({ minLength: 1, maxLength: 500 })),
        costs: list(ref('periodAmount')),
        clientBrands: ref('tags'),
        loyaltyPrograms: ref('tags'),
      }),
      service: list(
        obj(
          {
            period: ref('period'),
            kind: { type: 'string', enum: ['warranty', 'postWarranty'] },
            type: str({ maxLength: 200 }),
            cost: amount,
          },
          { required: ['period', 'kind'] },
        ),
      ),
    }),

    // 5. Planning — Планирование деятельности по клиенту
    plans: obj({
      sales: list(
        obj(
          {
            periodType: { type: 'string', enum: ['year', 'quarter', 'month'] },
            period: ref('period'),
            item: str({ maxLength: 200 }),
            quantity: amount,
            price: amount,
          },
          { required: ['period', 'item'] },
        ),
      ),
      marketing: list(
        obj(
          {
            event: str({ minLength: 1, maxLength: 200 }),
            budget: amount,
            materials: text(1000),
            promo: str({ maxLength: 500 }),
            dueDate: date,
          },
          { required: ['event'] },
        ),
      ),
      actions: list(
        obj(
          {
            action: str({ minLength: 1, maxLength: 500 }),
            dueDate: {
              ...date,
              'x-reminder': {
                offsetDays: 0,
                who: '1/owner',
                title: { ru: 'Срок: {1/action} ({record})', en: 'Due: {1/action} ({record})' },
              },
            },
            owner: str({ maxLength: 200 }),
            status: { type: 'string', enum: ['planned', 'inProgress', 'done', 'cancelled'], default: 'planned' },
          },
          { required: ['action'] },
        ),
      ),
      service: list(obj({ service: str({ minLength: 1, maxLength: 200 }), date, notes: text(1000) }, { required: ['service'] })),
    }),

    // 6. Relationship — Контакты и информирование клиента
    relationship: obj({
      interactions: list(
        obj(
          {
            at: { type: 'string', format: 'date-time' },
            channel: { type: 'string', enum: ['meeting', 'call', 'email', 'sms'] },
            participants: str({ maxLength: 500 }),
            result: text(2000),
            nextContactAt: {
              ...date,
              'x-reminder': {
                offsetDays: 0,
                who: '/general/responsibility/manager',
                title: { ru: 'Связаться с клиентом: {record}', en: 'Contact the client: {record}' },
              },
            },
          },
          { required: ['at', 'channel'] },
        ),
      ),
      contactFrequency: { type: 'string', enum: ['weekly', 'monthly', 'quarterly'] },
      mailing: obj({ email: { type: 'boolean' }, sms: { type: 'boolean' } }),
      loyalty: obj({ score: ref('rating'), assessedAt: date }),
      satisfaction: obj({
        lastScore: { type: 'number', minimum: 1, maximum: 5 },
        survey: obj({
          conductedAt: date,
          respondent: str({ maxLength: 200 }),
          method: { type: 'string', enum: ['interview', 'phone', 'online', 'paper'] },
          productQuality: ref('rating'),
          deliveryReliability: ref('rating'),
          serviceQuality: ref('rating'),
          managerCommunication: ref('rating'),
          priceTerms: ref('rating'),
          averageScore: {
            type: 'number',
            'x-formula': {
              round: [
                {
                  '/': [
                    {
                      '+': [
                        { var: '/relationship/satisfaction/survey/productQuality' },
                        { var: '/relationship/satisfaction/survey/deliveryReliability' },
                        { var: '/relationship/satisfaction/survey/serviceQuality' },
                        { var: '/relationship/satisfaction/survey/managerCommunication' },
                        { var: '/relationship/satisfaction/survey/priceTerms' },
                      ],
                    },
                    5,
                  ],
                },
                1,
              ],
            },
          },
          wouldRecommend: { type: 'boolean' },
          comments: text(2000),
        }),
        remarks: list(
          obj(
            { text: text(2000), date, status: { type: 'string', enum: ['open', 'done'], default: 'open' } },
            { required: ['text', 'status'] },
          ),
        ),
        resolvedPercent: {
          type: 'number',
          'x-unit': '%',
          minimum: 0,
          maximum: 100,
          'x-formula': {
            round: [
              {
                '*': [
                  {
                    '/': [
                      { count: { filter: [{ var: '/relationship/satisfaction/remarks' }, { '==': [{ var: 'status' }, 'done'] }] } },
                      { count: { var: '/relationship/satisfaction/remarks' } },
                    ],
                  },
                  100,
                ],
              },
              1,
            ],
          },
        },
      }),
    }),

    // 7. Contract — Договор о сотрудничестве
    contract: obj({
      number: str({ maxLength: 100 }),
      signedAt: date,
      validUntil: {
        ...date,
        'x-reminder': {
          offsetDays: -30,
          offsetFrom: '/contract/renewalReminderDays',
          who: '/general/responsibility/manager',
          title: { ru: 'Продлить договор {/contract/number} ({record})', en: 'Renew contract {/contract/number} ({record})' },
        },
      },
      file: ref('attachment'),
      renewalReminderDays: { type: 'integer', minimum: 0, maximum: 365, default: 30 },
    }),
  },
};
