import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getAt } from '../pointer.js';
import { RuleGraph } from './graph.js';
import type { RuleGraphOptions, RuleInstance, RuleSpec } from './graph.js';

const v = (pointer: string) => ({ var: pointer });

/** The fields of a small card, as templates; ancestors count as fields too. */
const FIELDS = [
  '/general/size/class',
  '/general/size/headcount',
  '/category/actual',
  '/category/potential/value',
  '/category/ourShare',
  '/category/label',
  '/roles/people/*/role',
  '/roles/people/*/email',
  '/roles/people/*/phone',
  '/history/sales/*/turnover',
  '/history/total',
  '/history/average',
  '/plans/sales/*/quantity',
  '/plans/sales/*/price',
  '/plans/sales/*/total',
  '/plans/sales/*/note',
  '/plans/grandTotal',
  '/relationship/satisfaction/remarks/*/status',
  '/relationship/satisfaction/resolvedPercent',
  '/a',
  '/b',
  '/c',
];
const known = new Set<string>();
for (const f of FIELDS) for (let p = f; p; p = p.slice(0, p.lastIndexOf('/'))) known.add(p);

function options(data: unknown): RuleGraphOptions & { expanded: string[] } {
  const expanded: string[] = [];
  return {
    expanded,
    exists: (template) => known.has(template.replace(/\/\d+(?=\/|$)/g, '/*')),
    expand(template) {
      expanded.push(template);
      let out = [''];
      for (const token of template.slice(1).split('/')) {
        out = out.flatMap((p) => {
          if (token !== '*') return [`${p}/${token}`];
          const list = getAt(data, p);
          return Array.isArray(list) ? list.map((_, i) => `${p}/${i}`) : [];
        });
      }
      return out;
    },
  };
}

const data = {
  roles: { people: [{}, {}, {}] },
  history: { sales: [{}, {}] },
  plans: { sales: [{}, {}] },
  relationship: { satisfaction: { remarks: [{}, {}] } },
};

const names = (list: RuleInstance[]) => list.map((r) => `${r.kind} ${r.target}`);

const seedRules: RuleSpec[] = [
  { target: '/plans/grandTotal', kind: 'value', expr: { sum: [v('/plans/sales'), 'total'] } },
  { target: '/plans/sales/*/total', kind: 'value', expr: { '*': [v('1/quantity'), v('1/price')] } },
  { target: '/plans/sales/*/note', kind: 'visible', expr: { '>': [v('1/total'), 100] } },
  { target: '/category/ourShare', kind: 'value', expr: { '*': [{ '/': [v('/category/actual'), v('/category/potential/value')] }, 100] } },
  { target: '/category/label', kind: 'visible', expr: { '>': [v('/category/ourShare'), 50] } },
  {
    target: '/relationship/satisfaction/resolvedPercent',
    kind: 'value',
    expr: {
      '*': [
        {
          '/': [
            { count: { filter: [v('/relationship/satisfaction/remarks'), { '==': [v('status'), 'done'] }] } },
            { count: v('/relationship/satisfaction/remarks') },
          ],
        },
        100,
      ],
    },
  },
  { target: '/history/total', kind: 'value', expr: { sum: [v('/history/sales'), 'turnover'] } },
  { target: '/history/average', kind: 'value', expr: { '/': [v('/history/total'), { count: v('/history/sales') }] } },
  { target: '/roles/people/*/email', kind: 'required', expr: { '==': [v('1/role'), 'KK'] } },
  { target: '/roles/people/*/phone', kind: 'visible', expr: { '!=': [v('/general/size/class'), 'small'] } },
];

describe('RuleGraph construction', () => {
  it('accepts the seed rules without problems', () => {
    const g = new RuleGraph(seedRules, options(data));
    assert.deepEqual(g.problems, []);
    assert.equal(g.rules.length, seedRules.length);
  });
  it('reports unknown fields and disables only that rule', () => {
    const g = new RuleGraph(
      [
        { target: '/a', kind: 'value', expr: { '+': [v('/x/y'), 1] } },
        { target: '/b', kind: 'value', expr: v('/c') },
      ],
      options(data),
    );
    assert.deepEqual(
      g.problems.map((p) => [p.code, p.message]),
      [['unknown-field', 'Unknown field "/x/y" in the formula of "/a"']],
    );
    assert.deepEqual(
      g.rules.map((r) => r.target),
      ['/b'],
    );
  });
  it('reports unknown targets, kinds, invalid expressions and unresolvable relative pointers', () => {
    const g = new RuleGraph(
      [
        { target: '/nope', kind: 'visible', expr: true },
        { target: '/a', kind: 'hidden' as 'visible', expr: true },
        { target: '/a', kind: 'visible', expr: { frob: [] }, source: '/properties/a/x-rules/visible' },
        { target: '/a', kind: 'required', expr: v('5/x') },
      ],
      options(data),
    );
    assert.deepEqual(
      g.problems.map((p) => p.code),
      ['unknown-target', 'unknown-kind', 'invalid-expression', 'unknown-field'],
    );
    assert.equal(g.problems[2].at, '/properties/a/x-rules/visible');
    assert.match(g.problems[2].message, /Unknown operator "frob".*"visible" rule of "\/a"/);
    assert.equal(g.rules.length, 0);
  });
  it('reports formula cycles by name and disables the rules in them', () => {
    const g = new RuleGraph(
      [
        { target: '/a', kind: 'value', expr: { '+': [v('/b'), 1] } },
        { target: '/b', kind: 'value', expr: { '+': [v('/a'), 1] } },
        { target: '/c', kind: 'value', expr: v('/a') },
        { target: '/history/total', kind: 'value', expr: { '+': [v('/history/total'), 1] } },
        { target: '/category/label', kind: 'visible', expr: v('/a') },
      ],
      options(data),
    );
    const cycles = g.problems.filter((p) => p.code === 'cycle');
    assert.deepEqual(cycles.map((p) => p.message).sort(), [
      'Formula cycle: "/a" → "/b" → "/a"',
      'Formula cycle: "/a" → "/b" → "/a"',
      'Formula cycle: "/history/total" → "/history/total"',
    ]);
    assert.deepEqual(
      g.rules.map((r) => r.target),
      ['/c', '/category/label'],
    );
  });
  it('finds longer cycles, through array templates too', () => {
    const g = new RuleGraph(
      [
        { target: '/plans/sales/*/total', kind: 'value', expr: v('/plans/grandTotal') },
        { target: '/plans/grandTotal', kind: 'value', expr: { sum: [v('/plans/sales'), 'total'] } },
      ],
      options(data),
    );
    assert.deepEqual(
      g.problems.map((p) => p.message),
      [
        'Formula cycle: "/plans/sales/*/total" → "/plans/grandTotal" → "/plans/sales/*/total"',
        'Formula cycle: "/plans/sales/*/total" → "/plans/grandTotal" → "/plans/sales/*/total"',
      ],
    );
  });
  it('lets a row formula read its own row without a cycle', () => {
    const g = new RuleGraph([{ target: '/plans/sales/*/total', kind: 'value', expr: { count: v('1') } }], options(data));
    assert.deepEqual(g.problems, []);
  });
  it('flags a second formula on the same field', () => {
    const g = new RuleGraph(
      [
        { target: '/a', kind: 'value', expr: 1 },
        { target: '/a', kind: 'value', expr: 2 },
      ],
      options(data),
    );
    assert.deepEqual(
      g.problems.map((p) => p.code),
      ['duplicate-formula'],
    );
    assert.equal(g.rules.length, 1);
  });
});

describe('RuleGraph order', () => {
  it('all() lists instances with formulas before their readers', () => {
    const g = new RuleGraph(seedRules, options(data));
    const list = names(g.all());
    const before = (a: string, b: string) => assert.ok(list.indexOf(a) < list.indexOf(b), `${a} before ${b}`);
    before('value /plans/sales/0/total', 'value /plans/grandTotal');
    before('value /plans/sales/1/total', 'value /plans/grandTotal');
    before('value /history/total', 'value /history/average');
    before('value /category/ourShare', 'visible /category/label');
    assert.equal(list.filter((n) => n.startsWith('required /roles/people/')).length, 3);
    assert.equal(list.length, 6 + 2 + 2 + 3 + 3);
  });
  it('orders declared-late formulas before the formulas that read them', () => {
    const g = new RuleGraph(
      [
        { target: '/c', kind: 'value', expr: v('/b') },
        { target: '/b', kind: 'value', expr: v('/a') },
        { target: '/a', kind: 'value', expr: v('/general/size/headcount') },
      ],
      options(data),
    );
    assert.deepEqual(
      g.rules.map((r) => r.target),
      ['/a', '/b', '/c'],
    );
    assert.deepEqual(names(g.affected('/general/size/headcount')), ['value /a', 'value /b', 'value /c']);
  });
});

describe('RuleGraph.affected', () => {
  const g = () => {
    const o = options(data);
    return { graph: new RuleGraph(seedRules, o), expanded: o.expanded };
  };
  it('instantiates row rules for the changed row only', () => {
    const { graph, expanded } = g();
    assert.deepEqual(names(graph.affected('/roles/people/2/role')), ['required /roles/people/2/email']);
    assert.deepEqual(expanded, []);
  });
  it('follows formulas transitively, in order', () => {
    const { graph, expanded } = g();
    assert.deepEqual(names(graph.affected('/plans/sales/1/price')), [
      'value /plans/sales/1/total',
      'value /plans/grandTotal',
      'visible /plans/sales/1/note',
    ]);
    assert.deepEqual(expanded, []);
  });
  it('array-wide reads are affected by any item change, and by the array itself', () => {
    const { graph } = g();
    assert.deepEqual(names(graph.affected('/relationship/satisfaction/remarks/1/status')), [
      'value /relationship/satisfaction/resolvedPercent',
    ]);
    assert.deepEqual(names(graph.affected('/history/sales/1/turnover')), ['value /history/total', 'value /history/average']);
    assert.deepEqual(names(graph.affected('/history/sales')), ['value /history/total', 'value /history/average']);
    assert.deepEqual(names(graph.affected('/history/sales/1')), ['value /history/total', 'value /history/average']);
  });
  it('a change above rows reaches every row (expanded from the data)', () => {
    const { graph, expanded } = g();
    assert.deepEqual(names(graph.affected('/general/size/class')), [
      'visible /roles/people/0/phone',
      'visible /roles/people/1/phone',
      'visible /roles/people/2/phone',
    ]);
    assert.deepEqual(expanded, ['/roles/people/*/phone']);
    assert.deepEqual(names(graph.affected('/general/size')).length, 3);
    assert.deepEqual(names(graph.affected('/plans')), [
      'value /plans/sales/0/total',
      'value /plans/sales/1/total',
      'value /plans/grandTotal',
      'visible /plans/sales/0/note',
      'visible /plans/sales/1/note',
    ]);
  });
  it('a change at the root affects everything', () => {
    const { graph } = g();
    assert.equal(graph.affected('').length, graph.all().length);
  });
  it('unrelated changes affect nothing', () => {
    const { graph } = g();
    assert.deepEqual(graph.affected('/general/size/headcount'), []);
    assert.deepEqual(graph.affected('/roles/people/1/email'), []);
  });
  it('a rule that reads another row (index shift) is not bound to the changed row', () => {
    const rule: RuleSpec = { target: '/plans/sales/*/note', kind: 'visible', expr: { '>': [v('1-1/price'), 0] } };
    const o = options(data);
    const graph = new RuleGraph([rule], o);
    assert.deepEqual(names(graph.affected('/plans/sales/0/price')), ['visible /plans/sales/0/note', 'visible /plans/sales/1/note']);
  });
  it('a rule on a row that reads a fixed row of another list reaches every row', () => {
    const rule: RuleSpec = { target: '/roles/people/*/phone', kind: 'visible', expr: v('/plans/sales/0/price') };
    const graph = new RuleGraph([rule], options(data));
    assert.equal(graph.affected('/plans/sales/0/price').length, 3);
    assert.deepEqual(graph.affected('/plans/sales/1/price'), []);
  });
  it('returns the declared rule and expression with each instance', () => {
    const { graph } = g();
    const [inst] = graph.affected('/roles/people/0/role');
    assert.equal(inst.rule, seedRules[8]);
    assert.equal(inst.expr, seedRules[8].expr);
  });
});
