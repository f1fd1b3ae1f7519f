// Serves `@kartochka/elements/card` as an app's bundler builds it (Vite/rolldown: tree-shaken,
// `sideEffects` honoured, every dynamic import a chunk of its own) under /__kc_card_bundle__/, for
// the browser tests of what the card loads on demand (packages/elements/src/card/
// card-on-demand.browser.test.ts). The test runner's own graph is unbundled: there, importing the
// card evaluates every module core's root imports, so nothing is ever loaded on demand.
// /__kc_card_bundle__/card.js is the entry; /__kc_card_bundle__/modules.js lists each file's
// modules (a module: the runner turns JSON into one anyway), so a test can tell which fetched file carried what. Built once, on the first request.
import path from 'node:path';

const BASE = '/__kc_card_bundle__/';

export function cardBundlePlugin({ root }) {
  let files;
  const bundle = async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      root,
      base: BASE,
      mode: 'production',
      logLevel: 'silent',
      resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'production'] },
      build: {
        write: false,
        minify: false,
        modulePreload: false,
        target: 'es2022',
        rolldownOptions: {
          input: { card: path.join(root, 'packages/elements/src/card/index.ts') },
          output: { entryFileNames: '[name].js' },
        },
      },
    });
    const served = new Map();
    const modules = {};
    for (const o of (Array.isArray(result) ? result : [result]).flatMap((r) => r.output)) {
      served.set(o.fileName, o.type === 'chunk' ? o.code : o.source);
      if (o.type === 'chunk') modules[o.fileName] = Object.keys(o.modules).map((id) => path.relative(root, id));
    }
    served.set('modules.js', `export default ${JSON.stringify(modules)};`);
    return served;
  };
  return {
    name: 'kc-card-bundle',
    async serve(context) {
      if (!context.path.startsWith(BASE)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path.slice(BASE.length));
      if (body === undefined) return { status: 404, body: 'not found' };
      return { body, type: context.path.endsWith('.css') ? 'css' : 'js' };
    },
  };
}
