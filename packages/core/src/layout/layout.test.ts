import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { JsonSchemaObject } from '../types.js';
import { FormController, resolveLayout } from '../registered.js';
import { defaultLayout, layoutSchema, validateLayout, unplaced, templateExists, localize, type LayoutDocument } from './index.js';
import { createSchemaContext } from '../schema/resolve.js';
import type { ErrorObject } from 'ajv';
import { compileSchema } from '../validation/validator.js';
import precompiledLayoutValidator from './generated/layout-validator.js';

// A slice of the B2B card (SEED-MAP.md), with hostile keys.
const schema: JsonSchemaObject = JSON.parse(`{
  "type": "object",
  "required": ["general"],
  "properties": {
    "note": {"type": "string"},
    "general": {"type": "object", "required": ["companyName"], "properties": {
      "companyName": {"type": "string"},
      "legalForm": {"enum": ["OOO", "ZAO"]},
      "size": {"type": "object", "properties": {"class": {"enum": ["small", "large"]}, "headcount": {"type": "integer"},
        "turnover": {"type": "object", "properties": {"amount": {"type": "number"}, "currency": {"type": "string"}}}}},
      "a/b": {"type": "string"},
      "__proto__": {"type": "string"}
    }},
    "category": {"type": "object", "properties": {"priority": {"enum": ["A", "B", "C"]}, "segment": {"type": "string"}},
      "if": {"properties": {"priority": {"const": "A"}}, "required": ["priority"]},
      "then": {"properties": {"vipManager": {"type": "string"}}}},
    "roles": {"type": "object", "properties": {"people": {"type": "array", "items": {"type": "object", "properties": {"fullName": {"type": "string"}, "role": {"enum": ["P", "KK", "K"]}}}}}},
    "contract": {"type": "object", "properties": {"number": {"type": "string", "x-rules": {"readOnly": {"var": "/contract/locked"}}}, "locked": {"type": "boolean"}}}
  }
}`);

const good: LayoutDocument = {
  version: 1,
  sections: 'tabs',
  widgets: { '/roles/people/*/role': 'radio' },
  items: [
    {
      type: 'section',
      id: 'general',
      title: { ru: 'Общая информация', en: 'General' },
      columns: 2,
      items: [
        '/general/companyName',
        { type: 'field', pointer: '/general/legalForm', widget: 'radio', span: 2 },
        {
          type: 'group',
          id: 'size',
          title: { en: 'Size', ru: 'Размер' },
          columns: 3,
          items: ['/general/size/class', '/general/size/headcount'],
        },
        '/general/a~1b',
      ],
    },
    {
      type: 'section',
      id: 'category',
      pointer: '/category',
      rules: { visible: { '!=': [{ var: '/general/legalForm' }, 'ZAO'] } },
      items: ['/category/priority'],
    },
  ],
};

test('layout.schema.json is the exported layoutSchema', () => {
  const file = JSON.parse(readFileSync(new URL('./layout.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(file, JSON.parse(JSON.stringify(layoutSchema)));
});

// The generator is a plain .mjs script; a computed specifier keeps the type checker out of it.
const generator = new URL('../../../../scripts/generate-layout-validator.mjs', import.meta.url).href;

test('the precompiled layout validator is current (run node scripts/generate-layout-validator.mjs)', async () => {
  const { generateLayoutValidator, LAYOUT_VALIDATOR_FILE } = (await import(generator)) as {
    generateLayoutValidator(): Promise<string>;
    LAYOUT_VALIDATOR_FILE: string;
  };
  assert.equal(readFileSync(LAYOUT_VALIDATOR_FILE, 'utf8'), await generateLayoutValidator(), 'generated/layout-validator.ts is stale');
});

test('the precompiled layout validator reports what ajv compiling layoutSchema at run time reports', () => {
  const layouts: unknown[] = [
    good,
    { version: 2, items: [] },
    { version: 1 },
    { version: 1, items: [{ id: 's', title: { ru: 1 }, items: [{ type: 'field' }] }], extra: true },
    { version: 1, sections: 'grid', columns: 0, items: [{ id: '', items: ['/a', { type: 'group', items: 'x' }] }] },
    { version: 1, items: [{ id: 's', items: [{ type: 'field', pointer: '/a', span: 99, widget: '' }] }], widgets: { '/a': '' } },
    'not a layout',
  ];
  const runtime = compileSchema(layoutSchema);
  const precompiled = precompiledLayoutValidator as unknown as ((d: unknown) => boolean) & { errors?: ErrorObject[] | null };
  const shape = (errors: ErrorObject[] | null | undefined) =>
    (errors ?? []).map((e) => `${e.instancePath} ${e.schemaPath} ${e.keyword} ${JSON.stringify(e.params)}`);
  let invalid = 0;
  for (const layout of layouts) {
    const ok = precompiled(layout);
    assert.equal(ok, runtime(layout), JSON.stringify(layout));
    assert.deepEqual(shape(precompiled.errors), shape(runtime.errors), JSON.stringify(layout));
    if (!ok) invalid++;
  }
  assert.equal(invalid, layouts.length - 1);
});

test('a good layout validates', () => {
  const r = validateLayout(good, schema);
  assert.deepEqual(r.errors, []);
  assert.equal(r.valid, true);
});

test('shape errors come from ajv, as data with a pointer into the layout', () => {
  const r = validateLayout({ version: 2, sections: 'grid', items: [{ type: 'section', items: [] }] }, schema);
  assert.equal(r.valid, false);
  const paths = r.errors.map((e) => e.path);
  assert.ok(paths.includes('/version'));
  assert.ok(paths.includes('/sections'));
  assert.ok(r.errors.some((e) => e.path === '/items/0/id' && e.keyword === 'required'));
  assert.ok(r.errors.every((e) => typeof e.message === 'string' && e.message.length > 0));
  assert.equal(validateLayout(null, schema).valid, false);
  assert.equal(validateLayout('tabs', schema).valid, false);
});

test('unknown pointers, pointers into arrays, the root and bad syntax are reported, in both languages', () => {
  const layout = {
    version: 1,
    items: [{ type: 'section', id: 's', items: ['/general/nope', '/roles/people/0/fullName', '/general/a/b'] }],
  };
  const en = validateLayout(layout, schema);
  const kinds = en.errors.map((e) => [e.path, e.keyword]);
  assert.deepEqual(kinds.slice(0, 2), [
    ['/items/0/items/0', 'unknownField'],
    ['/items/0/items/1', 'insideArray'],
  ]);
  // '' and 'general/x' fail the pointer pattern already (shape), so they come back alone.
  assert.equal(validateLayout({ version: 1, items: [{ type: 'section', id: 's', items: ['general/x'] }] }, schema).valid, false);
  assert.equal(
    validateLayout({ version: 1, items: [{ type: 'section', id: 's', items: [{ type: 'field', pointer: '' }] }] }, schema).valid,
    false,
  );
  assert.deepEqual(kinds[2], ['/items/0/items/2', 'unknownField']); // "/general/a/b" is a/b nested, not the key "a/b"
  const ru = validateLayout(layout, schema, { locale: 'ru' });
  assert.match(ru.errors[0].message, /В схеме нет поля «\/general\/nope»/);
  assert.match(en.errors[0].message, /The schema has no field "\/general\/nope"/);
});

test('~1 names a key with a slash; __proto__ is a key like any other, never a prototype', () => {
  assert.equal(
    validateLayout({ version: 1, items: [{ type: 'section', id: 's', items: ['/general/a~1b', '/general/__proto__'] }] }, schema).valid,
    true,
  );
  const noProto: JsonSchemaObject = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } };
  const r = validateLayout(
    { version: 1, items: [{ type: 'section', id: 's', items: ['/__proto__', '/a/__proto__', '/a/constructor', '/a/toString'] }] },
    noProto,
  );
  assert.deepEqual(
    r.errors.map((e) => e.keyword),
    ['unknownField', 'unknownField', 'unknownField', 'unknownField'],
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('a field placed twice, or inside a placed group, is an error; so is a duplicate id', () => {
  const r = validateLayout(
    {
      version: 1,
      items: [
        { type: 'section', id: 'a', items: ['/general/companyName', '/general/size'] },
        { type: 'section', id: 'a', items: ['/general/companyName', { type: 'group', id: 'g', items: ['/general/size/class'] }] },
      ],
    },
    schema,
  );
  assert.deepEqual(
    r.errors.map((e) => [e.path, e.keyword]),
    [
      ['/items/1/id', 'duplicateId'],
      ['/items/1/items/0', 'duplicateField'],
      ['/items/1/items/1/items/0', 'duplicateField'],
    ],
  );
  assert.match(r.errors[2].message, /already placed at \/items\/0\/items\/1 \(as part of "\/general\/size"\)/);
});

test('broken rule expressions and unknown widget templates are reported', () => {
  const r = validateLayout(
    {
      version: 1,
      widgets: { '/roles/people/*/nope': 'x' },
      items: [{ type: 'section', id: 's', rules: { visible: { nope: [1] } }, items: [] }],
    },
    schema,
  );
  assert.deepEqual(r.errors.map((e) => e.keyword).sort(), ['expression', 'unknownTemplate']);
  const ctx = createSchemaContext(schema);
  assert.equal(templateExists(ctx, '/roles/people/*/role'), true);
  assert.equal(templateExists(ctx, '/roles/people/*/x'), false);
  assert.equal(templateExists(ctx, '/category/vipManager'), true); // conditional field
});

test('the default layout: a main section, then one per top-level object; tabs from 3 sections', () => {
  const d = defaultLayout(schema);
  assert.equal(d.sections, 'tabs');
  assert.deepEqual(
    d.items.map((s) => s.id),
    ['main', 'general', 'category', 'roles', 'contract'],
  );
  assert.deepEqual(d.items[0].items, ['/note']);
  assert.deepEqual(d.items[1].items, [
    '/general/companyName',
    '/general/legalForm',
    '/general/size',
    '/general/a~1b',
    '/general/__proto__',
  ]);
  assert.deepEqual(d.items[2].items, ['/category/priority', '/category/segment', '/category/vipManager']);
  assert.equal(validateLayout(d, schema).valid, true);
  const small = defaultLayout({
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'string' } } } },
  });
  assert.equal(small.sections, 'plain');
  assert.deepEqual(
    small.items.map((s) => s.id),
    ['main', 'b'],
  );
  const odd = defaultLayout(
    JSON.parse(
      '{"type":"object","properties":{"a/b":{"type":"object","properties":{"x":{}}},"__proto__":{"type":"object","properties":{"y":{}}}}}',
    ),
  );
  assert.deepEqual(
    odd.items.map((s) => [s.id, s.pointer]),
    [
      ['s1', '/a~1b'],
      ['s2', '/__proto__'],
    ],
  );
  assert.deepEqual(defaultLayout({ type: 'string' }).items, []);
});

test('resolve: sections, groups, spans, widget hints, and every unplaced field appended', () => {
  const r = resolveLayout(schema, good);
  assert.deepEqual(r.errors, []);
  assert.equal(r.sections, 'tabs');
  assert.deepEqual(r.widgetHints, { '/general/legalForm': 'radio', '/roles/people/*/role': 'radio' });
  const [general, category, other] = r.items;
  assert.equal(general.columns, 2);
  assert.deepEqual(general.items[1], { type: 'field', pointer: '/general/legalForm', span: 2 });
  assert.equal(general.items[2].type, 'group');
  // Unplaced under /general go to the general section; under /category to its section; others to "Other".
  assert.deepEqual(general.pointers, [
    '/general/companyName',
    '/general/legalForm',
    '/general/size/class',
    '/general/size/headcount',
    '/general/a~1b',
    '/general/size/turnover',
    '/general/__proto__',
  ]);
  assert.deepEqual(category.pointers, ['/category/priority', '/category/segment', '/category/vipManager']);
  assert.equal(other.id, 'other');
  assert.deepEqual(other.title, { en: 'Other', ru: 'Прочее' });
  assert.deepEqual(other.pointers, ['/note', '/roles', '/contract']);
  assert.ok(other.items.every((i) => i.type === 'field' && i.appended));
  const all = r.items.flatMap((s) => s.pointers);
  assert.deepEqual(unplaced(createSchemaContext(schema), all), []);
});

test('resolve: section, group and field conditions become one rule per field', () => {
  const layout: LayoutDocument = {
    version: 1,
    items: [
      {
        type: 'section',
        id: 'c',
        rules: { visible: { var: '/general/companyName' } },
        items: [
          {
            type: 'group',
            rules: { readOnly: true },
            items: [{ type: 'field', pointer: '/category/priority', rules: { visible: { '!': { var: '/note' } }, required: true } }],
          },
          { type: 'field', pointer: '/contract/number', rules: { readOnly: { var: '/note' } } },
        ],
      },
    ],
  };
  const r = resolveLayout(schema, layout);
  const byKey = Object.fromEntries(r.rules.map((x) => [`${x.target} ${x.kind}`, x.expr]));
  assert.deepEqual(byKey['/category/priority visible'], { and: [{ var: '/general/companyName' }, { '!': { var: '/note' } }] });
  assert.deepEqual(byKey['/category/priority readOnly'], true);
  assert.deepEqual(byKey['/category/priority required'], true);
  // The schema's own x-rules readOnly on /contract/number is combined, not fought over.
  assert.deepEqual(byKey['/contract/number readOnly'], { or: [{ var: '/contract/locked' }, { var: '/note' }] });
  // Fields appended to the section inherit its condition.
  assert.deepEqual(byKey['/category/segment visible'], { var: '/general/companyName' });
});

test('resolve: a layout of the wrong shape falls back to the default; bad placements are skipped', () => {
  const broken = resolveLayout(schema, { version: 1, items: 'nope' } as unknown as LayoutDocument);
  assert.ok(broken.errors.length > 0);
  assert.deepEqual(
    broken.items.map((s) => s.id),
    ['main', 'general', 'category', 'roles', 'contract'],
  );
  const partial = resolveLayout(schema, {
    version: 1,
    items: [{ type: 'section', id: 'x', items: ['/general/companyName', '/general/companyName', '/nope', '/general'] }],
  });
  assert.deepEqual(
    partial.errors.map((e) => e.keyword),
    ['duplicateField', 'unknownField', 'duplicateField'],
  );
  assert.deepEqual(partial.items[0].pointers.slice(0, 1), ['/general/companyName']);
  const all = partial.items.flatMap((s) => s.pointers);
  assert.deepEqual(unplaced(createSchemaContext(schema), all), []);
  assert.equal(new Set(all).size, all.length);
});

test('the controller takes a layout: its hints pick widgets, its rules hide and lock fields', () => {
  const layout: LayoutDocument = {
    version: 1,
    items: [
      {
        type: 'section',
        id: 'general',
        items: [{ type: 'field', pointer: '/general/companyName', widget: 'kc-textarea' }, '/general/legalForm'],
      },
      { type: 'section', id: 'cat', rules: { visible: { '==': [{ var: '/general/legalForm' }, 'OOO'] } }, items: ['/category/priority'] },
    ],
  };
  const c = new FormController(schema, { layout, value: { general: { companyName: 'A' } } });
  assert.equal(c.node('/general/companyName')!.widget, 'kc-textarea');
  assert.equal(c.state('/category/priority').visible, false);
  assert.equal(c.state('/category/segment').visible, false); // appended to the same section
  c.setValue('/general/legalForm', 'OOO');
  assert.equal(c.state('/category/priority').visible, true);
  assert.deepEqual(c.ruleIssues, []);
  assert.deepEqual(
    c.layout.items.map((s) => s.id),
    ['general', 'cat', 'other'],
  );
  c.readOnly = true;
  assert.equal(c.state('/general/companyName').readOnly, true);
  const d = new FormController(schema, {});
  assert.deepEqual(
    d.layout.items.map((s) => s.id),
    ['main', 'general', 'category', 'roles', 'contract'],
  );
});

test('validateWithin shows and returns the errors of one part only', () => {
  const c = new FormController(schema, { value: { general: {} }, validationMode: 'none' });
  assert.deepEqual(c.state('/general/companyName').errors, []);
  const r = c.validateWithin(['/general']);
  assert.equal(r.valid, false);
  assert.deepEqual(
    r.errors.map((e) => e.path),
    ['/general/companyName'],
  );
  assert.equal(c.state('/general/companyName').errors.length, 1);
  assert.equal(c.validateWithin(['/category']).valid, true);
  c.reset();
  assert.deepEqual(c.state('/general/companyName').errors, []);
});

test('localize picks the locale, then English, then any', () => {
  assert.equal(localize({ ru: 'Общая', en: 'General' }, 'ru'), 'Общая');
  assert.equal(localize({ en: 'General' }, 'ru'), 'General');
  assert.equal(localize('Plain', 'ru'), 'Plain');
  assert.equal(localize(undefined, 'en'), undefined);
});
