import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryAdapter } from '@kartochka/storage';
import {
  addField,
  addOption,
  addSection,
  blankDocument,
  diffVersions,
  fieldById,
  impact,
  migrateRecord,
  migrationsFor,
  move,
  normalizeDocument,
  remove,
  setFieldType,
  setTitle,
  withMigrations,
  type BuilderDocument,
} from './index.js';

/** v1: section "main" with name (text), staff (integer), segment (select), phones (repeating: number). */
function v1() {
  let { doc, ref: s } = addSection(blankDocument());
  doc = setTitle(doc, s, 'en', 'Main');
  const main = { kind: 'section' as const, id: 'main' };
  const name = addField(doc, 'text', { container: main });
  doc = setTitle(name.doc, name.ref, 'en', 'Name');
  const staff = addField(doc, 'integer', { container: main });
  doc = setTitle(staff.doc, staff.ref, 'en', 'Staff');
  const seg = addField(doc, 'select', { container: main });
  doc = setTitle(seg.doc, seg.ref, 'en', 'Segment');
  const phones = addField(doc, 'repeating', { container: main });
  doc = setTitle(phones.doc, phones.ref, 'en', 'Phones');
  const num = addField(doc, 'phone', { container: phones.ref });
  doc = setTitle(num.doc, num.ref, 'en', 'Number');
  return { doc, ids: { name: name.ref.id, staff: staff.ref.id, seg: seg.ref.id, phones: phones.ref.id, num: num.ref.id }, main };
}

test('first publish: everything is added', () => {
  const { doc } = v1();
  const d = diffVersions(undefined, doc);
  assert.deepEqual(
    d.added.map((a) => a.pointer),
    ['/main'],
  );
  assert.deepEqual([d.removed, d.renamed, d.retyped], [[], [], []]);
});

test('diff: renamed by id (not guessed), retyped with compatibility, added, removed, options', () => {
  const { doc: a, ids, main } = v1();
  let b: BuilderDocument = setTitle(a, { kind: 'field', id: ids.name }, 'en', 'Company name'); // unpublished: key follows
  assert.equal(fieldById(b, ids.name)!.key, 'companyName');
  b = setFieldType(b, ids.staff, 'number');
  b = addOption(b, ids.seg, { en: 'Dealer' }).doc;
  b = setTitle(b, { kind: 'field', id: ids.phones }, 'en', 'Telephones');
  b = setTitle(b, { kind: 'field', id: ids.num }, 'en', 'Tel');
  const extra = addField(b, 'date', { container: main });
  b = remove(extra.doc, { kind: 'field', id: fieldById(extra.doc, ids.seg)!.id });
  const d = diffVersions(a, b);
  assert.deepEqual(
    d.added.map((x) => x.pointer),
    ['/main/date'],
  );
  assert.deepEqual(
    d.removed.map((x) => x.pointer),
    ['/main/segment'],
  );
  assert.deepEqual(
    d.renamed.map((r) => [r.from, r.to]),
    [
      ['/main/name', '/main/companyName'],
      ['/main/phones', '/main/telephones'],
      ['/main/phones/*/number', '/main/telephones/*/tel'],
    ],
  );
  assert.equal(d.retyped.length, 1);
  assert.deepEqual(d.retyped[0], {
    id: ids.staff,
    from: '/main/staff',
    pointer: '/main/staff',
    fromType: 'integer',
    toType: 'number',
    compatible: true,
    convert: 'integerToNumber',
  });

  const opt = diffVersions(a, addOption(a, ids.seg, { en: 'Chain' }).doc);
  assert.deepEqual(opt.retyped[0].optionsAdded, ['chain']);
  assert.equal(opt.retyped[0].compatible, true);
  assert.equal(diffVersions(a, setFieldType(a, ids.name, 'date')).retyped[0].compatible, false);
});

test('a field moved with its container is not a rename of its own; a field moved across sections is', () => {
  const { doc: a, ids, main } = v1();
  let { doc: b, ref: s2 } = addSection(a);
  b = setTitle(b, main, 'en', 'General'); // renames /main → /general
  b = move(b, { kind: 'field', id: ids.staff }, { container: s2 });
  const d = diffVersions(a, b);
  assert.deepEqual(
    d.renamed.map((r) => [r.from, r.to]),
    [
      ['/main', '/general'],
      ['/main/staff', '/section/staff'],
    ],
  );
  assert.deepEqual(migrationsFor(d), [
    { from: '/main', to: '/general' },
    { from: '/general/staff', to: '/section/staff' },
  ]);
});

test('migrateRecord: a v1 record opens in v3 with values where they belong; removed data is kept', () => {
  const { doc: a, ids } = v1();
  let b = setTitle(a, { kind: 'field', id: ids.name }, 'en', 'Company name');
  b = setFieldType(b, ids.staff, 'number');
  b = setTitle(b, { kind: 'field', id: ids.phones }, 'en', 'Telephones');
  b = setTitle(b, { kind: 'field', id: ids.num }, 'en', 'Tel');
  b = remove(b, { kind: 'field', id: ids.seg });
  let c = setTitle(b, { kind: 'field', id: ids.name }, 'en', 'Legal name');
  c = setFieldType(c, ids.name, 'longText');
  const s1 = a.schema;
  const s2 = withMigrations(b.schema, 1, migrationsFor(diffVersions(a, b)));
  const s3 = withMigrations(c.schema, 2, migrationsFor(diffVersions(b, c)));
  const versions = [
    { version: 1, schema: s1 },
    { version: 2, schema: s2 },
    { version: 3, schema: s3 },
  ];
  const record = {
    main: { name: 'ООО Ромашка', staff: 12, segment: 'option1', phones: [{ number: '+7 1' }, { number: '+7 2' }], custom: true },
  };
  const frozen = structuredClone(record);
  const v2 = migrateRecord(record, 1, 2, versions);
  assert.deepEqual(v2, {
    main: { companyName: 'ООО Ромашка', staff: 12, segment: 'option1', telephones: [{ tel: '+7 1' }, { tel: '+7 2' }], custom: true },
  });
  assert.deepEqual(record, frozen, 'input untouched');
  const v3 = migrateRecord(record, 1, 3, versions);
  assert.equal((v3.main as Record<string, unknown>).legalName, 'ООО Ромашка');
  assert.equal((v3.main as Record<string, unknown>).segment, 'option1', 'data of a removed field is kept');
  assert.deepEqual(migrateRecord(record, 3, 3, versions), record);
  assert.throws(() => migrateRecord(record, 1, 4, versions), /version 4 is missing/);
});

test('migrations never overwrite data already at the target', () => {
  const { doc: a, ids } = v1();
  const b = setTitle(a, { kind: 'field', id: ids.name }, 'en', 'Title');
  const versions = [
    { version: 1, schema: a.schema },
    { version: 2, schema: withMigrations(b.schema, 1, migrationsFor(diffVersions(a, b))) },
  ];
  assert.deepEqual(migrateRecord({ main: { name: 'a', title: 'b' } }, 1, 2, versions), { main: { name: 'a', title: 'b' } });
});

test('conversions: number to text, single to multiple choice', () => {
  const { doc: a, ids } = v1();
  let b = setFieldType(a, ids.staff, 'text');
  b = setFieldType(b, ids.seg, 'multiSelect');
  const steps = migrationsFor(diffVersions(a, b));
  assert.deepEqual(steps, [
    { at: '/main/staff', convert: 'numberToString' },
    { at: '/main/segment', convert: 'valueToList' },
  ]);
  const versions = [
    { version: 1, schema: a.schema },
    { version: 2, schema: withMigrations(b.schema, 1, steps) },
  ];
  assert.deepEqual(migrateRecord({ main: { staff: 5, segment: 'option1' } }, 1, 2, versions), {
    main: { staff: '5', segment: ['option1'] },
  });
});

test('impact counts stored records with a value at each changed path', async () => {
  const storage = new MemoryAdapter();
  const { doc: a, ids } = v1();
  const put = (id: string, data: unknown, schemaVersion = 1) =>
    storage.put({ id, schemaId: 'c', schemaVersion, title: id, data, indexed: {} });
  await put('r1', { main: { name: 'A', staff: 3, phones: [{ number: '1' }] } });
  await put('r2', { main: { name: 'B', segment: 'option1' } });
  await put('r3', { main: { name: '' } });
  await storage.put({ id: 'other', schemaId: 'x', schemaVersion: 1, title: 'x', data: { main: { name: 'Z' } }, indexed: {} });
  let b = setTitle(a, { kind: 'field', id: ids.name }, 'en', 'Company');
  b = setFieldType(b, ids.staff, 'number');
  b = remove(b, { kind: 'field', id: ids.seg });
  b = setTitle(b, { kind: 'field', id: ids.num }, 'en', 'Tel');
  const report = await impact(diffVersions(a, b), storage, 'c');
  assert.equal(report.total, 3);
  const by = Object.fromEntries(report.changes.map((c) => [`${c.kind} ${c.pointer}`, c.records]));
  assert.deepEqual(by, {
    'removed /main/segment': 1,
    'renamed /main/name': 2,
    'renamed /main/phones/*/number': 1,
    'retyped /main/staff': 1,
  });
});

test('a template opens in the builder and diffs against itself as empty', () => {
  const doc = normalizeDocument({
    schema: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'integer' } } } } },
  });
  const d = diffVersions(doc, doc);
  assert.deepEqual(d, { added: [], removed: [], renamed: [], retyped: [] });
  // A version published without ids matches by pointer.
  const plain = { schema: { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'integer' } } } } } };
  assert.deepEqual(diffVersions(plain, doc), { added: [], removed: [], renamed: [], retyped: [] });
});
