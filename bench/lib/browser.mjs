/**
 * Building and serving the bench pages (production builds from the packages' sources, through
 * Vite's API) and starting Chromium with the flags this machine needs.
 */
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumPath, chromiumArgs } from '../../scripts/chromium.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
export const PAGES_ROOT = here('../pages');
export const PAGES_OUT = here('../dist/pages');

/** The resolve conditions of a production app build that uses the packages' TypeScript sources. */
export const CONDITIONS = ['@kartochka/source', 'module', 'browser', 'production'];

/** @param {{minify?: boolean}} [options] `minify: false` keeps names readable in profiles. */
export async function buildPages({ minify = true } = {}) {
  await build({
    configFile: false,
    root: PAGES_ROOT,
    base: './',
    mode: 'production',
    logLevel: 'warn',
    resolve: { conditions: CONDITIONS },
    build: {
      outDir: PAGES_OUT,
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      minify,
      rolldownOptions: {
        input: {
          kartochka: `${PAGES_ROOT}/kartochka.html`,
          baseline: `${PAGES_ROOT}/baseline.html`,
          'paint-first': `${PAGES_ROOT}/paint-first.html`,
          storage: `${PAGES_ROOT}/storage.html`,
          import: `${PAGES_ROOT}/import.html`,
        },
      },
    },
  });
}

/** Serves the built pages with `vite preview` on 127.0.0.1, an ephemeral port. */
export async function servePages() {
  const server = await preview({
    configFile: false,
    root: PAGES_ROOT,
    logLevel: 'warn',
    build: { outDir: PAGES_OUT },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The preview server has no TCP address.');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs });
}
