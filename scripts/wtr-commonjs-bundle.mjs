// ajv and ajv-formats ship CommonJS only, which the test runner's dev server cannot serve as ESM
// (and @rollup/plugin-commonjs is broken inside it: modernweb-dev/web#1700). This plugin bundles
// all the named packages once with esbuild into ONE ESM module (so they share one ajv) and serves
// each bare import as a thin re-export of that bundle.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const exportName = (name) => `m_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;

// `id` names the bundle: packages that must share one copy (ajv and its formats; React and
// react-dom) go in one bundle, and unrelated ones in another, so a test that needs ajv does not
// also download and parse React.
export function commonjsBundlePlugin({ root, packages, id = 'main' }) {
  const BUNDLE_PATH = `/__kc_cjs_bundle_${id}__.js`;
  const moduleId = (name) => `/__kc_cjs__/${id}/${name.replace(/[^a-zA-Z0-9]/g, '_')}.js`;
  let bundled;
  const bundle = async () => {
    const entry = packages.map((p) => `import * as ${exportName(p)} from ${JSON.stringify(p)}; export { ${exportName(p)} };`).join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      target: 'es2022',
      // React's CommonJS entry picks its build from process.env.NODE_ENV, which browsers lack.
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };
  return {
    name: `kc-commonjs-bundle-${id}`,
    resolveImport({ source }) {
      if (packages.includes(source)) return moduleId(source);
      return undefined;
    },
    async serve(context) {
      if (context.path === BUNDLE_PATH) {
        bundled ??= bundle();
        return { body: await bundled, type: 'js' };
      }
      const name = packages.find((p) => context.path === moduleId(p));
      if (name) {
        // `default` of a CommonJS module is its module.exports; unwrap an extra `.default` the way
        // Node does for `import x from 'cjs'`.
        const ns = exportName(name);
        const body = `import { ${ns} } from '${BUNDLE_PATH}';
const mod = ${ns}.default ?? ${ns};
export default mod;
export const __namespace = ${ns};
${namedExports(root, name)
  .map((n) => `export const ${n} = mod.${n};`)
  .join('\n')}`;
        return { body, type: 'js' };
      }
      return undefined;
    },
  };
}

// Named imports of a CommonJS package (`import { bind } from 'bind-event-listener'`, used by
// @atlaskit/pragmatic-drag-and-drop): the names its module.exports has in Node.
const namedCache = new Map();
function namedExports(root, name) {
  if (!namedCache.has(name)) {
    let keys = [];
    try {
      keys = Object.keys(createRequire(`${root}/`)(name));
    } catch {
      // React's development build touches console methods the test runner's console proxy lacks:
      // read its names in a plain Node process instead.
      try {
        const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
        keys = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
      } catch {
        // not loadable in Node: default export only
      }
    }
    const names = keys.filter(
      (k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default' && k !== 'mod' && k !== '__namespace' && k !== '__esModule',
    );
    namedCache.set(name, names);
  }
  return namedCache.get(name);
}
