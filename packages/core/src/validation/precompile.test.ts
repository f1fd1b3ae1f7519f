import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import type { JsonSchemaObject } from '../types.js';
import { FormController } from '../form/controller.js';
import { compileSchema, toFieldErrors, type PrecompiledValidator } from './validator.js';
import { precompileValidator } from './precompile.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
// Inside the repository, so the module's imports (ajv's runtime, @kartochka/core/formats) resolve.
const dir = path.join(root, 'node_modules/.cache/kartochka-precompile-test');

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name', 'contact'],
  properties: {
    name: { type: 'string', minLength: 2, 'x-errorMessage': { minLength: { ru: 'Слишком коротко', en: 'Too short' } } },
    contact: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', format: 'phone' },
        since: { type: 'string', format: 'date' },
      },
    },
    kind: { enum: ['lead', { custom: true }] },
    note: { type: 'string', maxLength: 3 },
    score: { type: 'integer', minimum: 1, maximum: 5 },
    tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  if: { properties: { kind: { const: 'lead' } }, required: ['kind'] },
  then: { required: ['score'] },
};

const docs: unknown[] = [
  {
    name: 'Ромашка',
    contact: { email: 'a@b.example', phone: '+7 912 345-67-89', since: '2026-02-28' },
    kind: { custom: true },
    tags: ['a', 'b'],
  },
  { name: 'R', contact: { email: 'nope', phone: '12', since: '2026-02-30' }, kind: 'lead', note: '😀😀😀😀', tags: ['a', 'a'] },
  { contact: 5, kind: 'other', score: 9 },
  'not an object',
];

async function load(source: string, file: string): Promise<PrecompiledValidator> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, file), source);
  return (await import(pathToFileURL(path.join(dir, file)).href)).default as PrecompiledValidator;
}

const shape = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);

test('a precompiled validator reports exactly what the run-time compile reports, messages included', async () => {
  const precompiled = await load(precompileValidator(schema), 'card.mjs');
  const runtime = compileSchema(schema);
  let invalid = 0;
  for (const doc of docs) {
    const ok = precompiled(doc);
    assert.equal(ok, runtime(doc), JSON.stringify(doc));
    assert.deepEqual(shape(precompiled.errors), shape(runtime.errors), JSON.stringify(doc));
    for (const locale of ['ru', 'en'] as const)
      assert.deepEqual(toFieldErrors(precompiled.errors, locale), toFieldErrors(runtime.errors, locale));
    if (!ok) invalid++;
  }
  assert.equal(invalid, 3);
  // The custom message travels with the precompiled validator (it reads parentSchema).
  assert.ok(toFieldErrors(precompiled.errors, 'en').length > 0);
  precompiled(docs[1]);
  assert.ok(toFieldErrors(precompiled.errors, 'ru').some((e) => e.message === 'Слишком коротко'));
});

test('a FormController given a precompiled validator validates like one that compiles', async () => {
  const validator = await load(precompileValidator(schema), 'card-controller.mjs');
  const a = new FormController(schema, { value: docs[1] as never, validator });
  const b = new FormController(schema, { value: docs[1] as never });
  assert.deepEqual(a.validate(), b.validate());
  assert.equal(a.validationUnavailable, undefined);
});

test('the generated module imports nothing that needs code generation and keeps draft-07 schemas', () => {
  const source = precompileValidator({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { a: { type: 'string', format: 'uri' } },
  });
  assert.doesNotMatch(source, /\brequire\(|new Function|\beval\(/);
  assert.match(source, /from "@kartochka\/core\/formats"/);
});

test('where code generation is forbidden (as under a strict CSP), the card still works; a precompiled validator validates', async () => {
  const validatorFile = path.join(dir, 'card-csp.mjs');
  await load(precompileValidator(schema), 'card-csp.mjs');
  const script = `
    import { FormController, compileSchema } from '@kartochka/core';
    const schema = ${JSON.stringify({ ...schema, properties: { ...schema.properties, total: { type: 'number', 'x-formula': { '*': [{ var: '/score' }, 2] } } } })};
    const out = {};
    const plain = new FormController(schema, { value: { name: 'R', score: 3 } });
    out.unavailable = plain.validationUnavailable;
    out.schemaError = plain.schemaError ?? null;
    out.rootKind = plain.root.kind;
    out.formula = plain.getValue('/total');
    out.plainValid = plain.validate().valid;
    try { compileSchema({ type: 'string' }); } catch (e) { out.thrown = e.name; }
    const validator = (await import(${JSON.stringify(pathToFileURL(validatorFile).href)})).default;
    const checked = new FormController(schema, { value: { name: 'R', score: 3 }, validator });
    out.checkedErrors = checked.validate().errors.map((e) => e.path + ' ' + e.keyword);
    console.log(JSON.stringify(out));
  `;
  const file = path.join(dir, 'csp-probe.mts');
  writeFileSync(file, script);
  const r = spawnSync(
    process.execPath,
    ['--disallow-code-generation-from-strings', '--conditions=@kartochka/source', '--import', 'tsx', file],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  assert.match(out.unavailable, /Code generation from strings disallowed/);
  assert.equal(out.schemaError, null, 'not mistaken for a broken schema (which would show the raw JSON editor)');
  assert.equal(out.rootKind, 'object');
  assert.equal(out.formula, 6, 'formulas are interpreted, no code generation');
  assert.equal(out.plainValid, true);
  assert.equal(out.thrown, 'ValidationUnavailableError');
  assert.deepEqual(out.checkedErrors.sort(), ['/contact required', '/name minLength'].sort());
  assert.equal(r.stderr.includes('Error compiling schema'), false, 'no pages of generated code on the console');
});
