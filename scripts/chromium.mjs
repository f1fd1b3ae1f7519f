// One place that knows how to start Debian's Chromium here: its path (CHROME_PATH wins) and the
// flags it needs headless as root with no network.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The one line `npm test`, the test runner and the e2e tests say when there is no browser. */
export const CHROMIUM_MISSING = 'Chromium not found. Install it with `apt-get install -y chromium` or set CHROME_PATH.';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/**
 * The browser to start, or undefined: CHROME_PATH when it names a file, else the first of the
 * usual names on PATH (Debian's package puts `chromium` in /usr/bin, which PATH holds).
 */
export function findChromium(env = process.env) {
  if (env.CHROME_PATH && existsSync(env.CHROME_PATH)) return env.CHROME_PATH;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export function chromiumPath() {
  const found = findChromium();
  if (!found) throw new Error(CHROMIUM_MISSING);
  return found;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Tests run several pages at once; a page in a background tab must not be throttled (its
  // animation frames and timers would stall and tests would time out at random).
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-background-timer-throttling',
];
