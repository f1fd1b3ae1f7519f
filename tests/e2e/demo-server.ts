/** Builds the demo with Vite and serves it on an ephemeral loopback port, for end-to-end tests. */
import { after, before } from 'node:test';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
// @ts-expect-error — plain .mjs helper shared with the test-runner config
import { chromiumPath, chromiumArgs } from '../../scripts/chromium.mjs';
import { createKey, startServer, tempDb, type ServerProcess } from '../../packages/server/src/test-support/process.js';

export async function startDemo(): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath() as string, headless: true, args: chromiumArgs as string[] });
}

/**
 * Records what a page must never show: console errors and warnings (except lines `allowed` matches,
 * such as the browser's own "Failed to load resource" for a refusal the test asks for) and page errors.
 */
export function recordProblems(page: Page, allowed?: RegExp): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if ((m.type() === 'error' || m.type() === 'warning') && !allowed?.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** axe-core's violations in the page's main region (axe injected here on first use). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(el: Element, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document.querySelector('main')!, { resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  });
}

/**
 * The demo's own settings (`kc-demo-backend`, `kc-demo-locale`, `kc-demo-template`…) set in every page
 * of `context` before its scripts run. Frames without a storage of their own (Chromium's PDF viewer,
 * which the contract preview opens, has `localStorage` null) are left alone instead of throwing.
 */
export async function demoSettings(context: BrowserContext, settings: Record<string, string>): Promise<void> {
  await context.addInitScript((s: Record<string, string>) => {
    if (!window.localStorage) return;
    for (const [key, value] of Object.entries(s)) localStorage.setItem(key, value);
  }, settings);
}

/** Signs the demo in as one of its REST users (signing out whoever is signed in first). */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.locator('#sign-out, #sign-in').first().waitFor();
  if (await page.locator('#sign-out').count()) await page.locator('#sign-out').click();
  await page.locator('#user-switch').selectOption(name);
  await page.locator('#sign-in button').click();
  await page.locator('#user-name', { hasText: name }).waitFor();
}

export type Demo = Awaited<ReturnType<typeof startDemo>>;

/**
 * The built demo and a Chromium for one test file: started before its tests (then handed to
 * `ready`), stopped after them — the same before/after pair every demo e2e file needs.
 */
export function useDemo(ready: (demo: Demo, browser: Browser) => void): void {
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
    ready(demo, browser);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });
}

/** A user of the demo's REST mode: `key` is filled in with an API key for their roles. */
export interface DemoUser {
  name: string;
  roles: string[];
  key: string;
}

/**
 * `useDemo` with the reference server beside it (on a temporary database, allowing the demo's
 * origin): each of `users` gets an API key before the server starts.
 */
export function useDemoWithServer(users: DemoUser[], ready: (demo: Demo, browser: Browser, server: ServerProcess) => void): void {
  const tmp = tempDb();
  let demo: Demo | undefined;
  let browser: Browser | undefined;
  let server: ServerProcess | undefined;
  before(async () => {
    for (const u of users) u.key = await createKey(tmp.db, u.roles, 'default', u.name);
    demo = await startDemo();
    server = await startServer({ db: tmp.db, args: ['--cors', new URL(demo.url).origin], testHooks: false });
    browser = await launchChromium();
    ready(demo, browser, server);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    await server?.kill();
    await tmp.cleanup();
  });
}

/** Waits until the card's storage panel says `text` (its status line, in the card's language). */
export async function storageStatus(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page.locator('kc-storage-panel [part="status"]', { hasText: text }).waitFor();
  } catch (e) {
    // Say what the panel said instead: a timeout alone does not tell a slow load from a wrong state.
    const said = await page
      .locator('kc-storage-panel [part="status"]')
      .allTextContents()
      .catch(() => []);
    throw new Error(`The storage panel never said ${String(text)}; it says ${JSON.stringify(said)} (${page.url()})`, { cause: e });
  }
}
