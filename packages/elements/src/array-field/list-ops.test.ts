import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moveItem } from './list-ops.js';

test('moveItem moves one item and keeps the others in order, without touching the input', () => {
  const list = ['a', 'b', 'c', 'd'];
  assert.deepEqual(moveItem(list, 0, 2), ['b', 'c', 'a', 'd']);
  assert.deepEqual(moveItem(list, 3, 1), ['a', 'd', 'b', 'c']);
  assert.deepEqual(moveItem(list, 2, 1), ['a', 'c', 'b', 'd']); // = the ↑ button's swap
  assert.deepEqual(list, ['a', 'b', 'c', 'd']);
});
