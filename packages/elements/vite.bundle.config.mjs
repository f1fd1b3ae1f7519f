// The no-bundler build: every kc-* element with core, i18n, ajv (CommonJS, converted here) and Lit
// in ONE ES module, dist/kartochka.js, that a plain HTML page loads with
// <script type="module" src=".../kartochka.js">. Built from tsc's output (dist/index.js), so it is
// the same code the package ships; lazily loaded widgets are inlined (one file, no chunks to find).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: false, // tsc's .js and .d.ts files live there too
    target: 'es2022',
    minify: 'oxc',
    copyPublicDir: false,
    lib: {
      entry: fileURLToPath(new URL('./dist/index.js', import.meta.url)),
      formats: ['es'],
      fileName: () => 'kartochka.js',
    },
    // Vite keeps whitespace in ES libraries (for other bundlers' pure annotations); this file is for
    // browsers directly, so it is minified whole.
    rollupOptions: { output: { codeSplitting: false, minify: true } },
  },
});
