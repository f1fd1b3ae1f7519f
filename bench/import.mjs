/**
 * The import benchmark driver: bench/pages/import.js in a fresh Chromium page — N rows from a CSV
 * file into IndexedDB through <kc-import>, long tasks counted by PerformanceObserver('longtask').
 */
export async function runImportBench({ browser, url, count }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${url}import.html`);
    await page.waitForFunction(() => window.importReady === true);
    const r = await page.evaluate((n) => window.runImport(n), count);
    if (r.stored !== count || r.created !== count) throw new Error(`import: ${r.stored} of ${count} cards stored`);
    return r;
  } finally {
    await context.close();
  }
}
