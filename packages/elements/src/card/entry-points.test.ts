// Per-component entry points: `@kartochka/elements/card` loads the card and the standard widgets
// and nothing a card page may not need (lists of cards, history, reminders, persistence, idb,
// merge, the virtualizer); the other widgets are reachable only through dynamic imports, which
// the card makes when a schema needs them. Checked on the real module graph (esbuild's metafile),
// following static imports only — what a page loads before anything asks for more.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

const pkgDir = fileURLToPath(new URL('../..', import.meta.url));

async function graphOf(entry: string): Promise<Metafile> {
  const result = await build({
    entryPoints: [pkgDir + entry],
    bundle: true,
    write: false,
    metafile: true,
    splitting: true,
    outdir: '/tmp/kc-entry-points',
    format: 'esm',
    platform: 'browser',
    conditions: ['@kartochka/source'],
    external: ['ajv', 'ajv/*', 'ajv-formats', 'ajv-formats/*'],
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every input reachable from `entry` through static imports. */
function staticClosure(meta: Metafile, entry: string): Set<string> {
  const start = Object.keys(meta.inputs).find((f) => f.endsWith(entry))!;
  assert.ok(start, `${entry} is in the graph`);
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length) {
    for (const i of meta.inputs[todo.pop()!].imports) {
      if (i.kind !== 'import-statement' || i.external || seen.has(i.path)) continue;
      seen.add(i.path);
      todo.push(i.path);
    }
  }
  return seen;
}

const has = (files: Set<string>, part: string) => [...files].some((f) => f.includes(part));

test('the card entry loads the card and the standard widgets, and none of the rest', async () => {
  const meta = await graphOf('src/card/index.ts');
  const loaded = staticClosure(meta, 'elements/src/card/index.ts');
  for (const part of [
    'card/card.ts',
    'section/section.ts',
    'text-field/text-field.ts',
    'number-field/number-field.ts',
    'select/select.ts',
    'checkbox/checkbox.ts',
    'object-group/object-group.ts',
  ]) {
    assert.ok(has(loaded, part), `the card entry loads ${part}`);
  }
  // view/: values as text (view and blank modes), a chunk the card loads before it renders in
  // those modes (card/chunks.ts); with it go storage's file helpers (file links in view mode).
  const ours = [
    'card-list/',
    'history/',
    'reminders/',
    'persistence/',
    'array-field/',
    'money-field/',
    'tags-field/',
    'json-field/',
    'view/',
  ].map((d) => `elements/src/${d}`);
  for (const part of [...ours, 'node_modules/idb/', '@lit-labs/virtualizer', 'storage/src/']) {
    const offending = [...loaded].filter((f) => f.includes(part));
    assert.deepEqual(offending, [], `the card entry must not load ${part}`);
  }
  // …but a schema with a list can still get one: the card imports it on demand.
  const all = Object.keys(meta.inputs);
  for (const part of ['array-field/array-field.ts', 'view/field-view.ts'])
    assert.ok(
      all.some((f) => f.includes(part)),
      `${part} is reachable through a dynamic import`,
    );
});

test('each entry point in package.json exists, and the root still defines everything', async () => {
  // …with static imports only: a dynamic import of a module the root also imports statically
  // is a bundler warning in every app build (INEFFECTIVE_DYNAMIC_IMPORT).
  // (The German catalogue's loader imports internal/load-german.ts, which the root does not import
  // statically: the root has the catalogue itself, through internal/ui-strings.ts.)
  const rootMeta = await graphOf('src/index.ts');
  const rootStatic = staticClosure(rootMeta, 'elements/src/index.ts');
  const dynamic = Object.values(rootMeta.inputs)
    .flatMap((i) => i.imports)
    .filter((i) => i.kind === 'dynamic-import' && i.path.includes('elements/src/') && rootStatic.has(i.path));
  assert.deepEqual(
    dynamic.map((i) => i.path),
    [],
    'the root imports nothing dynamically that it also imports statically (no widget)',
  );
  const pkg = JSON.parse(readFileSync(pkgDir + 'package.json', 'utf8')) as {
    exports: Record<string, { '@kartochka/source'?: string } | string>;
  };
  for (const name of ['./card', './text-field', './array-field', './list', './history', './reminders', './persistence', './summary']) {
    const entry = pkg.exports[name];
    assert.ok(entry && typeof entry === 'object' && entry['@kartochka/source'], `${name} is exported`);
    readFileSync(pkgDir + entry['@kartochka/source']!); // throws when the file is missing
  }
  const loaded = staticClosure(await graphOf('src/index.ts'), 'elements/src/index.ts');
  for (const part of [
    'card-list/card-list.ts',
    'history/history.ts',
    'reminders/reminders.ts',
    'array-field/array-field.ts',
    'money-field/money-field.ts',
    'json-field/json-field.ts',
  ]) {
    assert.ok(has(loaded, part), `the package root loads ${part}`);
  }
});

test('sideEffects names every module that defines an element, so bundlers keep them', async () => {
  const pkg = JSON.parse(readFileSync(pkgDir + 'package.json', 'utf8')) as { sideEffects: string[] };
  const meta = await graphOf('src/index.ts');
  for (const f of Object.keys(meta.inputs)) {
    if (!f.includes('elements/src/') || f.endsWith('.test.ts')) continue;
    const text = readFileSync(f.startsWith('/') ? f : `${process.cwd()}/${f}`, 'utf8');
    const defines = /defineElement\('kc-|customElements\.define\('kc-|KcCard\.persistence \?\?=|^registerWidgetLoaders\(/m.test(text);
    if (!defines) continue;
    const local = './src/' + f.slice(f.indexOf('elements/src/') + 'elements/src/'.length);
    assert.ok(pkg.sideEffects.includes(local), `${local} defines an element but is not in sideEffects`);
  }
});

/**
 * What a Vite app build (rolldown, tree-shaken, `sideEffects` honoured) puts in the chunks a page
 * loads before anything asks for more: the entry and its static imports. esbuild's graph above
 * keeps every module a re-export passes through, so this one needs the real bundler.
 */
async function upFront(entry: string): Promise<string[]> {
  return (await chunksOf(entry)).upFront;
}

/** The modules of the chunks a page loads up front (`upFront`), and of every chunk of the build (`all`). */
async function chunksOf(entry: string, plugins: unknown[] = []): Promise<{ upFront: string[]; all: string[] }> {
  const { build: viteBuild } = await import('vite');
  const result = await viteBuild({
    configFile: false,
    root: pkgDir,
    mode: 'production',
    logLevel: 'silent',
    plugins: plugins as never[],
    resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'production'] },
    build: {
      write: false,
      minify: false,
      modulePreload: false,
      rolldownOptions: { input: entry.startsWith('/') ? entry : pkgDir + entry },
    },
  });
  type Chunk = { type: string; fileName: string; isEntry?: boolean; imports?: string[]; modules?: Record<string, unknown> };
  const outputs = (Array.isArray(result) ? result : [result])
    .flatMap((r) => (r as { output: Chunk[] }).output)
    .filter((o) => o.type === 'chunk');
  const entryChunk = outputs.find((o) => o.isEntry)!;
  const initial = outputs.filter((o) => o === entryChunk || entryChunk.imports!.includes(o.fileName));
  return { upFront: initial.flatMap((o) => Object.keys(o.modules ?? {})), all: outputs.flatMap((o) => Object.keys(o.modules ?? {})) };
}

test('the run-time compiler (ajv, re2js) is never loaded up front by the root or the card entry', async () => {
  for (const entry of ['src/index.ts', 'src/card/index.ts']) {
    const modules = await upFront(entry);
    assert.ok(
      modules.some((m) => m.includes('elements/src/card/card.ts')),
      `${entry}: the card is up front`,
    );
    const offending = modules.filter(
      (m) => /validation\/validator\.ts|\/node_modules\/(ajv|re2js)\//.test(m) && !m.includes('ajv/dist/runtime/'),
    );
    assert.deepEqual(offending, [], `${entry} loads the run-time compiler up front (import it through loadValidationRuntime())`);
  }
});

test('what a plain edit-mode card never uses is not up front in the card entry (a Vite build)', async () => {
  const modules = await upFront('src/card/index.ts');
  // View and blank modes only (card/chunks.ts loads them before such a card renders); the action
  // bar only with persistence, whose entry brings it (KcCard.actionBar).
  // The schema matcher (ajv) comes with the run-time compiler (validation/runtime.ts matchesSubschema).
  // FieldAccess only for a card given roles (card/chunks.ts). The strings of the on-demand widgets
  // and of the list, history and reminders come with them (internal/i18n-more.ts).
  const never = [
    'elements/src/internal/i18n-more.ts',
    'elements/src/view/',
    'storage/src/',
    'elements/src/card/action-bar.ts',
    'core/src/schema/matcher.ts',
    'core/src/access/field-access.ts',
  ];
  const offending = modules.filter((m) => never.some((n) => m.includes(n)));
  assert.deepEqual(offending, [], 'the card entry loads up front what only other modes or schemas use');
});

test('the card entry loads the rules engine and the layout validator only on demand', async () => {
  // Most cards have no rules and no layout document: the card fetches these (rules/engine.ts,
  // layout/validator-runtime.ts) before building a form that has them.
  const lazy = [
    'core/src/rules/graph.ts',
    'core/src/rules/expression.ts',
    'core/src/rules/walk.ts',
    'core/src/rules/operators.ts',
    'core/src/rules/collect.ts',
    'core/src/form/rules-runtime.ts',
    'core/src/layout/generated/layout-validator.ts',
    'core/src/layout/validate-layout.ts',
    'core/src/layout/messages.ts',
  ];
  const { upFront: modules, all } = await chunksOf('src/card/index.ts');
  assert.ok(
    modules.some((m) => m.includes('elements/src/card/card.ts')),
    'the card is up front',
  );
  const offending = modules.filter((m) => lazy.some((l) => m.endsWith(l)));
  assert.deepEqual(
    offending,
    [],
    'the card entry loads the rules engine or the layout validator up front (load them through loadRulesEngine() / loadLayoutValidator())',
  );
  for (const l of lazy)
    assert.ok(
      all.some((m) => m.endsWith(l)),
      `${l} is in a chunk the card can load`,
    );
});

test('a card page with a precompiled validator loads no German, no whole ajv-formats set and no requisite checks up front', async () => {
  // As an app builds it (bench/bundle/card.js): the card entry and a schema's validator
  // precompiled by @kartochka/core/vite. German is a chunk a German card loads before its first
  // render; the requisite checks, one a schema with ru-* formats or x-bik loads before it is
  // validated; a validator imports single format checks (@kartochka/core/formats), not ajv-formats.
  const { kartochkaValidators } = await import('@kartochka/core/vite');
  const dir = fileURLToPath(new URL('../../../../node_modules/.cache/kc-entry-points/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const schema = (name: string) => JSON.stringify(`${pkgDir}src/test-support/${name}.schema.json?kc-validator`);
  const entry = `${dir}card-page.js`;
  writeFileSync(
    entry,
    `import '@kartochka/elements/card';\nimport validator from ${schema('plain-card')};\n` +
      `globalThis.validator = validator;\nglobalThis.requisites = () => import(${schema('requisites-card')});\n`,
  );
  const { upFront: modules, all } = await chunksOf(entry, [kartochkaValidators()]);
  assert.ok(
    modules.some((m) => m.includes('elements/src/card/card.ts')),
    'the card is up front',
  );
  assert.ok(
    modules.some((m) => m.includes('validation/format-checks.ts')),
    'the validator imports its format checks',
  );
  const offending = (pattern: RegExp) => modules.filter((m) => pattern.test(m));
  assert.deepEqual(offending(/\.de\.ts$|load-german\.ts$/), [], 'German catalogues are loaded on demand (registerTranslationLoader)');
  assert.deepEqual(
    offending(/\/node_modules\/ajv-formats\//),
    [],
    "ajv-formats' whole set: import single checks from @kartochka/core/formats",
  );
  assert.deepEqual(
    offending(/validation\/(ru-requisites|bik-check|requisites|requisite-formats)\.ts$|i18n\/requisite-messages\.ts$/),
    [],
    'the requisite checks are loaded on demand (requisites-runtime.ts)',
  );
  // …and each is still in the build, for the cards that need it.
  for (const part of ['core/src/i18n/validation-messages.de.ts', 'elements/src/internal/i18n.de.ts', 'core/src/validation/requisites.ts'])
    assert.ok(
      all.some((m) => m.includes(part)),
      `${part} is a chunk of the build`,
    );
});
