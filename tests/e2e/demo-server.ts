/** Builds the demo with Vite and serves it on an ephemeral loopback port, for end-to-end tests. */
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
// @ts-expect-error — plain .mjs helper shared with the test-runner config
import { chromiumPath, chromiumArgs } from '../../scripts/chromium.mjs';

export async function startDemo(): Promise<{ url: string; close: () => Promise<void> }> {
  await build({ configFile: 'vite.config.ts', logLevel: 'error' });
  const server: PreviewServer = await preview({ configFile: 'vite.config.ts', logLevel: 'error', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
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
