/**
 * The card benchmark in Chromium: for each size, Kartochka and the two hand-written baselines
 * (compile-first and paint-first), interleaved (each round rotates who goes first), a fresh browser context
 * and page for every run. Each run: first render, JS heap after a forced GC, keystroke latency over
 * `presses` trusted key presses into a text field in the middle of the form, and the time until a
 * validation error shows in three email fields.
 */
import { generateCard } from './lib/schema.mjs';
import { median, percentile } from './lib/stats.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Event Timing reports nothing under its 16 ms threshold; durations are rounded to 8 ms, so an
 * unreported press took at most 8 ms (rounded). Such presses count as 8 ms in the percentiles. */
export const BELOW_THRESHOLD_MS = 8;

/** The pages compared: the card, the compile-first and the paint-first hand-written baselines. */
export const IMPLS = ['kartochka', 'baseline', 'paint-first'];

const selectorFor = (impl, pointer) => (impl === 'kartochka' ? `[path="${pointer}"] input` : `[data-path="${pointer}"]`);

async function runOnce(browser, url, impl, card, presses) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  try {
    await page.goto(`${url}${impl}.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    const cdp = await context.newCDPSession(page);

    const mount = await page.evaluate(([s, v, n]) => window.bench.mount(s, v, n), [card.schema, card.value, card.fields.length]);
    // Work deferred past the first paint (a validator compiled after it) is done before heap and keys.
    await page.evaluate(() => window.bench.settled());

    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    // Keystrokes: a real click focuses the field, then trusted key presses, one frame apart plus
    // a short pause, like fast typing.
    await page.locator(selectorFor(impl, card.typingField)).click();
    await page.keyboard.press('End');
    await page.evaluate(() => window.bench.resetPresses());
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(LETTERS[i % LETTERS.length]);
      await page.evaluate(() => window.bench.pressSettled(40));
    }
    const keys = await page.evaluate(() => window.bench.collectPresses());
    if (keys.length !== presses) throw new Error(`${impl}: recorded ${keys.length} of ${presses} presses`);

    const errors = [];
    for (const pointer of card.emailFields) {
      await page.locator(selectorFor(impl, pointer)).click();
      await page.evaluate((p) => window.bench.watchError(p), pointer);
      await page.keyboard.press('x');
      errors.push(await page.evaluate(() => window.bench.errorShown()));
    }
    if (problems.length) throw new Error(`${impl}: page errors: ${problems.join('; ')}`);
    return { impl, mount, heap, keys, errors };
  } finally {
    await context.close();
  }
}

function summarise(runs) {
  const keys = runs.flatMap((r) => r.keys);
  const et = keys.map((k) => k.eventTiming ?? BELOW_THRESHOLD_MS);
  const frame = keys.map((k) => k.nextFrame);
  const errors = runs.flatMap((r) => r.errors);
  return {
    runs: runs.length,
    firstRender: median(runs.map((r) => r.mount.firstRender)),
    heapMB: median(runs.map((r) => r.heap.usedSize / 2 ** 20)),
    embedderHeapMB: median(runs.map((r) => (r.heap.embedderHeapUsedSize ?? NaN) / 2 ** 20)),
    presses: keys.length,
    belowThreshold: keys.filter((k) => k.eventTiming === null).length,
    keyEventP50: percentile(et, 50),
    keyEventP95: percentile(et, 95),
    keyFrameP50: percentile(frame, 50),
    keyFrameP95: percentile(frame, 95),
    keyProcessingP50: percentile(
      keys.map((k) => k.processing),
      50,
    ),
    errorDom: median(errors.map((e) => e.dom ?? NaN)),
    errorPainted: median(errors.map((e) => e.painted ?? NaN)),
    errorMissing: errors.filter((e) => e.dom === null).length,
    errorText: errors.find((e) => e.text)?.text ?? '',
  };
}

/**
 * @param {{browser: import('playwright-core').Browser, url: string, sizes: number[], rounds: number, presses: number, log: (s: string) => void}} o
 */
export async function runUiBench({ browser, url, sizes, rounds, presses, log }) {
  // Warm-up: the first load of each page compiles its scripts and fills caches; discarded.
  const warm = generateCard(50);
  for (const impl of IMPLS) await runOnce(browser, url, impl, warm, 3);
  const out = {};
  for (const size of sizes) {
    const card = generateCard(size);
    const runs = Object.fromEntries(IMPLS.map((i) => [i, []]));
    for (let r = 0; r < rounds; r++) {
      const order = IMPLS.map((_, k) => IMPLS[(k + r) % IMPLS.length]);
      for (const impl of order) {
        const res = await runOnce(browser, url, impl, card, presses);
        runs[impl].push(res);
        log(
          `  ui ${size} fields, round ${r + 1}/${rounds}, ${impl}: render ${res.mount.firstRender.toFixed(0)} ms, key p50 ${median(res.keys.map((k) => k.nextFrame)).toFixed(1)} ms (frame)`,
        );
      }
    }
    out[size] = { ...Object.fromEntries(IMPLS.map((i) => [i, summarise(runs[i])])), raw: runs };
  }
  return out;
}
