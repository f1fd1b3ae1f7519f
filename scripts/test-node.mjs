// Runs the Node-side unit tests (node:test through tsx, sources resolved by the
// "@kartochka/source" export condition, so no build is needed first) — then the server suites
// that ask for a test database (`tempDb(`, `openTestStore(`) a second time on PostgreSQL
// (KARTOCHKA_TEST_BACKEND=postgres; packages/server/src/test-support/backend.ts). Without a
// reachable PostgreSQL that pass is skipped with one line saying why — except under CI=true,
// where it counts as a failure. Ends with the summed "ℹ pass N" / "ℹ fail N" lines.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { findFiles, isNodeTest } from './find-files.mjs';

const files = findFiles(['packages', 'tests/node'], isNodeTest);
if (files.length === 0) {
  console.error('No Node tests found.');
  process.exit(1);
}
const extra = process.argv.slice(2);

function runTests(testFiles, env = {}) {
  const args = ['--conditions=@kartochka/source', '--import', 'tsx', '--test', '--test-reporter=spec', ...extra, ...testFiles];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.on('close', (code) => {
      const last = (re) => Number([...out.matchAll(re)].pop()?.[1] ?? NaN);
      const passed = last(/^ℹ pass (\d+)/gm);
      const failed = last(/^ℹ fail (\d+)/gm);
      resolve({ passed: passed || 0, failed: Number.isNaN(failed) ? 1 : failed || (code ? 1 : 0) });
    });
  });
}

/** Why PostgreSQL cannot be used, or undefined when it answers. */
async function pgUnreachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.code || String(error) : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const totals = await runTests(files);
const pgFiles = files.filter((f) => f.startsWith('packages/server/') && /\b(tempDb|openTestStore)\(/.test(readFileSync(f, 'utf8')));
const url = process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test';
const why = await pgUnreachable(url);
if (why === undefined) {
  process.stdout.write(`\n— the same ${pgFiles.length} server suites on PostgreSQL (${url}) —\n`);
  const onPg = await runTests(pgFiles, { KARTOCHKA_TEST_BACKEND: 'postgres' });
  totals.passed += onPg.passed;
  totals.failed += onPg.failed;
} else if (process.env.CI === 'true') {
  console.log(`PostgreSQL suites FAILED: CI=true but ${url} cannot be reached (${why}).`);
  totals.failed += 1;
} else {
  console.log(`PostgreSQL suites skipped: ${url} cannot be reached (${why}); start PostgreSQL or set KARTOCHKA_TEST_PG.`);
}
console.log(`ℹ pass ${totals.passed}\nℹ fail ${totals.failed}`);
process.exit(totals.failed ? 1 : 0);
