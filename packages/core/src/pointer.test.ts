import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePointer, expandTemplate, getAt, parsePointer, setAt, escapeToken, isWithin, PointerIndex } from './pointer.js';

test('RFC 6901 escaping round-trips keys with / and ~', () => {
  const keys = ['a/b', '~1', '~', '', '__proto__', 'constructor', 'ключ'];
  for (const k of keys) assert.deepEqual(parsePointer(compilePointer([k])), [k]);
  assert.equal(escapeToken('a/b~c'), 'a~1b~0c');
});

test('getAt follows own properties only', () => {
  const doc = { a: { 'x/y': 1 }, list: [10, 20] };
  assert.equal(getAt(doc, '/a/x~1y'), 1);
  assert.equal(getAt(doc, '/list/1'), 20);
  assert.equal(getAt(doc, '/list/01'), undefined);
  assert.equal(getAt(doc, '/a/constructor'), undefined);
  assert.equal(getAt(doc, '/__proto__'), undefined);
  assert.equal(getAt(doc, '/a/toString'), undefined);
});

test('setAt never pollutes prototypes and keeps unknown keys and order', () => {
  const doc = { z: 1, keep: { extra: true }, a: 2 };
  const next = setAt(doc, '/__proto__/polluted', 'yes');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.prototype.hasOwnProperty.call(next, '__proto__'), true);
  assert.deepEqual(Object.keys(next), ['z', 'keep', 'a', '__proto__']);
  const n2 = setAt(doc, '/constructor/prototype/x', 1);
  assert.equal((Object.prototype as Record<string, unknown>).x, undefined);
  assert.equal(getAt(n2, '/constructor/prototype/x'), 1);
  assert.equal(doc.keep, setAt(doc, '/a', 3).keep, 'untouched siblings are shared, not copied');
});

test('setAt creates arrays for index tokens and removes with undefined', () => {
  assert.deepEqual(setAt({}, '/list/0/name', 'x'), { list: [{ name: 'x' }] });
  assert.deepEqual(setAt({ list: [1, 2, 3] }, '/list/1', undefined), { list: [1, 3] });
  assert.deepEqual(setAt({ a: 1, b: 2 }, '/a', undefined), { b: 2 });
  assert.throws(() => parsePointer('a/b'), /must be empty or start with/);
});

test('isWithin', () => {
  assert.ok(isWithin('/a/b', '/a'));
  assert.ok(isWithin('/a', '/a'));
  assert.ok(!isWithin('/ab', '/a'));
  assert.ok(isWithin('/x', ''));
});

test('PointerIndex: covering, within and overlapping agree with isWithin over every pair', () => {
  const members = ['/a/b', '/c', '/d/0/e', '/x~1y/z'];
  const probes = ['', '/a', '/a/b', '/a/b/c', '/a/bc', '/c', '/c/1', '/d', '/d/0', '/d/0/e/f', '/x~1y', '/x', '/z'];
  const index = new PointerIndex<number>();
  members.forEach((m, i) => index.set(m, i));
  assert.equal(index.size, members.length);
  for (const probe of probes) {
    const covers = members.find((m) => isWithin(probe, m));
    const below = members.find((m) => isWithin(m, probe));
    assert.equal(index.covering(probe)?.[0], covers, `covering ${probe}`);
    assert.equal(index.within(probe)?.[0], below, `within ${probe}`);
    assert.equal(!!index.overlapping(probe), !!(covers ?? below), `overlapping ${probe}`);
  }
  assert.deepEqual(index.covering('/a/b/q'), ['/a/b', 0]);
  const root = new PointerIndex<true>();
  root.set('', true);
  assert.ok(root.covering('/anything/deep'));
  assert.equal(root.within('/a'), undefined);
});

test('expandTemplate: every place of a template, with or without the leaf present (one home for /a/*/b)', () => {
  const data = { rows: [{ a: 1 }, {}, { a: 3 }], 'x/y': { '~': 2 } };
  assert.deepEqual(
    expandTemplate(data, '/rows/*/a').map((m) => [m.pointer, m.indices, m.value]),
    [
      ['/rows/0/a', [0], 1],
      ['/rows/1/a', [1], undefined],
      ['/rows/2/a', [2], 3],
    ],
  );
  assert.deepEqual(
    expandTemplate(data, '/rows/*/a', { present: true }).map((m) => m.pointer),
    ['/rows/0/a', '/rows/2/a'],
  );
  assert.deepEqual(
    expandTemplate(data, '/x~1y/~0').map((m) => [m.pointer, m.value]),
    [['/x~1y/~0', 2]],
  );
  assert.deepEqual(expandTemplate(data, '/none/*/a'), [], 'no array: no rows');
  assert.deepEqual(
    expandTemplate({}, '/__proto__/polluted').map((m) => m.value),
    [undefined],
    'own properties only',
  );
});
