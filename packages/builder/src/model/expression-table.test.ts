/**
 * One table of expressions, four users that must read it alike: the interpreter (`evaluate`), the
 * validator (`validateExpression`), the dependency walker (`dependencies`, what the rule graph
 * follows) and the builder's rewrite when a field moves (`rewriteExpression`). Each row says what
 * the expression reads; the rewrite must move exactly those paths, and the interpreter must read
 * the moved data under the moved paths.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataContext, dependencies, evaluate, validateExpression, type JsonValue } from '@kartochka/core';
import { setAt, getAt } from '@kartochka/core/internal';
import { rewriteExpression } from './rewrite.js';

interface Row {
  readonly name: string;
  readonly expr: JsonValue;
  /** The field the expression belongs to (relative pointers start there). */
  readonly at: string;
  /** What it reads (absolute, relative ones resolved); `undefined` for an invalid expression. */
  readonly reads?: readonly string[];
  readonly result?: unknown;
}

const data = {
  a: 2,
  b: 3,
  s: { x: 10, y: 'yes' },
  rows: [
    { price: 5, kind: 'x' },
    { price: 7, kind: 'y' },
  ],
};

const table: readonly Row[] = [
  { name: 'plain var', expr: { var: '/a' }, at: '/t', reads: ['/a'], result: 2 },
  {
    name: 'var with a default that is itself a var',
    expr: { var: ['/missing', { var: '/b' }] },
    at: '/t',
    reads: ['/missing', '/b'],
    result: 3,
  },
  { name: 'arithmetic over two fields', expr: { '+': [{ var: '/a' }, { var: '/s/x' }] }, at: '/t', reads: ['/a', '/s/x'], result: 12 },
  { name: 'relative pointer to a sibling', expr: { var: '1/x' }, at: '/s/t', reads: ['/s/x'], result: 10 },
  {
    name: 'relative pointer from a row to its sibling',
    expr: { var: '1/price' },
    at: '/rows/1/total',
    reads: ['/rows/1/price'],
    result: 7,
  },
  {
    name: 'sum over a list with an item path (not a card path)',
    expr: { sum: [{ var: '/rows' }, 'price'] },
    at: '/t',
    reads: ['/rows'],
    result: 12,
  },
  {
    name: 'element names inside some are not card paths',
    expr: { some: [{ var: '/rows' }, { '==': [{ var: 'kind' }, 'y'] }] },
    at: '/t',
    reads: ['/rows'],
    result: true,
  },
  {
    name: 'map with a card path inside the element scope',
    expr: { map: [{ var: '/rows' }, { '+': [{ var: 'price' }, { var: '/a' }] }] },
    at: '/t',
    reads: ['/rows', '/a'],
    result: [7, 9],
  },
  { name: 'missing lists paths', expr: { missing: ['/a', '/nope'] }, at: '/t', reads: ['/a', '/nope'], result: ['/nope'] },
  {
    name: 'missing_some: count first, then paths',
    expr: { missing_some: [1, ['/s/y', '/nope']] },
    at: '/t',
    reads: ['/s/y', '/nope'],
    result: [],
  },
  {
    name: 'if over a condition',
    expr: { if: [{ '>': [{ var: '/a' }, 1] }, { var: '/s/y' }, 'no'] },
    at: '/t',
    reads: ['/a', '/s/y'],
    result: 'yes',
  },
  { name: '* in an absolute path is an error', expr: { var: '/rows/*/price' }, at: '/t' },
  { name: 'a bare name outside an iteration is an error', expr: { var: 'a' }, at: '/t' },
  { name: 'an unknown operator is an error', expr: { frob: [{ var: '/a' }] }, at: '/t' },
];

for (const row of table) {
  test(`the four users agree: ${row.name}`, () => {
    const problems = validateExpression(row.expr);
    if (row.reads === undefined) {
      assert.notDeepEqual(problems, [], 'the validator reports it');
      assert.throws(() => evaluate(row.expr, dataContext(data, row.at)), 'the interpreter refuses it');
      return;
    }
    assert.deepEqual(problems, [], 'valid');
    assert.deepEqual(evaluate(row.expr, dataContext(data, row.at)), row.result, 'interpreter');
    assert.deepEqual(new Set(dependencies(row.expr, row.at)), new Set(row.reads), 'dependency walker');
    assert.equal(
      rewriteExpression(row.expr, '/elsewhere', '/other', { before: row.at, after: row.at }),
      row.expr,
      'a move of something else changes nothing',
    );
    // Move each absolute field it reads: the rewrite moves exactly that path, and the interpreter
    // reads the moved data there with the same result.
    for (const read of row.reads.filter((r) => getAt(data, r) !== undefined && !r.startsWith('/rows/'))) {
      const to = `/moved${read}`;
      const moved = rewriteExpression(row.expr, read, to, { before: row.at, after: row.at });
      const expected: string[] = row.reads.map((r) => (r === read ? to : r));
      assert.deepEqual(new Set(dependencies(moved, row.at)), new Set(expected), `rewrite of ${read}`);
      const movedData = setAt(setAt(data, to, getAt(data, read)), read, undefined);
      assert.deepEqual(evaluate(moved, dataContext(movedData, row.at)), row.result, `interpreter after moving ${read}`);
    }
  });
}
