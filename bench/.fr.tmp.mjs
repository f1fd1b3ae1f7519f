/**
 * Diagnostics, not part of `npm run bench`: first render only, Kartochka and both baselines
 * interleaved, for quick A/B checks of a rendering change (~1 minute).
 *
 *   node bench/first-render.mjs [--size 2000] [--rounds 4]
 */
import { buildPages, servePages, launchChromium } from './lib/browser.mjs';
import { generateCard } from './lib/schema.mjs';
import { median } from './lib/stats.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const size = arg('size', 2000);
const rounds = arg('rounds', 4);
const card = generateCard(size);

await buildPages();
const server = await servePages();
const browser = await launchChromium();
const IMPLS = ['kartochka', 'baseline', 'paint-first'];
const times = Object.fromEntries(IMPLS.map((i) => [i, []]));
const heaps = Object.fromEntries(IMPLS.map((i) => [i, []]));
try {
  for (let r = 0; r <= rounds; r++) {
    for (const impl of IMPLS.map((_, k) => IMPLS[(k + r) % IMPLS.length])) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${impl}.html`);
      await page.waitForFunction(() => window.bench !== undefined);
      const mount = await page.evaluate(([s, v, n]) => window.bench.mount(s, v, n), [card.schema, card.value, card.fields.length]);
      await page.evaluate(() => window.bench.settled());
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      await context.close();
      if (r === 0) continue; // warm-up
      times[impl].push(mount.firstRender); (globalThis.fr ??= {})[impl] = [...(globalThis.fr[impl] ?? []), mount.frames];
      heaps[impl].push(heap.usedSize / 2 ** 20);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const k = median(times.kartochka);
const b = median(times.baseline);
const p = median(times['paint-first']);
console.log(
  `${size} fields, ${rounds} rounds: first render ${k.toFixed(0)} ms vs compile-first ${b.toFixed(0)} ms = ${(k / b).toFixed(2)}×, ` +
    `vs paint-first ${p.toFixed(0)} ms = ${(k / p).toFixed(2)}×; ` +
    `heap ${median(heaps.kartochka).toFixed(1)} vs ${median(heaps.baseline).toFixed(1)} MB = ${(median(heaps.kartochka) / median(heaps.baseline)).toFixed(2)}×`,
);
console.log(JSON.stringify(globalThis.fr)); console.log(IMPLS.map((i) => `  ${i} ${times[i].map((t) => t.toFixed(0)).join(' ')}`).join('\n'));
