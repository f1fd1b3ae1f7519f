/**
 * Diagnostics, not part of `npm run bench`: what an entry loads up front, module by module, each
 * module's minified code gzipped alone (so the sizes add up to more than the chunk: gzip shares
 * across modules). Built exactly as bench/bundle.mjs builds its rows.
 *
 *   node bench/bundle-modules.mjs [entry, default bench/bundle/card.js] [rows, default 60]
 *
 * Run `npm run bench -- --only bundle` (or bundle.mjs's runBundleBench) once first so that
 * bench/bundle/generated/validator.js exists.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CONDITIONS } from './lib/browser.mjs';
const entry = process.argv[2] || fileURLToPath(new URL('./bundle/card.js', import.meta.url));
const result = await build({
  configFile: false,
  root: fileURLToPath(new URL('./bundle', import.meta.url)),
  mode: 'production',
  logLevel: 'silent',
  resolve: { conditions: CONDITIONS },
  build: { write: false, target: 'es2022', minify: true, modulePreload: false, rolldownOptions: { input: entry } },
});
const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
const entryChunk = outputs.find((o) => o.type === 'chunk' && o.isEntry);
const initial = outputs.filter((o) => o.type === 'chunk' && (o.isEntry || entryChunk.imports.includes(o.fileName)));
const rows = [];
for (const o of initial)
  for (const [id, m] of Object.entries(o.modules))
    rows.push([id.replace(/^.*\/(packages|node_modules)\//, ''), m.renderedLength, gzipSync(m.code ?? '', { level: 9 }).length]);
rows.sort((a, b) => b[2] - a[2]);
let tot = 0;
for (const r of rows) tot += r[2];
console.log('sum of module gz', (tot / 1024).toFixed(1));
for (const r of rows.slice(0, +(process.argv[3] ?? 60))) console.log((r[2] / 1024).toFixed(2).padStart(6), String(r[1]).padStart(7), r[0]);
