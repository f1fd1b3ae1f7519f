// The demo app: examples/demo, built from the packages' sources (the "@kartochka/source" export
// condition), so `npm start` needs no separate package build to show current code.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./examples/demo', import.meta.url));

export default defineConfig({
  root,
  base: './',
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
