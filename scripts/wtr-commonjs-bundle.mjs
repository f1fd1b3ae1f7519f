// ajv and ajv-formats ship CommonJS only, which the test runner's dev server cannot serve as ESM
// (and @rollup/plugin-commonjs is broken inside it: modernweb-dev/web#1700). This plugin bundles
// all the named packages once with esbuild into ONE ESM module (so they share one ajv) and serves
// each bare import as a thin re-export of that bundle.
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const BUNDLE_PATH = '/__kc_cjs_bundle__.js';
const moduleId = (name) => `/__kc_cjs__/${name.replace(/[^a-zA-Z0-9]/g, '_')}.js`;
const exportName = (name) => `m_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;

export function commonjsBundlePlugin({ root, packages }) {
  let bundled;
  const bundle = async () => {
    const entry = packages
      .map((p) => `import * as ${exportName(p)} from ${JSON.stringify(p)}; export { ${exportName(p)} };`)
      .join('\n');
    const result = await build({
      stdin: { contents: entry, resolveDir: root, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      target: 'es2022',
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };
  return {
    name: 'kc-commonjs-bundle',
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
${namedExports(root, name).map((n) => `export const ${n} = mod.${n};`).join('\n')}`;
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
    let names = [];
    try {
      const mod = createRequire(`${root}/`)(name);
      names = Object.keys(mod).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default' && k !== 'mod' && k !== '__namespace' && k !== '__esModule');
    } catch {
      // not loadable in Node: default export only
    }
    namedCache.set(name, names);
  }
  return namedCache.get(name);
}
