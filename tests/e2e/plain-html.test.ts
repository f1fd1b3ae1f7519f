/**
 * examples/plain-html as a page with no bundler: the repository is served as plain files by a
 * node:http server (no Vite, no import map, no transform), so the only code the page gets is the
 * no-bundler build, packages/elements/dist/kartochka.js. In Chromium: the card renders from the
 * inline schema, typing reaches the page through kc-change, an invalid email shows its message on
 * save and blocks it, a valid card saves, and nothing is logged as an error. Needs `npm run build`
 * (npm test builds before this step).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './demo-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url)); // ends with a separator
const bundle = join(root, 'packages/elements/dist/kartochka.js');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
let server: Server;
let base: string;
let browser: Browser;
const served: string[] = [];

before(async () => {
  assert.ok(existsSync(bundle), 'packages/elements/dist/kartochka.js is not built: run npm run build');
  server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    served.push(path.slice(root.length));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no TCP address.');
  base = `http://127.0.0.1:${address.port}/`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

test('examples/plain-html: the single-module build renders, types and validates with no bundler', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`${r.url()} failed`));
  await page.goto(`${base}examples/plain-html/index.html`);

  const name = page.locator('kc-card kc-text-field[path="/companyName"] input');
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Acme');
  await name.fill('Acme Trading');
  await page.locator('#state', { hasText: '"companyName":"Acme Trading"' }).waitFor();

  const email = page.locator('kc-card kc-email-field[path="/email"] input');
  await email.fill('not-an-email');
  await page.locator('#save').click();
  await page.getByText('Must be an email address.').waitFor();
  assert.equal(await page.locator('#saved').textContent(), '', 'an invalid card is not saved');

  await email.fill('sales@acme.example');
  await page.locator('#save').click();
  await page.locator('#saved', { hasText: 'Saved' }).waitFor();
  assert.equal(await page.getByText('Must be an email address.').count(), 0);

  // The page got its code from the one module: nothing else under packages/ was fetched.
  assert.deepEqual(
    served.filter((p) => p.startsWith('packages/')),
    ['packages/elements/dist/kartochka.js'],
  );
  assert.deepEqual(problems, []);
  await page.close();
});
