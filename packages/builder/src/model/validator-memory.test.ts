/**
 * Compiled validators must not leak: 1,000 builder edits and 500 published versions leave the heap
 * within a fixed bound (measured in a child process with --expose-gc: ../test-support/validator-memory.ts).
 * Before the bounded cache, ajv's shared instance kept every compiled schema: this run grew the
 * heap by ~110 MB; now by a few MB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { VALIDATOR_CACHE_SIZE } from '@kartochka/core';

const script = fileURLToPath(new URL('../test-support/validator-memory.ts', import.meta.url));

test('1,000 builder edits and 500 published versions keep the heap within a fixed bound', () => {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--no-compilation-cache', '--conditions=@kartochka/source', '--import', 'tsx', script],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { growthMB: number; size: number; compiles: number; hits: number };
  assert.ok(out.size <= VALIDATOR_CACHE_SIZE, `cache holds ${out.size} validators`);
  // Every version is validated twice from two parses of its JSON: the second is a cache hit.
  assert.ok(out.hits >= 500, `hits: ${out.hits}`);
  assert.ok(out.growthMB < 16, `heap grew by ${out.growthMB.toFixed(1)} MB (bound 16 MB)`);
});
