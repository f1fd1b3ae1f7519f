/**
 * Diagnostics, not part of `npm run bench`: what the JS heap holds after a card's first render.
 * Takes a heap snapshot of one page and prints the constructors with the most self size.
 *
 *   node bench/heap-profile.mjs [--size 2000] [--impl kartochka|baseline] [--top 40]
 */
import { buildPages, servePages, launchChromium } from './lib/browser.mjs';
import { generateCard } from './lib/schema.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const size = Number(arg('size', 2000));
const impl = arg('impl', 'kartochka');
const top = Number(arg('top', 40));
const card = generateCard(size);

await buildPages({ minify: false });
const server = await servePages();
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}${impl}.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  await page.evaluate(([s, v, n]) => window.bench.mount(s, v, n), [card.schema, card.value, card.fields.length]);
  // As the bench measures the heap: after the work the page deferred past its first paint (the validator).
  await page.evaluate(() => window.bench.settled());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  let json = '';
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => (json += e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(json);
  const {
    node_fields: nf,
    node_types: [types],
  } = snap.snapshot.meta;
  const width = nf.length;
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => nf.indexOf(f));
  const by = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]];
    if (type === 'native' || type === 'synthetic') continue; // DOM objects live in Blink's heap
    const name = `${type}:${type === 'object' || type === 'closure' ? snap.strings[snap.nodes[i + iName]] : ''}`;
    const b = by.get(name) ?? { n: 0, bytes: 0 };
    b.n++;
    b.bytes += snap.nodes[i + iSize];
    total += snap.nodes[i + iSize];
    by.set(name, b);
  }
  console.log(`# ${impl}, ${size} fields: ${(total / 2 ** 20).toFixed(1)} MB of JS objects in the snapshot`);
  for (const [name, b] of [...by].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
    console.log(`${(b.bytes / 1024).toFixed(0).padStart(8)} KB ${String(b.n).padStart(8)}×  ${name.slice(0, 90)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
