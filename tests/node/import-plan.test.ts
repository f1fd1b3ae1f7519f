/**
 * The import engine without a browser: the B2B card's importable fields, cells converted by type,
 * headers of one and two rows matched to fields in Russian and English, and the dry run's creates,
 * updates and refusals with the card's own validator's messages.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ImportPlanner, convertCell, detectHeader, importFields, type ImportField } from '@kartochka/core';
import { getAt, keyOf, normalizePhone, parseDate, parseNumber, planCounts } from '@kartochka/core/internal';
import { b2bClientCard } from '@kartochka/templates';

const fields = importFields(b2bClientCard.schema, b2bClientCard.messages);
const field = (pointer: string) => fields.find((f) => f.pointer === pointer)!;

describe('import fields', () => {
  it('lists the B2B card’s scalar places with ru/en labels, list items as their first item', () => {
    assert.equal(field('/general/companyName').labels.ru, 'Название организации');
    assert.equal(field('/general/companyName').labels.en, 'Company name');
    assert.equal(field('/general/contacts/phones/0/number').kind, 'phone');
    assert.equal(field('/general/contacts/phones/0/number').labels.ru, 'Телефоны › Номер');
    assert.equal(field('/category/segment').kind, 'enum');
    assert.ok(
      field('/category/segment').options!.some((o) => o.value === 'dealer' && o.labels.includes('Дилер') && o.labels.includes('Dealer')),
    );
    assert.equal(field('/general/requisites/registration/date').kind, 'date');
    assert.equal(field('/general/size/headcount').kind, 'integer');
    assert.equal(field('/general/size/exportCountries').kind, 'enum-list');
    // Computed values are not imported.
    assert.ok(!fields.some((f) => f.pointer.endsWith('/totalTurnover')));
  });
});

describe('cell conversion', () => {
  it('reads dates in Russian and ISO forms and spreadsheet serials; refuses impossible ones', () => {
    assert.equal(parseDate('31.12.2025'), '2025-12-31');
    assert.equal(parseDate('1.2.25'), '2025-02-01');
    assert.equal(parseDate('2025-03-07'), '2025-03-07');
    assert.equal(parseDate('7 марта 2025 г.'), '2025-03-07');
    assert.equal(parseDate('Mar 7, 2025'), '2025-03-07');
    assert.equal(parseDate(45658), '2025-01-01');
    assert.equal(parseDate('31.02.2025'), undefined);
    assert.equal(parseDate('завтра'), undefined);
  });
  it('reads numbers with a decimal comma, spaces and non-breaking spaces', () => {
    assert.equal(parseNumber('1 234 567,89'), 1234567.89);
    assert.equal(parseNumber('1\u00a0234,5'), 1234.5);
    assert.equal(parseNumber('1,234.50'), 1234.5);
    assert.equal(parseNumber('12,5%'), 12.5);
    assert.equal(parseNumber('−3'), -3);
    assert.equal(parseNumber('двенадцать'), undefined);
  });
  it('normalises phone numbers', () => {
    assert.equal(normalizePhone('8 (495) 123-45-67'), '+7 495 123-45-67');
    assert.equal(normalizePhone('+7 916 000 11 22'), '+7 916 000-11-22');
    assert.equal(normalizePhone('9160001122'), '+7 916 000-11-22');
    assert.equal(normalizePhone('+49 30 1234567'), '+49301234567');
    assert.equal(normalizePhone('звонить Ивану'), undefined);
  });
  it('reads options by their label in either language or their value, yes/no, lists', () => {
    assert.deepEqual(convertCell('дилер', field('/category/segment')), { value: 'dealer' });
    assert.deepEqual(convertCell('Retail chain', field('/category/segment')), { value: 'chain' });
    assert.deepEqual(convertCell('Сеть', field('/category/segment')), { error: 'notAnOption', text: 'Сеть' });
    assert.deepEqual(convertCell('Россия; Казахстан', field('/general/size/exportCountries')), { value: ['RU', 'KZ'] });
    assert.deepEqual(convertCell('1,5', field('/general/size/headcount')), { error: 'notAnInteger', text: '1,5' });
    assert.deepEqual(convertCell('  ', field('/general/size/headcount')), { empty: true });
  });
});

describe('header and columns', () => {
  it('matches Russian titles to fields, singular «Телефон» to the phone list', () => {
    const rows = [['Название организации', 'ИНН', 'Сегмент', 'Телефон', 'Штат', 'Примечание']];
    const { depth, mapping } = detectHeader([...rows, ['ООО Ромашка', '7707083893', 'Дилер', '8 495 123 45 67', '12', '']], fields);
    assert.equal(depth, 1);
    assert.deepEqual(mapping, [
      '/general/companyName',
      '/general/requisites/codes/inn',
      '/category/segment',
      '/general/contacts/phones/0/number',
      '/general/size/headcount',
      undefined,
    ]);
  });
  it('finds a header of two rows under a merged title, in English', () => {
    const rows = [
      ['Company', '', 'Codes', '', ''],
      ['Company name', 'Segment', 'Taxpayer number (INN)', 'KPP', 'Registration date'],
      ['Acme', 'Dealer', '7707083893', '770701001', '2020-01-15'],
    ];
    const { depth, mapping, titles } = detectHeader(rows, fields);
    assert.equal(depth, 2);
    assert.deepEqual(titles[3], ['Codes', 'KPP']);
    assert.deepEqual(mapping, [
      '/general/companyName',
      '/category/segment',
      '/general/requisites/codes/inn',
      '/general/requisites/codes/kpp',
      '/general/requisites/registration/date',
    ]);
  });
});

describe('dry run', () => {
  const mapping = [
    '/general/companyName',
    '/general/requisites/codes/inn',
    '/category/segment',
    '/general/contacts/phones/0/number',
    '/general/requisites/registration/date',
  ];
  it('creates, updates by INN, refuses with the validator’s words, and refuses a key seen twice', () => {
    const existing = new Map([
      [
        keyOf('7707083893')!,
        {
          id: 'c-1',
          revision: 3,
          data: { general: { companyName: 'Старое имя', requisites: { codes: { inn: '7707083893' } } }, category: { priority: 'A' } },
        },
      ],
    ]);
    const planner = new ImportPlanner({
      schema: b2bClientCard.schema,
      fields,
      mapping,
      key: '/general/requisites/codes/inn',
      existing,
      locale: 'ru',
      newId: () => 'new-1',
    });
    const rows = [
      planner.plan(['ООО Новая', '500100732259', 'Дилер', '8 (495) 000-00-01', '01.02.2020'], 2),
      planner.plan(['ООО Ромашка', ' 7707083893 ', 'Сети', '', ''], 3),
      planner.plan(['', '1234567890', 'Дилер', '', '31.02.2020'], 4),
      planner.plan(['ООО Дубль', '500100732259', '', '', ''], 5),
      planner.plan(['', '', '', '', ''], 6),
    ];
    assert.equal(rows[0].action, 'create');
    // The card's formula (total turnover) is stored with the row, as the card stores it.
    assert.deepEqual(rows[0].data, {
      general: {
        companyName: 'ООО Новая',
        requisites: { codes: { inn: '500100732259' }, registration: { date: '2020-02-01' } },
        contacts: { phones: [{ number: '+7 495 000-00-01' }] },
      },
      category: { segment: 'dealer' },
      history: { totalTurnover: 0 },
    });
    assert.equal(rows[1].action, 'update');
    assert.equal(rows[1].id, 'c-1');
    assert.equal(rows[1].revision, 3);
    assert.deepEqual(getAt(rows[1].data, '/category'), { priority: 'A', segment: 'chain' });
    assert.equal(getAt(rows[1].data, '/general/companyName'), 'ООО Ромашка');
    assert.equal(rows[2].action, 'refuse');
    // Every reason at once: the unread date, and what the card's validator says of the rest.
    assert.deepEqual(rows[2].problems.map((p) => [p.code, p.pointer]).slice(0, 1), [['notADate', '/general/requisites/registration/date']]);
    assert.ok(rows[2].problems.some((p) => p.code === 'validation' && p.pointer === '/general/requisites/codes/inn'));
    assert.ok(!rows[2].problems.some((p) => p.code === 'validation' && p.pointer?.startsWith('/general/requisites/registration')));
    assert.equal(rows[3].action, 'refuse');
    assert.equal(rows[3].problems[0].code, 'duplicateInFile');
    assert.equal(rows[3].problems[0].text, '2');
    assert.equal(rows[4].action, 'skip');
    assert.deepEqual(planCounts(rows), { create: 1, update: 1, skip: 1, refuse: 2 });
  });
  it('refuses a row the card’s validator refuses, with its message and the column', () => {
    const planner = new ImportPlanner({ schema: b2bClientCard.schema, fields, mapping, locale: 'ru' });
    const row = planner.plan(['', '1234567890', 'Дилер', '', ''], 2);
    assert.equal(row.action, 'refuse');
    const messages = row.problems.map((p) => [p.pointer, p.column, p.message]);
    assert.ok(
      messages.some(([p, c, m]) => p === '/general/requisites/codes/inn' && c === 1 && /ИНН/.test(String(m))),
      JSON.stringify(messages),
    );
    assert.ok(
      messages.some(([p]) => p === '/general/companyName'),
      JSON.stringify(messages),
    );
  });
  it('takes several values of a list from one cell: «+7 …; 8 …» becomes two phone items', () => {
    const planner = new ImportPlanner({
      schema: b2bClientCard.schema,
      fields,
      mapping: ['/general/companyName', '/general/contacts/phones/0/number'],
    });
    const row = planner.plan(['ООО Два телефона', '8 (495) 000-00-01; +7 916 000 11 22'], 2);
    assert.equal(row.action, 'create');
    assert.deepEqual(getAt(row.data, '/general/contacts/phones'), [{ number: '+7 495 000-00-01' }, { number: '+7 916 000-11-22' }]);
    const bad = planner.plan(['ООО Плохой второй', '8 (495) 000-00-01; звонить'], 3);
    assert.deepEqual(
      bad.problems.map((p) => [p.code, p.pointer]),
      [['notAPhone', '/general/contacts/phones/1/number']],
    );
  });
  it('skips stored keys when asked to', () => {
    const existing = new Map([[keyOf('7707083893')!, { id: 'c-1', revision: 1, data: { general: { companyName: 'X' } } }]]);
    const planner = new ImportPlanner({
      schema: b2bClientCard.schema,
      fields,
      mapping,
      key: '/general/requisites/codes/inn',
      existing,
      onExisting: 'skip',
    });
    assert.equal(planner.plan(['Y', '7707083893', '', '', ''], 2).action, 'skip');
  });
  it('takes the key from x-unique when the schema has one', () => {
    const schema = {
      type: 'object',
      'x-unique': ['/email'],
      properties: { email: { type: 'string', format: 'email' }, name: { type: 'string' } },
    };
    const f: ImportField[] = importFields(schema);
    assert.equal(f.find((x) => x.pointer === '/email')!.unique, true);
    assert.equal(f.find((x) => x.pointer === '/name')!.unique, undefined);
  });

  it('judges each row by the card’s rules too: formulas filled, a rule’s required field refused, a hidden field not held against it', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['person', 'company'] },
        name: { type: 'string' },
        inn: {
          type: 'string',
          pattern: '^\\d{10}$',
          'x-rules': { required: { '==': [{ var: '/kind' }, 'company'] }, visible: { '==': [{ var: '/kind' }, 'company'] } },
        },
        points: { type: 'integer' },
        budget: { type: 'number', 'x-formula': { '*': [{ var: '/points' }, 150000] } },
      },
    };
    const planner = new ImportPlanner({
      schema,
      fields: importFields(schema),
      mapping: ['/kind', '/name', '/inn', '/points'],
      locale: 'ru',
    });
    const company = planner.plan(['company', 'ООО Без ИНН', '', '3'], 2);
    assert.equal(company.action, 'refuse', 'a company needs its INN, as the card says');
    assert.deepEqual(
      company.problems.map((p) => [p.pointer, p.column]),
      [['/inn', 2]],
    );
    assert.match(String(company.problems[0]!.message), /обязательн/i);
    const person = planner.plan(['person', 'Иван', '12', '2'], 3);
    assert.equal(person.action, 'create', 'a person’s INN is hidden: its bad value does not refuse the row');
    assert.equal(getAt(person.data, '/budget'), 300000, 'the formula’s value is stored, as the card would store it');
    // The row before left nothing behind: a third row is judged from scratch.
    const other = planner.plan(['company', 'ООО С ИНН', '7707083893', ''], 4);
    assert.equal(other.action, 'create', JSON.stringify(other.problems));
  });
});
