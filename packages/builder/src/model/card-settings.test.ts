// A card type's title, list columns, filters and chips (x-card) follow its fields in the builder:
// a key that follows the title, a section renamed, a field deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardSettingsOf, withCardSettings } from '@kartochka/core';
import { addField, addSection, blankDocument, fieldById, remove, setTitle } from './index.js';

test('x-card pointers follow a key rename and leave with a deleted field', () => {
  let { doc, ref: sec } = addSection(blankDocument());
  doc = setTitle(doc, sec, 'ru', 'Поставщик');
  const s = { kind: 'section' as const, id: doc.layout.items[0].id };
  const a = addField(doc, 'text', { container: s });
  const b = addField(a.doc, 'text', { container: s });
  doc = b.doc;
  const name = fieldById(doc, a.ref.id)!.pointer;
  const inn = fieldById(doc, b.ref.id)!.pointer;
  doc = {
    ...doc,
    schema: withCardSettings(doc.schema, { title: `{${name}} ({${inn}})`, columns: [inn], filters: [], summary: [name, inn] }),
  };

  // Titling the fields moves their keys (unpublished): the settings follow.
  doc = setTitle(doc, a.ref, 'ru', 'Наименование');
  doc = setTitle(doc, b.ref, 'ru', 'ИНН');
  assert.deepEqual(cardSettingsOf(doc.schema), {
    title: '{/postavshchik/naimenovanie} ({/postavshchik/inn})',
    columns: ['/postavshchik/inn'],
    filters: [],
    summary: ['/postavshchik/naimenovanie', '/postavshchik/inn'],
  });

  // The INN deleted: it leaves the pattern (brackets and all), the columns and the chips.
  doc = remove(doc, b.ref);
  assert.deepEqual(cardSettingsOf(doc.schema), {
    title: '{/postavshchik/naimenovanie}',
    columns: [],
    filters: [],
    summary: ['/postavshchik/naimenovanie'],
  });

  // The section renamed: everything inside it follows.
  doc = setTitle(doc, s, 'ru', 'Поставщик сырья');
  assert.deepEqual(cardSettingsOf(doc.schema)!.summary, [fieldById(doc, a.ref.id)!.pointer]);
  assert.match(fieldById(doc, a.ref.id)!.pointer, /^\/postavshchikSyrya\//);
});
