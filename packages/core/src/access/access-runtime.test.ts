// FieldAccess on demand: this file imports the bare controller (form/controller.ts), as the card
// does, and not the package root, whose FormController registers FieldAccess when used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FormController } from '../form/controller.js';
import { FieldAccessUnavailableError, fieldAccessClass, loadFieldAccess } from './access-runtime.js';
import type { JsonSchemaObject } from '../types.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    diagnosis: { type: 'string', 'x-access': { read: ['doctor'] } },
  },
};

test('a form without roles never needs FieldAccess', () => {
  assert.equal(fieldAccessClass(), undefined, 'nothing loaded it yet');
  const f = new FormController(schema, { value: { name: 'Ada', diagnosis: 'flu' } });
  assert.equal(f.canRead('/diagnosis'), true);
  assert.equal(fieldAccessClass(), undefined, 'still not loaded');
});

test('with roles, the bare controller needs it loaded first, and then applies x-access', async () => {
  const before = new FormController(schema, { value: { name: 'Ada', diagnosis: 'flu' }, roles: ['clerk'] });
  assert.throws(() => before.canRead('/diagnosis'), FieldAccessUnavailableError);
  await loadFieldAccess();
  const f = new FormController(schema, { value: { name: 'Ada', diagnosis: 'flu' }, roles: ['clerk'] });
  assert.equal(f.canRead('/diagnosis'), false);
  assert.equal(f.canRead('/name'), true);
  f.roles = ['doctor'];
  assert.equal(f.canRead('/diagnosis'), true);
});
