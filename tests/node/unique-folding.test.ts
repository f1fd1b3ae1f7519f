// One meaning of "the same text" across packages: core's unique keys fold text exactly as
// storage's search does (case and ё/е), so a duplicate warning and a search agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldCase } from '@kartochka/storage/backend';
import { foldUniqueText } from '@kartochka/core/unique';
import * as coreInternal from '@kartochka/core/internal';
import * as storageData from '@kartochka/storage/data';

test('foldUniqueText is storage foldCase plus trimmed, collapsed spaces', () => {
  for (const s of ['Ёлка', 'ООО «Ромашка»', 'ÄÖÜ straße', 'İstanbul', '  a   b ']) {
    assert.equal(foldUniqueText(s), foldCase(s).trim().replace(/\s+/g, ' '));
  }
});

test('the folding has one home (core) that storage re-exports', () => {
  assert.equal(foldCase, coreInternal.foldCase);
  assert.equal(storageData.foldCase, coreInternal.foldCase);
  assert.equal(foldUniqueText, coreInternal.foldUniqueText);
});
