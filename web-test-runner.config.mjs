// Browser tests: every *.browser.test.ts, in Debian's Chromium, with sources (not dist) resolved
// through the "@kartochka/source" export condition.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath, chromiumArgs } from './scripts/chromium.mjs';
import { commonjsBundlePlugin } from './scripts/wtr-commonjs-bundle.mjs';
import { plainSummaryReporter } from './scripts/wtr-plain-summary.mjs';
import { precompiledValidatorsPlugin } from './scripts/wtr-precompiled-validators.mjs';
import { restServerPlugin } from './scripts/wtr-rest-server.mjs';
import { cardBundlePlugin, cardPagePlugin } from './scripts/wtr-card-bundle.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
// The card entry and a card page as an app's bundler builds them; their middleware answers 503 for
// a chunk a test has switched off (scripts/wtr-card-bundle.mjs).
const cardBundle = cardBundlePlugin({ root });
const cardPage = cardPagePlugin({ root, fixtures: 'packages/elements/src/test-support', names: ['plain-card', 'requisites-card'] });
const quiet = process.env.KC_WTR_QUIET === '1';

export default {
  rootDir: root,
  files: ['packages/*/src/**/*.browser.test.ts', 'tests/browser/**/*.browser.test.ts', '!**/*.csp.browser.test.ts'],
  // Strict-CSP tests: their page forbids eval and new Function (no 'unsafe-eval'), as many sites do.
  groups: [
    {
      name: 'strict-csp',
      files: ['packages/*/src/**/*.csp.browser.test.ts'],
      testRunnerHtml: (testFramework) =>
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'"></head><body><script type="module" src="${testFramework}"></script></body></html>`,
    },
  ],
  nodeResolve: { exportConditions: ['@kartochka/source', 'browser', 'development'] },
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), headless: true, args: chromiumArgs },
      // Each test page in a window of its own. As tabs of one window, only the newest tab is
      // visible: the others are `document.hidden`, get no animation frames and no ResizeObserver
      // callbacks, so a virtualized list never lays out and any wait for a frame hangs (the
      // array-field virtualization tests timed out whenever another file's page opened after theirs).
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  // A module worker is started by URL (`new URL('./table-worker.js', import.meta.url)`, as the built
  // package has it): from sources, that `.js` is a `.ts` file, served as such.
  middleware: [
    (context, next) => {
      if (
        /^\/packages\/[^?]+\.js$/.test(context.path) &&
        !existsSync(path.join(root, context.path)) &&
        existsSync(path.join(root, context.path.replace(/\.js$/, '.ts')))
      ) {
        context.url = context.url.replace(/\.js(?=$|\?)/, '.ts');
      }
      return next();
    },
    cardBundle.middleware,
    cardPage.middleware,
  ],
  plugins: [
    commonjsBundlePlugin({
      root,
      packages: [
        'ajv',
        'ajv/dist/2020.js',
        'ajv/dist/2019.js',
        'ajv-formats',
        'ajv-formats/dist/formats.js',
        'ajv/dist/runtime/ucs2length.js',
        'ajv/dist/runtime/equal.js',
        'bind-event-listener',
      ],
    }),
    // React 19 ships CommonJS only: its own bundle, loaded only by the tests that render React.
    commonjsBundlePlugin({ root, id: 'react', packages: ['react', 'react-dom', 'react-dom/client'] }),
    // The import's table readers (CommonJS/UMD): their own bundle, loaded by the import's worker and tests only.
    commonjsBundlePlugin({ root, id: 'tables', packages: ['papaparse', 'exceljs'] }),
    // Vue's own ESM build for browsers (the default entry is for bundlers and reads process.env).
    {
      name: 'kc-vue-browser-build',
      resolveImport: ({ source }) => (source === 'vue' ? '/node_modules/vue/dist/vue.runtime.esm-browser.js' : undefined),
    },
    precompiledValidatorsPlugin({ root, fixtures: 'packages/elements/src/test-support' }),
    restServerPlugin({ root }),
    cardBundle,
    cardPage,
    esbuildPlugin({ ts: true, json: true, tsconfig: `${root}/tsconfig.base.json`, target: 'es2022' }),
  ],
  reporters: [quiet ? summaryReporter({ flatten: true }) : defaultReporter(), plainSummaryReporter()],
};
