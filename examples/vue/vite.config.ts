// The Vue example, built from the packages' sources (the "@kartochka/source" condition). It
// compiles its template in the browser (Vue's full build), so it needs no Vue plugin; an app with
// single-file components passes `isKartochkaElement` to @vitejs/plugin-vue's
// `template.compilerOptions.isCustomElement` instead.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    conditions: ['@kartochka/source', 'module', 'browser', 'development|production'],
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
  },
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
