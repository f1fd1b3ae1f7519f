import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FieldAccess, restrictedFields } from './field-access.js';
import type { JsonSchema } from '../types.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    notes: { type: 'string', 'x-access': { read: ['admin', 'doctor'], write: ['doctor'] } },
    visits: {
      type: 'array',
      items: { type: 'object', properties: { date: { type: 'string' }, diagnosis: { type: 'string', 'x-access': { read: ['doctor'] } } } },
    },
    billing: { $ref: '#/$defs/billing' },
  },
  $defs: { billing: { type: 'object', 'x-access': { write: ['admin'] }, properties: { iban: { type: 'string' } } } },
};
const stored = { name: 'Anna', notes: 'allergic', visits: [{ date: '2026-01-01', diagnosis: 'x' }], billing: { iban: 'DE1' } };

test('collects every x-access rule as a pointer template, refs and array items included', () => {
  assert.deepEqual(
    restrictedFields(schema).map((f) => f.template),
    ['/notes', '/visits/*/diagnosis', '/billing'],
  );
});

test('strips what a role may not read, from the nearest rule and from ancestors', () => {
  const editor = new FieldAccess(schema, ['editor']);
  assert.deepEqual(editor.strip(stored), { name: 'Anna', visits: [{ date: '2026-01-01' }], billing: { iban: 'DE1' } });
  assert.equal(editor.readable('/notes'), false);
  assert.equal(editor.readable('/visits/0/diagnosis'), false);
  assert.equal(editor.readable('/visits/*/diagnosis'), false, 'templates work as well as concrete pointers');
  assert.equal(editor.writable('/billing/iban'), false, 'a rule on an object covers its fields');
  const admin = new FieldAccess(schema, ['admin']);
  assert.equal(admin.readable('/notes'), true);
  assert.equal(admin.writable('/notes'), false);
  assert.deepEqual(new FieldAccess(schema, ['doctor', 'admin']).strip(stored), stored);
  assert.equal(stored.notes, 'allergic', 'the input is not changed');
});

test('a save without the hidden fields keeps their stored values', () => {
  const editor = new FieldAccess(schema, ['editor']);
  const incoming = { name: 'Anna K', visits: [{ date: '2026-01-01' }], billing: { iban: 'DE1' } };
  const { data, errors } = editor.checkWrite(stored, incoming);
  assert.deepEqual(errors, []);
  assert.deepEqual(data, { ...stored, name: 'Anna K' });
});

test('refuses a value for a hidden field, and a change to a read-only one, with field errors', () => {
  const editor = new FieldAccess(schema, ['editor']);
  const { errors } = editor.checkWrite(stored, { ...stored, notes: 'guess', billing: { iban: 'XX' } }, 'ru');
  assert.deepEqual(
    errors.map((e) => [e.path, e.keyword, e.params?.access]),
    [
      ['/notes', 'x-access', 'read'],
      ['/visits/0/diagnosis', 'x-access', 'read'],
      ['/billing', 'x-access', 'write'],
    ],
  );
  assert.equal(errors[0]!.message, 'Вам нельзя заполнять это поле.');
  const doctor = new FieldAccess(schema, ['doctor']);
  assert.deepEqual(doctor.checkWrite(stored, { ...stored, notes: 'fine' }).errors, []);
});

test('a schema without rules is open; recursive schemas terminate', () => {
  assert.equal(new FieldAccess({ type: 'object', properties: { a: { type: 'string' } } }, []).open, true);
  const tree: JsonSchema = {
    $ref: '#/$defs/node',
    $defs: {
      node: {
        type: 'object',
        properties: { kids: { type: 'array', items: { $ref: '#/$defs/node' } }, secret: { 'x-access': { read: ['a'] } } },
      },
    },
  };
  assert.ok(restrictedFields(tree).length >= 1);
});

test('the form controller hides unreadable fields and locks unwritable ones for the given roles', async () => {
  // The root's controller (registered.ts): it registers FieldAccess when used.
  const { FormController } = await import('../registered.js');
  const c = new FormController(schema, { value: stored, roles: ['admin'] });
  assert.deepEqual([c.state('/notes').visible, c.state('/notes').readOnly], [true, true]);
  assert.equal(c.state('/visits/0/diagnosis').visible, false);
  assert.equal(c.state('/billing/iban').readOnly, false);
  c.roles = ['editor'];
  assert.equal(c.state('/notes').visible, false);
  assert.equal(c.state('/billing/iban').readOnly, true);
  c.roles = undefined;
  assert.deepEqual([c.state('/notes').visible, c.state('/notes').readOnly], [true, false]);
});
