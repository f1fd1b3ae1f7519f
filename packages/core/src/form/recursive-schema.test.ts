// Schemas that refer back to an ancestor ("$ref": "#") have no last level: the model must stay
// finite (collapsed recursive groups, a depth limit past which the data is edited as JSON).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController, MAX_FIELD_DEPTH } from './controller.js';
import type { FieldNode } from './field-node.js';
import type { JsonSchemaObject, JsonValue } from '../types.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

// No `type`: the properties alone make it an object.
const tree: JsonSchemaObject = { title: 'Node', properties: { name: { type: 'string' }, child: { $ref: '#' } } };
const withDefs: JsonSchemaObject = {
  $defs: {
    person: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        manager: { $ref: '#/$defs/person', title: 'Manager' },
        reports: { type: 'array', items: { $ref: '#/$defs/person' } },
      },
    },
  },
  $ref: '#/$defs/person',
};

/** Every node reachable through children(), as a renderer walks them; stops if it runs away. */
function walk(f: FormController, pointer = '', out: FieldNode[] = []): FieldNode[] {
  if (out.length > 10_000) throw new Error('the walk does not end');
  const n = f.node(pointer)!;
  out.push(n);
  for (const c of f.children(pointer)) walk(f, c.pointer, out);
  return out;
}

function nested(levels: number): JsonValue {
  let v: JsonValue = { name: `level ${levels}` };
  for (let i = levels - 1; i >= 0; i--) v = { name: `level ${i}`, child: v };
  return v;
}

test('a cycle with no data: the recursive group is collapsed, so walking the form ends', () => {
  const f = new FormController(tree);
  const nodes = walk(f);
  assert.deepEqual(
    nodes.map((n) => n.pointer),
    ['', '/name', '/child'],
  );
  assert.equal(f.node('/child')!.recursive, true);
  assert.equal(f.node('')!.recursive, undefined);
  assert.equal(f.isCollapsed('/child'), true);
  assert.deepEqual(f.children('/child'), []);
});

test('expand() opens one more level and tells the group; the next level is collapsed again', () => {
  const f = new FormController(tree);
  let told = 0;
  f.subscribeStructure('/child', () => told++);
  f.expand('/child');
  assert.equal(told, 1);
  assert.deepEqual(
    f.children('/child').map((n) => n.pointer),
    ['/child/name', '/child/child'],
  );
  assert.equal(f.isCollapsed('/child/child'), true);
  f.setValue('/child/name', 'x');
  assert.deepEqual(f.value, { child: { name: 'x' } });
  f.reset();
  assert.equal(f.isCollapsed('/child'), true, 'reset closes what was opened');
});

test('100 levels of data: groups with data are open down to the depth limit, the rest is one JSON field', () => {
  const data = nested(100);
  const f = new FormController(tree, { value: data });
  const nodes = walk(f);
  const deepest = nodes.filter((n) => n.kind === 'fallback');
  assert.equal(deepest.length, 1);
  assert.equal(deepest[0].widget, 'kc-json-field');
  assert.equal(deepest[0].pointer.split('/').length - 1, MAX_FIELD_DEPTH + 1);
  assert.match(deepest[0].fallbackReason!, /nested more than/);
  assert.ok(nodes.length < 3 * (MAX_FIELD_DEPTH + 2));
  // Nothing is lost: the whole document is still the value, and a deep edit keeps the rest.
  assert.deepEqual(f.value, data);
  f.setValue('/child/name', 'renamed');
  assert.equal((f.value as { child: { name: string } }).child.name, 'renamed');
  assert.equal(JSON.stringify(f.value).split('"child"').length - 1, 100);
});

test('recursion through $defs and arrays: a manager is collapsed, reports come from the data', () => {
  const f = new FormController(withDefs, { value: { name: 'A', reports: [{ name: 'B' }] } });
  const pointers = walk(f).map((n) => n.pointer);
  assert.deepEqual(pointers, [
    '',
    '/name',
    '/manager',
    '/reports',
    '/reports/0',
    '/reports/0/name',
    '/reports/0/manager',
    '/reports/0/reports',
  ]);
  assert.equal(f.isCollapsed('/manager'), true);
  assert.equal(f.isCollapsed('/reports/0'), false, 'an item with data is open');
  assert.equal(f.isCollapsed('/reports/0/manager'), true);
});

test('validation still sees the whole recursive document', () => {
  const strict: JsonSchemaObject = { type: 'object', properties: { name: { type: 'string', minLength: 2 }, child: { $ref: '#' } } };
  const f = new FormController(strict, { value: { name: 'ok', child: { name: 'ok', child: { name: 'x' } } } });
  assert.deepEqual(
    f.validate().errors.map((e) => e.path),
    ['/child/child/name'],
  );
});
