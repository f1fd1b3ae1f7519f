/**
 * Bundle size: each entry in bench/bundle/ built by Vite as a production app build (minified,
 * the packages' sources through the `@kartochka/source` condition, ajv and Lit included), then
 * the emitted JavaScript gzipped (zlib level 9, the level most size reports use).
 * gzip sizes are not additive: the split rows are each measured alone, so "own code" is an
 * estimate (the app total minus ajv and Lit measured alone).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { CONDITIONS } from './lib/browser.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** The bench's 50-field card's validator, precompiled as an app build would (core's precompileValidator). */
async function writePrecompiledValidator() {
  // From core's TypeScript sources (as the pages are built), so no package build is needed.
  const { tsImport } = await import('tsx/esm/api');
  const { precompileValidator } = await tsImport(
    pathToFileURL(here('../packages/core/src/validation/precompile.ts')).href,
    import.meta.url,
  );
  const { generateCard } = await import('./lib/schema.mjs');
  mkdirSync(here('./bundle/generated'), { recursive: true });
  writeFileSync(here('./bundle/generated/validator.js'), precompileValidator(generateCard(50).schema));
}

async function sizeOf(entry, { initialOnly = false } = {}) {
  const result = await build({
    configFile: false,
    root: here('./bundle'),
    mode: 'production',
    logLevel: 'silent',
    resolve: { conditions: CONDITIONS },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      rolldownOptions: { input: entry },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  let min = 0;
  let gzip = 0;
  const modules = {};
  const chunks = [];
  for (const o of outputs) {
    if (o.type !== 'chunk') continue;
    // What the page loads before anything asks for more: lazily imported chunks left out.
    if (initialOnly && !o.isEntry && !outputs.some((e) => e.type === 'chunk' && e.isEntry && e.imports.includes(o.fileName))) continue;
    const chunkGzip = gzipSync(o.code, { level: 9 }).length;
    min += Buffer.byteLength(o.code);
    gzip += chunkGzip;
    chunks.push({
      fileName: o.fileName,
      gzip: chunkGzip,
      re2: Object.keys(o.modules ?? {}).some((id) => id.includes('/node_modules/re2js/')),
    });
    for (const [id, m] of Object.entries(o.modules ?? {})) {
      const pkg = id.includes('/node_modules/')
        ? id.replace(/^.*\/node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')
        : id.replace(/^.*\/packages\/([^/]+)\/.*$/, '@kartochka/$1');
      modules[pkg] = (modules[pkg] ?? 0) + (m.renderedLength ?? 0);
    }
  }
  return { min, gzip, modules, chunks };
}

export async function runBundleBench() {
  const out = {
    app: await sizeOf(here('./bundle/app.js')),
    elementsOnly: await sizeOf(here('./bundle/elements-only.js')),
    elementsInitial: await sizeOf(here('./bundle/elements-only.js'), { initialOnly: true }),
    ajv: await sizeOf(here('./bundle/ajv.js')),
    lit: await sizeOf(here('./bundle/lit.js')),
  };
  await writePrecompiledValidator();
  out.cardPrecompiled = await sizeOf(here('./bundle/card.js'), { initialOnly: true });
  out.cardPage = await sizeOf(here('./bundle/card-page.js'), { initialOnly: true });
  // The RE2 engine of schema patterns: a chunk of its own, fetched only for schemas with a pattern.
  out.elementsRe2 = { gzip: out.elementsOnly.chunks.filter((c) => c.re2).reduce((n, c) => n + c.gzip, 0) };
  out.ownEstimate = { gzip: out.app.gzip - out.ajv.gzip - out.lit.gzip, min: out.app.min - out.ajv.min - out.lit.min };
  const builder = here('../packages/builder/src/index.ts');
  out.builder = existsSync(builder) ? await sizeOf(builder) : null;
  return out;
}
