/**
 * The storage benchmark driver: runs bench/pages/storage.js in a fresh Chromium page. The three
 * variants (`adapter`, `same`, `bare`; see that file) run side by side, interleaved per chunk of
 * cards, so they share the machine's noise. Ratios use the total put and get times and the median
 * query times.
 */
import { median } from './lib/stats.mjs';

const VARIANTS = ['adapter', 'same', 'bare'];

export async function runStorageBench({ browser, url, count, chunk, queries }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let raw;
  try {
    await page.goto(`${url}storage.html`);
    await page.waitForFunction(() => window.storageReady === true);
    await page.evaluate(() => window.runStorage(300, 100, 3)); // warm-up, discarded
    raw = await page.evaluate(([n, c, q]) => window.runStorage(n, c, q), [count, chunk, queries]);
  } finally {
    await context.close();
  }
  // The three must answer the queries alike, or the comparison means nothing.
  const a = JSON.stringify(raw.adapter.answers);
  for (const v of VARIANTS) {
    if (JSON.stringify(raw[v].answers) !== a) throw new Error(`storage: ${v} answers ${JSON.stringify(raw[v].answers)}, the adapter ${a}`);
  }
  const summary = {};
  for (const v of VARIANTS) {
    summary[v] = { put: raw[v].put, get: raw[v].get, page: median(raw[v].page), filter: median(raw[v].filter) };
  }
  return { count, chunk, queries, summary, answers: raw.adapter.answers, raw };
}
