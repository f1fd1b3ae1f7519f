import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

// The generator is a plain .mjs script; a computed specifier keeps the type checker out of it.
const script = new URL('../../../scripts/generate-template-types.mjs', import.meta.url).href;

test('the committed generated types match the schemas (run node scripts/generate-template-types.mjs)', async () => {
  const { generateTemplateTypes } = (await import(script)) as {
    generateTemplateTypes(): Promise<{ file: string; content: string }[]>;
  };
  const files = await generateTemplateTypes();
  assert.ok(files.length >= 2);
  for (const { file, content } of files) {
    const committed = await readFile(file, 'utf8').catch(() => '(missing)');
    assert.equal(committed, content, `${path.basename(file)} is stale: run node scripts/generate-template-types.mjs`);
  }
});
