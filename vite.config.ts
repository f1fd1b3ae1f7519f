// The demo app: examples/demo, built from the packages' sources (the "@kartochka/source" export
// condition), so `npm start` needs no separate package build to show current code.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
// @ts-expect-error — plain .mjs build helper
import { appShell } from './scripts/vite-app-shell.mjs';

const root = fileURLToPath(new URL('./examples/demo', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The demo is installable and reloads offline: a service worker precaches the built app shell.
  plugins: [appShell({ extra: ['manifest.webmanifest', 'icon.svg'], optional: ['demo-users.json'] })],
  resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: fileURLToPath(new URL('./demo-dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: true },
});
