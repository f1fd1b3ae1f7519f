/**
 * Diagnostics for the numbers in bench/run.mjs: where the time goes in one run of a card page.
 * Not part of `npm run bench`. Usage:
 *
 *   node bench/profile.mjs [--size 2000] [--impl kartochka|baseline] [--presses 20]
 *
 * Builds the pages (unminified unless --minify), then for one fresh page: a CPU profile (CDP Profiler) and a Performance
 * trace (devtools.timeline) of the first render, then of the key presses. Prints the rendering
 * phases from the trace and the functions with the most self time, grouped by package.
 */
import { buildPages, servePages, launchChromium } from './lib/browser.mjs';
import { generateCard } from './lib/schema.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const size = Number(arg('size', 2000));
const impl = arg('impl', 'kartochka');
const presses = Number(arg('presses', 20));
const card = generateCard(size);

async function traced(cdp, body) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] },
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await body();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  cdp.removeAllListeners('Tracing.dataCollected');
  return { events, profile };
}

function phases(events) {
  const names = [
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'Commit',
    'FunctionCall',
    'EventDispatch',
    'RunMicrotasks',
    'ParseHTML',
    'HitTest',
    'v8.compile',
    'EvaluateScript',
    'MinorGC',
    'MajorGC',
  ];
  const by = {};
  for (const e of events) {
    if (e.ph !== 'X' || !names.includes(e.name)) continue;
    const b = (by[e.name] ??= { ms: 0, n: 0, elements: 0 });
    b.ms += (e.dur ?? 0) / 1000;
    b.n++;
    b.elements += e.args?.elementCount ?? 0;
  }
  return Object.entries(by)
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([k, v]) => `${k.padEnd(18)} ${v.ms.toFixed(1).padStart(8)} ms  ×${v.n}${v.elements ? `  (style: ${v.elements} elements)` : ''}`)
    .join('\n');
}

function pkgOf(url) {
  if (!url) return '(native)';
  return url.replace(/^.*\/assets\//, '');
}

function hot(profile, top = 25) {
  const dt = new Map();
  const { samples, timeDeltas, nodes } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let i = 0; i < samples.length; i++) dt.set(samples[i], (dt.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
  const fns = new Map();
  for (const [id, ms] of dt) {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${pkgOf(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    fns.set(key, (fns.get(key) ?? 0) + ms);
  }
  const lines = [...fns]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`);
  // For the hottest DOM calls, who calls them (two frames up), since their self time is native.
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id) => {
    const f = byId.get(id)?.callFrame;
    return f ? `${f.functionName || '(anonymous)'}@${pkgOf(f.url)}:${f.lineNumber + 1}` : '(root)';
  };
  for (const native of ['setAttribute', 'insertBefore', 'importNode', 'attachShadow', 'adoptedStyleSheets']) {
    const callers = new Map();
    for (const [id, ms] of dt) {
      if (byId.get(id).callFrame.functionName !== native) continue;
      const p1 = parent.get(id);
      const key = `${label(p1)} <- ${label(parent.get(p1))}`;
      callers.set(key, (callers.get(key) ?? 0) + ms);
    }
    const topCallers = [...callers].sort((a, b) => b[1] - a[1]).slice(0, 4);
    if (topCallers.length && topCallers[0][1] > 5)
      lines.push(`  ${native} called from:`, ...topCallers.map(([k, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${k}`));
  }
  // Inclusive time (a function counted once per sample however deep it recurses): the big subtrees.
  const inclusive = new Map();
  for (const [id, ms] of dt) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n).callFrame;
      const key = `${f.functionName || '(anonymous)'} ${pkgOf(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  lines.push(
    '## inclusive time',
    ...[...inclusive]
      .sort((a, b) => b[1] - a[1])
      .filter(([k]) => !k.includes('harness-'))
      .slice(0, top + 35)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`),
  );
  return lines.join('\n');
}

// Unminified, so the profile names functions; timings are close to the minified build's.
await buildPages({ minify: process.argv.includes('--minify') });
const server = await servePages();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${impl}.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const cdp = await context.newCDPSession(page);
  let mount;
  const render = await traced(cdp, async () => {
    mount = await page.evaluate(([s, v, n]) => window.bench.mount(s, v, n), [card.schema, card.value, card.fields.length]);
  });
  console.log(
    `# ${impl}, ${size} fields: first render ${mount.firstRender.toFixed(0)} ms\n## rendering phases\n${phases(render.events)}\n## self time\n${hot(render.profile)}`,
  );

  const sel = impl === 'kartochka' ? `[path="${card.typingField}"] input` : `[data-path="${card.typingField}"]`;
  await page.locator(sel).click();
  await page.evaluate(() => window.bench.resetPresses());
  const keys = await traced(cdp, async () => {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press('abcdefghij'[i % 10]);
      await page.evaluate(() => window.bench.pressSettled(40));
    }
  });
  const k = await page.evaluate(() => window.bench.collectPresses());
  const frames = k.map((x) => x.nextFrame).sort((a, b) => a - b);
  console.log(
    `\n# ${presses} key presses: next frame median ${frames[frames.length >> 1].toFixed(1)} ms\n## rendering phases (all presses)\n${phases(keys.events)}\n## self time\n${hot(keys.profile, 20)}`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
