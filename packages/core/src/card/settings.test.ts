import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  moveCardSettings,
  cardIndexed,
  cardRecordFields,
  cardSettingsOf,
  cardTitle,
  withCardSettings,
  type CardSettings,
} from '../index.js';
import { cardSettingsOrDefault, titlePointers } from '../internal.js';

const settings: CardSettings = {
  title: '{general/name} ({/general/inn})',
  columns: ['/general/segment', '/general/headcount'],
  filters: ['/general/segment'],
  summary: ['/general/segment'],
};
const data = { general: { name: 'ООО «Ромашка»', inn: '7707083893', segment: 'dealer', headcount: 120 } };

describe('card settings (x-card)', () => {
  it('titles a record from a pattern of fields, with or without the leading slash', () => {
    assert.equal(cardTitle(settings, data), 'ООО «Ромашка» (7707083893)');
    assert.deepEqual(titlePointers(settings.title), ['/general/name', '/general/inn']);
  });
  it('drops the brackets around an empty field', () => {
    assert.equal(cardTitle(settings, { general: { name: 'ИП Иванов' } }), 'ИП Иванов');
    assert.equal(cardTitle({ title: '{/a} · {/b}' }, { a: 'X' }), 'X');
  });
  it('titles from one pointer, and numbers as text', () => {
    assert.equal(cardTitle({ title: '/general/name' }, data), 'ООО «Ромашка»');
    assert.equal(cardTitle({ title: '/general/headcount' }, data), '120');
    assert.equal(cardTitle({ title: '' }, data), '');
  });
  it('indexes every column and filter field by its pointer; objects are null', () => {
    assert.deepEqual(cardIndexed(settings, data), { '/general/segment': 'dealer', '/general/headcount': 120 });
    assert.deepEqual(cardIndexed({ ...settings, columns: ['/general'] }, data), { '/general': null, '/general/segment': 'dealer' });
    assert.deepEqual(cardRecordFields(settings, {}), { title: '', indexed: { '/general/segment': null, '/general/headcount': null } });
  });
  it('reads and writes the settings on the schema root, ignoring malformed parts', () => {
    const schema = withCardSettings({ type: 'object', properties: {} }, settings);
    assert.deepEqual(cardSettingsOf(schema), settings);
    assert.equal(cardSettingsOf({ type: 'object' }), undefined);
    assert.deepEqual(cardSettingsOf({ 'x-card': { title: 5, columns: ['/a', 3], summary: 'x' } }), {
      title: '',
      columns: ['/a'],
      filters: [],
      summary: [],
    });
  });
  it('gives a type without settings its first text field as the title', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['a'] },
        main: { type: 'object', properties: { when: { type: 'string', format: 'date' }, 'full/name': { type: 'string' } } },
      },
    };
    assert.equal(cardSettingsOrDefault(schema).title, '/main/full~1name');
  });
  it('moves with a renamed block and drops a deleted field', () => {
    const moved = moveCardSettings(settings, '/general', '/main');
    assert.deepEqual(moved, {
      title: '{/main/name} ({/main/inn})',
      columns: ['/main/segment', '/main/headcount'],
      filters: ['/main/segment'],
      summary: ['/main/segment'],
    });
    assert.deepEqual(moveCardSettings(settings, '/general/inn', undefined).title, '{general/name}', 'what did not move stays as written');
    assert.deepEqual(
      moveCardSettings({ ...settings, title: '/general/name' }, '/general/name', '/general/fullName').title,
      '/general/fullName',
    );
    assert.deepEqual(moveCardSettings(settings, '/other', '/x'), settings);
  });
});
