import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { FALLBACK_KEYWORD, createSchemaContext, deref, effectiveSchema, renderable } from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

describe('deref', () => {
  it('follows #/$defs, #/definitions and # pointers', () => {
    const root: JsonSchemaObject = {
      $defs: { a: { type: 'string' } },
      definitions: { b: { type: 'number' } },
      properties: { x: { $ref: '#/$defs/a' }, y: { $ref: '#/definitions/b' }, self: { $ref: '#' } },
    };
    const ctx = createSchemaContext(root);
    const p = root.properties!;
    assert.deepEqual(deref(ctx, p.x), { type: 'string' });
    assert.deepEqual(deref(ctx, p.y), { type: 'number' });
    assert.equal(deref(ctx, p.self), root);
  });

  it('decodes percent-encoding and ~0/~1 escapes', () => {
    const root: JsonSchemaObject = {
      $defs: { 'a/b': { type: 'string' }, 'm~n': { type: 'integer' }, 'with space': { type: 'boolean' }, ü: { type: 'null' } },
      properties: {
        a: { $ref: '#/$defs/a~1b' },
        b: { $ref: '#/$defs/m~0n' },
        c: { $ref: '#/$defs/with%20space' },
        d: { $ref: '#/$defs/%C3%BC' },
      },
    };
    const ctx = createSchemaContext(root);
    const p = root.properties!;
    assert.equal(deref(ctx, p.a).type, 'string');
    assert.equal(deref(ctx, p.b).type, 'integer');
    assert.equal(deref(ctx, p.c).type, 'boolean');
    assert.equal(deref(ctx, p.d).type, 'null');
  });

  it('follows chains and refs to $id and $anchor', () => {
    const root: JsonSchemaObject = {
      $id: 'https://example.com/card.json',
      $defs: {
        a: { $ref: '#/$defs/b' },
        b: { $ref: '#/$defs/c' },
        c: { type: 'string', title: 'C' },
        addr: {
          $id: 'address.json',
          type: 'object',
          properties: { city: { $ref: '#/$defs/city' } },
          $defs: { city: { type: 'string', title: 'City' } },
        },
        anchored: { $anchor: 'phone', type: 'string', format: 'phone' },
      },
      properties: {
        chain: { $ref: '#/$defs/a' },
        byId: { $ref: 'address.json' },
        byAbsId: { $ref: 'https://example.com/address.json' },
        byAnchor: { $ref: '#phone' },
      },
    };
    const ctx = createSchemaContext(root);
    const p = root.properties!;
    assert.equal(deref(ctx, p.chain).title, 'C');
    const addr = deref(ctx, p.byId);
    assert.equal(addr.type, 'object');
    assert.equal(deref(ctx, p.byAbsId), addr);
    // Inside address.json, "#/$defs/city" is relative to that resource.
    assert.equal(deref(ctx, addr.properties!.city).title, 'City');
    assert.equal(deref(ctx, p.byAnchor).format, 'phone');
  });

  it('draft-07 plain-name $id anchors', () => {
    const root: JsonSchemaObject = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: { e: { $id: '#email', type: 'string', format: 'email' } },
      properties: { mail: { $ref: '#email' } },
    };
    const ctx = createSchemaContext(root);
    assert.equal(ctx.draft, 'draft-07');
    assert.equal(deref(ctx, root.properties!.mail).format, 'email');
  });

  it('merges $ref siblings in 2020-12 (local title wins) and keeps only annotations in draft-07', () => {
    const defs = { name: { type: 'string', title: 'Name', minLength: 1 } };
    const r20: JsonSchemaObject = { $defs: defs, properties: { n: { $ref: '#/$defs/name', title: 'First name', maxLength: 5 } } };
    const s20 = deref(createSchemaContext(r20), r20.properties!.n);
    assert.equal(s20.title, 'First name');
    assert.equal(s20.minLength, 1);
    assert.equal(s20.maxLength, 5);
    const r07: JsonSchemaObject = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      definitions: defs,
      properties: { n: { $ref: '#/definitions/name', title: 'First name', maxLength: 5 } },
    };
    const s07 = deref(createSchemaContext(r07), r07.properties!.n);
    assert.equal(s07.title, 'First name');
    assert.equal(s07.maxLength, undefined);
    assert.equal(s07.minLength, 1);
  });

  it('does not mutate the input schema and caches the result', () => {
    const root: JsonSchemaObject = { $defs: { a: { type: 'string' } }, properties: { x: { $ref: '#/$defs/a', title: 'X' } } };
    const before = JSON.stringify(root);
    const ctx = createSchemaContext(root);
    const first = deref(ctx, root.properties!.x);
    assert.equal(deref(ctx, root.properties!.x), first);
    assert.equal(JSON.stringify(root), before);
  });

  it('true/false/missing schemas', () => {
    const ctx = createSchemaContext({});
    assert.deepEqual(deref(ctx, true), {});
    assert.deepEqual(deref(ctx, undefined), {});
    assert.deepEqual(deref(ctx, false), { not: {} });
    assert.deepEqual(renderable(ctx, false), { ok: false, reason: 'false schema: no value is valid' });
  });

  describe('hostile refs never throw or loop', () => {
    const cases: [string, JsonSchemaObject, string][] = [
      ['self-reference', { $ref: '#' }, 'cycle'],
      ['a→b→a', { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }, 'cycle'],
      ['missing def', { $ref: '#/$defs/nope' }, 'points at nothing'],
      ['remote', { $ref: 'https://example.com/other.json#/x' }, 'remote'],
      ['relative remote', { $id: 'https://example.com/a.json', $ref: 'b.json' }, 'remote'],
      ['bad escape', { $ref: '#/%E0%A4%A' }, 'malformed'],
      ['ref to a number', { $defs: { n: 5 as never }, $ref: '#/$defs/n' }, 'not point at a schema'],
      ['unknown anchor', { $ref: '#nowhere' }, 'points at nothing'],
    ];
    for (const [name, root, reason] of cases) {
      it(name, () => {
        const ctx = createSchemaContext(root);
        const s = deref(ctx, root);
        assert.match(String(s[FALLBACK_KEYWORD]), new RegExp(reason));
        const r = renderable(ctx, root);
        assert.equal(r.ok, false);
        assert.doesNotThrow(() => effectiveSchema(ctx, root, {}));
      });
    }
  });

  it('keeps the title of an unresolvable ref for the raw editor', () => {
    const root: JsonSchemaObject = { properties: { x: { $ref: 'http://x/y.json', title: 'Remote' } } };
    const s = deref(createSchemaContext(root), root.properties!.x);
    assert.equal(s.title, 'Remote');
    assert.ok(s[FALLBACK_KEYWORD]);
  });

  it('recursive schemas expand lazily, as deep as the data goes', () => {
    const root: JsonSchemaObject = {
      $defs: {
        person: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/person' } } },
        },
      },
      $ref: '#/$defs/person',
    };
    const ctx = createSchemaContext(root);
    let s = effectiveSchema(ctx, root, {}).schema;
    for (let depth = 0; depth < 200; depth++) {
      const items = s.properties!.children as JsonSchemaObject;
      s = effectiveSchema(ctx, items.items as JsonSchemaObject, {}).schema;
      assert.deepEqual(Object.keys(s.properties!), ['name', 'children']);
    }
  });

  it('createSchemaContext rejects misuse and detects the draft', () => {
    assert.throws(() => createSchemaContext(null as never), TypeError);
    assert.equal(createSchemaContext({ $schema: 'http://json-schema.org/draft-04/schema#' }).draft, 'draft-07');
    assert.equal(createSchemaContext({ $schema: 'http://json-schema.org/draft-04/schema#' }).dialect, 'draft-04');
    assert.equal(createSchemaContext({ $schema: 'https://json-schema.org/draft/2019-09/schema' }).draft, '2020-12');
    assert.equal(createSchemaContext({}).draft, '2020-12');
    assert.equal(createSchemaContext(true).draft, '2020-12');
  });
});
