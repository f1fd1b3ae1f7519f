import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '@kartochka/core';
import {
  FIELD_TYPES,
  addField,
  addGroup,
  addOption,
  addSection,
  blankDocument,
  checkFormula,
  commit,
  createHistory,
  draftToLogic,
  duplicate,
  fieldById,
  fieldTypeOf,
  isRequired,
  keyFromTitle,
  logicToDraft,
  move,
  moveBy,
  moveOption,
  normalizeDocument,
  optionsOf,
  outline,
  redo,
  remove,
  removeOption,
  setConstraint,
  setFieldType,
  setFormula,
  setKey,
  setOptionLabel,
  setReminder,
  setRequired,
  setRule,
  setTitle,
  undo,
  uniqueKey,
  type BuilderDocument,
} from './index.js';

const field = (doc: BuilderDocument, id: string) => fieldById(doc, id)!;

test('keys: Russian titles are transliterated to camelCase and made unique', () => {
  assert.equal(keyFromTitle('Название организации'), 'nazvanieOrganizatsii');
  assert.equal(keyFromTitle('Щедрость и объём'), 'shchedrostIObem');
  assert.equal(keyFromTitle('E-mail 2'), 'eMail2');
  assert.equal(keyFromTitle('companyName'), 'companyName');
  assert.equal(keyFromTitle('ООО «Ромашка»'), 'oooRomashka');
  assert.equal(keyFromTitle('123'), 'field');
  assert.equal(keyFromTitle('   '), 'field');
  assert.equal(uniqueKey('name', ['name', 'name2']), 'name3');
});

test('every palette type makes a schema that is recognised as that type and is valid JSON Schema', () => {
  for (const t of FIELD_TYPES) {
    let { doc, ref } = addSection(blankDocument());
    const r = addField(doc, t.type, { container: ref });
    doc = r.doc;
    assert.equal(field(doc, r.ref.id).type, t.type, t.type);
    assert.equal(fieldTypeOf(t.create()), t.type === 'computed' ? 'computed' : t.type);
    assert.equal(validate(doc.schema, {}).valid, true, t.type);
  }
});

test('add section, group and fields; titles drive keys until published', () => {
  let { doc, ref: sec } = addSection(blankDocument());
  doc = setTitle(doc, sec, 'ru', 'Общая информация');
  assert.equal(doc.layout.items[0].id, 'obshchayaInformatsiya');
  assert.equal(doc.layout.items[0].pointer, '/obshchayaInformatsiya');
  const s = { kind: 'section' as const, id: 'obshchayaInformatsiya' };
  const a = addField(doc, 'text', { container: s });
  doc = setTitle(a.doc, a.ref, 'ru', 'Название организации');
  assert.equal(field(doc, a.ref.id).pointer, '/obshchayaInformatsiya/nazvanieOrganizatsii');
  assert.deepEqual(doc.layout.items[0].items, ['/obshchayaInformatsiya/nazvanieOrganizatsii']);
  assert.deepEqual(doc.messages.ru!['/obshchayaInformatsiya/nazvanieOrganizatsii'], { title: 'Название организации' });
  // English title alone doesn't change a key that follows the Russian one.
  doc = setTitle(doc, a.ref, 'en', 'Company name');
  assert.equal(field(doc, a.ref.id).key, 'nazvanieOrganizatsii');
  // Published: the key is frozen.
  const published = new Set([a.ref.id]);
  doc = setTitle(doc, a.ref, 'ru', 'Наименование', { published });
  assert.equal(field(doc, a.ref.id).key, 'nazvanieOrganizatsii');
  // An explicit key change is still possible (publishing records it as a move).
  const manual = setKey(doc, a.ref.id, 'Legal name');
  assert.equal(field(manual, a.ref.id).key, 'legalName');
  assert.equal(field(setTitle(manual, a.ref, 'ru', 'Другое'), a.ref.id).key, 'legalName', 'a typed key no longer follows the title');
  // Siblings with the same title get unique keys.
  const b = addField(doc, 'text', { container: s });
  doc = setTitle(b.doc, b.ref, 'ru', 'Название организации');
  assert.equal(field(doc, b.ref.id).key, 'nazvanieOrganizatsii2');
  // Groups place fields under the section's object.
  const g = addGroup(doc, { container: s });
  const c = addField(g.doc, 'email', { container: g.ref });
  doc = c.doc;
  assert.equal(field(doc, c.ref.id).pointer, '/obshchayaInformatsiya/email');
  assert.equal(outline(doc)[0].items.length, 3);
});

test('move reorders, crosses sections (the data path follows) and rewrites rules, messages and layout', () => {
  let { doc, ref: s1 } = addSection(blankDocument());
  const s2r = addSection(doc);
  doc = s2r.doc;
  const s2 = s2r.ref;
  const a = addField(doc, 'integer', { container: s1 });
  const b = addField(a.doc, 'text', { container: s1 });
  doc = setTitle(b.doc, b.ref, 'en', 'Name');
  doc = setRule(doc, b.ref, 'visible', { '>': [{ var: '/section/count' }, 1] });
  doc = moveBy(doc, b.ref, -1);
  assert.deepEqual(doc.layout.items[0].items, ['/section/name', '/section/count']);
  assert.equal(moveBy(doc, b.ref, -1), doc, 'no move past the start');
  doc = move(doc, a.ref, { container: s2, index: 0 });
  assert.equal(field(doc, a.ref.id).pointer, '/section2/count');
  assert.deepEqual(doc.layout.items[1].items, ['/section2/count']);
  assert.deepEqual(field(doc, b.ref.id).schema['x-rules'] as object, { visible: { '>': [{ var: '/section2/count' }, 1] } });
  doc = move(doc, b.ref, { container: s2 });
  assert.equal(doc.messages.en!['/section2/name'] !== undefined, true);
  // Into a repeating group and back out.
  const rep = addField(doc, 'repeating', { container: s2 });
  doc = move(rep.doc, b.ref, { container: rep.ref, index: 0 });
  assert.equal(field(doc, b.ref.id).pointer, '/section2/items/*/name');
  assert.equal(doc.layout.items[1].items.includes('/section2/name'), false);
  assert.equal(doc.messages.en!['/section2/items/*/name'] !== undefined, true);
});

test('duplicate and delete fields, groups and sections', () => {
  let { doc, ref: s } = addSection(blankDocument());
  const a = addField(doc, 'select', { container: s });
  doc = setTitle(a.doc, a.ref, 'ru', 'Сегмент');
  doc = setRequired(doc, a.ref.id, true);
  const d = duplicate(doc, a.ref);
  doc = d.doc;
  assert.equal(field(doc, d.ref.id).key, 'segment2');
  assert.notEqual(d.ref.id, a.ref.id);
  assert.equal(isRequired(doc, d.ref.id), true);
  assert.equal((doc.messages.ru!['/section/segment2'] as { title: string }).title, 'Сегмент (копия)');
  assert.deepEqual(doc.layout.items[0].items, ['/section/segment', '/section/segment2']);
  const g = addGroup(doc, { container: s });
  const f = addField(g.doc, 'date', { container: g.ref });
  const dg = duplicate(f.doc, g.ref);
  doc = dg.doc;
  assert.equal(outline(doc)[0].items.length, 4);
  const ds = duplicate(doc, s);
  doc = ds.doc;
  assert.equal(doc.layout.items.length, 2);
  assert.equal(Object.keys(doc.schema.properties!).length, 2);
  doc = remove(doc, g.ref);
  assert.equal(outline(doc)[0].items.length, 3);
  doc = remove(doc, a.ref);
  assert.equal(fieldById(doc, a.ref.id), undefined);
  assert.equal(doc.messages.ru!['/section/segment'], undefined);
  doc = remove(doc, ds.ref);
  assert.equal(doc.layout.items.length, 1);
});

test('options: add with labels per language, stable values, reorder, remove', () => {
  let { doc, ref: s } = addSection(blankDocument());
  const a = addField(doc, 'select', { container: s });
  doc = a.doc;
  let r = addOption(doc, a.ref.id, { ru: 'Малый', en: 'Small' });
  doc = r.doc;
  assert.equal(r.value, 'malyy');
  r = addOption(doc, a.ref.id, { ru: 'Крупный' });
  doc = setOptionLabel(r.doc, a.ref.id, 'krupnyy', 'ru', 'Большой');
  assert.deepEqual(
    optionsOf(doc, a.ref.id).map((o) => o.value),
    ['option1', 'malyy', 'krupnyy'],
    'values stay when labels change',
  );
  doc = moveOption(doc, a.ref.id, 'krupnyy', -1);
  doc = removeOption(doc, a.ref.id, 'option1');
  assert.deepEqual(field(doc, a.ref.id).schema.enum, ['krupnyy', 'malyy']);
  assert.deepEqual(optionsOf(doc, a.ref.id)[0].labels, { ru: 'Большой' });
  const m = addField(doc, 'multiSelect', { container: s });
  const r2 = addOption(m.doc, m.ref.id, { en: 'Export' });
  assert.deepEqual((field(r2.doc, m.ref.id).schema.items as { enum: string[] }).enum, ['option1', 'export']);
});

test('rules from pick-lists round-trip through JSON Logic', () => {
  const draft = {
    combine: 'any' as const,
    conditions: [
      { field: '/a/b', op: 'eq' as const, value: 'x' },
      { field: '/a/c', op: 'notEmpty' as const },
    ],
  };
  const logic = draftToLogic(draft);
  assert.deepEqual(logic, { or: [{ '==': [{ var: '/a/b' }, 'x'] }, { '!': { empty: { var: '/a/c' } } }] });
  assert.deepEqual(logicToDraft(logic), draft);
  assert.deepEqual(logicToDraft({ '>=': [{ var: '/n' }, 3] }), { combine: 'all', conditions: [{ field: '/n', op: 'ge', value: 3 }] });
  assert.equal(logicToDraft({ '+': [1, 2] }), undefined);
  assert.equal(draftToLogic({ combine: 'all', conditions: [] }), undefined);
});

test('rules with AND/OR groups round-trip through JSON Logic', () => {
  const a = { field: '/a', op: 'eq' as const, value: 'x' };
  const b = { field: '/b', op: 'gt' as const, value: 1 };
  const c = { field: '/c', op: 'empty' as const };
  const draft = { combine: 'all' as const, conditions: [a], groups: [{ combine: 'any' as const, conditions: [b, c] }] };
  const logic = draftToLogic(draft);
  assert.deepEqual(logic, { and: [{ '==': [{ var: '/a' }, 'x'] }, { or: [{ '>': [{ var: '/b' }, 1] }, { empty: { var: '/c' } }] }] });
  assert.deepEqual(logicToDraft(logic), draft);
  // A group of one condition, alone or not, stays a group.
  const single = { combine: 'any' as const, conditions: [], groups: [{ combine: 'all' as const, conditions: [b] }] };
  assert.deepEqual(logicToDraft(draftToLogic(single)), single);
  const mixed = {
    combine: 'any' as const,
    conditions: [a],
    groups: [
      { combine: 'all' as const, conditions: [b] },
      { combine: 'any' as const, conditions: [c, a] },
    ],
  };
  assert.deepEqual(logicToDraft(draftToLogic(mixed)), mixed);
  // Deeper nesting or other operators inside a group don't fit the pick-lists.
  assert.equal(logicToDraft({ and: [{ or: [{ and: [{ '==': [{ var: '/a' }, 1] }] }] }] }), undefined);
  assert.equal(logicToDraft({ and: [{ or: [{ '+': [1, 2] }] }] }), undefined);
});

test('formula: validated, unknown fields reported, evaluated on sample data', () => {
  let { doc, ref: s } = addSection(blankDocument());
  const a = addField(doc, 'number', { container: s });
  const c = addField(a.doc, 'computed', { container: s });
  doc = setFormula(c.doc, c.ref.id, { '*': [{ var: '/section/number' }, 2] });
  const ok = checkFormula(doc, '/section/result', { '*': [{ var: '/section/number' }, 2] }, { section: { number: 21 } });
  assert.deepEqual(ok, { problems: [], result: 42 });
  assert.equal(checkFormula(doc, '/section/result', { frob: [1] }, {}).problems.length, 1);
  assert.match(checkFormula(doc, '/section/result', { var: '/nope' }, {}).problems[0].message, /Unknown field/);
  assert.equal(field(doc, c.ref.id).schema.readOnly, true);
});

test('constraints, type changes, reminders', () => {
  let { doc, ref: s } = addSection(blankDocument());
  const a = addField(doc, 'integer', { container: s });
  doc = setConstraint(a.doc, a.ref.id, 'minimum', 0);
  doc = setConstraint(doc, a.ref.id, 'maximum', 10);
  doc = setFieldType(doc, a.ref.id, 'number');
  assert.deepEqual(field(doc, a.ref.id).schema, { type: 'number', minimum: 0, maximum: 10, 'x-kc-id': a.ref.id });
  doc = setConstraint(doc, a.ref.id, 'maximum', undefined);
  assert.equal(field(doc, a.ref.id).schema.maximum, undefined);
  const d = addField(doc, 'date', { container: s });
  doc = setReminder(d.doc, d.ref.id, { offsetDays: 30, who: 'manager' });
  assert.deepEqual(field(doc, d.ref.id).schema['x-reminder'], { offsetDays: 30, who: 'manager' });
  assert.throws(() => setReminder(doc, a.ref.id, { offsetDays: 1, who: 'all' }), /date field/);
});

test('undo/redo restore exact snapshots; unchanged parts are shared', () => {
  const { doc, ref: s } = addSection(blankDocument());
  let h = createHistory(doc);
  const a = addField(doc, 'text', { container: s });
  h = commit(h, a.doc);
  const before = h.present;
  h = commit(h, setTitle(h.present, a.ref, 'ru', 'И'), 'title');
  h = commit(h, setTitle(h.present, a.ref, 'ru', 'Имя'), 'title');
  assert.equal(h.past.length, 2, 'typing in one box is one step');
  const typed = h.present;
  const b = addField(h.present, 'number', { container: s });
  h = commit(h, b.doc);
  assert.equal(h.present.messages, typed.messages, 'messages shared when untouched');
  h = undo(h);
  assert.equal(h.present, typed);
  h = undo(h);
  assert.equal(h.present, before);
  assert.deepEqual(h.present, before);
  h = redo(redo(h));
  assert.equal(h.present, b.doc);
  h = undo(h);
  h = commit(h, remove(h.present, a.ref));
  assert.equal(h.future.length, 0, 'a new edit drops the redo stack');
});

test('normalizeDocument inlines $refs, assigns ids and section pointers', () => {
  const doc = normalizeDocument({
    schema: {
      type: 'object',
      $defs: { money: { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string' } } } },
      properties: { general: { type: 'object', properties: { turnover: { $ref: '#/$defs/money' }, name: { type: 'string' } } } },
    },
    layout: { version: 1, sections: 'tabs', items: [{ type: 'section', id: 'general', items: ['/general/name'] }] },
  });
  assert.equal(doc.schema.$defs, undefined);
  assert.equal(doc.layout.items[0].pointer, '/general');
  const o = outline(doc)[0];
  assert.equal(o.items.length, 2);
  assert.equal(o.items[1].kind === 'field' && o.items[1].unplaced, true);
  assert.equal(o.items[1].kind === 'field' && o.items[1].field.type, 'money');
});

test('nameUntitledFields gives untitled fields their type name per language, keeps titles and keys', async () => {
  const { nameUntitledFields } = await import('./index.js');
  let doc = addSection(blankDocument()).doc;
  const section = { kind: 'section' as const, id: doc.layout.items[0]!.id };
  const date = addField(doc, 'date', { container: section });
  doc = setTitle(date.doc, date.ref, 'en', 'Contract date');
  const named = nameUntitledFields(doc);
  const pointer = fieldById(named, date.ref.id)!.pointer;
  assert.deepEqual([named.messages.ru?.[pointer], named.messages.en?.[pointer]], [{ title: 'Дата' }, { title: 'Contract date' }]);
  assert.equal(fieldById(named, date.ref.id)!.key, fieldById(doc, date.ref.id)!.key, 'the key does not move');
  assert.equal(nameUntitledFields(named), named, 'nothing left to name: the same document');
});

test('outline: an object whose fields the layout places in groups is not appended whole again (each B2B field once)', async () => {
  const { b2bClientCard } = await import('@kartochka/templates');
  const doc = normalizeDocument({
    schema: b2bClientCard.schema,
    layout: b2bClientCard.layout as never,
    messages: b2bClientCard.messages as never,
  });
  const seen = new Map<string, number>();
  const walk = (items: readonly { kind: string; id: string; items?: readonly never[]; children?: readonly never[] }[]) => {
    for (const it of items) {
      if (it.kind === 'field') seen.set(it.id, (seen.get(it.id) ?? 0) + 1);
      walk([...(it.items ?? []), ...(it.children ?? [])]);
    }
  };
  for (const s of outline(doc)) walk(s.items as never);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => fieldById(doc, id)?.pointer);
  assert.deepEqual(twice, []);
  assert.ok(seen.size > 100, `every field is drawn (${seen.size})`);
});

test('outline: a field the layout leaves out of an object it otherwise places is still appended, once', () => {
  const doc = normalizeDocument({
    schema: {
      type: 'object',
      properties: { size: { type: 'object', properties: { staff: { type: 'integer' }, branches: { type: 'integer' } } } },
    },
    layout: { version: 1, items: [{ type: 'section', id: 's', items: [{ type: 'group', id: 'g', items: ['/size/staff'] }] }] } as never,
  });
  const o = outline(doc)[0]!;
  const names = (
    items: readonly { kind: string; items?: readonly never[]; children?: readonly never[]; field?: { pointer: string } }[],
  ): string[] =>
    items.flatMap((it) => [...(it.kind === 'field' ? [it.field!.pointer] : []), ...names([...(it.items ?? []), ...(it.children ?? [])])]);
  assert.deepEqual(names(o.items as never), ['/size/staff', '/size/branches']);
});
