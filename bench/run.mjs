#!/usr/bin/env node
/**
 * `npm run bench`: the numbers Kartochka promises, each next to a baseline measured in the same
 * run, interleaved, so a busy machine shifts both sides alike. Prints a markdown table, writes every
 * sample to bench/results/<timestamp>.json.
 *
 *   node bench/run.mjs            full run (under 10 minutes on 2 cores)
 *   node bench/run.mjs --quick    smoke run: fewer sizes, rounds and cards (under ~2 minutes)
 *   node bench/run.mjs --docs     also put the table into docs/performance.md
 *   node bench/run.mjs --only ui,storage,import,core,bundle,server,lists,instances
 *   node bench/run.mjs --only lists --cards 1000000   lists at 1,000,000 cards (default 200,000)
 *
 * What each part measures and what "equivalent" means is in docs/performance.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildPages, servePages, launchChromium } from './lib/browser.mjs';
import { runUiBench, BELOW_THRESHOLD_MS } from './ui.mjs';
import { runStorageBench } from './storage.mjs';
import { runImportBench } from './import.mjs';
import { runBundleBench } from './bundle.mjs';
import { toMarkdown, judge, ratio } from './lib/report.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const writeDocs = argv.includes('--docs');
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : '';
const only = new Set(onlyArg ? onlyArg.split(',') : ['ui', 'storage', 'import', 'core', 'bundle', 'server', 'lists', 'instances']);
const cardsArg = argv.includes('--cards') ? argv[argv.indexOf('--cards') + 1] : undefined;

const config = quick
  ? { ui: { sizes: [50, 2000], rounds: 1, presses: 20 }, storage: { count: 500, chunk: 250, queries: 5 }, import: { count: 2000 } }
  : {
      ui: { sizes: [50, 500, 2000], rounds: 5, presses: 24 },
      storage: { count: 10000, chunk: 500, queries: 30 },
      import: { count: 10000 },
    };

const started = Date.now();
const log = (s) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);

function run(cmd, args, { timeoutMs, okCodes = [0] }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').at(-1);
      if (!okCodes.includes(code)) return reject(new Error(`${args.join(' ')} exited with ${code}`));
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${args.join(' ')}: the last line of its output is not JSON: ${last}`));
      }
    });
  });
}

function git(args) {
  return new Promise((resolve) => {
    const c = spawn('git', args, { cwd: ROOT });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('close', () => resolve(out.trim()));
    c.on('error', () => resolve(''));
  });
}

const results = { quick, config, startedAt: new Date().toISOString() };
const rows = [];

results.machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  loadAvgStart: os.loadavg().map((x) => +x.toFixed(2)),
  commit: await git(['rev-parse', '--short', 'HEAD']),
  dirtyPackages: (await git(['status', '--porcelain', '--', 'packages'])).split('\n').filter(Boolean).length,
};

// ---- browser: card pages and storage --------------------------------------------------------
if (only.has('ui') || only.has('storage') || only.has('import')) {
  log('building the bench pages (Vite, production)…');
  await buildPages();
  const server = await servePages();
  const browser = await launchChromium();
  results.machine.chromium = browser.version();
  try {
    if (only.has('ui')) {
      log(`cards: sizes ${config.ui.sizes.join(', ')}, ${config.ui.rounds} rounds, ${config.ui.presses} presses per run`);
      results.ui = await runUiBench({ browser, url: server.url, ...config.ui, log });
      for (const size of config.ui.sizes) {
        const { kartochka: k, baseline: b, 'paint-first': pf } = results.ui[size];
        const area = `Card, ${size.toLocaleString('en')} fields`;
        const big = size === Math.max(...config.ui.sizes);
        const small = size === Math.min(...config.ui.sizes);
        // Against the paint-first baseline: ≤ 1.3× at the smallest size, ≤ 1.5× at the largest.
        const paintGoal = small ? 1.3 : big ? 1.5 : undefined;
        rows.push(
          {
            area,
            measure: 'first render (mount → first frame with every input), vs the compile-first baseline',
            unit: 'ms',
            value: k.firstRender,
            baseline: b.firstRender,
            goal: big ? { of: 'ratio', max: 1.3, text: '≤ 1.3× baseline' } : undefined,
          },
          {
            area,
            measure: 'first paint of every input, vs the paint-first baseline (validator after the first frame)',
            unit: 'ms',
            value: k.firstRender,
            baseline: pf.firstRender,
            goal: paintGoal ? { of: 'ratio', max: paintGoal, text: `≤ ${paintGoal}× paint-first` } : undefined,
          },
          { area, measure: 'keystroke p50, Event Timing', unit: 'ms', value: k.keyEventP50, baseline: b.keyEventP50, note: 'et' },
          {
            area,
            measure: 'keystroke p95, Event Timing',
            unit: 'ms',
            value: k.keyEventP95,
            baseline: b.keyEventP95,
            goal: { of: 'ratio', max: 1.0, text: '≤ 1.0× baseline' },
          },
          { area, measure: 'keystroke p50, keydown → next frame', unit: 'ms', value: k.keyFrameP50, baseline: b.keyFrameP50 },
          { area, measure: 'keystroke p95, keydown → next frame', unit: 'ms', value: k.keyFrameP95, baseline: b.keyFrameP95 },
          {
            area,
            measure: 'keystroke p50, page work only (keydown → input handled and re-rendered)',
            unit: 'ms',
            value: k.keyProcessingP50,
            baseline: b.keyProcessingP50,
          },
          { area, measure: 'validation error in the DOM (after keydown)', unit: 'ms', value: k.errorDom, baseline: b.errorDom },
          { area, measure: 'validation error painted (next frame)', unit: 'ms', value: k.errorPainted, baseline: b.errorPainted },
          {
            area,
            measure: 'JS heap after render (after GC)',
            unit: 'MB',
            value: k.heapMB,
            baseline: b.heapMB,
            goal: { of: 'ratio', max: 1.5, text: '≤ 1.5× baseline' },
          },
          { area, measure: 'DOM (Blink) heap after render, for context', unit: 'MB', value: k.embedderHeapMB, baseline: b.embedderHeapMB },
        );
      }
      const small = Math.min(...config.ui.sizes);
      const large = Math.max(...config.ui.sizes);
      const ks = results.ui[small].kartochka;
      const kl = results.ui[large].kartochka;
      const bs = results.ui[small].baseline;
      const bl = results.ui[large].baseline;
      rows.push({
        area: 'Card, growth',
        measure: `Kartochka keystroke p95 (Event Timing), ${large.toLocaleString('en')} vs ${small} fields (baseline column: the baseline's own growth)`,
        unit: '×',
        value: ratio(kl.keyEventP95, ks.keyEventP95),
        baseline: ratio(bl.keyEventP95, bs.keyEventP95),
        ratio: ratio(kl.keyEventP95, ks.keyEventP95),
        goal: { of: 'ratio', max: 1.2, text: 'same (≤ 1.2×, noise margin)' },
      });
    }
    if (only.has('storage')) {
      log(`storage: ${config.storage.count} cards, interleaved in chunks of ${config.storage.chunk}`);
      results.storage = await runStorageBench({ browser, url: server.url, ...config.storage });
      const { adapter: a, same: s, bare: b } = results.storage.summary;
      const n = config.storage.count.toLocaleString('en');
      const area = `Storage, ${n} cards`;
      const g = { of: 'ratio', max: 1.3, text: '≤ 1.3× raw idb' };
      rows.push(
        { area, measure: `put ${n} (one by one) vs raw idb, same work`, unit: 'ms', value: a.put, baseline: s.put, goal: g },
        { area, measure: `put ${n} vs raw idb, bare put (no read, no history, 2 indexes)`, unit: 'ms', value: a.put, baseline: b.put },
        { area, measure: `get ${n} (shuffled) vs raw idb get`, unit: 'ms', value: a.get, baseline: s.get, goal: g },
        {
          area,
          measure: 'list: page of 50 by updatedAt desc + total, vs same-work idb',
          unit: 'ms',
          value: a.page,
          baseline: s.page,
          goal: g,
        },
        {
          area,
          measure: 'list: filter segment = smb, first 50 + total, vs same-work idb',
          unit: 'ms',
          value: a.filter,
          baseline: s.filter,
          goal: g,
        },
        { area, measure: 'list: filter, vs bare idb (index on indexed.segment)', unit: 'ms', value: a.filter, baseline: b.filter },
      );
    }
    if (only.has('import')) {
      const n = config.import.count.toLocaleString('en');
      log(`import: ${n} rows of CSV into IndexedDB through <kc-import>, long tasks observed`);
      const r = (results.import = await runImportBench({ browser, url: server.url, ...config.import }));
      const area = `Import, ${n} rows (CSV → IndexedDB)`;
      rows.push(
        {
          area,
          measure: 'longest task while reading, checking and writing (PerformanceObserver longtask)',
          unit: 'ms',
          value: r.maxLongTaskMs,
          goal: { of: 'value', max: 200, text: 'no task > 200 ms' },
        },
        { area, measure: 'long tasks (> 50 ms) in all', unit: '', value: r.longTasks },
        { area, measure: 'read the file (worker) and match the columns', unit: 'ms', value: r.readMs },
        { area, measure: 'dry run of every row (convert, find by key, validate)', unit: 'ms', value: r.planMs },
        {
          area,
          measure: `write ${n} cards, vs the same puts straight through the adapter`,
          unit: 'ms',
          value: r.writeMs,
          baseline: r.directWriteMs,
        },
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// ---- core, in Node ---------------------------------------------------------------------------
if (only.has('core')) {
  log('core: FormController in Node…');
  results.core = await run(
    process.execPath,
    ['--conditions=@kartochka/source', '--import', 'tsx', 'bench/core.mjs', ...(quick ? ['--quick'] : [])],
    { timeoutMs: 180_000 },
  );
  for (const [size, c] of Object.entries(results.core.sizes)) {
    const area = `Core, ${Number(size).toLocaleString('en')} fields`;
    const big = Number(size) === 2000;
    rows.push(
      {
        area,
        measure: `model build (construct + ${c.nodes} nodes), median`,
        unit: 'ms',
        value: c.build.median,
        goal: big ? { of: 'value', max: 50, strict: true, text: '< 50 ms' } : undefined,
      },
      { area, measure: 'model build, p95', unit: 'ms', value: c.build.p95 },
      { area, measure: 'first card of a schema (ajv compile + first validation + build), median', unit: 'ms', value: c.coldBuild.median },
      {
        area,
        measure: 'change cycle (setValue on a leaf: write, notify, rules, validate), median',
        unit: 'ms',
        value: c.change.median,
        goal: big ? { of: 'value', max: 1, strict: true, text: '< 1 ms' } : undefined,
      },
      { area, measure: 'change cycle, p95', unit: 'ms', value: c.change.p95 },
      { area, measure: 'of which ajv validating the whole document, median', unit: 'ms', value: c.validateOnly.median },
    );
  }
}

// ---- bundle ----------------------------------------------------------------------------------
if (only.has('bundle')) {
  log('bundle: Vite production builds…');
  results.bundle = await runBundleBench();
  const kb = (x) => x / 1024;
  const bd = results.bundle;
  rows.push(
    {
      area: 'Bundle (min + gzip)',
      measure: "`import '@kartochka/elements/card'` + a precompiled validator (standard widgets, Lit; on-demand widgets not counted)",
      unit: 'KB',
      value: kb(bd.cardPrecompiled.gzip),
      goal: { of: 'value', max: 55, text: '≤ 55 KB' },
    },
    {
      area: 'Bundle (min + gzip)',
      measure: "… the bench's own card page in full: + the list and date widgets its schema uses",
      unit: 'KB',
      value: kb(bd.cardPage.gzip),
    },
    { area: 'Bundle (min + gzip)', measure: 'core + elements, whole API, with ajv and Lit', unit: 'KB', value: kb(bd.app.gzip) },
    {
      area: 'Bundle (min + gzip)',
      measure: "`import '@kartochka/elements'` only (every element, run-time ajv), all chunks",
      unit: 'KB',
      value: kb(bd.elementsOnly.gzip),
      goal: { of: 'value', max: 100, text: '≤ 100 KB' },
    },
    {
      area: 'Bundle (min + gzip)',
      measure: '… of which loaded up front (the run-time compiler, ajv, is a chunk fetched after the first paint)',
      unit: 'KB',
      value: kb(bd.elementsInitial.gzip),
    },
    {
      area: 'Bundle (min + gzip)',
      measure: '… of which the RE2 engine of schema patterns (re2js), a chunk fetched only for a schema with a `pattern`',
      unit: 'KB',
      value: kb(bd.elementsRe2.gzip),
    },
    {
      area: 'Bundle (min + gzip)',
      measure: 'of which ajv + ajv-formats (as core imports them), alone',
      unit: 'KB',
      value: kb(bd.ajv.gzip),
    },
    { area: 'Bundle (min + gzip)', measure: 'of which Lit (the parts elements import), alone', unit: 'KB', value: kb(bd.lit.gzip) },
    {
      area: 'Bundle (min + gzip)',
      measure: "of which Kartochka's own code (total − ajv − Lit, estimate)",
      unit: 'KB',
      value: kb(bd.ownEstimate.gzip),
    },
    {
      area: 'Bundle (min + gzip)',
      measure: 'builder',
      unit: 'KB',
      value: bd.builder && bd.builder.min > 0 ? kb(bd.builder.gzip) : 'n/a (not built yet)',
    },
  );
}

// ---- server (bench/server.mjs, owned by the server's authors) ---------------------------------
// Its contract: `--json` prints one JSON line `{rows: [{metric, value, threshold, pass}]}` (value
// in requests per second, goal "≥ threshold"); it exits 1 when a row fails, which is still a result.
if (only.has('server')) {
  const script = `${ROOT}bench/server.mjs`;
  if (existsSync(script)) {
    log('server: bench/server.mjs --json…');
    try {
      results.server = await run(process.execPath, ['bench/server.mjs', '--json', ...(quick ? ['--duration', '1'] : [])], {
        timeoutMs: 240_000,
        okCodes: [0, 1],
      });
      for (const r of results.server.rows ?? []) {
        rows.push({
          area: 'Server (REST, loopback)',
          measure: r.metric,
          unit: '/s',
          value: r.value,
          goal: { text: `≥ ${r.threshold}/s`, pass: r.pass },
        });
      }
    } catch (e) {
      results.server = { error: String(e) };
      rows.push({ area: 'Server (REST, loopback)', measure: 'bench/server.mjs', value: `failed: ${String(e.message ?? e).slice(0, 80)}` });
    }
  } else {
    rows.push({ area: 'Server (REST, loopback)', measure: 'bench/server.mjs', value: 'n/a' });
  }
}

// ---- server lists at scale and several instances (bench/lists.mjs, bench/server.mjs --pg-instances)
/** Why PostgreSQL (KARTOCHKA_TEST_PG) cannot be used here, or undefined. */
async function pgUnreachable() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: process.env.KARTOCHKA_TEST_PG || 'postgres://postgres@127.0.0.1:5432/test',
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return String(error.message ?? error);
  } finally {
    await client.end().catch(() => {});
  }
}
const pgWhyNot = only.has('lists') || only.has('instances') ? await pgUnreachable() : undefined;
if (pgWhyNot) log(`PostgreSQL not reachable (${pgWhyNot}): its list and instance rows are left out`);
if (only.has('lists')) {
  const sizes = quick ? ['--cards', '20000', '--small', '2000'] : ['--cards', cardsArg ?? '200000'];
  log(`lists: bench/lists.mjs ${sizes.join(' ')}…`);
  try {
    results.lists = await run(
      process.execPath,
      [
        '--conditions=@kartochka/source',
        '--import',
        'tsx',
        'bench/lists.mjs',
        '--json',
        ...sizes,
        '--backends',
        pgWhyNot ? 'sqlite' : 'sqlite,postgres',
      ],
      { timeoutMs: 1_800_000, okCodes: [0, 1] },
    );
    const { small, large } = results.lists;
    for (const r of results.lists.rows) {
      rows.push({
        area: `Server lists, ${r.backend}`,
        measure: `${r.metric}: ${large.toLocaleString('en')} cards (baseline column: ${small.toLocaleString('en')})`,
        unit: 'ms',
        value: r.large,
        baseline: r.small,
        goal: r.goal ? { of: 'ratio', max: r.goal, text: `≤ ${r.goal}× the small size` } : undefined,
      });
    }
  } catch (e) {
    rows.push({ area: 'Server lists', measure: 'bench/lists.mjs', value: `failed: ${String(e.message ?? e).slice(0, 80)}` });
  }
}
if (only.has('instances') && !pgWhyNot) {
  log('instances: bench/server.mjs --pg-instances…');
  try {
    results.instances = await run(
      process.execPath,
      ['bench/server.mjs', '--json', '--pg-instances', ...(quick ? ['--duration', '2'] : [])],
      { timeoutMs: 300_000, okCodes: [0, 1] },
    );
    for (const r of results.instances.rows) {
      rows.push({
        area: 'Server, PostgreSQL instances',
        measure: r.metric,
        unit: r.unit ?? '/s',
        value: r.value,
        goal: { text: `≥ ${r.threshold}${r.unit ?? '/s'}`, pass: r.pass },
      });
    }
  } catch (e) {
    rows.push({
      area: 'Server, PostgreSQL instances',
      measure: 'bench/server.mjs --pg-instances',
      value: `failed: ${String(e.message ?? e).slice(0, 80)}`,
    });
  }
}

// ---- report ----------------------------------------------------------------------------------
results.machine.loadAvgEnd = os.loadavg().map((x) => +x.toFixed(2));
results.finishedAt = new Date().toISOString();
results.durationSeconds = Math.round((Date.now() - started) / 1000);
results.rows = rows.map((r) => ({ ...r, ratio: r.ratio ?? ratio(r.value, r.baseline), result: judge(r) }));

const m = results.machine;
const header = [
  `Run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC${quick ? ' (--quick)' : ''}, ${results.durationSeconds} s; ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB; ` +
    `${m.os}; Node ${m.node}${m.chromium ? `; Chromium ${m.chromium}` : ''}; commit ${m.commit}${m.dirtyPackages ? ` + ${m.dirtyPackages} uncommitted changes in packages/` : ''}; ` +
    `load average ${m.loadAvgStart[0]} at start, ${m.loadAvgEnd[0]} at end.`,
  `Event Timing reports nothing under 16 ms; such presses count as ${BELOW_THRESHOLD_MS} ms (its 8 ms rounding), so a value of ${BELOW_THRESHOLD_MS.toFixed(2)} ms means "under the threshold".`,
].join('\n');
const table = toMarkdown(rows);
process.stdout.write(`\n${header}\n\n${table}\n`);

const dir = `${ROOT}bench/results`;
mkdirSync(dir, { recursive: true });
const file = `${dir}/${results.startedAt.replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`;
writeFileSync(file, JSON.stringify(results, null, 1));
log(`results: ${file.slice(ROOT.length)}`);

if (writeDocs) {
  const docs = `${ROOT}docs/performance.md`;
  const text = readFileSync(docs, 'utf8');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/performance.md has no ${start} … ${end} markers`);
  writeFileSync(docs, `${text.slice(0, i + start.length)}\n${header}\n\n${table}\n${text.slice(j)}`);
  log('docs/performance.md updated');
}
