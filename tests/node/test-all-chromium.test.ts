/**
 * `npm test` on a machine without Chromium: scripts/test-all.mjs stops before any step with the one
 * line that says how to install it, instead of minutes of builds and a failure per browser test.
 * The browser is looked up as the test runner and the e2e tests look it up (scripts/chromium.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error — plain .mjs helper shared with the test-runner config
import { findChromium, CHROMIUM_MISSING } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('without Chromium, npm test prints one line on how to install it and exits non-zero', () => {
  const empty = mkdtempSync(join(tmpdir(), 'kc-no-chromium-'));
  try {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['scripts/test-all.mjs'], {
      cwd: root,
      encoding: 'utf8',
      // PATH holds no browser (nor npm: a step that started would fail differently).
      env: { ...process.env, CHROME_PATH: join(empty, 'no-such-chromium'), PATH: empty },
      timeout: 30_000,
    });
    assert.notEqual(run.status, 0);
    assert.equal(run.stdout, '', 'no step started');
    assert.equal(run.stderr, `${CHROMIUM_MISSING}\n`);
    assert.match(run.stderr, /apt-get install -y chromium/);
    assert.ok(Date.now() - started < 10_000, 'it stops at once');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('the browser is found through CHROME_PATH, else by its name on PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kc-chromium-'));
  try {
    const onPath = join(dir, 'chromium');
    writeFileSync(onPath, '');
    assert.equal(findChromium({ PATH: dir }), onPath);
    assert.equal(findChromium({ PATH: dir, CHROME_PATH: join(dir, 'missing') }), onPath);
    const explicit = join(dir, 'my-chrome');
    writeFileSync(explicit, '');
    assert.equal(findChromium({ PATH: dir, CHROME_PATH: explicit }), explicit);
    assert.equal(findChromium({ PATH: join(dir, 'nothing-here') }), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
