/** The shared expression walker: `*` in absolute paths reported everywhere, relative pointers, mapPaths. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExpressionError, dataContext, dependencies, evaluate, validateExpression } from './expression.js';
import { RuleGraph } from './graph.js';
import { mapPaths, walkExpression, type PathSite } from './walk.js';
import { relativePointer, templateOf } from '../pointer.js';
import type { JsonValue } from '../types.js';

test('an absolute var path with "*" is a reported rule error: validator, rule graph and interpreter', () => {
  const expr = { '*': [{ var: '/order/rows/*/price' }, 2] };
  const problems = validateExpression(expr, '/properties/total/x-formula');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].at, '/properties/total/x-formula/*/0/var');
  assert.match(problems[0].message, /"\*" in an absolute pointer/);
  assert.match(problems[0].message, /relative pointer \(such as "1\/price"\)/);
  assert.match(problems[0].message, /read the list "\/order\/rows"/);
  // In missing too.
  assert.equal(validateExpression({ missing: ['/order/rows/*/price'] }).length, 1);
  // The rule graph disables the rule and says why.
  const graph = new RuleGraph([{ target: '/order/total', kind: 'value', expr }], { exists: () => true, expand: (t) => [t] });
  assert.equal(graph.rules.length, 0);
  assert.equal(graph.problems[0].code, 'invalid-expression');
  // The interpreter refuses it rather than reading a key named "*".
  assert.throws(() => evaluate(expr, dataContext({ order: { rows: [{ price: 1 }] } }, '/order/total')), ExpressionError);
  // Reading the list itself is the way from outside it.
  const sum = { sum: [{ var: '/order/rows' }, 'price'] };
  assert.deepEqual(validateExpression(sum), []);
  assert.equal(evaluate(sum, dataContext({ order: { rows: [{ price: 2 }, { price: 3 }] } }, '/order/total')), 5);
  assert.deepEqual(dependencies(sum, '/order/total'), ['/order/rows']);
});

test('relativePointer reads a target from a base, climbing shared rows, never down into another row', () => {
  assert.equal(relativePointer('/rows/*/b', '/rows/*/a'), '1/a');
  assert.equal(relativePointer('/rows/*/x/y', '/rows/*/a'), '2/a');
  assert.equal(relativePointer('/rows/*/b', '/total'), '3/total');
  assert.equal(relativePointer('/a/b', '/a/b'), '0');
  assert.equal(relativePointer('/total', '/rows/*/a'), undefined, 'from outside the list a row is not one place');
  assert.equal(relativePointer('/rows/*/b', '/rows/*/sub/*/c'), undefined);
  assert.equal(templateOf('/rows/0/a/12'), '/rows/*/a/*');
});

test('walkExpression reports each path with its place and scope; mapPaths replaces exactly those places', () => {
  const expr: JsonValue = {
    and: [{ var: '/a' }, { some: [{ var: '/list' }, { '==': [{ var: 'kind' }, 'x'] }] }, { missing: ['/b', '1/c'] }],
  };
  const sites: Pick<PathSite, 'path' | 'at' | 'inScope'>[] = [];
  walkExpression(expr, { path: ({ path, at, inScope }) => sites.push({ path, at, inScope }) });
  assert.deepEqual(sites, [
    { path: '/a', at: '/and/0/var', inScope: false },
    { path: '/list', at: '/and/1/some/0/var', inScope: false },
    { path: 'kind', at: '/and/1/some/1/==/0/var', inScope: true },
    { path: '/b', at: '/and/2/missing/0', inScope: false },
    { path: '1/c', at: '/and/2/missing/1', inScope: false },
  ]);
  const same = mapPaths(expr, () => undefined);
  assert.equal(same, expr, 'nothing replaced: the same object');
  const moved = mapPaths(expr, (s) => (s.path === '/b' ? '/z' : undefined)) as { and: JsonValue[] };
  assert.deepEqual(moved.and[2], { missing: ['/z', '1/c'] });
  assert.equal(moved.and[0], (expr as { and: JsonValue[] }).and[0], 'untouched parts are shared');
});
