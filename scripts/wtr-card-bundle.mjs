// Serves `@kartochka/elements/card` as an app's bundler builds it (Vite/rolldown: tree-shaken,
// `sideEffects` honoured, every dynamic import a chunk of its own) under /__kc_card_bundle__/, for
// the browser tests of what the card loads on demand (packages/elements/src/card/
// card-on-demand.browser.test.ts). The test runner's own graph is unbundled: there, importing the
// card evaluates every module core's root imports, so nothing is ever loaded on demand.
// /__kc_card_bundle__/card.js is the entry; /__kc_card_bundle__/modules.js lists each file's
// modules (a module: the runner turns JSON into one anyway), so a test can tell which fetched file carried what. Built once, on the first request.
//
// `cardPagePlugin` serves, under /__kc_card_page__/, a card page as an app builds it: the card
// entry, @kartochka/i18n's registry (the bundle's own instance, for the tests to read), and the
// test-support schemas with their validators precompiled by @kartochka/core/vite, each behind a
// dynamic import (card-lazy-catalogues.browser.test.ts: German and the requisite checks).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const BASE = '/__kc_card_bundle__/';

/**
 * @param {{ root: string, base?: string, input?: () => Promise<Record<string, string>>, plugins?: () => Promise<unknown[]> }} options
 * `input`: the entries (default: the card entry as `card`), whose exports are kept; `plugins`: Vite plugins of the build.
 */
export function cardBundlePlugin({ root, base = BASE, input, plugins }) {
  let files;
  const failing = new Set();
  const modulesOf = {};
  const requests = {};
  const bundle = async () => {
    const { build } = await import('vite');
    const result = await build({
      configFile: false,
      root,
      base,
      mode: 'production',
      logLevel: 'silent',
      plugins: plugins ? await plugins() : [],
      resolve: { conditions: ['@kartochka/source', 'module', 'browser', 'production'] },
      build: {
        write: false,
        minify: false,
        modulePreload: false,
        target: 'es2022',
        rolldownOptions: {
          input: input ? await input() : { card: path.join(root, 'packages/elements/src/card/index.ts') },
          // An app build drops an entry's exports; a page of the tests' own reads them.
          ...(input ? { preserveEntrySignatures: 'exports-only' } : {}),
          output: { entryFileNames: '[name].js' },
        },
      },
    });
    const served = new Map();
    const modules = {};
    for (const o of (Array.isArray(result) ? result : [result]).flatMap((r) => r.output)) {
      served.set(o.fileName, o.type === 'chunk' ? o.code : o.source);
      if (o.type === 'chunk') modules[o.fileName] = modulesOf[o.fileName] = Object.keys(o.modules).map((id) => path.relative(root, id));
    }
    served.set('modules.js', `export default ${JSON.stringify(modules)};`);
    return served;
  };
  return {
    name: 'kc-card-bundle',
    /**
     * Answers 503 for a file that `__fail__` switched off, and counts the requests: a middleware of
     * the config's (`middleware`), because a plugin's `serve` answers 200 whatever it returns (a
     * `status` of its result is ignored: the browser would run the body as a module and fail it
     * with a ReferenceError, an evaluation error, which is never a fetch failure).
     */
    middleware(context, next) {
      if (!context.path.startsWith(base)) return next();
      const name = context.path.slice(base.length);
      if (name.startsWith('__')) return next();
      requests[name] = (requests[name] ?? 0) + 1;
      if ([...failing].some((m) => (modulesOf[name] ?? []).some((id) => id.endsWith(m)))) {
        context.status = 503;
        context.set('Cache-Control', 'no-store');
        context.body = 'unavailable';
        return undefined;
      }
      return next();
    },
    async serve(context) {
      if (!context.path.startsWith(base)) return undefined;
      files ??= bundle();
      const name = context.path.slice(base.length);
      // `__fail__?module=view/field-view.ts`: from now on the file that carries that module answers
      // 503, as a chunk of a deploy that is gone or a dropped connection (the card must say so);
      // `__fail__?module=view/field-view.ts&off` ends that. The switch is the server's, shared by
      // the test files that run at the same time: fail only a module no other test file's page fetches.
      if (name === '__fail__') {
        const query = new URLSearchParams(context.querystring);
        if (query.has('off')) failing.delete(query.get('module'));
        else failing.add(query.get('module'));
        return { body: 'ok', type: 'text' };
      }
      // `__requests__`: how many times each file was asked for (a 503 counts), as JSON.
      if (name === '__requests__') return { body: JSON.stringify(requests), type: 'json' };
      const body = (await files).get(name);
      if (body === undefined) return { status: 404, body: 'not found' };
      return { body, type: context.path.endsWith('.css') ? 'css' : 'js' };
    },
  };
}

/** A card page with precompiled validators of `fixtures`' schemas (`names`), under /__kc_card_page__/; its entry is `page.js`. */
export function cardPagePlugin({ root, fixtures, names }) {
  return cardBundlePlugin({
    root,
    base: '/__kc_card_page__/',
    async plugins() {
      const vitePlugin = pathToFileURL(path.join(root, 'packages/core/src/validation/vite-plugin.ts')).href;
      const { kartochkaValidators } = await tsImport(vitePlugin, import.meta.url);
      return [kartochkaValidators()];
    },
    async input() {
      // Inside the repository, so the entry's bare imports resolve as an app's do.
      const dir = path.join(root, 'node_modules/.cache/kc-card-page');
      mkdirSync(dir, { recursive: true });
      const file = (name) => path.join(root, fixtures, `${name}.schema.json`);
      const load = (name) =>
        `  ${JSON.stringify(name)}: () => Promise.all([import(${JSON.stringify(file(name))}), import(${JSON.stringify(`${file(name)}?kc-validator`)})])` +
        '.then(([s, v]) => ({ schema: s.default, validator: v.default })),';
      const page = path.join(dir, 'page.js');
      writeFileSync(
        page,
        [
          "export * from '@kartochka/elements/card';",
          "export { translate, translationsLoaded } from '@kartochka/i18n';",
          'export const cards = {',
          ...names.map(load),
          '};',
        ].join('\n'),
      );
      return { page };
    },
  });
}
