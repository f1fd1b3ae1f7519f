import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { addDays, calendarDate, formatIsoDate, parseIsoDate } from './dates.js';
import { collectReminderSpecs, dueReminders, type ReminderSpec } from './index.js';

const d = (s: string) => parseIsoDate(s)!;
const plus = (s: string, n: number) => formatIsoDate(addDays(d(s), n));

describe('calendar dates', () => {
  test('adding and subtracting days across month and year ends', () => {
    assert.equal(plus('2027-01-31', 1), '2027-02-01');
    assert.equal(plus('2027-03-01', -1), '2027-02-28');
    assert.equal(plus('2028-03-01', -1), '2028-02-29');
    assert.equal(plus('2026-12-31', 1), '2027-01-01');
    assert.equal(plus('2027-01-01', -1), '2026-12-31');
    assert.equal(plus('2027-04-30', -45), '2027-03-16');
    assert.equal(plus('2028-02-28', 1), '2028-02-29');
    assert.equal(plus('2100-02-28', 1), '2100-03-01', '2100 is not a leap year');
    assert.equal(plus('2000-02-28', 1), '2000-02-29', '2000 is');
    assert.equal(plus('2027-10-31', 1), '2027-11-01', 'across a daylight-saving change, still one day');
  });

  test('parsing: impossible dates are rejected, a date-time gives its date as written', () => {
    assert.equal(parseIsoDate('2025-02-29'), undefined);
    assert.equal(parseIsoDate('2027-04-31'), undefined);
    assert.equal(parseIsoDate('2027-13-01'), undefined);
    assert.equal(parseIsoDate(''), undefined);
    assert.equal(parseIsoDate(20270101), undefined);
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate('2027-03-01T23:30:00-05:00'), { year: 2027, month: 3, day: 1 });
  });

  test('the calendar date of an instant depends on the time zone', () => {
    const instant = new Date('2027-02-24T22:30:00Z');
    assert.equal(formatIsoDate(calendarDate(instant, 'Europe/Moscow')), '2027-02-25');
    assert.equal(formatIsoDate(calendarDate(instant, 'America/New_York')), '2027-02-24');
    assert.equal(formatIsoDate(calendarDate('2027-02-24')), '2027-02-24');
    assert.throws(() => calendarDate('24.02.2027'), /YYYY-MM-DD/);
  });
});

const schema: JsonSchemaObject = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    person: {
      type: 'object',
      properties: {
        fullName: { type: 'string' },
        birthday: {
          type: 'string',
          format: 'date',
          'x-reminder': {
            offsetDays: -3,
            repeat: 'yearly',
            who: '/manager',
            title: { ru: 'ДР: {1/fullName} ({record})', en: 'Birthday: {1/fullName} ({record})' },
          },
        },
      },
    },
  },
  properties: {
    manager: { type: 'string' },
    people: { type: 'array', items: { $ref: '#/$defs/person' } },
    contract: {
      type: 'object',
      properties: {
        number: { type: 'string' },
        validUntil: {
          type: 'string',
          format: 'date',
          'x-reminder': { offsetDays: -30, offsetFrom: '/contract/renewalReminderDays', who: 'manager', title: 'Renew {/contract/number}' },
        },
        renewalReminderDays: { type: 'integer' },
      },
    },
  },
};

const record = (id: string, data: unknown, title = id) => ({ id, title, data });

describe('collectReminderSpecs', () => {
  test('finds reminders through $ref and array items', () => {
    const specs = collectReminderSpecs(schema);
    assert.deepEqual(
      specs.map((s) => s.template),
      ['/people/*/birthday', '/contract/validUntil'],
    );
    assert.equal(specs[0].repeat, 'yearly');
    assert.equal(specs[1].source, '/properties/contract/properties/validUntil/x-reminder');
  });

  test('a recursive schema stops', () => {
    const tree: JsonSchemaObject = {
      $defs: {
        node: {
          type: 'object',
          properties: { at: { type: 'string', 'x-reminder': {} }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
        },
      },
      $ref: '#/$defs/node',
    };
    assert.deepEqual(
      collectReminderSpecs(tree).map((s) => s.template),
      ['/at'],
    );
  });

  test('a malformed x-reminder is a misuse, named by its place', () => {
    assert.throws(
      () => collectReminderSpecs({ properties: { a: { type: 'string', 'x-reminder': { offsetDays: 'soon' } } } }),
      /Invalid x-reminder at "\/properties\/a\/x-reminder": "offsetDays"/,
    );
  });
});

describe('dueReminders', () => {
  const specs = collectReminderSpecs(schema);
  const company = record(
    'c-1',
    {
      manager: 'Петров А. С.',
      people: [
        { fullName: 'Соколов И. Н.', birthday: '1972-02-29' },
        { fullName: 'Морозова Е. П.', birthday: '1985-11-07' },
        { fullName: 'Без даты' },
        { fullName: 'Ошибка', birthday: '1990-02-30' },
      ],
      contract: { number: 'ДП-1', validUntil: '2027-04-30', renewalReminderDays: 45 },
    },
    'Волжская керамика',
  );

  test('the contract: offsetFrom (days before) overrides offsetDays', () => {
    const r = dueReminders([company], specs, { from: '2027-03-01', to: '2027-03-31' });
    assert.deepEqual(r, [
      {
        recordId: 'c-1',
        recordTitle: 'Волжская керамика',
        pointer: '/contract/validUntil',
        template: '/contract/validUntil',
        dueDate: '2027-03-16',
        eventDate: '2027-04-30',
        who: 'manager',
        whoIsRole: true,
        title: { ru: 'Renew ДП-1', en: 'Renew ДП-1' },
      },
    ]);
  });

  test('without the override, offsetDays applies', () => {
    const c = structuredClone(company);
    delete (c.data as { contract: { renewalReminderDays?: number } }).contract.renewalReminderDays;
    const r = dueReminders([c], specs, { from: '2027-03-01', to: '2027-04-30' });
    assert.deepEqual(
      r.map((x) => x.dueDate),
      ['2027-03-31'],
    );
  });

  test('month ends: a reminder 1 day before 1 March lands on 28 or 29 February', () => {
    const spec: ReminderSpec = { template: '/d', source: '', offsetDays: -1 };
    assert.equal(
      dueReminders([record('a', { d: '2027-03-01' })], [spec], { from: '2027-01-01', to: '2027-12-31' })[0].dueDate,
      '2027-02-28',
    );
    assert.equal(
      dueReminders([record('a', { d: '2028-03-01' })], [spec], { from: '2028-01-01', to: '2028-12-31' })[0].dueDate,
      '2028-02-29',
    );
    const after: ReminderSpec = { template: '/d', source: '', offsetDays: 1 };
    assert.equal(
      dueReminders([record('a', { d: '2027-01-31' })], [after], { from: '2027-01-01', to: '2027-12-31' })[0].dueDate,
      '2027-02-01',
    );
  });

  test('yearly birthdays of every person in the array; 29 February → 28 February in common years', () => {
    const r = dueReminders([company], specs.slice(0, 1), { from: '2027-01-01', to: '2027-12-31' });
    assert.deepEqual(
      r.map((x) => [x.pointer, x.eventDate, x.dueDate, x.who, x.title.en]),
      [
        ['/people/0/birthday', '2027-02-28', '2027-02-25', 'Петров А. С.', 'Birthday: Соколов И. Н. (Волжская керамика)'],
        ['/people/1/birthday', '2027-11-07', '2027-11-04', 'Петров А. С.', 'Birthday: Морозова Е. П. (Волжская керамика)'],
      ],
    );
    assert.equal(r[0].title.ru, 'ДР: Соколов И. Н. (Волжская керамика)');
    const leap = dueReminders([company], specs.slice(0, 1), { from: '2028-02-01', to: '2028-02-29' });
    assert.deepEqual(
      leap.map((x) => [x.eventDate, x.dueDate]),
      [['2028-02-29', '2028-02-26']],
    );
  });

  test('a yearly reminder across the year end, and several years in one period', () => {
    const spec: ReminderSpec = { template: '/d', source: '', offsetDays: -3, repeat: 'yearly' };
    const r = dueReminders([record('a', { d: '1990-01-02' })], [spec], { from: '2026-12-01', to: '2026-12-31' });
    assert.deepEqual(
      r.map((x) => [x.eventDate, x.dueDate]),
      [['2027-01-02', '2026-12-30']],
    );
    const years = dueReminders([record('a', { d: '1990-01-02' })], [spec], { from: '2026-01-01', to: '2028-12-31' });
    assert.deepEqual(
      years.map((x) => x.eventDate),
      ['2027-01-02', '2028-01-02', '2029-01-02'],
      'due 3 days before: 2026-01-02 was due in 2025',
    );
  });

  test('a yearly date does not recur before its own year', () => {
    const spec: ReminderSpec = { template: '/d', source: '', repeat: 'yearly' };
    const r = dueReminders([record('a', { d: '2026-06-01' })], [spec], { from: '2024-01-01', to: '2027-12-31' });
    assert.deepEqual(
      r.map((x) => x.eventDate),
      ['2026-06-01', '2027-06-01'],
    );
  });

  test('Date bounds are read as calendar dates in the given time zone', () => {
    const instant = new Date('2027-02-24T22:30:00Z'); // already 25 February in Moscow
    const inMoscow = dueReminders([company], specs, { from: instant, to: instant, timeZone: 'Europe/Moscow' });
    assert.deepEqual(
      inMoscow.map((x) => x.dueDate),
      ['2027-02-25'],
    );
    assert.deepEqual(dueReminders([company], specs, { from: instant, to: instant, timeZone: 'America/New_York' }), []);
  });

  test('sorted by due date, then card; empty and broken data is skipped', () => {
    const other = record('c-0', { people: [{ fullName: 'X', birthday: '2000-02-25' }], contract: { validUntil: 'soon' } }, 'Другая');
    const r = dueReminders([company, other, record('c-2', null), record('c-3', { people: 'no' })], specs, {
      from: '2027-02-01',
      to: '2027-03-31',
    });
    assert.deepEqual(
      r.map((x) => [x.dueDate, x.recordId]),
      [
        ['2027-02-22', 'c-0'],
        ['2027-02-25', 'c-1'],
        ['2027-03-16', 'c-1'],
      ],
    );
    assert.equal(r[0].who, undefined, 'no manager in the data: nobody named');
  });
});
