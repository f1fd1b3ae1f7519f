import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { JsonSchemaObject } from '../types.js';
import { accountProblemWithBik, RU_REQUISITE_CHECKS, type RequisiteProblem } from './ru-requisites.js';
import { compileSchema, toFieldErrors, validate, type PrecompiledValidator } from './validator.js';
import { precompileValidator } from './precompile.js';
import { FormController } from '../form/controller.js';
import { loadTranslations } from '@kartochka/i18n';

// Check digits computed independently here (the published algorithms, spelled out once more) so
// the table's "valid" rows are not valid merely because the code under test says so.
const mod = (n: number, m: number) => ((n % m) + m) % m;
const innDigit = (digits: string, w: number[]) =>
  mod(
    w.reduce((s, x, i) => s + x * Number(digits[i]), 0),
    11,
  ) % 10;
const withInn10 = (nine: string) => nine + innDigit(nine, [2, 4, 10, 3, 5, 9, 4, 6, 8]);
const withInn12 = (ten: string) => {
  const eleven = ten + innDigit(ten, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  return eleven + innDigit(eleven, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
};
const withOgrn = (body: string, m: number) => body + (Number(BigInt(body) % BigInt(m)) % 10);
const accountWithCheck = (prefix3: string, account: string) => {
  // The 9th digit is the check digit: the one that makes the weighted sum a multiple of 10.
  for (let d = 0; d < 10; d++) {
    const a = account.slice(0, 8) + d + account.slice(9);
    const s = Array.from(prefix3 + a).reduce((sum, c, i) => sum + ((Number(c) * [7, 1, 3][i % 3]!) % 10), 0);
    if (s % 10 === 0) return a;
  }
  throw new Error('unreachable');
};
const flip = (v: string) => v.slice(0, -1) + ((Number(v.at(-1)) + 1) % 10);

const inn10 = withInn10('770708389');
const inn12 = withInn12('5001007322');
const ogrn = withOgrn('102770013219', 11);
const ogrnip = withOgrn('30450011600015', 13);

test('the hand-computed numbers are the well-known real ones (the helpers above are right)', () => {
  assert.equal(inn10, '7707083893'); // Sberbank
  assert.equal(ogrn, '1027700132195'); // Sberbank
  assert.equal(inn12.length, 12);
  assert.equal(ogrnip.length, 15);
});

const table: [format: string, value: string, problem: RequisiteProblem | undefined][] = [
  ['ru-inn', inn10, undefined],
  ['ru-inn', inn12, undefined],
  ['ru-inn', flip(inn10), 'checksum'],
  ['ru-inn', flip(inn12), 'checksum'],
  ['ru-inn', inn12.slice(0, 10) + String((Number(inn12[10]) + 1) % 10) + inn12[11], 'checksum'],
  ['ru-inn', '770708389', 'length'],
  ['ru-inn', '77070838931', 'length'],
  ['ru-inn', '77070838a3', 'length'],
  ['ru-inn', '', 'length'],
  ['ru-kpp', '773601001', undefined],
  ['ru-kpp', '7736AB001', undefined],
  ['ru-kpp', '77360100', 'length'],
  ['ru-kpp', '7736ab001', 'length'],
  ['ru-ogrn', ogrn, undefined],
  ['ru-ogrn', flip(ogrn), 'checksum'],
  ['ru-ogrn', ogrnip, 'length'],
  ['ru-ogrnip', ogrnip, undefined],
  ['ru-ogrnip', flip(ogrnip), 'checksum'],
  ['ru-ogrnip', ogrn, 'length'],
  ['ru-ogrn-any', ogrn, undefined],
  ['ru-ogrn-any', ogrnip, undefined],
  ['ru-ogrn-any', flip(ogrnip), 'checksum'],
  ['ru-ogrn-any', '12345678901234', 'length'],
  ['ru-bik', '044525225', undefined],
  ['ru-bik', '144525225', 'country'],
  ['ru-bik', '04452522', 'length'],
  ['ru-account', '40702810938000000001', undefined],
  ['ru-account', '4070281093800000000', 'length'],
  ['ru-account', '4070281093800000000x', 'length'],
];

test('each ru-* check: valid numbers pass, each invalid one says why', () => {
  for (const [format, value, problem] of table) assert.equal(RU_REQUISITE_CHECKS[format]!(value), problem, `${format} ${value}`);
});

test('a bank account is checked against its BIK: settlement at the bank, correspondent at the Bank of Russia', () => {
  const bik = '044525225';
  const settlement = accountWithCheck(bik.slice(6), '40702810038000000001');
  const correspondent = accountWithCheck(`0${bik.slice(4, 6)}`, '30101810000000000225');
  assert.equal(settlement, '40702810938000000001');
  assert.equal(correspondent, '30101810400000000225'); // Sberbank's, as published
  assert.equal(accountProblemWithBik(settlement, bik), undefined);
  assert.equal(accountProblemWithBik(correspondent, bik, 'correspondent'), undefined);
  assert.equal(accountProblemWithBik(settlement, '044525974'), 'checksum', 'the same account at another bank');
  assert.equal(accountProblemWithBik(correspondent, bik), 'checksum', 'a correspondent account is not a settlement one');
  assert.equal(accountProblemWithBik('4070281093800000000', bik), 'length');
});

const schema: JsonSchemaObject = {
  type: 'object',
  properties: Object.fromEntries(Object.keys(RU_REQUISITE_CHECKS).map((f) => [f, { type: 'string', format: f }])),
};
const bad = {
  'ru-inn': flip(inn10),
  'ru-kpp': '1',
  'ru-ogrn': flip(ogrn),
  'ru-ogrnip': '1',
  'ru-ogrn-any': '1',
  'ru-bik': '144525225',
  'ru-account': '1',
};

test('the messages say what is wrong, in ru, en and de', async () => {
  const ru = Object.fromEntries(validate(schema, bad, 'ru').errors.map((e) => [e.path, e.message]));
  assert.equal(ru['/ru-inn'], 'Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.');
  assert.equal(ru['/ru-ogrn'], 'Неверная контрольная цифра ОГРН: проверьте, нет ли опечатки.');
  assert.equal(ru['/ru-ogrnip'], 'ОГРНИП должен содержать 15 цифр.');
  assert.equal(ru['/ru-bik'], 'БИК российского банка начинается с 04.');
  assert.equal(ru['/ru-account'], 'Номер счёта должен содержать 20 цифр.');
  assert.equal(
    validate(schema, { 'ru-inn': '123' }, 'ru').errors[0]!.message,
    'ИНН должен содержать 10 цифр (организация) или 12 (физическое лицо, ИП).',
  );
  const en = validate(schema, { 'ru-inn': '123', 'ru-kpp': 'x' }, 'en').errors.map((e) => e.message);
  assert.deepEqual(en, [
    'An INN has 10 digits (a company) or 12 (a person or sole proprietor).',
    'A KPP has 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits.',
  ]);
  await loadTranslations('de'); // German is loaded on demand (docs/i18n.md)
  assert.equal(validate(schema, { 'ru-bik': '1' }, 'de').errors[0]!.message, 'Eine BIK hat 9 Ziffern.');
  // Without the data (an error from elsewhere), the format is still named in words.
  const fn = compileSchema(schema);
  fn({ 'ru-inn': '1' });
  const noData = toFieldErrors(fn.errors, 'ru');
  assert.equal(noData[0]!.message, 'Ожидается ИНН.');
  assert.equal(validate(schema, { 'ru-inn': inn12, 'ru-ogrn-any': ogrnip, 'ru-bik': '044525225' }).valid, true);
});

test('a precompiled validator (ajv standalone, formats from @kartochka/core/formats) agrees with the run-time one', async () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const dir = path.join(root, 'node_modules/.cache/kartochka-precompile-test');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'requisites.mjs'), precompileValidator(schema));
  const precompiled = (await import(pathToFileURL(path.join(dir, 'requisites.mjs')).href)).default as PrecompiledValidator;
  for (const [format, value, problem] of table) {
    assert.equal(precompiled({ [format]: value }), problem === undefined, `${format} ${value}`);
  }
  const viaCard = new FormController(schema, { value: bad as never, validator: precompiled });
  const compiled = new FormController(schema, { value: bad as never });
  assert.deepEqual(viaCard.validate(), compiled.validate());
  assert.match(viaCard.validate().errors.find((e) => e.path === '/ru-inn')!.message, /check digit/);
});

test('x-bik: an account is checked against its BIK, in validate() and in a card with either validator, relative pointers in lists', async () => {
  const bankSchema: JsonSchemaObject = {
    type: 'object',
    properties: {
      banks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            bik: { type: 'string', format: 'ru-bik' },
            account: { type: 'string', format: 'ru-account', 'x-bik': '1/bik' },
            correspondent: { type: 'string', format: 'ru-account', 'x-bik': { bik: '1/bik', kind: 'correspondent' } },
          },
        },
      },
    },
  };
  const good = {
    bik: '044525225',
    account: accountWithCheck('225', '40702810038000000001'),
    correspondent: accountWithCheck('025', '30101810000000000225'),
  };
  const swapped = { bik: '044525225', account: good.correspondent, correspondent: good.account };
  assert.equal(validate(bankSchema, { banks: [good] }).valid, true);
  const r = validate(bankSchema, { banks: [good, swapped] }, 'ru');
  assert.deepEqual(
    r.errors.map((e) => [e.path, e.message]),
    [
      ['/banks/1/account', 'Номер счёта не сходится с БИК: проверьте счёт и БИК.'],
      ['/banks/1/correspondent', 'Номер счёта не сходится с БИК: проверьте счёт и БИК.'],
    ],
  );
  // A short account or a foreign BIK keeps its own message only.
  assert.deepEqual(
    validate(bankSchema, { banks: [{ ...good, bik: '144525225' }] }).errors.map((e) => e.path),
    ['/banks/0/bik'],
  );
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const dir = path.join(root, 'node_modules/.cache/kartochka-precompile-test');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'banks.mjs'), precompileValidator(bankSchema));
  const precompiled = (await import(pathToFileURL(path.join(dir, 'banks.mjs')).href)).default as PrecompiledValidator;
  const a = new FormController(bankSchema, { value: { banks: [good, swapped] } as never, validator: precompiled, locale: 'en' });
  const b = new FormController(bankSchema, { value: { banks: [good, swapped] } as never, locale: 'en' });
  assert.deepEqual(a.validate(), b.validate());
  assert.equal(a.validate().valid, false);
  assert.equal(a.validate().errors[0]!.message, 'The account number does not match the BIK: check both.');
  assert.throws(
    () => validate({ type: 'object', properties: { a: { type: 'string', 'x-bik': 5 } } } as JsonSchemaObject, {}),
    (e: Error) => e.name === 'SchemaCompileError' && /Invalid x-bik at "\/properties\/a\/x-bik"/.test(e.message),
  );
});

test('a malformed x-bik fails precompiling, and a card given a precompiled validator never throws over it', () => {
  const broken = { type: 'object', properties: { a: { type: 'string', 'x-bik': 5 } } } as JsonSchemaObject;
  assert.throws(() => precompileValidator(broken), /Invalid x-bik at "\/properties\/a\/x-bik"/);
  const validator = Object.assign(() => true, { errors: null }) as PrecompiledValidator;
  const c = new FormController(broken, { value: { a: 'x' } as never, validator });
  assert.equal(c.validate().valid, true);
});

test('the schema matcher (conditional branches) knows the same formats (ru-inn with its check digit, phone), so a branch chosen by a format agrees with validation', async () => {
  const { createSchemaContext, matches } = await import('../schema/resolve.js');
  const ctx = createSchemaContext({ type: 'string' });
  assert.equal(matches(ctx, { type: 'string', format: 'ru-inn' }, inn10), true);
  assert.equal(matches(ctx, { type: 'string', format: 'ru-inn' }, flip(inn10)), false, 'a wrong check digit does not match');
  assert.equal(matches(ctx, { type: 'string', format: 'phone' }, 'not a phone'), false);
});

test('schemaUsesRequisites: ru-* formats and x-bik in subschemas, not in data or property names', async () => {
  const { schemaUsesRequisites } = await import('./requisites-runtime.js');
  assert.equal(schemaUsesRequisites({ properties: { inn: { type: 'string', format: 'ru-inn' } } }), true);
  assert.equal(schemaUsesRequisites({ type: 'array', items: { properties: { a: { type: 'string', 'x-bik': '1/bik' } } } }), true);
  assert.equal(schemaUsesRequisites({ properties: { 'x-bik': { type: 'string' }, f: { enum: [{ format: 'ru-inn' }] } } }), false);
  assert.equal(schemaUsesRequisites({ properties: { email: { type: 'string', format: 'email' } } }), false);
});
