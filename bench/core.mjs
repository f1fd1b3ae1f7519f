/**
 * Core benchmark, in Node: FormController model build and one change cycle on generated cards.
 * Run by bench/run.mjs as `node --conditions=@kartochka/source --import tsx bench/core.mjs [--quick]`
 * (core from its TypeScript sources); prints one JSON object on stdout.
 *
 * - model build: `new FormController(schema, {value})` + every node built through `children()`
 *   recursively. The ajv compile is cached per schema object (a WeakMap), so after warm-up this is
 *   the per-card cost once the schema has been seen; the first card of a schema also pays the
 *   compile, measured separately as `coldBuild` on fresh copies of the schema.
 * - change cycle: `setValue` of a text leaf to a new value with every leaf subscribed the way a
 *   widget subscribes (its listener reads `state()`), so it covers write, notify, rules, validate.
 */
import { FormController, compileSchema } from '@kartochka/core';
import { generateCard } from './lib/schema.mjs';
import { median, percentile, timeSync } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const sizes = [50, 2000];
const it = quick
  ? { buildWarm: 5, build: 20, cold: 2, changeWarm: 100, change: 500 }
  : { buildWarm: 20, build: 100, cold: 5, changeWarm: 500, change: 5000 };

function buildAll(c) {
  let nodes = 0;
  const walk = (pointer) => {
    for (const n of c.children(pointer)) {
      nodes++;
      if (n.kind === 'object' || n.kind === 'array') walk(n.pointer);
    }
  };
  void c.root; // built on first read: part of what is measured
  walk('');
  return nodes;
}

const summary = (xs) => ({ median: median(xs), p95: percentile(xs, 95), n: xs.length });
const result = { quick, sizes: {} };

for (const size of sizes) {
  const card = generateCard(size);
  const { schema, value } = card;
  const r = (result.sizes[size] = {});

  let nodes = 0;
  r.build = summary(
    timeSync(() => (nodes = buildAll(new FormController(schema, { value }))), { warmup: it.buildWarm, iterations: it.build }),
  );
  r.nodes = nodes;
  r.coldBuild = summary(
    timeSync(() => buildAll(new FormController(structuredClone(schema), { value })), { warmup: 0, iterations: it.cold }),
  );
  const fresh = structuredClone(schema);
  r.compile = summary(timeSync(() => compileSchema(structuredClone(fresh)), { warmup: 0, iterations: it.cold }));

  const c = new FormController(schema, { value });
  buildAll(c);
  let notified = 0;
  for (const f of card.fields) c.subscribe(f.pointer, () => (notified++, c.state(f.pointer)));
  const target = card.typingField;
  r.change = summary(timeSync((i) => c.setValue(target, `Typed ${i}`), { warmup: it.changeWarm, iterations: it.change }));
  r.notifiedPerChange = notified / (it.changeWarm + it.change);
  // The part of the change cycle that is ajv validating the whole document, for attribution.
  const validateFn = compileSchema(schema);
  const doc = c.value;
  r.validateOnly = summary(timeSync(() => validateFn(doc), { warmup: it.changeWarm, iterations: it.change }));
}

process.stdout.write(JSON.stringify(result) + '\n');
