// The generated components follow the manifest: a changed element (a new event, a new tag) fails
// here until `npm run generate -w @kartochka/vue` is run.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain ES module script without types
import { generate } from '../scripts/generate-components.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));

it('src/components.ts is what the manifest generates', () => {
  const manifestPath = `${root}packages/elements/custom-elements.json`;
  if (!existsSync(manifestPath)) execFileSync('npm', ['run', 'manifest', '-w', '@kartochka/elements'], { cwd: root, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { modules: unknown[] };
  const expected = (generate as (m: unknown) => string)(manifest);
  assert.equal(readFileSync(`${root}packages/vue/src/components.ts`, 'utf8'), expected, 'stale: run `npm run generate -w @kartochka/vue`');
  assert.ok(/'kc-card': ElementComponent<.*onKcChange\?: \(event: KcChangeEvent\) => void/.test(expected));
  assert.equal(
    (expected.match(/^ {4}'kc-[a-z-]+': /gm) ?? []).length,
    (manifest.modules as { declarations?: { tagName?: string }[] }[]).flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).length,
  );
});
