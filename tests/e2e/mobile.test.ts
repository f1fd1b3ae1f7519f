/**
 * The demo on a desk (1366×900) and on a phone (390×844, touch), in Russian and English, light and
 * dark: every view is exactly as wide as the screen, every control on the phone is a 44 px tap
 * target (measured, label included for check boxes), no console errors, axe-clean. Then the things
 * a person on a phone does: Save by a tap, the toast beside it, the active mode shown, a skeleton at
 * once while a slow server answers, and a reload with no network (the service worker's app shell).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, demoSettings, recordProblems, type Demo, useDemo } from './demo-server.js';
import { MEASURE_LAYOUT, type LayoutReport } from './layout-measure.js';
import { startServer } from '../../packages/server/src/test-support/process.js';

let demo: Demo;
let browser: Browser;
useDemo((d, b) => {
  demo = d;
  browser = b;
});

export const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
} satisfies Record<string, BrowserContextOptions>;
type Screen = keyof typeof SCREENS;

interface Setup {
  screen: Screen;
  locale?: 'ru' | 'en';
  theme?: 'light' | 'dark';
  template?: string;
  backend?: 'idb' | 'rest';
}

async function open(hash: string, o: Setup): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ ...SCREENS[o.screen], colorScheme: o.theme ?? 'light', reducedMotion: 'reduce' });
  await context.addInitScript((s: Setup) => {
    // Only before the first load: a reload keeps what the page itself stored since.
    if (sessionStorage.getItem('kc-test-set')) return;
    sessionStorage.setItem('kc-test-set', '1');
    localStorage.setItem('kc-demo-locale', s.locale ?? 'ru');
    localStorage.setItem('kc-demo-theme', s.theme ?? 'light');
    if (s.template) localStorage.setItem('kc-demo-template', s.template);
    if (s.backend) localStorage.setItem('kc-demo-backend', s.backend);
  }, o);
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(demo.url + hash);
  return { page, context, problems };
}

/** Each view and what shows that it has loaded. */
const VIEWS = [
  { name: 'card', hash: '', ready: 'kc-card [part="action-bar"] [part="state"]' },
  { name: 'list', hash: '#/cards', ready: 'kc-card-list [part="row"]' },
  { name: 'reminders', hash: '#/reminders', ready: 'kc-reminders [part="export"]' },
  // The builder's surface is inert (dimmed) while its version loads: measure it loaded.
  { name: 'builder', hash: '#/builder', ready: 'kc-builder .kcb-main[aria-busy="false"]' },
] as const;

async function measure(page: Page): Promise<LayoutReport> {
  await page.evaluate(() => document.fonts.ready);
  return (await page.evaluate(MEASURE_LAYOUT)) as LayoutReport;
}

for (const screen of ['phone', 'desktop'] as const) {
  for (const locale of ['ru', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${screen}, ${locale}, ${theme}: card, list, reminders and builder fit the screen${screen === 'phone' ? ', tap targets ≥ 44 px' : ''}, axe-clean, no console errors`, async () => {
        const { page, context, problems } = await open('', { screen, locale, theme });
        const width = SCREENS[screen].viewport.width;
        for (const view of VIEWS) {
          await page.evaluate((h) => (location.hash = h || '#/'), view.hash);
          if (!view.hash) await page.goto(demo.url);
          await page.locator(view.ready).first().waitFor();
          const r = await measure(page);
          assert.equal(
            r.scrollWidth,
            width,
            `${view.name}: the page is ${r.scrollWidth} px wide on a ${width} px screen: ${r.wide.slice(0, 5).join('; ')}`,
          );
          if (screen === 'phone') assert.deepEqual(r.small, [], `${view.name}: tap targets under 44 px (of ${r.interactive})`);
          assert.deepEqual(await axeViolations(page), [], `${view.name}: axe`);
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}

test('phone: the beauty-salon card, each of its tabs, fits 360 px and every target is a 44 px tap', async () => {
  const context = await browser.newContext({ ...SCREENS.phone, viewport: { width: 360, height: 740 } });
  await demoSettings(context, { 'kc-demo-template': 'beauty-salon-card' });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(demo.url);
  await page.locator('kc-card [part="action-bar"]').waitFor();
  const tabs = page.locator('kc-card [role="tab"]');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).tap();
    await page.locator(`kc-card [role="tab"]:nth-child(${i + 1})[aria-selected="true"]`).waitFor();
    const r = await measure(page);
    const name = await tabs.nth(i).textContent();
    assert.equal(r.scrollWidth, 360, `tab «${name}»: ${r.wide.slice(0, 5).join('; ')}`);
    assert.deepEqual(r.small, [], `tab «${name}»`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('phone: a tap on Save saves (the toast says so beside the bar), and the card comes back after a reload', async () => {
  const { page, context, problems } = await open('', { screen: 'phone' });
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Загружено' }).waitFor();
  await name.tap();
  await name.fill('Волжская керамика — с телефона');
  await page.locator('kc-card [part="state"]', { hasText: 'Есть несохранённые изменения' }).waitFor();
  const save = page.locator('kc-card [part="save-button"]');
  // The bar is on screen at the bottom edge without scrolling to the end of the long card.
  const box = (await save.boundingBox())!;
  assert.ok(box.y + box.height <= 844 && box.y > 844 / 2, `Save at y=${box.y}`);
  assert.ok(box.height >= 44);
  await save.tap();
  const toast = page.locator('kc-card [part="toast"]', { hasText: 'Сохранено (версия 2)' });
  await toast.waitFor();
  const t = (await toast.boundingBox())!;
  assert.ok(t.y + t.height <= 844 && t.y > 844 / 2, `the toast is near the bar (y=${t.y})`);
  await page.locator('kc-card [part="state"]', { hasText: 'Все изменения сохранены' }).waitFor();
  await page.reload();
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Загружено (версия 2)' }).waitFor();
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика — с телефона');
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the header's settings fold behind one button; a tap opens them, the language switch works from there", async () => {
  const { page, context, problems } = await open('', { screen: 'phone' });
  await page.locator('kc-card [part="action-bar"]').waitFor();
  const toggle = page.locator('#settings-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#template').isVisible(), false);
  await toggle.tap();
  await page.locator('#settings-toggle[aria-expanded="true"]').waitFor();
  await page.locator('#template').waitFor();
  await page.locator('.lang button[data-locale="en"]').tap();
  await page.locator('kc-card [part="state"]', { hasText: 'All changes saved' }).waitFor();
  assert.equal(await page.locator('#settings-toggle').textContent(), 'Settings');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the mode on now is shown: Edit or View is pressed', async () => {
  const { page, context, problems } = await open('', { screen: 'desktop' });
  const edit = page.locator('.modes [data-mode="edit"]');
  const view = page.locator('.modes [data-mode="view"]');
  await page.locator('kc-card [part="action-bar"]').waitFor();
  assert.equal(await edit.getAttribute('aria-pressed'), 'true');
  assert.equal(await view.getAttribute('aria-pressed'), 'false');
  await view.click();
  await page.locator('kc-card[mode="view"]').waitFor();
  assert.equal(await edit.getAttribute('aria-pressed'), 'false');
  assert.equal(await view.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a slow server (300 ms an answer): a skeleton shows in the same task as the navigation, the card follows', async (t) => {
  const db = join(mkdtempSync(join(tmpdir(), 'kc-e2e-')), 'cards.sqlite');
  const server = await startServer({ db, args: ['--cors', new URL(demo.url).origin], testHooks: false });
  t.after(() => server.kill());
  const context = await browser.newContext(SCREENS.desktop);
  await demoSettings(context, { 'kc-demo-backend': 'rest' });
  // Every API answer 300 ms late: the latency of a far server, made by the network layer.
  await context.route(`${server.api}/**`, async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  const page = await context.newPage();
  // The demo's first look at a fresh server asks for what is not there yet (404s, by design).
  const problems = recordProblems(page, /Failed to load resource: the server responded with a status of 404/);
  // Before the app's script has run, the page already shows the static skeleton, not white.
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}`, { waitUntil: 'commit' });
  await page.locator('[data-skeleton]').first().waitFor();
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Загружено' }).waitFor();
  // A navigation: the skeleton is in the page by the end of the hashchange task (long before 100 ms).
  const shownIn = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const seen = new MutationObserver(() => {
          if (document.querySelector('[data-skeleton="cards"]')) {
            seen.disconnect();
            resolve(performance.now() - start);
          }
        });
        seen.observe(document.body, { childList: true, subtree: true });
        location.hash = '#/cards';
      }),
  );
  assert.ok(shownIn < 100, `skeleton after ${shownIn} ms`);
  assert.equal(await page.locator('[data-skeleton="cards"]').getAttribute('aria-busy'), 'true');
  await page.locator('kc-card-list').waitFor();
  assert.equal(await page.locator('[data-skeleton]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('installable, and a reload with no network shows the app and its cards (service worker app shell)', async () => {
  const { page, context, problems } = await open('', { screen: 'phone' });
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
    return (await fetch(link.href)).json();
  });
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.length > 0);
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Загружено' }).waitFor();
  // The service worker has installed (the shell is cached) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  });
  await context.setOffline(true);
  await page.reload();
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Загружено' }).waitFor();
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика');
  // Another view, and the builder's chunk loaded lazily, offline too.
  await page.evaluate(() => (location.hash = '#/cards'));
  await page.locator('kc-card-list [part="row"]').first().waitFor();
  await page.evaluate(() => (location.hash = '#/builder'));
  await page.locator('kc-builder kc-card').waitFor();
  await context.setOffline(false);
  assert.deepEqual(problems, []);
  await context.close();
});
