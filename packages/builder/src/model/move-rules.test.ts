/**
 * Moving a field across a repeating group's boundary: the rules and formulas that read it follow
 * with a relative pointer, or the move is refused with a message; it never leaves a `*` path that
 * silently reads nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController, validateExpression, type JsonValue } from '@kartochka/core';
import {
  MoveRefusedError,
  addField,
  addSection,
  blankDocument,
  fieldById,
  move,
  setFormula,
  setTitle,
  type BuilderDocument,
} from './index.js';
import { s } from '../builder/strings.js';

const card = () => {
  let { doc, ref: sec } = addSection(blankDocument());
  const price = addField(doc, 'number', { container: sec });
  doc = setTitle(price.doc, price.ref, 'en', 'Price');
  const total = addField(doc, 'computed', { container: sec });
  doc = setTitle(total.doc, total.ref, 'en', 'Total');
  const rows = addField(doc, 'repeating', { container: sec });
  doc = setTitle(rows.doc, rows.ref, 'en', 'Rows');
  return { doc, sec, price: price.ref, total: total.ref, rows: rows.ref };
};
const formula = (doc: BuilderDocument, id: string) => fieldById(doc, id)!.schema['x-formula'];

test('moving a field a formula outside the list reads into a repeating group is refused, with a message in ru and en', () => {
  const c = card();
  const doc = setFormula(c.doc, c.total.id, { '*': [{ var: '/section/price' }, 2] });
  assert.throws(
    () => move(doc, c.price, { container: c.rows, index: 0 }),
    (e: unknown) => e instanceof MoveRefusedError && e.field === '/section/rows/*/price' && e.owner === '/section/total',
  );
  const params = { field: '/section/rows/*/price', owner: '/section/total' };
  assert.match(s('en', 'moveRefused', params), /Not moved.*"\/section\/total".*\/section\/rows\/\*\/price/);
  assert.match(s('ru', 'moveRefused', params), /Поле не перемещено.*«\/section\/total»/);
});

test('when the reader is in the same row, the path becomes a relative pointer and the formula computes per row', () => {
  const c = card();
  let doc = setFormula(c.doc, c.total.id, { '*': [{ var: '/section/price' }, 2] });
  doc = move(doc, c.total, { container: c.rows, index: 0 });
  assert.deepEqual(
    formula(doc, c.total.id),
    { '*': [{ var: '/section/price' }, 2] },
    'an absolute path outside the list still reads one place',
  );
  doc = move(doc, c.price, { container: c.rows, index: 0 });
  assert.equal(fieldById(doc, c.price.id)!.pointer, '/section/rows/*/price');
  assert.deepEqual(formula(doc, c.total.id), { '*': [{ var: '1/price' }, 2] });
  assert.deepEqual(validateExpression(formula(doc, c.total.id) as JsonValue), []);
  const form = new FormController(doc.schema, { value: { section: { rows: [{ price: 5 }, { price: 7 }] } } });
  assert.deepEqual(form.value, {
    section: {
      rows: [
        { price: 5, total: 10 },
        { price: 7, total: 14 },
      ],
    },
  });
  // And back out: the relative pointer follows to where the field is now.
  doc = move(doc, c.price, { container: c.sec });
  assert.equal(fieldById(doc, c.price.id)!.pointer, '/section/price');
  assert.deepEqual(formula(doc, c.total.id), { '*': [{ var: '3/price' }, 2] });
  const back = new FormController(doc.schema, { value: { section: { price: 4, rows: [{}] } } });
  assert.deepEqual(back.value, { section: { price: 4, rows: [{ total: 8 }] } });
});
