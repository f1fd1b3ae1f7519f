// Screenshots of <kc-builder> for docs/builder.md, taken from a Storybook build:
//   npx storybook build --quiet -o /tmp/kcb-sb && node packages/builder/scripts/screenshots.mjs /tmp/kcb-sb
// Serves the build on a loopback port and drives Debian's Chromium with playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const dir = process.argv[2] ?? '/tmp/kcb-sb';
const out = new URL('../../../docs/img/', import.meta.url).pathname;
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/iframe.html?viewMode=story&id=`;
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(`${base}builder-kc-builder--from-b-2-b-template&args=locale:ru`);
  await page.waitForSelector('kc-builder .kcb-node');
  await page.locator('kc-builder .kcb-node').first().click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'builder-b2b.png'), fullPage: false });

  // A change after publishing: a typed key and a type change, then the publish dialog.
  const input = page.locator('kc-builder-inspector input[name=key]');
  await input.fill('legalName');
  await input.press('Tab');
  await page.locator('kc-builder button[name=publish]').click();
  await page.waitForSelector('kc-builder-publish [data-total]');
  await page.waitForTimeout(200);
  await page.locator('kc-builder-publish dialog').screenshot({ path: join(out, 'builder-publish.png') });
  console.log('screenshots written to', out);
} finally {
  await browser.close();
  server.close();
}
