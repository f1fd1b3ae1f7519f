// `npm run docs`: the API reference of every package's public entry points, as HTML in docs/api/
// (generated, not committed: it is rebuilt from the code by `npm test`, so it cannot go stale).
// The entry points are read from each package's `exports` map (its "@kartochka/source" file), so a
// new subpath is documented without editing this script; each module is named by the specifier an
// app imports (`@kartochka/elements/persistence`), not by its file path. Internal subpaths
// (`@kartochka/core/internal`: no semver promise) and the per-widget subpaths (the same classes the
// package root exports) are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind } from 'typedoc';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = join(root, 'docs/api');
/** Subpaths that are not API: per-widget re-exports of the elements root, the CLI's bin, `internal`. */
const SKIP = /^@kartochka\/elements\/(?!persistence$|testing$|import$)|^@kartochka\/cli\/run$|\/internal$/;

const entries = new Map(); // absolute source file -> import specifier
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const source = typeof target === 'object' ? target['@kartochka/source'] : undefined;
    const specifier = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    if (source && !SKIP.test(specifier)) entries.set(resolve(root, 'packages', dir, source), specifier);
  }
}

const app = await Application.bootstrapWithPlugins({
  entryPoints: [...entries.keys()],
  entryPointStrategy: 'resolve',
  tsconfig: join(root, 'tsconfig.check.json'),
  name: 'Kartochka API',
  readme: join(root, 'docs/api-readme.md'),
  out,
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  // The type check is `npm test`'s own step; here it would only double the time.
  skipErrorChecking: true,
  githubPages: false,
  hideGenerator: true,
  logLevel: 'Error',
  validation: { notExported: false, invalidLink: false },
});

const project = await app.convert();
if (!project) {
  console.error('TypeDoc could not convert the packages.');
  process.exit(1);
}
const named = new Set();
for (const module of project.getChildrenByKind(ReflectionKind.Module)) {
  const file = module.sources?.[0]?.fullFileName;
  const specifier = file && entries.get(resolve(file));
  if (specifier) {
    module.name = specifier;
    named.add(specifier);
  }
}
// An entry point TypeDoc dropped (it exports nothing it can see, or failed to resolve) is a gap in
// the reference: fail rather than publish it without saying so.
const missing = [...entries.values()].filter((s) => !named.has(s));
if (missing.length) {
  console.error(`TypeDoc documented no module for: ${missing.join(', ')}`);
  process.exit(1);
}
project.children?.sort((a, b) => a.name.localeCompare(b.name));
await app.generateDocs(project, out);
if (app.logger.hasErrors()) process.exit(1);
console.log(`API reference: ${project.children?.length ?? 0} entry points in docs/api/index.html`);
