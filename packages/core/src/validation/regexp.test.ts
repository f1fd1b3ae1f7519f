// Schema patterns run on RE2 (regexp.ts): linear time, so a hostile pattern cannot freeze a
// process; patterns RE2 cannot run are compile errors, not crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SchemaCompileError, compileSchema, validate } from './validator.js';
import { precompileValidator } from './precompile.js';
import type { PrecompiledValidator } from './validator.js';

// With a backtracking engine each extra `a` doubles the work: 40 of them would run for days.
const evil = { type: 'string', pattern: '^(a+)+$' } as const;
const attack = `${'a'.repeat(40)}!`;

test('a catastrophic-backtracking pattern answers at once (RE2, linear time)', () => {
  assert.deepEqual(
    validate(evil, attack).errors.map((e) => e.keyword),
    ['pattern'],
  );
  assert.equal(validate(evil, 'a'.repeat(200_000)).valid, true);
  // patternProperties go through the same engine.
  const keys = { type: 'object', patternProperties: { '^(a|aa)+$': { type: 'number' } } } as const;
  assert.equal(validate(keys, { [attack]: 'x' }).valid, true);
  assert.equal(validate(keys, { aaaa: 'x' }).valid, false);
});

test('ordinary ECMAScript patterns keep their meaning', () => {
  const cases: [string, string, boolean][] = [
    ['^\\d{6}$', '123456', true],
    ['^\\d{6}$', '12345x', false],
    ['^[\\p{L} -]+$', 'Ромашка и Co', true],
    ['(?<year>\\d{4})-\\d{2}', 'on 2026-12', true],
    ['^https?://', 'ftp://x', false],
    ['^.$', '😀', true],
    ['colou?r', 'The colour', true],
  ];
  for (const [pattern, value, valid] of cases) {
    assert.equal(validate({ type: 'string', pattern }, value).valid, valid, `${pattern} on ${value}`);
  }
});

test('lookaround and backreferences are a clear compile error', () => {
  for (const pattern of ['^(?=.*\\d).+$', '(?<!x)y', '^(a)\\1$']) {
    assert.throws(
      () => compileSchema({ type: 'string', pattern }),
      (e: unknown) => {
        assert.ok(e instanceof SchemaCompileError);
        assert.match(e.message, /regexp|syntax|escape/i);
        return true;
      },
    );
  }
});

test('a precompiled (standalone) validator imports the same linear engine', async () => {
  const source = precompileValidator({ type: 'object', properties: { code: evil } });
  assert.match(source, /from "@kartochka\/core\/regexp"/);
  assert.doesNotMatch(source, /new RegExp/);
  // Inside the repository, so its imports (ajv's runtime, @kartochka/core/*) resolve.
  const dir = path.join(fileURLToPath(new URL('../../../../', import.meta.url)), 'node_modules/.cache/kartochka-precompile-test');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'regexp.mjs'), source);
  const fn = (await import(pathToFileURL(path.join(dir, 'regexp.mjs')).href)).default as PrecompiledValidator;
  assert.equal(fn({ code: attack }), false);
  assert.equal(fn.errors?.[0]?.keyword, 'pattern');
  assert.equal(fn({ code: 'aaa' }), true);
});
