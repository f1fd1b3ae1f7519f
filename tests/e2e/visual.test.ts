/**
 * Screenshot comparisons: the card, the list and the builder of the demo on a desk (1366×900) and a
 * phone (390×844, touch), in Russian and English, light and dark, each compared pixel by pixel
 * (pixelmatch) with a baseline committed in tests/e2e/visual/. A visual regression fails here.
 *
 * Deterministic: one font (DejaVu Sans, set through the --kc-font-family token and on the page),
 * the clock fixed (dates in the list, history and summary), UTC, the templates' sample data in a
 * fresh database, animations and carets off, the mouse away.
 *
 * Tolerance: a pixel counts as different past pixelmatch's colour threshold 0.1 (anti-aliasing is
 * ignored), and a screenshot fails when more than 0.05 % of its pixels differ (≈ 600 of a desktop
 * screen, ≈ 160 of a phone's): two runs here differ by none; a button turned bold differs by more.
 *
 * After an intended change of the look: `npm run screenshots:update` (KC_UPDATE_SCREENSHOTS=1 on this
 * file), look at the new PNGs, and commit them
 * (docs/feedback-and-mobile.md, "Screenshot tests"). A failing comparison writes the actual
 * screenshot and a diff image to test-results/visual/.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { recordProblems, useDemo, type Demo } from './demo-server.js';

const BASELINES = 'tests/e2e/visual';
const RESULTS = 'test-results/visual';
const UPDATE = process.env.KC_UPDATE_SCREENSHOTS === '1';
/** Per-pixel colour distance past which a pixel differs (pixelmatch's `threshold`, 0–1). */
const PIXEL_THRESHOLD = 0.1;
/** The share of pixels that may differ before a screenshot fails. */
const MAX_DIFF_RATIO = 0.0005;
/** The page's clock: dates in the list, the history and the summary stay the same every day. */
const NOW = new Date('2026-12-02T09:30:00Z');
const FONT = 'DejaVu Sans';

const SCREENS = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;

/** Each view, what shows it has loaded, and whether the whole page is taken (the list is short). */
const VIEWS = [
  { name: 'card', hash: '', ready: 'kc-storage-panel [part="status"]:is(:text("Загружено"), :text("Loaded"))', fullPage: false },
  { name: 'list', hash: '#/cards', ready: 'kc-card-list [part="row"]', fullPage: true },
  { name: 'builder', hash: '#/builder', ready: 'kc-builder .kcb-main[aria-busy="false"]', fullPage: false },
] as const;

/** The page's fonts: one family everywhere, the elements' shadow roots included (the token). */
const FIXED_FONT_CSS = `:root { --kc-font-family: '${FONT}', sans-serif; font-family: '${FONT}', sans-serif; }
*, *::before, *::after { font-family: '${FONT}', sans-serif !important; }`;

let demo: Demo;
let browser: Browser;

// Before the demo is built (hooks run in the order they are registered): no font, no screenshots.
before(() => {
  if (!execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }).includes(FONT)) {
    throw new Error(`The screenshot tests draw with the font «${FONT}»: install it (Debian: apt-get install fonts-dejavu-core).`);
  }
  mkdirSync(RESULTS, { recursive: true });
});
useDemo((d, b) => {
  demo = d;
  browser = b;
});

async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Two frames: whatever the last render queued has been painted.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** Compares a screenshot with its baseline (or writes the baseline when updating); returns a message on failure. */
function compare(name: string, shot: Buffer): string | undefined {
  const file = `${BASELINES}/${name}.png`;
  if (UPDATE) {
    writeFileSync(file, shot);
    return undefined;
  }
  if (!existsSync(file)) return `${name}: no baseline ${file}; make it with KC_UPDATE_SCREENSHOTS=1 and commit it`;
  const expected = PNG.sync.read(readFileSync(file));
  const actual = PNG.sync.read(shot);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(`${RESULTS}/${name}.actual.png`, shot);
    return `${name}: ${actual.width}×${actual.height}, the baseline is ${expected.width}×${expected.height}`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  const ratio = differing / (actual.width * actual.height);
  if (ratio <= MAX_DIFF_RATIO) return undefined;
  writeFileSync(`${RESULTS}/${name}.actual.png`, shot);
  writeFileSync(`${RESULTS}/${name}.diff.png`, PNG.sync.write(diff));
  return `${name}: ${differing} pixels differ (${(ratio * 100).toFixed(2)} %, at most ${MAX_DIFF_RATIO * 100} %): see ${RESULTS}/${name}.diff.png`;
}

for (const screen of ['desktop', 'phone'] as const) {
  for (const locale of ['ru', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`screenshots: card, list and builder — ${screen}, ${locale}, ${theme}`, async () => {
        const context = await browser.newContext({
          ...SCREENS[screen],
          colorScheme: theme,
          reducedMotion: 'reduce',
          timezoneId: 'UTC',
          locale: locale === 'ru' ? 'ru-RU' : 'en-GB',
        });
        await context.addInitScript(
          ({ l, t }) => {
            localStorage.setItem('kc-demo-locale', l);
            localStorage.setItem('kc-demo-theme', t);
          },
          { l: locale, t: theme },
        );
        await context.addInitScript((css: string) => {
          document.addEventListener('DOMContentLoaded', () => {
            const style = document.createElement('style');
            style.textContent = css;
            document.head.append(style);
          });
        }, FIXED_FONT_CSS);
        const page = await context.newPage();
        await page.clock.setFixedTime(NOW);
        const problems = recordProblems(page);
        const failures: string[] = [];
        for (const view of VIEWS) {
          await page.goto(demo.url + view.hash);
          await page.locator(view.ready).first().waitFor();
          await page.mouse.move(0, 0);
          await settled(page);
          const shot = await page.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', fullPage: view.fullPage });
          const failure = compare(`${view.name}-${screen}-${locale}-${theme}`, shot);
          if (failure) failures.push(failure);
        }
        assert.deepEqual(failures, []);
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}
