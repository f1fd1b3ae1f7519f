import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSchema } from '../index.js';
import { normalisePhone, uniqueKeys, uniqueKeyStrings, uniqueRules } from './unique.js';

const schema = {
  type: 'object',
  'x-unique': [['/person/lastName', '/person/birthDate']],
  properties: {
    general: {
      type: 'object',
      properties: {
        inn: { type: 'string', 'x-unique': true },
        email: { type: 'string', format: 'email', 'x-unique': true },
        phone: { type: 'string', format: 'phone', 'x-unique': true },
      },
    },
    person: {
      type: 'object',
      properties: { lastName: { type: 'string' }, birthDate: { type: 'string', format: 'date' } },
    },
    contacts: { type: 'array', items: { $ref: '#/$defs/contact' } },
  },
  $defs: { contact: { type: 'object', properties: { email: { type: 'string', format: 'email', 'x-unique': true } } } },
};

test('rules: fields marked true, root combinations, array items; kinds from the field schema', () => {
  const rules = uniqueRules(schema);
  assert.deepEqual(
    rules.map((r) => [r.id, r.kinds.join(',')]),
    [
      ['/person/lastName+/person/birthDate', 'text,text'],
      ['/general/inn', 'text'],
      ['/general/email', 'email'],
      ['/general/phone', 'phone'],
      ['/contacts/*/email', 'email'],
    ],
  );
  assert.equal(uniqueRules(schema), rules, 'cached per schema object');
  assert.deepEqual(uniqueRules({ type: 'object' }), []);
});

test('keys are normalised: spaces, case, ё/е, e-mail case, phone formats', () => {
  const a = uniqueKeyStrings(schema, {
    general: { inn: ' 7701234567 ', email: ' Info@Romashka.RU', phone: '8 (916) 123-45-67' },
    person: { lastName: 'Семёнов', birthDate: '1980-01-02' },
    contacts: [{ email: 'A@x.ru' }, { email: 'a@x.ru ' }, {}],
  });
  const b = uniqueKeyStrings(schema, {
    general: { inn: '7701234567', email: 'info@romashka.ru', phone: '+7 916 123 45 67' },
    person: { lastName: '  СЕМЕНОВ ', birthDate: '1980-01-02' },
    contacts: [{ email: 'a@x.ru' }],
  });
  assert.deepEqual(a, b);
  assert.ok(a.includes('/general/phone=["+79161234567"]'));
  assert.ok(a.includes('/person/lastName+/person/birthDate=["семенов","1980-01-02"]'));
  assert.equal(a.filter((k) => k.startsWith('/contacts/')).length, 1, 'the same key twice in one card is given once');
});

test('empty values and incomplete combinations give no key; pointers name the place', () => {
  const keys = uniqueKeys(schema, { general: { inn: '   ', email: '' }, person: { lastName: 'Иванов' }, contacts: [{ email: 'b@x.ru' }] });
  assert.deepEqual(keys, [
    { rule: '/contacts/*/email', pointers: ['/contacts/0/email'], values: ['b@x.ru'], key: '/contacts/*/email=["b@x.ru"]' },
  ]);
  assert.deepEqual(uniqueKeys(schema, undefined), []);
});

test('phones libphonenumber cannot read keep their digits', () => {
  assert.equal(normalisePhone('8 916 123-45-67'), '+79161234567');
  assert.equal(normalisePhone('+44 20 7946 0958'), '+442079460958');
  assert.equal(normalisePhone('12-34'), '1234');
});

test('a malformed x-unique is a TypeError naming its place; ajv accepts the keyword', () => {
  assert.throws(
    () => uniqueRules({ type: 'object', properties: { a: { type: 'string', 'x-unique': 'yes' } } }),
    /x-unique at "\/properties\/a\/x-unique"/,
  );
  assert.throws(() => uniqueRules({ type: 'object', 'x-unique': [['/nope']], properties: {} }), /no field "\/nope"/);
  assert.throws(
    () => uniqueRules({ type: 'object', 'x-unique': '/a', properties: { a: { type: 'string' } } }),
    /list of fields or field lists/,
  );
  assert.deepEqual(
    uniqueRules({ type: 'object', 'x-unique': ['/a'], properties: { a: { type: 'string' } } }).map((r) => r.id),
    ['/a'],
    'a root entry may be one pointer',
  );
  assert.doesNotThrow(() => compileSchema(schema as never));
});
