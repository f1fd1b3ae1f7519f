// Persistence is opt-in: the card and the package root must not pull it in, so a page that only
// renders cards does not load drafts, the outbox, merge or idb. Checked on the real module graph
// (esbuild bundles the entry and lists every input file).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const src = fileURLToPath(new URL('..', import.meta.url));

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [src + entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@kartochka/source'],
    external: ['ajv', 'ajv/*', 'ajv-formats', 'ajv-formats/*'],
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

test('the package root and the card load no persistence code', async () => {
  for (const entry of ['index.ts', 'card/card.ts']) {
    const inputs = await inputsOf(entry);
    assert.ok(
      inputs.some((f) => f.includes('card/card.ts')),
      `${entry} bundles the card`,
    );
    assert.deepEqual(
      inputs.filter((f) => f.includes('elements/src/persistence/') || f.includes('node_modules/idb/')),
      [],
      `${entry} pulls in persistence`,
    );
  }
});

test('the persistence entry brings it', async () => {
  const inputs = await inputsOf('persistence/index.ts');
  assert.ok(inputs.some((f) => f.endsWith('persistence/card-persistence.ts')));
  assert.ok(inputs.some((f) => f.includes('node_modules/idb/')));
});
