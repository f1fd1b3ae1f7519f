import { test } from 'node:test';
import assert from 'node:assert/strict';
// The package root's controller: with the rules engine and the layout validator (registered.ts).
import { FormController } from '../registered.js';
import type { JsonSchemaObject, JsonValue } from '../types.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email' },
    segment: { enum: ['dealer', 'corporate', 'chain'] },
    headcount: { type: 'integer', minimum: 0 },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    people: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  },
};

test('builds nodes with widgets from the registry', () => {
  const f = new FormController(schema);
  const kids = f.children('');
  assert.deepEqual(
    kids.map((k) => k.widget),
    ['kc-text-field', 'kc-email-field', 'kc-select', 'kc-number-field', 'kc-object-group', 'kc-array-field'],
  );
  assert.equal(f.node('/companyName')!.required, true);
  assert.equal(f.node('/address/city')!.widget, 'kc-text-field');
  assert.equal(f.node('/nope'), undefined);
});

test('a change notifies only its field and fields whose errors changed', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd' } });
  const calls: string[] = [];
  for (const p of ['/companyName', '/email', '/headcount', '/address/city']) f.subscribe(p, () => calls.push(p));
  f.setValue('/email', 'bad');
  assert.deepEqual(calls, ['/email']);
  calls.length = 0;
  f.setValue('/address/city', 'Omsk');
  assert.deepEqual(calls, ['/address/city']);
});

test('unsubscribe(pointer, listener) stops that listener, like the function subscribe() returned', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd' } });
  const calls: string[] = [];
  const mine = () => calls.push('mine');
  f.subscribe('/email', mine);
  f.subscribe('/email', () => calls.push('other'));
  f.setValue('/email', 'a@b.example');
  f.unsubscribe('/email', mine);
  f.setValue('/email', 'c@d.example');
  assert.deepEqual(calls, ['mine', 'other', 'other']);
});

test('errors show as you type, in the chosen language', () => {
  const f = new FormController(schema, { value: { companyName: 'OK' }, locale: 'ru' });
  assert.deepEqual(f.state('/email').errors, []);
  f.setValue('/email', 'not-an-email');
  assert.equal(f.state('/email').errors[0].keyword, 'format');
  assert.match(f.state('/email').errors[0].message, /электронной почты/);
  f.locale = 'en';
  assert.match(f.state('/email').errors[0].message, /email address/);
});

test('required errors point at the missing field and show after validate()', () => {
  const f = new FormController(schema, { value: {} });
  assert.deepEqual(f.state('/companyName').errors, []);
  const r = f.validate();
  assert.equal(r.valid, false);
  assert.deepEqual(
    r.errors.map((e) => [e.path, e.keyword]),
    [['/companyName', 'required']],
  );
  assert.equal(f.state('/companyName').errors.length, 1);
});

test('data the schema does not describe is kept, and untouched data comes back unchanged', () => {
  const value = { companyName: 'X', legacyField: { a: 1 }, address: { city: 'A', zip: '1' } };
  const f = new FormController(schema, { value });
  assert.equal(f.value, value);
  f.setValue('/address/city', 'B');
  assert.deepEqual(f.value, { companyName: 'X', legacyField: { a: 1 }, address: { city: 'B', zip: '1' } });
});

test('array length changes notify the array structure', () => {
  const f = new FormController(schema, { value: { companyName: 'X', people: [] } });
  let n = 0;
  f.subscribeStructure('/people', () => n++);
  f.setValue('/people', [{ name: 'Ann' }]);
  assert.equal(n, 1);
  assert.deepEqual(
    f.children('/people').map((c) => c.pointer),
    ['/people/0'],
  );
  assert.equal(f.node('/people/0/name')!.template, '/people/*/name');
});

test('server errors merge in the same shape and clear when the field changes', () => {
  const f = new FormController(schema, { value: { companyName: 'Taken' } });
  f.setExternalErrors([{ path: '/companyName', keyword: 'unique', message: 'Already exists', source: 'server' }]);
  f.validate();
  assert.deepEqual(
    f.state('/companyName').errors.map((e) => e.source),
    ['server'],
  );
  f.setValue('/companyName', 'Free');
  assert.deepEqual(f.state('/companyName').errors, []);
});

test('dirty and reset', () => {
  const f = new FormController(schema, { value: { companyName: 'A' } });
  f.setValue('/companyName', 'B');
  assert.equal(f.state('/companyName').dirty, true);
  f.reset();
  assert.equal(f.getValue('/companyName'), 'A');
  assert.equal(f.isDirty(), false);
  f.reset(undefined);
  assert.equal(f.value, undefined, 'an explicit undefined empties the form');
});

test('a broken schema gives a fallback, not an exception', () => {
  const f = new FormController({ type: 'object', properties: { a: { type: 'strnig' } } } as JsonSchemaObject, { value: { a: 1 } });
  assert.ok(f.schemaError);
  assert.equal(f.root.widget, 'kc-json-field');
  assert.deepEqual(f.value, { a: 1 });
});

test('conditionals change the structure as data changes', () => {
  const s: JsonSchemaObject = {
    type: 'object',
    properties: { kind: { enum: ['person', 'company'] } },
    if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
    then: { properties: { inn: { type: 'string' } }, required: ['inn'] },
  };
  const f = new FormController(s, { value: { kind: 'person' } });
  assert.deepEqual(
    f.children('').map((c) => c.key),
    ['kind'],
  );
  let n = 0;
  f.subscribeStructure('', () => n++);
  f.setValue('/kind', 'company');
  assert.equal(n, 1, 'the group is told its structure changed, once');
  assert.deepEqual(
    f.children('').map((c) => c.key),
    ['kind', 'inn'],
  );
  assert.equal(f.node('/inn')!.required, true);
  f.setValue('/kind', 'person');
  assert.equal(n, 2);
  assert.deepEqual(
    f.children('').map((c) => c.key),
    ['kind'],
  );
});

const ruled: JsonSchemaObject = {
  type: 'object',
  properties: {
    clientType: { enum: ['potential', 'active'] },
    contractNo: {
      type: 'string',
      'x-rules': { visible: { '==': [{ var: '/clientType' }, 'active'] }, required: { '==': [{ var: '/clientType' }, 'active'] } },
    },
    potential: { type: 'number' },
    actual: { type: 'number' },
    ourShare: { type: 'number', 'x-formula': { round: [{ '*': [{ '/': [{ var: '/actual' }, { var: '/potential' }] }, 100] }, 1] } },
    remarks: { type: 'array', items: { type: 'object', properties: { status: { enum: ['open', 'done'] } } } },
    resolved: {
      type: 'number',
      'x-formula': {
        '*': [
          {
            '/': [{ count: [{ filter: [{ var: '/remarks' }, { '==': [{ var: 'status' }, 'done'] }] }] }, { count: [{ var: '/remarks' }] }],
          },
          100,
        ],
      },
    },
  },
};

test('visible and required rules follow the data', () => {
  const f = new FormController(ruled, { value: { clientType: 'potential' } });
  assert.equal(f.state('/contractNo').visible, false);
  assert.equal(f.validate().valid, true);
  const seen: string[] = [];
  f.subscribe('/contractNo', () => seen.push('contractNo'));
  f.setValue('/clientType', 'active');
  assert.deepEqual(seen, ['contractNo']);
  const s = f.state('/contractNo');
  assert.equal(s.visible, true);
  assert.equal(s.required, true);
  assert.deepEqual(
    f.validate().errors.map((e) => [e.path, e.keyword, e.source]),
    [['/contractNo', 'required', 'rule']],
  );
});

test('errors inside hidden fields do not block', () => {
  const f = new FormController(ruled, { value: { clientType: 'potential', contractNo: 5 } });
  assert.equal(f.validate().valid, true);
  f.setValue('/clientType', 'active');
  assert.deepEqual(
    f.validate().errors.map((e) => e.keyword),
    ['type'],
  );
});

test('formulas recompute when their inputs change, and only notify their field', () => {
  const f = new FormController(ruled, { value: { potential: 200, actual: 50 } });
  assert.equal(f.getValue('/ourShare'), 25);
  assert.equal(f.node('/ourShare')!.readOnly, true);
  const seen: string[] = [];
  for (const p of ['/ourShare', '/resolved', '/potential']) f.subscribe(p, () => seen.push(p));
  f.setValue('/actual', 150);
  assert.equal(f.getValue('/ourShare'), 75);
  assert.deepEqual(seen, ['/ourShare'], 'only the formula field is notified, not /potential or /resolved');
  f.setValue('/potential', 0);
  assert.equal(f.getValue('/ourShare'), undefined, 'division by zero leaves the computed field empty');
  assert.equal(f.isDirty('/ourShare'), true);
});

test('formulas over arrays: percent of done remarks', () => {
  const f = new FormController(ruled, { value: { remarks: [{ status: 'open' }, { status: 'done' }] } });
  assert.equal(f.getValue('/resolved'), 50);
  f.setValue('/remarks/0/status', 'done');
  assert.equal(f.getValue('/resolved'), 100);
  f.setValue('/remarks', [...(f.getValue('/remarks') as JsonValue[]), { status: 'open' }]);
  assert.equal(Math.round(f.getValue('/resolved') as number), 67);
});

test('a formula naming an unknown field is reported, not thrown', () => {
  const f = new FormController({ type: 'object', properties: { a: { type: 'number', 'x-formula': { var: '/nope' } } } }, { value: {} });
  assert.match(f.ruleIssues.map((i) => i.message).join(' '), /nope/);
});

test('itemColumns: the properties array items may have, in schema order, conditional ones included, labelled', () => {
  const schema: JsonSchemaObject = {
    type: 'object',
    properties: {
      contacts: {
        type: 'array',
        items: {
          type: 'object',
          properties: { kind: { enum: ['phone', 'email'] }, 'a/b': { type: 'string' } },
          if: { properties: { kind: { const: 'email' } }, required: ['kind'] },
          then: { properties: { email: { type: 'string', title: 'Email' } } },
          else: { properties: { number: { type: 'string' } } },
        },
      },
      name: { type: 'string' },
    },
  };
  const c = new FormController(schema, {
    value: { contacts: [] },
    locale: 'ru',
    messages: { ru: { '/contacts/*/number': 'Номер', '/contacts/*/a~1b': 'А/Б' } },
  });
  assert.deepEqual(c.itemColumns('/contacts'), [
    { key: 'kind', label: 'Kind' },
    { key: 'a/b', label: 'А/Б' },
    { key: 'email', label: 'Email' },
    { key: 'number', label: 'Номер' },
  ]);
  assert.deepEqual(c.itemColumns('/name'), [], 'not an array');
  assert.deepEqual(c.itemColumns('/missing'), []);
});

test('deferValidation: no schema errors until startValidation(); edits made meanwhile are validated then', () => {
  const f = new FormController(structuredClone(schema), { value: {}, deferValidation: true });
  assert.equal(f.validationPending, true);
  assert.deepEqual(f.knownErrors(), [], 'nothing known before the validator ran');
  const calls: string[] = [];
  f.subscribe('/email', () => calls.push('/email'));
  f.setValue('/email', 'bad');
  assert.deepEqual(f.state('/email').errors, []);
  let ready = false;
  f.onValidatorReady(() => (ready = true));
  calls.length = 0;
  f.startValidation();
  assert.equal(ready, true);
  assert.equal(f.validationPending, false);
  assert.deepEqual(calls, ['/email'], 'the edited field is told its errors changed');
  assert.deepEqual(
    f.state('/email').errors.map((e) => e.keyword),
    ['format'],
  );
});

test('deferValidation: allErrors(), validate() and firstError() compile the validator on the spot', async () => {
  const f = new FormController(structuredClone(schema), { value: {}, deferValidation: true });
  assert.deepEqual(
    f.allErrors().map((e) => e.path),
    ['/companyName'],
  );
  assert.equal(f.validationPending, false);
  await f.validatorReady; // resolved by the forced compile
  const g = new FormController(structuredClone(schema), { value: { companyName: 'A' }, deferValidation: true });
  assert.equal(g.validate().valid, false);
  const h = new FormController(structuredClone(schema), { value: {}, deferValidation: true });
  assert.equal(h.firstError()?.path, '/companyName');
});

test('fields with the same options share one frozen list; object values stay their own (issue 15: per-field heap)', () => {
  const f = new FormController({
    type: 'object',
    properties: {
      a: { type: 'string', enum: ['x', 'y'] },
      b: { type: 'string', enum: ['x', 'y'], title: 'B' },
      c: { type: 'string', enum: ['x', 'z'] },
      d: { type: 'string', enum: ['x', 'y'], 'x-enumTitles': ['Ex', 'Why'] },
      e: { type: 'array', uniqueItems: true, items: { enum: [{ k: 1 }, { k: 2 }] } },
      f: { type: 'array', uniqueItems: true, items: { enum: ['x', 'y'] } },
      g: { type: 'array', uniqueItems: true, items: { enum: ['x', 'y'] } },
    },
  });
  const opts = (p: string) => f.node(p)!.options;
  assert.deepEqual(opts('/a'), [{ value: 'x' }, { value: 'y' }]);
  assert.equal(opts('/a'), opts('/b'));
  assert.ok(Object.isFrozen(opts('/a')) && Object.isFrozen(opts('/a')![0]));
  assert.notEqual(opts('/a'), opts('/c'));
  assert.deepEqual(opts('/d'), [
    { value: 'x', title: 'Ex' },
    { value: 'y', title: 'Why' },
  ]);
  assert.notEqual(opts('/d'), opts('/a'));
  const e = (f.schema as JsonSchemaObject).properties!.e as JsonSchemaObject;
  assert.equal(f.node('/e')!.itemOptions![0].value, (e.items as JsonSchemaObject).enum![0]);
  assert.deepEqual(f.node('/f')!.itemOptions, [{ value: 'x' }, { value: 'y' }]);
  assert.equal(f.node('/f')!.itemOptions, f.node('/g')!.itemOptions);
});
