// A Vite plugin that compiles an Angular app ahead of time (AOT), as the Angular CLI would, with
// plain Vite and two steps of Angular's own compiler (@angular/compiler-cli):
// - `ngc -p <tsconfig>` compiles the app's components and templates (strict template type checking
//   when the tsconfig asks for it) into `outDir`; the app folder's .ts modules are then served from
//   there;
// - the Angular linker (a Babel plugin) finishes Angular's packages, which npm ships "partially
//   compiled" (ɵɵngDeclare… calls), so the browser needs no JIT compiler (`@angular/compiler` is not
//   in the bundle).
// Angular's compiler and the Babel it is built for are resolved from the app's folder, so an app
// outside this workspace (tests/e2e/pack-install.test.ts) is compiled by the Angular it installed.
// Used by examples/angular/vite.config.ts and tests/e2e/pack-install.test.ts; docs/frameworks.md.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginItem } from '@babel/core';
import type { Plugin } from 'vite';

export interface AngularAotOptions {
  /** The folder of the app's Angular .ts modules (absolute). */
  dir: string;
  /** ngc's project; its `rootDir` should be `dir`. Default: `dir/tsconfig.aot.json`. */
  tsconfig?: string;
  /** Where ngc writes. Default: `dir/.aot`. */
  outDir?: string;
}

type Linker = { transformAsync: typeof import('@babel/core').transformAsync; linker: PluginItem };

export function angularAot({ dir, tsconfig = join(dir, 'tsconfig.aot.json'), outDir = join(dir, '.aot') }: AngularAotOptions): Plugin {
  const fromApp = createRequire(join(dir, 'package.json'));
  const cliPackage = fromApp.resolve('@angular/compiler-cli/package.json');
  // ngc's bin is not in the package's exports map; it is found beside its package.json.
  const ngcBin = join(dirname(cliPackage), 'bundles/src/bin/ngc.js');
  const inDir = dir.endsWith(sep) ? dir : dir + sep;
  let tools: Promise<Linker> | undefined;
  const linkerTools = (): Promise<Linker> =>
    (tools ??= import(pathToFileURL(fromApp.resolve('@angular/compiler-cli/linker/babel')).href).then((m: { default: PluginItem }) => ({
      transformAsync: (createRequire(cliPackage)('@babel/core') as typeof import('@babel/core')).transformAsync,
      linker: m.default,
    })));
  return {
    name: 'kartochka-angular-aot',
    enforce: 'pre',
    // Pre-bundled dependencies (the dev server's optimizer) would skip the linker.
    config: () => ({ optimizeDeps: { exclude: ['@angular/core', '@angular/common', '@angular/platform-browser'] } }),
    buildStart() {
      const ngc = spawnSync(process.execPath, [ngcBin, '-p', tsconfig, '--outDir', outDir], { encoding: 'utf8' });
      if (ngc.status !== 0) this.error(`ngc failed (are the @kartochka packages' types built?):\n${ngc.stdout}${ngc.stderr}`);
    },
    async load(id) {
      const file = id.split('?')[0];
      if (!file.startsWith(inDir) || !file.endsWith('.ts')) return undefined;
      const compiled = join(outDir, relative(dir, file).replace(/\.ts$/, '.js'));
      return existsSync(compiled) ? readFile(compiled, 'utf8') : undefined;
    },
    async transform(code, id) {
      if (!/[\\/]node_modules[\\/]@angular[\\/]/.test(id) || !code.includes('ɵɵngDeclare')) return undefined;
      const { transformAsync, linker } = await linkerTools();
      const linked = await transformAsync(code, {
        filename: id,
        configFile: false,
        babelrc: false,
        sourceMaps: true,
        compact: false,
        plugins: [[linker, { linkerJitMode: false }]],
      });
      return linked?.code ? { code: linked.code, map: linked.map } : undefined;
    },
  };
}
