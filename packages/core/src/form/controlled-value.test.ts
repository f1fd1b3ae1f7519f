// replaceValue: a framework writing `value` back on every change (React, Vue's v-model) must not
// reset the form; changedPointers: which fields such a write touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController } from './controller.js';
import { changedPointers } from './equal.js';
import type { JsonSchemaObject, JsonValue } from '../types.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', minLength: 2 },
    email: { type: 'string', format: 'email' },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    people: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
  },
};
const clone = (v: JsonValue | undefined) => JSON.parse(JSON.stringify(v)) as JsonValue;

test('writing back a deep-equal copy of the value changes nothing and notifies nobody', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd', people: [{ name: 'A' }] } });
  f.setValue('/email', 'bad');
  f.touch('/companyName');
  const calls: string[] = [];
  for (const p of ['', '/companyName', '/email', '/people', '/people/0/name']) f.subscribe(p, () => calls.push(p));
  f.subscribeStructure('/people', () => calls.push('structure /people'));
  const same = f.value;
  assert.equal(f.replaceValue(clone(f.value)), false);
  assert.equal(f.value, same, 'keeps its own object');
  assert.deepEqual(calls, []);
  assert.equal(f.isDirty('/email'), true);
  assert.equal(f.state('/companyName').touched, true);
  assert.equal(f.state('/email').errors[0]?.keyword, 'format', 'the error shown while typing stays');
});

test('a different value keeps touched and dirty where the data did not change, and notifies only changed fields', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd', email: 'a@b.co', address: { city: 'Omsk' } } });
  f.setValue('/email', 'bad');
  f.touch('/email');
  f.touch('/companyName');
  const calls: string[] = [];
  for (const p of ['/companyName', '/email', '/address/city']) f.subscribe(p, () => calls.push(p));
  const next = clone(f.value) as Record<string, JsonValue>;
  (next.address as Record<string, JsonValue>).city = 'Tomsk';
  assert.equal(f.replaceValue(next), true);
  assert.deepEqual(calls, ['/address/city']);
  assert.equal(f.isDirty('/email'), true, 'the edit before stays dirty');
  assert.equal(f.state('/email').touched, true);
  assert.equal(f.state('/companyName').touched, true);
  assert.equal(f.isDirty('/address/city'), true, 'the new data differs from what was loaded');
  assert.equal(f.isDirty('/companyName'), false);
  assert.equal(f.isDirty(), true);
  assert.equal(f.pristine, false);
  // Back to what was loaded: clean again there, and reset() still returns to the loaded value.
  (next.address as Record<string, JsonValue>).city = 'Omsk';
  f.replaceValue(clone(next));
  assert.equal(f.isDirty('/address/city'), false);
  f.reset();
  assert.deepEqual(f.value, { companyName: 'OK Ltd', email: 'a@b.co', address: { city: 'Omsk' } });
});

test('a new array length re-places the items, and errors follow the new data', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd', people: [{ name: 'A' }] } });
  let structure = 0;
  f.subscribeStructure('/people', () => structure++);
  assert.equal(f.children('/people').length, 1);
  f.replaceValue({ companyName: 'X', people: [{ name: 'A' }, { name: 'B' }] });
  assert.equal(structure, 1);
  assert.deepEqual(
    f.children('/people').map((n) => n.pointer),
    ['/people/0', '/people/1'],
  );
  assert.equal(f.state('/companyName').errors[0]?.keyword, 'minLength', 'dirty in onInput mode: its error shows');
});

test('server errors are dropped only where the data changed; no change listener fires', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd', email: 'a@b.co' } });
  let changes = 0;
  f.onChange(() => changes++);
  f.setExternalErrors([
    { path: '/companyName', keyword: 'server', message: 'taken', source: 'server' },
    { path: '/email', keyword: 'server', message: 'blocked', source: 'server' },
  ]);
  f.replaceValue({ companyName: 'OK Ltd', email: 'c@d.co' });
  assert.deepEqual(
    f.allErrors().map((e) => e.path),
    ['/companyName'],
  );
  assert.equal(changes, 0);
});

test('pristine until something is edited, touched or submitted', () => {
  const f = new FormController(schema, { value: { companyName: 'OK Ltd' } });
  assert.equal(f.pristine, true);
  f.touch('/email');
  assert.equal(f.pristine, false);
  f.reset();
  assert.equal(f.pristine, true);
  f.validate();
  assert.equal(f.pristine, false);
});

test('changedPointers: top-most differing places, arrays of a new length as a whole', () => {
  assert.deepEqual(changedPointers({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } }), ['/b/c']);
  assert.deepEqual(changedPointers({ a: [1, 2] }, { a: [1, 2, 3] }), ['/a']);
  assert.deepEqual(changedPointers({ a: [1, 2] }, { a: [1, 5] }), ['/a/1']);
  assert.deepEqual(changedPointers({ a: 1 }, { b: 1 }), ['/a', '/b']);
  assert.deepEqual(changedPointers({ 'x/y': 1 }, { 'x/y': 2 }), ['/x~1y']);
  assert.deepEqual(changedPointers({ a: 1 }, 'text'), ['']);
  assert.deepEqual(changedPointers({ a: { b: 1 } }, { a: { b: 1 } }), []);
});
