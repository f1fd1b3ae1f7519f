// The Vite plugin: a real Vite build of `import v from './card.schema.json?kc-validator'`, the
// output loaded and run; its errors (paths, keywords, messages in both languages) must equal the
// run-time validator's, including a RE2 pattern, formats, x-errorMessage and our x- keywords.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { build } from 'vite';
import type { JsonSchemaObject } from '../types.js';
import { compileSchema, toFieldErrors, type PrecompiledValidator } from './validator.js';
import { kartochkaValidators } from './vite-plugin.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = path.join(root, 'node_modules/.cache/kartochka-vite-plugin-test');

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 2, 'x-errorMessage': { minLength: { ru: 'Слишком коротко', en: 'Too short' } } },
    email: { type: 'string', format: 'email' },
    phone: { type: 'string', format: 'phone' },
    code: { type: 'string', pattern: '^[A-Z]{2}-\\d+$' },
    since: { type: 'string', format: 'date' },
    score: { type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating' },
    secret: { type: 'string', 'x-access': { read: ['admin'] } },
  },
};
const docs: unknown[] = [
  { name: 'Anna', email: 'a@b.example', phone: '+7 912 345-67-89', code: 'AB-12', since: '2026-02-28', score: 3 },
  { name: 'A', email: 'nope', phone: '12', code: 'ab-x', since: '2026-02-30', score: 9, secret: 5 },
  {},
];

test('a Vite build turns schema.json?kc-validator into a validator with the run-time errors', async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'card.schema.json'), JSON.stringify(schema));
  writeFileSync(path.join(dir, 'entry.js'), "import validator from './card.schema.json?kc-validator';\nexport default validator;\n");
  await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    resolve: { conditions: ['@kartochka/source', 'module', 'node', 'production'] },
    plugins: [kartochkaValidators()],
    build: {
      outDir: path.join(dir, 'dist'),
      minify: false,
      lib: { entry: path.join(dir, 'entry.js'), formats: ['es'], fileName: 'validator' },
    },
  });
  const built = (await import(pathToFileURL(path.join(dir, 'dist/validator.js')).href)).default as PrecompiledValidator;
  const runtime = compileSchema(schema);
  for (const doc of docs) {
    const a = built(doc);
    const b = runtime(doc);
    assert.equal(a, b, `same verdict for ${JSON.stringify(doc)}`);
    for (const locale of ['en', 'ru'] as const) {
      assert.deepEqual(
        toFieldErrors(built.errors, locale),
        toFieldErrors(runtime.errors, locale),
        `same errors (${locale}) for ${JSON.stringify(doc)}`,
      );
    }
  }
  assert.equal(built(docs[1]), false, 'the invalid document is refused');
  assert.ok(
    toFieldErrors(built.errors, 'en').some((e) => e.path === '/code' && e.keyword === 'pattern'),
    'the RE2 pattern is checked',
  );
});
