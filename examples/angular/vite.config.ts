// The Angular example, compiled ahead of time (AOT) as the Angular CLI would, with plain Vite and
// Angular's own compiler: scripts/vite-angular-aot.ts runs `ngc -p tsconfig.aot.json` (strict
// template type checking) and serves this folder's .ts modules from its output (.aot/), and runs
// the Angular linker over Angular's partially compiled packages, so the browser needs no JIT compiler.
// The Kartochka packages resolve to their sources (the "@kartochka/source" condition) in the bundle.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { angularAot } from '../../scripts/vite-angular-aot.js';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [angularAot({ dir: here })],
  resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'development|production'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
