/**
 * The packages as the registry would ship them: each workspace package the app needs is packed
 * (`npm pack`, so `files` decides what is in it), installed from the tarballs into a fresh app
 * OUTSIDE the workspace with npm's nested strategy (every package sees only what it declares, as
 * under pnpm), type-checked with strict TypeScript against the shipped `.d.ts` (skipLibCheck off),
 * built with Vite, and used in Chromium: the card renders in German, typing fires kc-change,
 * validation passes; the same with @kartochka/react (controlled) and with Vue's v-model; and an
 * Angular 21 component (CUSTOM_ELEMENTS_SCHEMA, typed `(kc-change)`), compiled ahead of time by the
 * app's own ngc (strictTemplates, skipLibCheck off) and the Angular linker (scripts/vite-angular-aot.ts).
 * Needs the packages built (`npm run build`; `npm test` builds before this step).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from './demo-server.js';
import { angularAot } from '../../scripts/vite-angular-aot.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packages = ['i18n', 'core', 'storage', 'elements', 'templates', 'react', 'vue'];
// The frameworks at the versions the workspace has, so npm finds them in its cache. Angular's
// compiler (with the TypeScript it is built for) is the app's own, as in an Angular CLI app.
const angular = [
  '@angular/core',
  '@angular/common',
  '@angular/compiler',
  '@angular/compiler-cli',
  '@angular/platform-browser',
  'rxjs',
  'tslib',
  'typescript',
];
const frameworks = ['react', 'react-dom', '@types/react', '@types/react-dom', 'vue', ...angular];
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
let work: string;
let app: string;
let browser: Browser | undefined;
let server: PreviewServer | undefined;

before(() => {
  for (const p of packages)
    assert.ok(existsSync(join(root, 'packages', p, 'dist/index.js')), `packages/${p} is not built: run npm run build`);
  work = mkdtempSync(join(tmpdir(), 'kc-pack-'));
  app = join(work, 'app');
  cpSync(join(root, 'tests/e2e/pack-app'), app, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server!.httpServer.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

test('the packed packages install into a fresh strict TypeScript + Vite app and work in Chromium', async (t) => {
  // Where the time goes (shown by the spec reporter), to keep this step's cost in sight.
  let since = Date.now();
  const took = (phase: string) => {
    t.diagnostic(`${phase}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
    since = Date.now();
  };
  execFileSync('npm', ['pack', '--pack-destination', work, '--ignore-scripts', ...packages.flatMap((p) => ['-w', `packages/${p}`])], {
    cwd: root,
    stdio: 'ignore',
  });
  took('npm pack');
  const tarballs = Object.fromEntries(
    readdirSync(work)
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => [`@kartochka/${f.replace(/^kartochka-(.*)-\d+\.\d+\.\d+\.tgz$/, '$1')}`, `file:${join(work, f)}`]),
  );
  assert.equal(Object.keys(tarballs).length, packages.length);
  const dependencies = { ...tarballs, ...Object.fromEntries(frameworks.map((f) => [f, versionOf(f)])) };
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kc-pack-app', private: true, type: 'module', dependencies }, null, 2));
  // From npm's cache: the workspace's install has fetched every third-party package already.
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--install-strategy=nested'], { cwd: app, stdio: 'pipe' });
  took('npm install');

  // Strict TypeScript over the app and every shipped declaration file it reaches. Errors inside
  // other libraries' own declarations (Vue's compiler types want @babel/types) are theirs, not ours.
  let tscOutput = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(app, 'tsconfig.json')], {
      cwd: app,
      encoding: 'utf8',
    });
  } catch (e) {
    tscOutput = (e as { stdout?: string }).stdout ?? String(e);
  }
  const ours = tscOutput
    .split('\n')
    .filter((line) => /error TS/.test(line) && (!line.startsWith('node_modules/') || /node_modules\/@kartochka\//.test(line)));
  assert.deepEqual(ours, [], `tsc failed in the packed app:\n${tscOutput}`);
  took('strict tsc');

  // One build for the four pages; the Angular page's modules (angular/) are compiled by ngc first.
  const input = Object.fromEntries(['index', 'react', 'vue', 'angular'].map((page) => [page, join(app, `${page}.html`)]));
  await build({
    root: app,
    configFile: false,
    logLevel: 'error',
    plugins: [angularAot({ dir: join(app, 'angular') })],
    oxc: { jsx: { runtime: 'automatic' } },
    build: { outDir: join(app, 'dist'), target: 'es2022', rollupOptions: { input } },
  });
  server = await preview({
    root: app,
    configFile: false,
    logLevel: 'error',
    build: { outDir: join(app, 'dist') },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
  took('Vite build (ngc included), preview');

  browser = await launchChromium();
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:${address.port}/`);
  const name = page.locator('kc-card [part="form"][lang="de"] kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Acme');
  await name.fill('Acme Trading');
  await page.locator('#result', { hasText: '/general/companyName=Acme Trading' }).waitFor();
  await page.locator('#save').click();
  await page.locator('#result', { hasText: 'saved Acme Trading' }).waitFor();

  // React (@kartochka/react, controlled) and Vue (v-model): typing reaches the app's state.
  for (const flavour of ['react', 'vue']) {
    await page.goto(`http://127.0.0.1:${address.port}/${flavour}.html`);
    const input = page.locator('kc-card [part="form"][lang="de"] kc-text-field[path="/general/companyName"] input');
    await input.waitFor();
    assert.equal(await input.inputValue(), 'Acme', flavour);
    await input.fill('Acme Trading');
    await page
      .locator('#result', { hasText: /^\/general\/companyName=.*"companyName":"Acme Trading"/ })
      .waitFor({ timeout: 10000 })
      .catch(async (e: Error) =>
        assert.fail(`${flavour}: #result is "${await page.locator('#result').textContent()}"; ${problems.join('; ')} (${e.message})`),
      );
    assert.equal(await input.inputValue(), 'Acme Trading', `${flavour}: the write-back kept the text`);
  }

  // Angular (AOT): typing reaches the component's signal through (kc-change); a wrong email shows
  // the card's German message on save and nothing is saved; a right one saves.
  await page.goto(`http://127.0.0.1:${address.port}/angular.html`);
  const companyName = page.locator('kc-pack-angular kc-card [part="form"][lang="de"] kc-text-field[path="/companyName"] input');
  await companyName.waitFor();
  assert.equal(await companyName.inputValue(), 'Acme', 'angular: the bound value rendered');
  await companyName.fill('Acme Trading');
  await page
    .locator('#result', { hasText: '/companyName={"companyName":"Acme Trading"}' })
    .waitFor({ timeout: 10000 })
    .catch(async (e: Error) =>
      assert.fail(`angular: #result is "${await page.locator('#result').textContent()}"; ${problems.join('; ')} (${e.message})`),
    );
  assert.equal(await companyName.inputValue(), 'Acme Trading', 'angular: the write-back kept the text');
  const email = page.locator('kc-pack-angular kc-card kc-email-field[path="/email"] input');
  await email.fill('not-an-email');
  await page.locator('#result', { hasText: '"email":"not-an-email"' }).waitFor();
  await page.locator('#save').click();
  await page.getByText('Muss eine E-Mail-Adresse sein.').waitFor();
  assert.equal(await page.locator('#saved').textContent(), '', 'angular: an invalid card is not saved');
  await email.fill('info@acme.example');
  await page.locator('#save').click();
  await page.locator('#saved', { hasText: '{"companyName":"Acme Trading","email":"info@acme.example"}' }).waitFor();
  assert.deepEqual(problems, []);
  took('Chromium (four pages)');
});
