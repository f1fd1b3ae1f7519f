import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonValue } from '../types.js';
import { ExpressionError, MAX_DEPTH, dataContext, dependencies, evaluate, resolveRelative, validateExpression } from './expression.js';
import type { Expression } from './expression.js';

const card = {
  general: { size: { headcount: 120, class: 'large' }, 'a/b': 1, 'm~n': 2 },
  category: { potential: { value: 2000 }, actual: 500 },
  relationship: {
    satisfaction: {
      remarks: [
        { text: 'late', status: 'done' },
        { text: 'price', status: 'open' },
        { text: 'docs', status: 'done' },
        { text: 'calls', status: 'open' },
      ],
    },
  },
  history: { sales: [{ turnover: 100 }, { turnover: '250.5' }, { turnover: null }, {}] },
  plans: {
    sales: [
      { quantity: 2, price: 10 },
      { quantity: 3, price: 7.5 },
    ],
  },
} satisfies JsonValue;

const run = (expr: Expression, data: unknown = card, at = '/x') => evaluate(expr, dataContext(data, at, new Date(2024, 4, 17, 12)));
const v = (pointer: string) => ({ var: pointer });

describe('var and JSON Pointers', () => {
  it('reads absolute pointers, with ~0/~1 escapes', () => {
    assert.equal(run(v('/general/size/headcount')), 120);
    assert.equal(run(v('/general/a~1b')), 1);
    assert.equal(run(v('/general/m~0n')), 2);
    assert.deepEqual(run(v('')), card);
  });
  it('gives null or the default for absent and null values', () => {
    assert.equal(run(v('/general/nope')), null);
    assert.equal(run({ var: ['/general/nope', 7] }), 7);
    assert.equal(run({ var: ['/history/sales/2/turnover', 0] }), 0);
    assert.equal(run({ var: ['/general/size/headcount', 0] }), 120);
  });
  it('resolves relative pointers from the field inside array items', () => {
    const total = { '*': [v('1/quantity'), v('1/price')] };
    assert.equal(run(total, card, '/plans/sales/0/total'), 20);
    assert.equal(run(total, card, '/plans/sales/1/total'), 22.5);
    assert.equal(run(v('0#'), card, '/plans/sales/1/total'), 'total');
    assert.equal(run(v('1#'), card, '/plans/sales/1/total'), 1);
    assert.equal(run(v('1-1/price'), card, '/plans/sales/1/total'), 10);
    assert.equal(run(v('1+1/price'), card, '/plans/sales/1/total'), null);
    assert.equal(run(v('2/0/quantity'), card, '/plans/sales/1/total'), 2);
    assert.equal(run(v('9/x'), card, '/plans/sales/1/total'), null);
  });
  it('resolveRelative keeps template stars', () => {
    assert.deepEqual(resolveRelative('1/price', '/plans/sales/*/total'), { pointer: '/plans/sales/*/price', shifted: false });
    assert.deepEqual(resolveRelative('1-1/price', '/plans/sales/*/total'), { pointer: '/plans/sales/*/price', shifted: true });
    assert.deepEqual(resolveRelative('0', '/a'), { pointer: '/a', shifted: false });
    assert.deepEqual(resolveRelative('1', '/a'), { pointer: '', shifted: false });
    assert.equal(resolveRelative('2', '/a'), undefined);
    assert.equal(resolveRelative('0-1', '/a/x'), undefined);
  });
  it('inside iterations, bare names and "" are the current element; pointers keep their meaning', () => {
    const data = { items: [{ a: 1 }, { a: 5 }], limit: 3 };
    assert.deepEqual(run({ map: [v('/items'), v('a')] }, data), [1, 5]);
    assert.deepEqual(run({ map: [[1, 2], { '*': [v(''), 2] }] }, data), [2, 4]);
    assert.deepEqual(run({ filter: [v('/items'), { '>': [v('a'), v('/limit')] }] }, data), [{ a: 5 }]);
    assert.deepEqual(run({ map: [[[7, 8]], { var: 1 }] }, data), [8]);
    assert.deepEqual(run({ map: [v('/items'), v('3/limit')] }, data, '/items/0/x'), [3, 3], 'relative pointers stay relative to the field');
  });
  it('rejects bare names and dynamic paths outside iterations', () => {
    assert.throws(() => run(v('general')), ExpressionError);
    assert.throws(() => run({ var: { cat: ['/a'] } }), /literal string/);
    assert.throws(() => run(v('/a~2')), /"~" must be followed/);
  });
});

describe('logic', () => {
  it('compares loosely and strictly', () => {
    assert.equal(run({ '==': [1, '1'] }), true);
    assert.equal(run({ '===': [1, '1'] }), false);
    assert.equal(run({ '!=': [1, 2] }), true);
    assert.equal(run({ '!==': [1, 1] }), false);
    assert.equal(run({ '==': [null, v('/nope')] }), true);
    assert.equal(run({ '===': [null, v('/nope')] }), true);
    assert.equal(
      run({
        '==': [
          [1, 2],
          [1, 2],
        ],
      }),
      true,
      'arrays compare by value',
    );
    assert.equal(run({ '==': [[1], 1] }), false, 'an array never equals a primitive (no toString)');
    assert.equal(run({ '==': [v('/category/potential'), v('/category/potential')] }), true);
    assert.equal(run({ '==': [v('/category/potential'), '[object Object]'] }), false);
  });
  it('orders numbers, numeric strings, ISO dates; empty sides are false', () => {
    assert.equal(run({ '<': [1, 2] }), true);
    assert.equal(run({ '>': ['10', 9] }), true);
    assert.equal(run({ '<': ['2024-01-31', '2024-02-01'] }), true);
    assert.equal(run({ '<': [null, 10] }), false);
    assert.equal(run({ '>=': [v('/nope'), 0] }), false);
    assert.equal(run({ '<': ['', 1] }), false);
    assert.equal(run({ '<': ['abc', 1] }), false);
    assert.equal(run({ '<': [v('/category/potential'), 1] }), false);
    assert.equal(run({ '<=': [1, 1] }), true);
  });
  it('supports the three-argument between form', () => {
    assert.equal(run({ '<': [1, 5, 10] }), true);
    assert.equal(run({ '<': [1, 10, 10] }), false);
    assert.equal(run({ '<=': [1, 10, 10] }), true);
    assert.equal(run({ '>': [10, 5, 1] }), true);
    assert.equal(run({ '>=': [10, 10, 11] }), false);
  });
  it('uses JSON Logic truthiness for !, !!, and, or', () => {
    assert.equal(run({ '!': [[]] }), true);
    assert.equal(run({ '!!': [[0]] }), true);
    assert.equal(run({ '!!': '0' }), true);
    assert.equal(run({ '!': 0 }), true);
    assert.equal(run({ and: [1, 'a', 0, 'never'] }), 0);
    assert.equal(run({ and: [1, 'a'] }), 'a');
    assert.equal(run({ or: [0, '', 'x'] }), 'x');
    assert.equal(run({ or: [0, null] }), null);
  });
  it('short-circuits: unevaluated branches may not even be valid data reads', () => {
    assert.equal(run({ or: [true, { var: '/x/y' }] }), true);
    assert.equal(run({ if: [true, 'yes', { '/': [1, 0] }] }), 'yes');
  });
  it('if with else-if chains', () => {
    const size = (n: number) => run({ if: [{ '<': [n, 10] }, 'small', { '<': [n, 100] }, 'medium', 'large'] });
    assert.equal(size(5), 'small');
    assert.equal(size(50), 'medium');
    assert.equal(size(500), 'large');
    assert.equal(run({ if: [false, 1] }), null);
    assert.equal(run({ if: ['only'] }), 'only');
    assert.equal(run({ '?:': [true, 1, 2] }), 1);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies, divides, remainders', () => {
    assert.equal(run({ '+': [1, 2, '3'] }), 6);
    assert.equal(run({ '+': [] }), 0);
    assert.equal(run({ '+': '3.5' }), 3.5);
    assert.equal(run({ '-': [10, 4] }), 6);
    assert.equal(run({ '-': 4 }), -4);
    assert.equal(run({ '*': [2, 3, 4] }), 24);
    assert.equal(run({ '/': [9, 3] }), 3);
    assert.equal(run({ '%': [10, 3] }), 1);
  });
  it('empty or non-numeric operands give null, never NaN', () => {
    assert.equal(run({ '+': [1, null] }), null);
    assert.equal(run({ '*': [2, v('/nope')] }), null);
    assert.equal(run({ '-': ['12abc', 1] }), null);
    assert.equal(run({ '+': [1, ''] }), null);
    assert.equal(run({ '+': [true, 1] }), 2);
    assert.equal(run({ '*': [[1], 2] }), null);
  });
  it('division by zero gives null, not Infinity or NaN', () => {
    assert.equal(run({ '/': [1, 0] }), null);
    assert.equal(run({ '/': [0, 0] }), null);
    assert.equal(run({ '%': [5, 0] }), null);
    assert.equal(run({ '*': [1e308, 10] }), null);
  });
  it('min and max skip empty values and accept one array', () => {
    assert.equal(run({ min: [3, 1, 2] }), 1);
    assert.equal(run({ max: [3, null, '7'] }), 7);
    assert.equal(run({ max: [[4, 9, 2]] }), 9);
    assert.equal(run({ max: [] }), null);
    assert.equal(run({ min: [null, ''] }), null);
  });
  it('rounds half away from zero, to digits', () => {
    assert.equal(run({ round: 2.5 }), 3);
    assert.equal(run({ round: -2.5 }), -3);
    assert.equal(run({ round: [1.005, 2] }), 1.01);
    assert.equal(run({ round: [1234, -2] }), 1200);
    assert.equal(run({ round: [null, 2] }), null);
    assert.equal(run({ round: [1.5, 'x'] }), 2);
    assert.equal(run({ round: [1.5, 0.5] }), null);
    assert.ok(Object.is(run({ round: -0.2 }), 0));
  });
});

describe('strings and lists', () => {
  it('cat joins, empty as ""', () => {
    assert.equal(run({ cat: ['a', 1, null, true] }), 'a1true');
    assert.equal(run({ cat: [] }), '');
    assert.equal(run({ cat: ['x', v('/category/potential')] }), 'x{"value":2000}');
  });
  it('substr follows json-logic-js (negative start and length)', () => {
    assert.equal(run({ substr: ['jsonlogic', 4] }), 'logic');
    assert.equal(run({ substr: ['jsonlogic', -5] }), 'logic');
    assert.equal(run({ substr: ['jsonlogic', 1, 3] }), 'son');
    assert.equal(run({ substr: ['jsonlogic', 4, -2] }), 'log');
    assert.equal(run({ substr: [null, 0, 2] }), '');
    assert.equal(run({ substr: ['abc', 2, -5] }), '');
  });
  it('in: substring or array membership', () => {
    assert.equal(run({ in: ['Spring', 'Springfield'] }), true);
    assert.equal(run({ in: ['b', ['a', 'b']] }), true);
    assert.equal(run({ in: [1, ['1']] }), false);
    assert.equal(run({ in: ['a', null] }), false);
    assert.equal(run({ in: [null, 'null'] }), false);
  });
  it('merge flattens one level', () => {
    assert.deepEqual(run({ merge: [1, [2, 3], [[4]]] }), [1, 2, 3, [4]]);
  });
  it('empty and count', () => {
    for (const x of [null, '', [] as JsonValue[]]) assert.equal(run({ empty: [x] }), true);
    for (const x of [0, false, ' ', [0]]) assert.equal(run({ empty: [x] }), false);
    assert.equal(run({ empty: v('/nope') }), true);
    assert.equal(run({ count: v('/relationship/satisfaction/remarks') }), 4);
    assert.equal(run({ count: [[]] }), 0);
    assert.equal(run({ count: v('/nope') }), 0);
    assert.equal(run({ count: 'abc' }), 0);
  });
  it('missing and missing_some report empty fields', () => {
    assert.deepEqual(run({ missing: ['/general/size/headcount', '/general/nope', '/history/sales/2/turnover'] }), [
      '/general/nope',
      '/history/sales/2/turnover',
    ]);
    assert.deepEqual(run({ missing: [['/general/nope']] }), ['/general/nope']);
    assert.deepEqual(run({ missing_some: [1, ['/general/size/headcount', '/nope']] }), []);
    assert.deepEqual(run({ missing_some: [2, ['/general/size/headcount', '/nope']] }), ['/nope']);
    assert.deepEqual(run({ missing: ['1/price'] }, card, '/plans/sales/0/total'), []);
  });
});

describe('sum and iterations', () => {
  it('sum over items or an item path, skipping empties; [] is 0', () => {
    assert.equal(run({ sum: [v('/history/sales'), 'turnover'] }), 350.5);
    assert.equal(run({ sum: [v('/history/sales'), '/turnover'] }), 350.5);
    assert.equal(run({ sum: [[1, 2, null, '3']] }), 6);
    assert.equal(run({ sum: [[]] }), 0);
    assert.equal(run({ sum: [v('/nope'), 'x'] }), 0);
    assert.equal(run({ sum: [{ map: [v('/plans/sales'), { '*': [v('quantity'), v('price')] }] }] }), 42.5);
  });
  it('map, filter, reduce', () => {
    assert.deepEqual(run({ map: [[1, 2, 3], { '*': [v(''), 2] }] }), [2, 4, 6]);
    assert.deepEqual(run({ map: [v('/nope'), v('')] }), []);
    assert.deepEqual(run({ filter: [[1, 2, 3, 4], { '%': [v(''), 2] }] }), [1, 3]);
    assert.equal(run({ reduce: [[1, 2, 3, 4], { '+': [v('current'), v('accumulator')] }, 0] }), 10);
    assert.equal(run({ reduce: [v('/plans/sales'), { '+': [v('current/quantity'), v('accumulator')] }, 0] }), 5);
    assert.equal(run({ reduce: [[], { '+': [v('current'), v('accumulator')] }, 7] }), 7);
    assert.equal(run({ reduce: [null, v('current')] }), null);
  });
  it('all, some, none, with JSON Logic empty-array results', () => {
    const list = [1, 2, 3];
    assert.equal(run({ all: [list, { '>': [v(''), 0] }] }), true);
    assert.equal(run({ all: [list, { '>': [v(''), 1] }] }), false);
    assert.equal(run({ all: [[], true] }), false);
    assert.equal(run({ some: [list, { '>': [v(''), 2] }] }), true);
    assert.equal(run({ some: [[], true] }), false);
    assert.equal(run({ none: [list, { '>': [v(''), 5] }] }), true);
    assert.equal(run({ none: [[], true] }), true);
  });
});

describe('dates', () => {
  it('today is the local date of ctx.now', () => {
    assert.equal(run({ today: [] }), '2024-05-17');
  });
  it('daysBetween counts whole days; invalid dates give null', () => {
    assert.equal(run({ daysBetween: ['2024-02-28', '2024-03-01'] }), 2);
    assert.equal(run({ daysBetween: ['2024-03-01', '2024-02-28'] }), -2);
    assert.equal(run({ daysBetween: ['2024-03-30T23:00:00+03:00', '2024-03-31'] }), 1);
    assert.equal(run({ daysBetween: ['2023-02-30', '2024-01-01'] }), null);
    assert.equal(run({ daysBetween: [null, '2024-01-01'] }), null);
    assert.equal(run({ daysBetween: [{ today: [] }, '2024-06-01'] }), 15);
  });
  it('addDays', () => {
    assert.equal(run({ addDays: ['2024-02-28', 2] }), '2024-03-01');
    assert.equal(run({ addDays: ['2024-01-10', -10] }), '2023-12-31');
    assert.equal(run({ addDays: ['nope', 1] }), null);
    assert.equal(run({ addDays: ['2024-01-10', null] }), null);
  });
});

describe('the seed formulas', () => {
  const ourShare = { round: [{ '*': [{ '/': [v('/category/actual'), v('/category/potential/value')] }, 100] }, 1] };
  const resolvedPercent = {
    '*': [
      {
        '/': [
          { count: { filter: [v('/relationship/satisfaction/remarks'), { '==': [v('status'), 'done'] }] } },
          { count: v('/relationship/satisfaction/remarks') },
        ],
      },
      100,
    ],
  };
  it('ourShare = actual ÷ potential × 100', () => {
    assert.equal(run(ourShare), 25);
    assert.equal(run(ourShare, { category: { actual: 10, potential: { value: 0 } } }), null);
    assert.equal(run(ourShare, { category: { potential: { value: 100 } } }), null);
  });
  it('resolvedPercent = done ÷ all remarks × 100', () => {
    assert.equal(run(resolvedPercent), 50);
    assert.equal(run(resolvedPercent, { relationship: { satisfaction: { remarks: [] } } }), null);
  });
  it('sum of history/sales/*/turnover', () => {
    assert.equal(run({ sum: [v('/history/sales'), 'turnover'] }), 350.5);
  });
});

describe('hostile input', () => {
  it('never reaches prototypes through var', () => {
    assert.equal(run(v('/__proto__/polluted')), null);
    assert.equal(run(v('/constructor')), null);
    assert.equal(run(v('/constructor/prototype')), null);
    assert.equal(run(v('/general/__proto__')), null);
    const data = { list: [{}], words: ['abc'], nested: [[1, 2]] };
    assert.deepEqual(run({ map: [v('/list'), v('constructor')] }, data), [null]);
    assert.deepEqual(run({ map: [v('/list'), v('__proto__')] }, data), [null]);
    assert.deepEqual(run({ map: [v('/words'), v('length')] }, data), [null]);
    assert.deepEqual(run({ map: [v('/nested'), v('length')] }, data), [null]);
    assert.deepEqual(run({ reduce: [v('/list'), v('current/constructor/name')] }, data), null);
    assert.equal(run({ sum: [v('/list'), 'constructor'] }, data), 0);
    assert.equal(run({ sum: [v('/words'), 'length'] }, data), 0);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  it('reads own __proto__ keys as plain data', () => {
    const data = JSON.parse('{"__proto__": {"polluted": 1}}');
    assert.equal(run(v('/__proto__/polluted'), data), 1);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  it('has no operator named after Object.prototype members', () => {
    for (const op of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'method', 'log']) {
      const expr = JSON.parse(`{"${op}": []}`);
      assert.throws(
        () => run(expr),
        (e: unknown) => e instanceof ExpressionError && e.message.includes(`Unknown operator "${op}"`),
      );
    }
  });
  it('reports unknown operators with their place in the schema', () => {
    const expr = { and: [true, { '+': [1, { frobnicate: [1] }] }] };
    const ctx = { ...dataContext(card, '/a/b'), source: '/properties/a/properties/b/x-formula' };
    assert.throws(
      () => evaluate(expr, ctx),
      (e: unknown) =>
        e instanceof ExpressionError &&
        e.at === '/properties/a/properties/b/x-formula/and/1/+/1' &&
        e.operator === 'frobnicate' &&
        e.field === '/a/b' &&
        /Unknown operator "frobnicate"/.test(e.message),
    );
  });
  it('rejects wrong arity and multi-key objects', () => {
    assert.throws(() => run({ '/': [1] }), /takes 2 arguments, got 1/);
    assert.throws(() => run({ today: [1] }), /takes 0 arguments/);
    assert.throws(() => run({ var: '/a', default: 1 } as Expression), /exactly one key/);
    assert.throws(() => run({}), /exactly one key/);
  });
  it('stops deep nesting with a depth error, not a stack overflow', () => {
    let deep: Expression = 1;
    for (let i = 0; i < 100_000; i++) deep = { '!': [deep] };
    assert.throws(
      () => run(deep),
      (e: unknown) => e instanceof ExpressionError && e.message.includes(`deeper than ${MAX_DEPTH}`),
    );
    assert.ok(validateExpression(deep).some((p) => p.message.includes('deeper')));
    assert.deepEqual(dependencies(deep, '/x'), []);
    let arrays: Expression = 1;
    for (let i = 0; i < 100_000; i++) arrays = [arrays];
    assert.throws(() => run(arrays), ExpressionError);
  });
  it('works without eval: Function and eval are never called', () => {
    const originalFunction = globalThis.Function;
    const originalEval = globalThis.eval;
    const trap = () => {
      throw new Error('code generation');
    };
    globalThis.eval = trap as typeof eval;
    globalThis.Function = trap as unknown as FunctionConstructor;
    try {
      assert.equal(run({ if: [{ '>': [v('/general/size/headcount'), 100] }, { cat: ['big:', { round: 1.5 }] }, 'small'] }), 'big:2');
    } finally {
      globalThis.eval = originalEval;
      globalThis.Function = originalFunction;
    }
  });
});

describe('validateExpression', () => {
  it('accepts valid expressions', () => {
    assert.deepEqual(validateExpression({ filter: [v('/r'), { '==': [v('status'), 'done'] }] }), []);
    assert.deepEqual(validateExpression({ sum: [v('/h/sales'), 'turnover'] }), []);
    assert.deepEqual(validateExpression({ missing_some: [1, ['/a', '1/b']] }), []);
    assert.deepEqual(validateExpression(42), []);
  });
  it('lists every problem with its location', () => {
    const problems = validateExpression(
      { and: [{ nope: 1 }, { '/': [1] }, v('bare'), { sum: [v('/a'), 3] }, { missing: [{ var: '/x' }] }] },
      '/properties/a/x-rules/visible',
    );
    assert.deepEqual(
      problems.map((p) => p.at),
      [
        '/properties/a/x-rules/visible/and/0',
        '/properties/a/x-rules/visible/and/1',
        '/properties/a/x-rules/visible/and/2/var',
        '/properties/a/x-rules/visible/and/3/sum/1',
        '/properties/a/x-rules/visible/and/4/missing/0',
      ],
    );
    assert.match(problems[0].message, /Unknown operator "nope"/);
    assert.match(problems[1].message, /takes 2 arguments/);
    assert.match(problems[2].message, /not a JSON Pointer/);
  });
});

describe('dependencies', () => {
  it('lists absolute pointers and resolves relative ones against the (template) field', () => {
    assert.deepEqual(dependencies({ '*': [v('1/quantity'), v('1/price')] }, '/plans/sales/*/total'), [
      '/plans/sales/*/quantity',
      '/plans/sales/*/price',
    ]);
    assert.deepEqual(dependencies({ '*': [v('1/quantity'), v('/a')] }, '/plans/sales/3/total'), ['/plans/sales/3/quantity', '/a']);
  });
  it('an array read covers its subtree; element names inside iterations add nothing', () => {
    assert.deepEqual(dependencies({ count: { filter: [v('/remarks'), { '==': [v('status'), v('/wanted')] }] } }, '/pct'), [
      '/remarks',
      '/wanted',
    ]);
    assert.deepEqual(dependencies({ sum: [v('/history/sales'), 'turnover'] }, '/t'), ['/history/sales']);
  });
  it('includes missing paths and var defaults, skips key reads (#)', () => {
    assert.deepEqual(dependencies({ missing: ['/a', '/b'] }, '/x'), ['/a', '/b']);
    assert.deepEqual(dependencies({ var: ['/a', v('/b')] }, '/x'), ['/a', '/b']);
    assert.deepEqual(dependencies(v('1#'), '/rows/*/n'), []);
    assert.deepEqual(dependencies({ '+': [v('/a'), v('/a')] }, '/x'), ['/a']);
  });
});
