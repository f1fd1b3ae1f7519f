/**
 * Every schema of the corpus (modelled on other form libraries' examples and the JSON Schema test
 * suite, hostile cases included) gives a form or a fallback without an exception, and data that
 * nobody edits comes back out unchanged — the same object, and deep-equal to a copy taken before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FormController } from './controller.js';
import type { FieldNode } from './field-node.js';
import type { JsonSchema, JsonValue } from '../types.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

interface Fixture {
  name: string;
  schema: JsonSchema;
  data?: JsonValue;
}
const corpus = JSON.parse(readFileSync(new URL('../schema/fixtures/corpus.json', import.meta.url), 'utf8')) as Fixture[];

/** Builds every node the elements would render for the data (depth-limited for recursive schemas). */
function walk(f: FormController, n: FieldNode, depth = 0, seen: FieldNode[] = []): FieldNode[] {
  seen.push(n);
  if (depth > 12) return seen;
  for (const c of f.children(n.pointer)) walk(f, c, depth + 1, seen);
  return seen;
}

for (const fx of corpus) {
  test(`corpus: ${fx.name} renders and round-trips`, () => {
    for (const data of [fx.data, undefined]) {
      const before = data === undefined ? undefined : structuredClone(data);
      const f = new FormController(fx.schema, { value: data });
      const nodes = walk(f, f.root);
      assert.ok(nodes.length >= 1);
      for (const n of nodes) {
        assert.equal(typeof n.widget, 'string');
        if (n.kind === 'fallback') assert.equal(n.widget, 'kc-json-field');
      }
      f.validate();
      for (const n of nodes) f.state(n.pointer);
      if (data !== undefined) {
        assert.equal(f.value, data, 'the same object comes back when nobody edits');
        assert.deepEqual(f.value, before, 'and it was not mutated');
      }
    }
  });
}

test('corpus: an edit in one field leaves every other value exactly as it was', () => {
  const fx = corpus.find((c) => c.name === 'crm-card')!;
  const f = new FormController(fx.schema, { value: structuredClone(fx.data) });
  const leaf = walk(f, f.root).find((n) => n.kind === 'value' && n.type.primary === 'string' && !n.readOnly);
  assert.ok(leaf, 'the CRM card has a text field');
  f.setValue(leaf.pointer, 'changed');
  const expected = structuredClone(fx.data) as Record<string, unknown>;
  const tokens = leaf.pointer.split('/').slice(1);
  let cur = expected as Record<string, unknown>;
  for (const t of tokens.slice(0, -1)) cur = (cur[t] ??= {}) as Record<string, unknown>;
  cur[tokens[tokens.length - 1]] = 'changed';
  assert.deepEqual(f.value, expected);
  assert.deepEqual(Object.keys(f.value as object), Object.keys(expected), 'key order kept (a new key goes last)');
});
