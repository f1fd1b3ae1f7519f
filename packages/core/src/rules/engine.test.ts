// The rules engine and the layout validator on demand: this file imports the bare FormController
// (as the card does, through @kartochka/core/internal) and not the package root, so nothing has
// registered either when it starts. A form that needs one fails clearly until it is loaded, then
// works as the root's does; a form that needs neither never loads them. The root's
// FormController (registered.ts) is imported last: it is the same class, and registers both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController } from '../form/controller.js';
import { loadRulesEngine, layoutHasRules, needsRulesEngine, rulesEngine, schemaHasRules, RulesUnavailableError } from './engine.js';
import { layoutValidator, loadLayoutValidator, LayoutValidatorUnavailableError } from '../layout/validator-runtime.js';
import type { JsonSchemaObject } from '../types.js';
import type { LayoutDocument } from '../layout/types.js';

const plain: JsonSchemaObject = { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } };
const withFormula: JsonSchemaObject = {
  type: 'object',
  properties: {
    a: { type: 'number' },
    b: { type: 'number' },
    total: { type: 'number', 'x-formula': { '+': [{ var: '/a' }, { var: '/b' }] } },
  },
};
const withRules: JsonSchemaObject = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    inn: { type: 'string', 'x-rules': { visible: { '==': [{ var: '/kind' }, 'company'] } } },
  },
};
const layout: LayoutDocument = { version: 1, items: [{ type: 'section', id: 'main', title: 'Main', items: ['/a', '/b', '/missing'] }] };
const layoutWithRules: LayoutDocument = {
  version: 1,
  items: [
    {
      type: 'section',
      id: 'main',
      title: 'Main',
      items: [{ type: 'field', pointer: '/b', rules: { visible: { '>': [{ var: '/a' }, 0] } } }, '/a'],
    },
  ],
};

test('a form without rules or a layout document needs neither: built, validated, default layout', () => {
  const f = new FormController(plain, { value: { a: 1, b: 2 } });
  assert.equal(f.layout.items.length, 1, 'the default layout needs no validator');
  assert.deepEqual(f.layout.errors, []);
  assert.deepEqual(f.state('/b').visible, true);
  assert.deepEqual(f.ruleIssues, []);
  assert.equal(rulesEngine(), undefined, 'nothing loaded the rules engine');
  assert.equal(layoutValidator(), undefined, 'nothing loaded the layout validator');
});

test('before the rules engine is loaded, a form with rules or formulas fails clearly rather than ignore them', () => {
  assert.throws(() => new FormController(withFormula), RulesUnavailableError);
  assert.throws(() => new FormController(withRules), /loadRulesEngine\(\)/);
  assert.throws(
    () => new FormController(plain, { rules: [{ target: '/b', kind: 'visible', expr: false, source: '' }] }),
    RulesUnavailableError,
  );
});

test('before the layout validator is loaded, a form with a layout document fails clearly', () => {
  assert.throws(() => new FormController(plain, { layout }), LayoutValidatorUnavailableError);
  assert.throws(() => new FormController(plain, { layout }), /loadLayoutValidator\(\)/);
});

test('once loaded, the layout validator reports the layout problems; layout rules still need the rules engine', async () => {
  const validate = await loadLayoutValidator();
  assert.equal(layoutValidator(), validate);
  assert.equal(await loadLayoutValidator(), validate, 'loaded once');
  const f = new FormController(plain, { layout });
  assert.deepEqual(
    f.layout.errors.map((e) => [e.path, e.keyword]),
    [['/items/0/items/2', 'unknownField']],
  );
  assert.throws(() => new FormController(plain, { layout: layoutWithRules }), /This layout has rules/);
});

test('once loaded, the rules engine applies rules and formulas from the first state', async () => {
  const engine = await loadRulesEngine();
  assert.equal(rulesEngine(), engine);
  assert.equal(await loadRulesEngine(), engine, 'loaded once');
  const f = new FormController(withFormula, { value: { a: 2, b: 3 } });
  assert.equal((f.value as { total?: number }).total, 5, 'the formula is computed in the constructor');
  f.setValue('/a', 10);
  assert.equal((f.value as { total?: number }).total, 13);
  const r = new FormController(withRules, { value: { kind: 'person' } });
  assert.equal(r.state('/inn').visible, false, 'hidden from the start');
  const l = new FormController(plain, { layout: layoutWithRules, value: { a: 0, b: 1 } });
  assert.equal(l.state('/b').visible, false, "the layout's rule applies");
});

test('schemaHasRules, layoutHasRules, needsRulesEngine', () => {
  assert.equal(schemaHasRules(plain), false);
  assert.equal(schemaHasRules(withFormula), true);
  assert.equal(schemaHasRules(withRules), true);
  assert.equal(
    schemaHasRules({ $defs: { x: { 'x-rules': { required: true } } }, properties: { y: { $ref: '#/$defs/x' } } }),
    true,
    'in $defs',
  );
  assert.equal(schemaHasRules(undefined), false);
  assert.equal(schemaHasRules({ properties: { 'x-formula': { type: 'string' } } }), false, 'a property named x-formula');
  assert.equal(schemaHasRules({ properties: { k: { const: { 'x-rules': 1 } } } }), false, 'data');
  assert.equal(schemaHasRules({ type: 'array', items: { properties: { t: { 'x-formula': { '+': [1, 2] } } } } }), true, 'in items');
  assert.equal(layoutHasRules(layout), false);
  assert.equal(layoutHasRules(layoutWithRules), true);
  assert.equal(
    layoutHasRules({ version: 1, items: [{ type: 'section', id: 's', title: 'S', rules: { visible: true }, items: [] }] }),
    true,
    "a section's rules",
  );
  assert.equal(needsRulesEngine(plain, layout), false);
  assert.equal(needsRulesEngine(plain, layoutWithRules), true);
  assert.equal(needsRulesEngine(withFormula), true);
});

test("the package root's FormController is the same class, and registers the engine and the validator", async () => {
  const root = await import('../registered.js');
  assert.equal(root.FormController, FormController);
  assert.equal(new root.FormController(withFormula, { value: { a: 1, b: 1 } }) instanceof FormController, true);
});
