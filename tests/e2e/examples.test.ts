/**
 * The framework examples (React, Vue, Angular) end to end: each is built with Vite (from the packages' sources; the
 * Angular one compiled ahead of time by ngc and the Angular linker, as the Angular CLI would) and
 * served with `vite preview` on a loopback port, then used in Chromium as a person would: the card
 * renders, typing reaches the app's state through the framework's binding, the language switch
 * re-renders the card in German, and nothing is logged as an error.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from './demo-server.js';

let browser: Browser;
const servers: PreviewServer[] = [];

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.httpServer.close(() => resolve()))));
});

async function serve(example: string): Promise<string> {
  const configFile = fileURLToPath(new URL(`../../examples/${example}/vite.config.ts`, import.meta.url));
  await build({ configFile, logLevel: 'error' });
  const server = await preview({ configFile, logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  servers.push(server);
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
  return `http://127.0.0.1:${address.port}/`;
}

async function open(url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  return { page, problems };
}

for (const example of ['react', 'vue', 'angular']) {
  test(`examples/${example}: typing updates the app's state, German re-renders the card`, async () => {
    const { page, problems } = await open(await serve(example));
    const name = page.locator('kc-card kc-text-field[path="/companyName"] input');
    await name.waitFor();
    assert.equal(await name.inputValue(), 'Acme');
    await name.fill('Acme Trading');
    await page.waitForFunction(() => document.querySelector('#state')!.textContent!.includes('Acme Trading'));
    await page.locator('kc-card kc-email-field[path="/email"] input').fill('not-an-email');
    await page.locator('#locale').selectOption('de');
    await page.locator('kc-card [part="form"][lang="de"]').waitFor();
    await page.locator('#save').click();
    await page.getByText('Muss eine E-Mail-Adresse sein.').waitFor();
    assert.equal(await page.locator('#saved').textContent(), '', 'an invalid card is not saved');
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('examples/angular is compiled ahead of time: no template compiler and no partial declarations reach the browser', async () => {
  const assets = fileURLToPath(new URL('../../examples/angular/dist/assets/', import.meta.url));
  const code = (
    await Promise.all((await readdir(assets)).filter((f) => f.endsWith('.js')).map((f) => readFile(join(assets, f), 'utf8')))
  ).join('\n');
  assert.ok(code.includes('kc-angular-example'), 'the built example is there (the test above built it)');
  // A message only @angular/compiler's expression lexer has; ɵɵngDeclare… calls are what the linker replaces.
  assert.equal(code.includes('Unterminated quote'), false, '@angular/compiler is not bundled');
  assert.equal(code.includes('ɵɵngDeclare'), false, "Angular's packages went through the linker");
});
