// `npm test`: every check of the project, one after another, then ONE plain closing line
// "N passed, N failed" summing every runner (CI reads that line). Exits 1 if anything failed.
import { spawn } from 'node:child_process';
import { findChromium, CHROMIUM_MISSING } from './chromium.mjs';

const steps = [
  // First: the type check and Storybook read the generated custom-elements manifest.
  { name: 'custom-elements manifest', cmd: 'npm', args: ['run', 'manifest', '-w', '@kartochka/elements'], count: 'single' },
  { name: 'type check', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.check.json'], count: 'single' },
  { name: 'lint (typescript-eslint, lit, lit-a11y)', cmd: 'npx', args: ['eslint', '.'], count: 'single' },
  { name: 'format (Prettier)', cmd: 'npm', args: ['run', 'format:check'], count: 'single' },
  { name: 'node unit tests', cmd: 'node', args: ['scripts/test-node.mjs'], count: 'node' },
  {
    name: 'browser tests (Chromium)',
    cmd: 'npx',
    args: ['wtr', '--config', 'web-test-runner.config.mjs'],
    env: { KC_WTR_QUIET: '1' },
    count: 'wtr',
    browser: true,
  },
  { name: 'API reference (TypeDoc → docs/api)', cmd: 'npm', args: ['run', 'docs'], count: 'single' },
  { name: 'docs site (VitePress, with the API reference)', cmd: 'node', args: ['scripts/docs-site.mjs', '--with-api'], count: 'single' },
  { name: 'package builds', cmd: 'npm', args: ['run', 'build'], count: 'single' },
  {
    name: 'end-to-end tests (demo in Chromium)',
    cmd: 'node',
    args: [
      '--conditions=@kartochka/source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      'tests/e2e/demo.test.ts',
      'tests/e2e/card-types.test.ts',
      'tests/e2e/import.test.ts',
      'tests/e2e/files.test.ts',
      'tests/e2e/demo-users.test.ts',
      'tests/e2e/duplicates-views.test.ts',
      'tests/e2e/mobile.test.ts',
      'tests/e2e/visual.test.ts',
      'tests/e2e/examples.test.ts',
      'tests/e2e/plain-html.test.ts',
      'tests/e2e/pack-install.test.ts',
    ],
    count: 'node',
    browser: true,
  },
  { name: 'storybook build', cmd: 'npm', args: ['run', 'build-storybook'], count: 'single' },
];

const only = process.argv.slice(2);
const selected = steps.filter((step) => !only.length || only.some((o) => step.name.includes(o)));

// Without a browser every browser test would fail one by one after minutes of building: say the
// one thing to do instead, before any step starts.
if (selected.some((step) => step.browser) && !findChromium()) {
  process.stderr.write(`${CHROMIUM_MISSING}\n`);
  process.exit(1);
}

// A step that outlives this is stopped and counted failed: a hung step (a child process a failed
// test left running, a browser that never answers) must not hold CI until its own time limit.
const STEP_LIMIT_MS = 20 * 60 * 1000;

function run(step) {
  return new Promise((resolve) => {
    // Its own process group, so a stop reaches the step's children (servers, browsers) too.
    const child = spawn(step.cmd, step.args, {
      env: { ...process.env, ...step.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const limit = setTimeout(() => {
      out += `\n${step.name}: still running after ${STEP_LIMIT_MS / 60000} min; stopped.\n`;
      process.stderr.write(`\n${step.name}: still running after ${STEP_LIMIT_MS / 60000} min; stopped.\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, STEP_LIMIT_MS);
    let out = '';
    const take = (chunk, stream) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', (c) => take(c, process.stdout));
    child.stderr.on('data', (c) => take(c, process.stderr));
    child.on('close', (code) => {
      clearTimeout(limit);
      resolve({ code: code ?? 1, out });
    });
  });
}

function countOf(step, { code, out }) {
  const num = (re) => {
    const all = [...out.matchAll(re)];
    return all.length ? Number(all[all.length - 1][1]) : undefined;
  };
  if (step.count === 'node') {
    const passed = num(/^(?:ℹ|#) pass (\d+)/gm);
    const failed = num(/^(?:ℹ|#) fail (\d+)/gm);
    if (passed !== undefined && failed !== undefined) return { passed, failed: failed || (code ? 1 : 0) };
  }
  if (step.count === 'wtr') {
    const m = [...out.matchAll(/^browser: (\d+) passed, (\d+) failed/gm)].pop();
    if (m) return { passed: Number(m[1]), failed: Number(m[2]) || (code ? 1 : 0) };
  }
  return code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

let passed = 0;
let failed = 0;
const lines = [];
for (const step of selected) {
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const started = Date.now();
  const result = await run(step);
  const c = countOf(step, result);
  passed += c.passed;
  failed += c.failed;
  lines.push(
    `${c.failed ? 'FAIL' : 'ok  '} ${step.name}: ${c.passed} passed, ${c.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
process.stdout.write(`\n=== summary ===\n${lines.join('\n')}\n\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
