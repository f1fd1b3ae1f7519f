// Each template ships its schema's validator precompiled (scripts/generate-template-validators.mjs):
// the files are current, and they judge data exactly as the run-time compiler does (verdicts and
// errors, in both languages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { compileSchema, toFieldErrors, type JsonValue } from '@kartochka/core';
import { templates } from './templates.js';

const generator = new URL('../../../scripts/generate-template-validators.mjs', import.meta.url).href;

test('the precompiled template validators are current (run node scripts/generate-template-validators.mjs)', async () => {
  const { generateTemplateValidators } = (await import(generator)) as {
    generateTemplateValidators: () => Promise<{ file: string; content: string }[]>;
  };
  for (const { file, content } of await generateTemplateValidators()) assert.equal(readFileSync(file, 'utf8'), content, `${file} is stale`);
});

/** The sample with every top-level section's first scalar broken. */
function broken(sample: JsonValue): JsonValue {
  const copy = structuredClone(sample) as Record<string, Record<string, unknown>>;
  for (const section of Object.values(copy)) {
    if (!section || typeof section !== 'object') continue;
    const key = Object.keys(section).find((k) => typeof section[k] !== 'object');
    if (key) section[key] = typeof section[key] === 'number' ? 'not a number' : 12345;
  }
  return copy as JsonValue;
}

test('each template validator gives the run-time verdict and errors', async () => {
  for (const t of templates) {
    assert.ok(t.loadValidator, `${t.id} ships a validator`);
    const pre = await t.loadValidator!();
    const run = compileSchema(t.schema);
    for (const doc of [t.sample as JsonValue, broken(t.sample as JsonValue), {}]) {
      assert.equal(pre(doc), run(doc), `${t.id}: same verdict`);
      for (const locale of ['ru', 'en'] as const)
        assert.deepEqual(toFieldErrors(pre.errors, locale), toFieldErrors(run.errors, locale), `${t.id}: same errors (${locale})`);
    }
    assert.equal(pre(t.sample), true, `${t.id}: the sample is valid`);
    assert.equal(pre(broken(t.sample as JsonValue)), false, `${t.id}: the broken sample is not`);
  }
});
