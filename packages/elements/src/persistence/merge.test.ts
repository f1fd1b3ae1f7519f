import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeThreeWay, resolveConflicts } from './merge.js';

test('changes to different fields combine without asking', () => {
  const base = { a: 1, b: 1, nested: { x: 1 } };
  const local = { a: 2, b: 1, nested: { x: 1 } };
  const remote = { a: 1, b: 3, nested: { x: 1, y: 2 } };
  const r = mergeThreeWay(base, local, remote);
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.merged, { a: 2, b: 3, nested: { x: 1, y: 2 } });
  assert.deepEqual(r.autoApplied.sort(), ['/b', '/nested/y']);
});

test('the same field changed on both sides is a conflict; the same edit is not', () => {
  const base = { name: 'A', city: 'X' };
  const r = mergeThreeWay(base, { name: 'B', city: 'Y' }, { name: 'C', city: 'Y' });
  assert.deepEqual(r.conflicts, [{ path: '/name', base: 'A', local: 'B', remote: 'C' }]);
  assert.deepEqual(resolveConflicts(r.merged, r.conflicts, { '/name': 'remote' }), { name: 'C', city: 'Y' });
  assert.deepEqual(resolveConflicts(r.merged, r.conflicts, {}), { name: 'B', city: 'Y' });
});

test('a change inside a subtree the other side replaced is one conflict at the wider path', () => {
  const base = { addr: { city: 'A', zip: '1' } };
  const r = mergeThreeWay(base, { addr: { city: 'B', zip: '1' } }, { addr: null } as never);
  assert.equal(r.conflicts.length, 1);
  assert.equal(r.conflicts[0].path, '/addr');
});

test('keys like a/b and __proto__ stay exact', () => {
  const base = { 'a/b': 1 };
  const remote = JSON.parse('{"a/b": 1, "__proto__": {"x": 1}}');
  const r = mergeThreeWay(base, { 'a/b': 2 }, remote);
  assert.deepEqual(r.conflicts, []);
  assert.equal(({} as Record<string, unknown>).x, undefined);
  assert.deepEqual(JSON.stringify(r.merged), JSON.stringify(JSON.parse('{"a/b": 2, "__proto__": {"x": 1}}')));
});
