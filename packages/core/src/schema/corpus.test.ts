/**
 * Walks every property location of ~30 schemas modelled on public example suites (react-jsonschema-form
 * playground, JSON Forms examples, JSON Schema Test Suite) and hostile documents: resolution,
 * renderability, type description, options and defaults must never throw.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { JsonSchema, JsonSchemaObject, JsonValue } from '../types.js';
import type { SchemaContext } from './resolve.js';
import {
  createSchemaContext,
  defaultValue,
  describeType,
  effectiveSchema,
  isDynamic,
  itemOptionsOf,
  optionsOf,
  renderable,
} from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

interface Fixture {
  name: string;
  source: string;
  schema: JsonSchema;
  data: JsonValue | null;
}

const corpus = JSON.parse(readFileSync(new URL('./fixtures/corpus.json', import.meta.url), 'utf8')) as Fixture[];

const own = (o: unknown, k: string): JsonValue | undefined =>
  typeof o === 'object' && o !== null && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, k)
    ? (o as Record<string, JsonValue>)[k]
    : undefined;

/** Visits every location the model could render; returns how many were visited. */
function walk(
  ctx: SchemaContext,
  schema: JsonSchema | undefined,
  data: JsonValue | undefined,
  depth: number,
  seen: { n: number; fallbacks: string[] },
  path: string,
): void {
  if (depth > 6 || seen.n > 5000) return;
  seen.n++;
  const eff = effectiveSchema(ctx, schema, data);
  const s = eff.schema;
  const r = renderable(ctx, s);
  if (!r.ok) seen.fallbacks.push(`${path || '/'}: ${r.reason}`);
  describeType(s);
  optionsOf(ctx, s);
  itemOptionsOf(ctx, s);
  defaultValue(ctx, schema);
  isDynamic(ctx, schema);
  if (eff.branches) {
    for (const o of eff.branches.options) {
      effectiveSchema(ctx, schema, data, { branch: o.index });
      walk(ctx, o.schema, undefined, depth + 1, seen, `${path}{${o.index}}`);
    }
  }
  if (!r.ok) return;
  const props = s.properties;
  if (props && typeof props === 'object') {
    for (const k of Object.keys(props)) walk(ctx, props[k], own(data, k), depth + 1, seen, `${path}/${k}`);
  }
  if (s.items !== undefined && !Array.isArray(s.items)) {
    const arr = Array.isArray(data) ? data : [undefined];
    for (let i = 0; i < Math.min(arr.length, 3); i++)
      walk(ctx, s.items as JsonSchema, arr[i] as JsonValue | undefined, depth + 1, seen, `${path}/${i}`);
  }
}

describe('corpus', () => {
  it(`has ~30 fixtures (${corpus.length})`, () => assert.ok(corpus.length >= 30));
  for (const f of corpus) {
    it(`${f.name} (${f.source})`, () => {
      const before = JSON.stringify(f.schema);
      const ctx = createSchemaContext(f.schema);
      const seen = { n: 0, fallbacks: [] as string[] };
      assert.doesNotThrow(() => walk(ctx, f.schema, f.data ?? undefined, 0, seen, ''));
      assert.doesNotThrow(() => walk(ctx, f.schema, undefined, 0, { n: 0, fallbacks: [] }, ''));
      assert.ok(seen.n > 0);
      assert.equal(JSON.stringify(f.schema), before, 'schema was mutated');
    });
  }

  it('expected fallbacks in the hostile fixture', () => {
    const f = corpus.find((x) => x.name === 'suite-unsupported')!;
    const ctx = createSchemaContext(f.schema);
    const props = (f.schema as JsonSchemaObject).properties!;
    const bad = Object.keys(props).filter((k) => !renderable(ctx, effectiveSchema(ctx, props[k], undefined).schema).ok);
    assert.deepEqual(bad, [
      'notOnly',
      'contains',
      'pattern',
      'map',
      'falseSchema',
      'trueSchema',
      'weird',
      'emptyEnum',
      'badType',
      'badRequired',
    ]);
  });

  it('expected behaviour in selected fixtures', () => {
    const get = (n: string) => corpus.find((x) => x.name === n)!;
    // rjsf schema dependencies: oneOf inside dependencies picks the branch matching the enum.
    const dep = get('schema-dependencies');
    const ctx = createSchemaContext(dep.schema);
    const person = (dep.schema as JsonSchemaObject).properties!.conditional;
    const e = effectiveSchema(ctx, person, { 'Do you have any pets?': 'Yes: One' });
    assert.ok(Object.keys(e.schema.properties!).includes('How old is your pet?'));
    assert.equal(e.branches?.selected, 1);
    // pydantic-style nullable ref.
    const ao = get('jsonforms-anyof-string-or-enum');
    const c2 = createSchemaContext(ao.schema);
    const nr = effectiveSchema(c2, (ao.schema as JsonSchemaObject).properties!.nullableRef, null).schema;
    assert.deepEqual(nr.type, ['object', 'null']);
    // CRM card: company fields appear with kind=company.
    const crm = get('crm-card');
    const c3 = createSchemaContext(crm.schema);
    assert.ok(Object.keys(effectiveSchema(c3, crm.schema, { kind: 'company' }).schema.properties!).includes('company'));
    assert.ok(Object.keys(effectiveSchema(c3, crm.schema, { kind: 'person' }).schema.properties!).includes('person'));
    assert.deepEqual(defaultValue(c3, crm.schema), { kind: 'person' });
  });

  it('enormous nesting (5,000 levels of properties) resolves lazily', () => {
    let root: JsonSchemaObject = { type: 'string' };
    for (let i = 0; i < 5000; i++) root = { type: 'object', properties: { n: root } };
    const ctx = createSchemaContext(root);
    let s: JsonSchema = root;
    for (let i = 0; i < 5000; i++) s = effectiveSchema(ctx, s, undefined).schema.properties!.n;
    assert.equal(effectiveSchema(ctx, s, undefined).schema.type, 'string');
    assert.doesNotThrow(() => defaultValue(ctx, root));
  });

  it('2,000 fields: resolution is cached per schema object (timings reported as diagnostics)', (t) => {
    const groups: Record<string, JsonSchema> = {};
    for (let g = 0; g < 40; g++) {
      const props: Record<string, JsonSchema> = {};
      for (let i = 0; i < 50; i++)
        props[`f${i}`] = i % 5 === 0 ? { $ref: '#/$defs/phone' } : { type: i % 2 ? 'string' : 'number', title: `F${i}` };
      groups[`g${g}`] = { type: 'object', properties: props, required: ['f1'] };
    }
    const root: JsonSchemaObject = { $defs: { phone: { type: 'string', pattern: '^\\+' } }, type: 'object', properties: groups };
    const ctx = createSchemaContext(root);
    const buildAll = () => {
      const out: unknown[] = [];
      const top = effectiveSchema(ctx, root, {}).schema;
      for (const g of Object.keys(top.properties!)) {
        const gs = effectiveSchema(ctx, top.properties![g], {}).schema;
        for (const f of Object.keys(gs.properties!)) {
          const fe = effectiveSchema(ctx, gs.properties![f], undefined);
          renderable(ctx, fe.schema);
          describeType(fe.schema);
          out.push(fe);
        }
      }
      return out;
    };
    let t0 = performance.now();
    const first = buildAll();
    const cold = performance.now() - t0;
    t0 = performance.now();
    const second = buildAll();
    const warm = performance.now() - t0;
    assert.equal(first.length, 2000);
    assert.ok(
      first.every((r, i) => r === second[i]),
      'repeated resolution returns the cached object',
    );
    assert.ok(!isDynamic(ctx, root));
    t.diagnostic(`2,000 fields: cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms`);
    // Only a gross regression fails here: shared test machines are noisy.
    assert.ok(cold < 1000 && warm < 500, `cold ${cold.toFixed(1)} ms, warm ${warm.toFixed(1)} ms`);
  });
});
