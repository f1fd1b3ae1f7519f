import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { getAt } from '../pointer.js';
import { collectRules } from './collect.js';
import type { RuleSpec } from './graph.js';

const schema: JsonSchemaObject = {
  type: 'object',
  $defs: {
    person: {
      type: 'object',
      properties: {
        role: { type: 'string' },
        email: { type: 'string', 'x-rules': { required: { '==': [{ var: '1/role' }, 'KK'] } } },
        reports: { type: 'array', items: { $ref: '#/$defs/person' } },
      },
    },
  },
  properties: {
    general: {
      type: 'object',
      properties: { 'a/b': { type: 'string', 'x-rules': { visible: true, readOnly: false } } },
    },
    category: {
      type: 'object',
      properties: {
        ourShare: { type: 'number', 'x-formula': { '*': [{ '/': [{ var: '/category/actual' }, { var: '/category/potential' }] }, 100] } },
      },
    },
    roles: { type: 'object', properties: { people: { type: 'array', items: { $ref: '#/$defs/person' } } } },
    plans: {
      type: 'object',
      properties: {
        sales: {
          type: 'array',
          items: {
            allOf: [
              { properties: { quantity: { type: 'number' } } },
              { properties: { total: { 'x-formula': { '*': [{ var: '1/quantity' }, { var: '1/price' }] } } } },
            ],
          },
        },
      },
    },
    pair: { type: 'array', prefixItems: [{ 'x-rules': { visible: false } }, { 'x-formula': 1 }] },
    tuple: { type: 'array', items: [{ 'x-rules': { hidden: true } }] },
  },
};

const deref = (s: JsonSchemaObject) => (typeof s.$ref === 'string' ? (getAt(schema, s.$ref.slice(1)) as JsonSchemaObject) : undefined);
const brief = (rules: RuleSpec[]) => rules.map((r) => `${r.kind} ${r.target}`);

describe('collectRules', () => {
  it('collects x-rules and x-formula with pointer templates and sources', () => {
    const rules = collectRules(schema, deref);
    assert.deepEqual(brief(rules), [
      'visible /general/a~1b',
      'readOnly /general/a~1b',
      'value /category/ourShare',
      'required /roles/people/*/email',
      'value /plans/sales/*/total',
      'visible /pair/0',
      'value /pair/1',
      'hidden /tuple/0',
    ]);
    assert.equal(rules[0].source, '/properties/general/properties/a~1b/x-rules/visible');
    assert.equal(rules[2].source, '/properties/category/properties/ourShare/x-formula');
    assert.equal(rules[4].source, '/properties/plans/properties/sales/items/allOf/1/properties/total/x-formula');
  });
  it('stops at recursive $refs instead of looping', () => {
    const rules = collectRules(schema, deref);
    assert.equal(rules.filter((r) => r.target.includes('reports')).length, 0);
  });
  it('stops a recursive $ref with sibling keywords too: templates cannot name every depth', () => {
    const s: JsonSchemaObject = {
      $defs: { node: { properties: { name: { 'x-rules': { visible: true } }, kids: { items: { $ref: '#/$defs/node', title: 'kid' } } } } },
      properties: { tree: { $ref: '#/$defs/node' } },
    };
    const d = (x: JsonSchemaObject) => getAt(s, (x.$ref as string).slice(1)) as JsonSchemaObject;
    assert.deepEqual(brief(collectRules(s, d)), ['visible /tree/name']);
  });
  it('ignores $ref without deref, and appends extra rules', () => {
    const extra: RuleSpec[] = [{ target: '/general', kind: 'visible', expr: true }];
    const rules = collectRules(schema, undefined, extra);
    assert.ok(!rules.some((r) => r.target.startsWith('/roles')));
    assert.equal(rules.at(-1), extra[0]);
  });
  it('ignores inherited x-rules', () => {
    const proto = { 'x-rules': { visible: false } };
    const s = { properties: { a: Object.create(proto) as JsonSchemaObject } };
    assert.deepEqual(collectRules(s), []);
  });
});
