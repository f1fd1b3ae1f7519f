// The Angular example, built from the packages' sources (the "@kartochka/source" condition) with
// plain Vite: the template is compiled in the browser by Angular's JIT compiler, so no Angular
// build plugin is needed. TypeScript's legacy decorators (tsconfig.base.json) carry @Component.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'development|production'] },
  // Legacy (TypeScript experimental) decorators, as Angular's JIT expects; the nearest
  // tsconfig.json (the repository's, a solution file) does not include this folder.
  oxc: { decorator: { legacy: true } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
