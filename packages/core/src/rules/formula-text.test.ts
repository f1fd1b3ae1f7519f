import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FormulaPrintError,
  dataContext,
  evaluate,
  parseFormula,
  printFormula,
  validateExpression,
  type FormulaField,
  type JsonValue,
} from '../index.js';
import { FORMULA_FUNCTIONS } from '../internal.js';

const ruFields: FormulaField[] = [
  { name: 'Количество точек', pointer: '/general/points' },
  { name: 'Сегмент', pointer: '/general/segment' },
  { name: 'Выручка', pointer: '/finance/turnover' },
  { name: 'Дата договора', pointer: '/general/contractDate' },
  { name: 'Филиалы', pointer: '/branches' },
];
const enFields: FormulaField[] = [
  { name: 'Number of outlets', pointer: '/general/points' },
  { name: 'Segment', pointer: '/general/segment' },
  { name: 'Turnover', pointer: '/finance/turnover' },
  { name: 'Contract date', pointer: '/general/contractDate' },
  { name: 'Branches', pointer: '/branches' },
];
const ru = { locale: 'ru', fields: ruFields };
const en = { locale: 'en', fields: enFields };
const v = (p: string) => ({ var: p });

const parse = (text: string, opts = ru): JsonValue => {
  const r = parseFormula(text, opts);
  if (!r.ok) assert.fail(`${text}: ${r.error.message}`);
  return r.expr;
};

describe('formula text: parsing', () => {
  const table: [string, string, JsonValue][] = [
    ['[Количество точек] * 150000', '[Number of outlets] * 150000', { '*': [v('/general/points'), 150000] }],
    ['ЕСЛИ([Сегмент] = "Дилер"; 1; 0)', 'IF([Segment] = "Dealer"; 1; 0)', { if: [{ '==': [v('/general/segment'), 'Дилер'] }, 1, 0] }],
    ['[Выручка] * 0,5', '[Turnover] * 0.5', { '*': [v('/finance/turnover'), 0.5] }],
    [
      '[Выручка] >= 1000 И НЕ [Сегмент] <> "Дилер"',
      '[Turnover] >= 1000 AND NOT [Segment] <> "Dealer"',
      { and: [{ '>=': [v('/finance/turnover'), 1000] }, { '!': [{ '!=': [v('/general/segment'), 'Дилер'] }] }] },
    ],
    [
      '[Выручка] < 10 ИЛИ [Выручка] > 20 ИЛИ ЛОЖЬ',
      '[Turnover] < 10 OR [Turnover] > 20 OR FALSE',
      { or: [{ '<': [v('/finance/turnover'), 10] }, { '>': [v('/finance/turnover'), 20] }, false] },
    ],
    ['ОКРУГЛ([Выручка] / 3; 2)', 'ROUND([Turnover] / 3, 2)', { round: [{ '/': [v('/finance/turnover'), 3] }, 2] }],
    ['СЦЕП("№ "; [Количество точек])', 'CONCAT("No. "; [Number of outlets])', { cat: ['№ ', v('/general/points')] }],
    ['МИН(1; 2,5; -3) + МАКС(1; 2)', 'MIN(1; 2.5; -3) + MAX(1; 2)', { '+': [{ min: [1, 2.5, -3] }, { max: [1, 2] }] }],
    ['СУММ([Филиалы]; "turnover")', 'SUM([Branches]; "turnover")', { sum: [v('/branches'), 'turnover'] }],
    [
      'ДНЕЙ_МЕЖДУ([Дата договора]; СЕГОДНЯ())',
      'DAYS_BETWEEN([Contract date]; TODAY())',
      { daysBetween: [v('/general/contractDate'), { today: [] }] },
    ],
    ['-[Выручка] * 2 - 1', '-[Turnover] * 2 - 1', { '-': [{ '*': [{ '-': [v('/finance/turnover')] }, 2] }, 1] }],
    ['"Он сказал ""да"""', '"He said ""yes"""', 'Он сказал "да"'.replace('Он сказал', 'Он сказал')],
    [
      'ВХОДИТ([Сегмент]; {"Дилер"; "Партнёр"})',
      'IN([Segment]; {"Dealer"; "Partner"})',
      { in: [v('/general/segment'), ['Дилер', 'Партнёр']] },
    ],
    ['ЕПУСТО([Сегмент])', 'ISBLANK([Segment])', { empty: [v('/general/segment')] }],
    ['ФИЛЬТР([Филиалы]; [amount] > 0)', 'FILTER([Branches]; [amount] > 0)', { filter: [v('/branches'), { '>': [v('amount'), 0] }] }],
    [
      'ПОЛЕ([Выручка]; 0) + [/other/x] + [1/price]',
      'FIELD([Turnover]; 0) + [/other/x] + [1/price]',
      { '+': [{ var: ['/finance/turnover', 0] }, v('/other/x'), v('1/price')] },
    ],
    ['НЕ_ЗАПОЛНЕНО([Выручка]; [Сегмент])', 'MISSING([Turnover]; [Segment])', { missing: ['/finance/turnover', '/general/segment'] }],
  ];
  for (const [ruText, enText, expected] of table) {
    it(`${ruText}  |  ${enText}`, () => {
      const expectedEn = JSON.parse(
        JSON.stringify(expected)
          .replace(/Дилер/g, 'Dealer')
          .replace(/Партнёр/g, 'Partner')
          .replace('№ ', 'No. ')
          .replace('Он сказал \\"да\\"', 'He said \\"yes\\"'),
      );
      assert.deepEqual(parse(ruText, ru), expected);
      assert.deepEqual(parse(enText, en), expectedEn);
      assert.deepEqual(validateExpression(expected), []);
    });
  }

  it('is case-insensitive in names, reads Ё as Е, and takes names of either language', () => {
    assert.deepEqual(parse('если(истина; счет({1;2}); 0)'), { if: [true, { count: [[1, 2]] }, 0] });
    assert.deepEqual(parse('IF(TRUE; 1; 0)', ru), { if: [true, 1, 0] });
    assert.deepEqual(parse('[количество ТОЧЕК]'), v('/general/points'));
  });

  it('evaluates as the engine runs it', () => {
    const data = { general: { points: 3, segment: 'Дилер' }, finance: { turnover: 10 }, branches: [{ turnover: 1 }, { turnover: 2 }] };
    const run = (t: string) => evaluate(parse(t) as JsonValue, dataContext(data, '/general/x'));
    assert.equal(run('[Количество точек] * 150000'), 450000);
    assert.equal(run('ЕСЛИ([Сегмент] = "Дилер"; 1; 0)'), 1);
    assert.equal(run('СУММ([Филиалы]; "turnover") + 0,5'), 3.5);
    assert.equal(run('2 + 3 * 4 - 6 / 2'), 11);
    assert.equal(run('(2 + 3) * 4'), 20);
  });
});

describe('formula text: printing round trips', () => {
  const a = v('/general/points');
  const b = v('/finance/turnover');
  const cases: JsonValue[] = [
    { '*': [a, 150000] },
    { '+': [a, b, 1] },
    { '+': [{ '+': [a, b] }, 1] },
    { '+': [a, { '+': [b, 1] }] },
    { '-': [{ '-': [a, b] }, 1] },
    { '-': [a, { '-': [b, 1] }] },
    { '-': [a, -5] },
    { '-': [5] },
    { '-': [{ '-': [a] }] },
    { '+': [a] },
    { '+': [] },
    { '*': [{ '+': [a, 1] }, 2] },
    { '/': [a, { '*': [b, 2] }] },
    { '==': [{ '==': [a, 1] }, true] },
    { '==': [a, { '==': [b, 1] }] },
    { '<': [1, a, 10] },
    { '<=': [1, a, 10] },
    { and: [{ or: [true, false] }, { '!': [a] }] },
    { and: [{ and: [true, false] }, true] },
    { or: [a] },
    { '!': [{ and: [a, b] }] },
    { '==': [{ '!': [a] }, false] },
    { var: ['/general/points', 0] },
    { var: ['/general/points'] },
    v('/not/in/table'),
    v(''),
    { missing: [['/general/points', '/finance/turnover']] },
    { missing_some: [1, ['/general/points', '/finance/turnover']] },
    { map: [v('/branches'), { '*': [v('amount'), 2] }] },
    { reduce: [v('/branches'), { '+': [v('accumulator'), v('current.turnover')] }, 0] },
    { if: [{ '>': [a, 1] }, 'много', { '<': [a, 0] }, 'меньше нуля', null] },
    { cat: ['a "quoted" text', 1.25, -0.5, 1e21] },
    [1, 'x', [true, null]],
    { in: ['Дилер', ['Дилер', 'Партнёр']] },
  ];
  // Every operator of the engine, at its smallest arity (and one more where it takes more).
  for (const f of FORMULA_FUNCTIONS) {
    if (f.op === 'var' || f.op === 'missing' || f.op === 'missing_some') continue;
    const min = { if: 1, '?:': 1, and: 1, or: 1, sum: 1, map: 2, filter: 2, all: 2, some: 2, none: 2, reduce: 2 }[f.op] ?? undefined;
    const args = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? a : i));
    for (const n of [min ?? 0, (min ?? 0) + 1, 2, 3]) {
      const expr = { [f.op]: args(n) } as JsonValue;
      if (validateExpression(expr).length === 0) cases.push(expr);
    }
  }

  for (const locale of ['ru', 'en', 'de']) {
    const fields = locale === 'ru' ? ruFields : enFields;
    it(`parse(print(x)) deep-equals x for ${cases.length} expressions (${locale})`, () => {
      for (const x of cases) {
        const text = printFormula(x, { locale, fields });
        const back = parseFormula(text, { locale, fields });
        assert.ok(back.ok, `${JSON.stringify(x)} → ${text} → ${back.ok ? '' : back.error.message}`);
        assert.deepEqual(back.expr, x, `${JSON.stringify(x)} → ${text}`);
      }
    });
  }

  it('covers every operator of the engine', () => {
    const printed = new Set(cases.flatMap((c) => (c && typeof c === 'object' && !Array.isArray(c) ? Object.keys(c) : [])));
    assert.deepEqual(
      FORMULA_FUNCTIONS.map((f) => f.op).filter((op) => !printed.has(op)),
      [],
    );
  });

  it('prints in words, fields by their titles', () => {
    const x: JsonValue = { if: [{ '==': [v('/general/segment'), 'Дилер'] }, { '*': [v('/general/points'), 0.5] }, 0] };
    assert.equal(printFormula(x, ru), 'ЕСЛИ([Сегмент] = "Дилер"; [Количество точек] * 0,5; 0)');
    assert.equal(printFormula(x, en), 'IF([Segment] = "Дилер"; [Number of outlets] * 0.5; 0)');
  });

  it('names a field whose title another field shares by its pointer', () => {
    const fields = [...ruFields, { name: 'Сегмент', pointer: '/other/segment' }];
    const text = printFormula({ '==': [v('/other/segment'), v('/general/segment')] }, { locale: 'ru', fields });
    assert.equal(text, '[/other/segment] = [/general/segment]');
  });

  it('refuses what only JSON can say', () => {
    assert.throws(() => printFormula({ a: 1, b: 2 } as JsonValue, ru), FormulaPrintError);
    assert.throws(() => printFormula({ nope: [1] }, ru), FormulaPrintError);
  });
});

describe('formula text: errors', () => {
  const error = (text: string, opts = ru) => {
    const r = parseFormula(text, opts);
    assert.ok(!r.ok, `${text} should not parse`);
    return r.error;
  };

  it('an unknown field, with did-you-mean and its place', () => {
    const e = error('1 + [Колво точек] * 2');
    assert.equal(e.code, 'unknownField');
    assert.deepEqual([e.start, e.end], [4, 17]);
    assert.equal(e.message, 'Нет поля «[Колво точек]». Может быть, «[Количество точек]»?');
    assert.equal(error('[Number of outlet]', en).message, 'There is no field "[Number of outlet]". Did you mean "[Number of outlets]"?');
    assert.equal(error('[Nothing alike at all]', en).message, 'There is no field "[Nothing alike at all]".');
    assert.match(error('[Колво точек]', { locale: 'de', fields: ruFields }).message, /^Es gibt kein Feld/);
  });

  it('a field name without brackets', () => {
    const e = error('Количество точек * 150000');
    assert.equal(e.code, 'bareName');
    assert.deepEqual([e.start, e.end], [0, 16]);
    assert.match(e.message, /«\[Количество точек\]»/);
  });

  it('unexpected tokens, unclosed brackets and strings, the end', () => {
    const t = error('[Выручка] * * 2');
    assert.deepEqual([t.code, t.start, t.end], ['unexpectedToken', 12, 13]);
    const p = error('ОКРУГЛ(([Выручка]; 2)');
    assert.deepEqual([p.code, p.start], ['unexpectedToken', 17]);
    const u = error('ОКРУГЛ([Выручка]; 2');
    assert.deepEqual([u.code, u.start, u.end, u.params.close], ['unclosed', 6, 7, ')']);
    const b = error('[Выручка * 2');
    assert.deepEqual([b.code, b.start, b.params.close], ['unclosed', 0, ']']);
    const s = error('"abc');
    assert.deepEqual([s.code, s.start], ['unclosed', 0]);
    assert.equal(error('1 +').code, 'unexpectedEnd');
    assert.equal(error('').code, 'unexpectedEnd');
    assert.equal(error('1 2').code, 'unexpectedToken');
    assert.equal(error('1 # 2').code, 'unexpectedToken');
    assert.equal(error('И 1').code, 'unexpectedToken');
  });

  it('wrong argument counts and unknown functions', () => {
    const e = error('ЕСЛИ([Выручка] > 1; ОКРУГЛ(1; 2; 3); 0)');
    assert.deepEqual([e.code, e.start, e.end], ['argumentCount', 20, 35]);
    assert.equal(e.message, 'ОКРУГЛ: нужно аргументов — 1–2, а указано 3.');
    assert.equal(error('TODAY(1)', en).message, 'TODAY takes 0 argument(s), not 1.');
    const f = error('ОКРУГЛЛ(1)');
    assert.deepEqual([f.code, f.params.suggestion], ['unknownFunction', 'ОКРУГЛ']);
    assert.equal(error('FIELD(1 + 2)', en).code, 'fieldArgument');
  });

  it('hostile input: deep nesting, long texts, long chains', () => {
    const deep = error('('.repeat(4000) + '1' + ')'.repeat(4000));
    assert.equal(deep.code, 'tooDeep');
    assert.ok(deep.start > 0 && deep.start < 100);
    assert.equal(error('-'.repeat(9000) + 'a').code, 'tooDeep');
    assert.equal(error('НЕ '.repeat(3000) + '1').code, 'tooDeep');
    assert.equal(error('ЕСЛИ('.repeat(2000)).code, 'tooDeep');
    assert.equal(error('1'.repeat(20000)).code, 'tooLong');
    // A long flat sum is one operation, not a deep one.
    const sum = parse(Array.from({ length: 1000 }, (_, i) => String(i)).join(' + '));
    assert.equal((sum as { '+': number[] })['+'].length, 1000);
    assert.equal(error(Array.from({ length: 200 }, () => '1').join(' - ')).code, 'tooDeep');
    assert.equal(error('"' + 'x'.repeat(9000)).code, 'unclosed');
    assert.throws(() => printFormula(JSON.parse('['.repeat(200) + ']'.repeat(200)), ru), FormulaPrintError);
  });

  it('never reads "__proto__" or "constructor" as anything but unknown', () => {
    assert.equal(error('constructor(1)', en).code, 'unknownFunction');
    assert.equal(error('__proto__', en).code, 'bareName');
    assert.equal(error('[__proto__]', en).code, 'unknownField');
  });
});

describe('formula text: option values by their labels', () => {
  const segment = [
    { value: 'diler', label: 'Дилер' },
    { value: 'retail', label: 'Розница' },
    { value: 'Розница-опт', label: 'diler' }, // a label spelled like another option's code
  ];
  const fields: FormulaField[] = ruFields.map((f) => (f.pointer === '/general/segment' ? { ...f, options: segment } : f));
  const opts = { locale: 'ru', fields };

  it('reads a label as the stored code, on either side of = and <>, in any case', () => {
    assert.deepEqual(parse('ЕСЛИ([Сегмент] = "Дилер"; 1; 0)', opts), { if: [{ '==': [v('/general/segment'), 'diler'] }, 1, 0] });
    assert.deepEqual(parse('"розница" <> [Сегмент]', opts), { '!=': ['retail', v('/general/segment')] });
  });

  it('prints stored codes as labels, and the text reads back to the same codes', () => {
    for (const expr of [
      { if: [{ '==': [v('/general/segment'), 'diler'] }, 1, 0] },
      { '!=': ['retail', v('/general/segment')] },
      { '==': [v('/general/segment'), 'Розница-опт'] },
    ] as JsonValue[]) {
      const text = printFormula(expr, opts);
      assert.doesNotMatch(text, /"retail"|"diler" /);
      assert.deepEqual(parse(text, opts), expr, text);
    }
    assert.equal(printFormula({ '==': [v('/general/segment'), 'diler'] }, opts), '[Сегмент] = "Дилер"');
  });

  it('leaves strings alone elsewhere: unknown labels, fields without options, other operators', () => {
    assert.deepEqual(parse('[Сегмент] = "Опт"', opts), { '==': [v('/general/segment'), 'Опт'] });
    assert.deepEqual(parse('[Выручка] = "Дилер"', opts), { '==': [v('/finance/turnover'), 'Дилер'] });
    assert.equal(printFormula({ cat: ['diler', v('/general/segment')] }, opts).includes('"diler"'), true);
  });
});
