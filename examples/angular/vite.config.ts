// The Angular example, compiled ahead of time (AOT) as the Angular CLI would, with plain Vite and
// two steps of Angular's own compiler (@angular/compiler-cli) in a small plugin:
// - `ngc -p tsconfig.aot.json` compiles the component and its template (strict template type
//   checking) into .aot/; this folder's .ts modules are then served from there;
// - the Angular linker (a Babel plugin) finishes Angular's packages, which npm ships "partially
//   compiled" (ɵɵngDeclare… calls), so the browser needs no JIT compiler.
// The Kartochka packages resolve to their sources (the "@kartochka/source" condition) in the bundle.
import { defineConfig, type Plugin } from 'vite';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformAsync } from '@babel/core';
import angularLinker from '@angular/compiler-cli/linker/babel';

const here = fileURLToPath(new URL('.', import.meta.url));
const compiled = join(here, '.aot');
// ngc's bin is not in the package's exports map; it is found beside its package.json.
const ngcBin = join(dirname(fileURLToPath(import.meta.resolve('@angular/compiler-cli/package.json'))), 'bundles/src/bin/ngc.js');

function angularAot(): Plugin {
  return {
    name: 'kartochka-angular-aot',
    enforce: 'pre',
    buildStart() {
      const ngc = spawnSync(process.execPath, [ngcBin, '-p', join(here, 'tsconfig.aot.json')], { encoding: 'utf8' });
      if (ngc.status !== 0) this.error(`ngc failed (has \`npm run build\` made the packages' types?):\n${ngc.stdout}${ngc.stderr}`);
    },
    async load(id) {
      const file = id.split('?')[0];
      if (!file.startsWith(here) || !file.endsWith('.ts') || file.endsWith('vite.config.ts')) return undefined;
      return readFile(join(compiled, relative(here, file).replace(/\.ts$/, '.js')), 'utf8');
    },
    async transform(code, id) {
      if (!/[\\/]node_modules[\\/]@angular[\\/]/.test(id) || !code.includes('ɵɵngDeclare')) return undefined;
      const linked = await transformAsync(code, { filename: id, configFile: false, babelrc: false, sourceMaps: true, compact: false, plugins: [[angularLinker, { linkerJitMode: false }]] });
      return linked?.code ? { code: linked.code, map: linked.map } : undefined;
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [angularAot()],
  resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'development|production'] },
  // Pre-bundled dependencies would skip the linker; Angular's packages go through the plugin.
  optimizeDeps: { exclude: ['@angular/core', '@angular/common', '@angular/platform-browser'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
