// Runs the Node-side unit tests (node:test through tsx, sources resolved by the
// "@kartochka/source" export condition, so no build is needed first).
import { spawnSync } from 'node:child_process';
import { findFiles, isNodeTest } from './find-files.mjs';

const files = findFiles(['packages', 'tests/node'], isNodeTest);
if (files.length === 0) {
  console.error('No Node tests found.');
  process.exit(1);
}
const args = ['--conditions=@kartochka/source', '--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
