import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchemaObject } from '../types.js';
import { createSchemaContext, describeType, effectiveSchema, optionsOf } from './resolve.js';
// The run-time compiler (ajv), as the package root loads it; FormController and the matcher find it there.
import '../validation/validator.js';

const keys = (s: JsonSchemaObject) => Object.keys(s.properties ?? {});

describe('oneOf/anyOf branches', () => {
  const root: JsonSchemaObject = {
    $defs: {
      email: {
        title: 'E-mail',
        properties: { type: { const: 'email' }, address: { type: 'string', format: 'email' } },
        required: ['address'],
      },
    },
    type: 'object',
    properties: { note: { type: 'string' } },
    required: ['type'],
    oneOf: [
      { $ref: '#/$defs/email' },
      { properties: { type: { const: 'phone' }, number: { type: 'string' } } },
      { properties: { type: { enum: ['fax'] }, number: { type: 'string' }, ext: { type: 'integer' } } },
    ],
  };
  const ctx = createSchemaContext(root);

  it('finds the const discriminator and titles the options', () => {
    const r = effectiveSchema(ctx, root, { type: 'phone' });
    assert.equal(r.branches?.keyword, 'oneOf');
    assert.equal(r.branches?.discriminator, 'type');
    assert.deepEqual(
      r.branches?.options.map((o) => [o.title, o.titleFrom, o.index]),
      [
        ['E-mail', 'title', 0],
        ['phone', 'discriminator', 1],
        ['fax', 'discriminator', 2],
      ],
    );
    assert.equal(r.branches?.selected, 1);
    assert.deepEqual(keys(r.schema), ['note', 'type', 'number']);
    assert.equal(r.schema.oneOf, undefined);
  });

  it('selects by discriminator, explicit branch, validation, else 0', () => {
    assert.equal(effectiveSchema(ctx, root, { type: 'fax' }).branches?.selected, 2);
    const explicit = effectiveSchema(ctx, root, { type: 'fax' }, { branch: 0 });
    assert.equal(explicit.branches?.selected, 0);
    assert.deepEqual(explicit.schema.required, ['type', 'address']);
    assert.equal(effectiveSchema(ctx, root, undefined).branches?.selected, 0);
    assert.equal(effectiveSchema(ctx, root, { type: 'nope' }, { branch: 99 }).branches?.selected, 0);
  });

  it('without a discriminator: first branch the data validates against; Option N titles', () => {
    const r: JsonSchemaObject = {
      anyOf: [
        { type: 'object', properties: { street: { type: 'string' } }, required: ['street'] },
        { type: 'object', properties: { lat: { type: 'number' }, lng: { type: 'number' } }, required: ['lat', 'lng'] },
      ],
    };
    const c = createSchemaContext(r);
    const e = effectiveSchema(c, r, { lat: 1, lng: 2 });
    assert.equal(e.branches?.selected, 1);
    assert.equal(e.branches?.discriminator, undefined);
    assert.deepEqual(
      e.branches?.options.map((o) => o.title),
      ['Option 1', 'Option 2'],
    );
    assert.equal(effectiveSchema(c, r, { street: 'x' }).branches?.selected, 0);
    assert.equal(effectiveSchema(c, r, {}).branches?.selected, 0);
  });

  it('uses OpenAPI discriminator.propertyName first', () => {
    const r: JsonSchemaObject = {
      discriminator: { propertyName: 'kind' },
      oneOf: [{ properties: { id: { const: 1 }, kind: { const: 'a' } } }, { properties: { id: { const: 2 }, kind: { const: 'b' } } }],
    };
    assert.equal(effectiveSchema(createSchemaContext(r), r, {}).branches?.discriminator, 'kind');
  });

  it('const lists are options, not branches; [X, null] is nullable X', () => {
    const r: JsonSchemaObject = {
      $defs: { addr: { type: 'object', properties: { city: { type: 'string' } } } },
      properties: {
        status: {
          oneOf: [
            { const: 'new', title: 'New' },
            { const: 'won', title: 'Won' },
          ],
        },
        addr: { anyOf: [{ $ref: '#/$defs/addr' }, { type: 'null' }] },
        when: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }], title: 'When' },
      },
    };
    const c = createSchemaContext(r);
    const status = effectiveSchema(c, r.properties!.status, 'new');
    assert.equal(status.branches, undefined);
    assert.deepEqual(optionsOf(c, status.schema), [
      { value: 'new', title: 'New' },
      { value: 'won', title: 'Won' },
    ]);
    const addr = effectiveSchema(c, r.properties!.addr, null);
    assert.equal(addr.branches, undefined);
    assert.deepEqual(describeType(addr.schema), { types: ['object'], primary: 'object', nullable: true });
    assert.deepEqual(keys(addr.schema), ['city']);
    const when = effectiveSchema(c, r.properties!.when, null).schema;
    assert.equal(when.format, 'date');
    assert.equal(when.title, 'When');
    assert.deepEqual(when.type, ['string', 'null']);
  });

  it('branches with their own conditionals and allOf', () => {
    const r: JsonSchemaObject = {
      oneOf: [
        {
          title: 'Person',
          allOf: [{ properties: { t: { const: 'p' } } }, { properties: { name: { type: 'string' } } }],
          if: { properties: { name: { const: 'Bob' } }, required: ['name'] },
          then: { properties: { bobExtra: { type: 'string' } } },
        },
        { title: 'Org', properties: { t: { const: 'o' }, inn: { type: 'string' } } },
      ],
    };
    const c = createSchemaContext(r);
    assert.deepEqual(keys(effectiveSchema(c, r, { t: 'p', name: 'Bob' }).schema), ['t', 'name', 'bobExtra']);
    assert.deepEqual(keys(effectiveSchema(c, r, { t: 'p', name: 'Al' }).schema), ['t', 'name']);
    assert.deepEqual(keys(effectiveSchema(c, r, { t: 'o' }).schema), ['t', 'inn']);
  });

  it('two oneOf groups from allOf: first is branches, schema still resolves', () => {
    const r: JsonSchemaObject = {
      allOf: [
        {
          oneOf: [
            { properties: { a: { type: 'string' } }, required: ['a'] },
            { properties: { b: { type: 'string' } }, required: ['b'] },
          ],
        },
        {
          oneOf: [
            { properties: { c: { type: 'string' } }, required: ['c'] },
            { properties: { d: { type: 'string' } }, required: ['d'] },
          ],
        },
      ],
    };
    const e = effectiveSchema(createSchemaContext(r), r, { b: 'x' });
    assert.equal(e.branches?.selected, 1);
    assert.deepEqual(keys(e.schema), ['b']);
  });
});
