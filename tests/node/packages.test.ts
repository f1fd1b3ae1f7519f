/**
 * Publish-readiness of every workspace package, checked on the sources (no build needed): each
 * import its shipped code makes is declared (a strict pnpm install fails otherwise), a package
 * whose public types come from `@types/x` depends on it, each has a LICENSE, `repository`,
 * `engines` and `files`, and `npm pack` ships no build info, tests or test-support. The elements'
 * custom-elements manifest describes the built files and documents every part the code renders.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;
const packageDirs = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')));

interface PackageJson {
  name: string;
  license?: string;
  repository?: { type?: string; url?: string; directory?: string };
  engines?: { node?: string };
  files?: string[];
  exports?: Record<string, unknown>;
  customElements?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The one repository every package names (npm's normalised form of https://github.com/kartochka/kartochka). */
const REPOSITORY = 'git+https://github.com/kartochka/kartochka.git';

const read = (dir: string): PackageJson => JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as PackageJson;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'test-support') sourceFiles(path, out);
    } else if (/\.(ts|mjs|js)$/.test(name) && !/\.(test|stories)\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every bare module a file imports or re-exports, type-only and dynamic imports included. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s));
}

/** Whether an installed package carries its own type declarations. */
function hasOwnTypes(name: string): boolean {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { types?: string; typings?: string; exports?: unknown };
  return Boolean(pkg.types || pkg.typings || existsSync(join(dir, 'index.d.ts')) || JSON.stringify(pkg.exports ?? '').includes('.d.'));
}

describe('every package is ready to publish', () => {
  for (const dir of packageDirs) {
    const pkg = read(dir);
    describe(pkg.name, () => {
      it('declares every module its shipped code imports', () => {
        const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {}), pkg.name]);
        const missing = new Set<string>();
        for (const file of sourceFiles(join(root, 'packages', dir, 'src'))) {
          for (const spec of importsOf(file))
            if (!declared.has(packageOf(spec))) missing.add(`${packageOf(spec)} (${file.slice(root.length)})`);
        }
        assert.deepEqual([...missing], [], `add these to ${dir}/package.json "dependencies" (or "peerDependencies")`);
      });

      it('depends on @types/x for every untyped module its public types use', () => {
        const deps = new Set(Object.keys(pkg.dependencies ?? {}));
        for (const name of deps) {
          if (name.startsWith('@kartochka/') || name.startsWith('@types/') || hasOwnTypes(name)) continue;
          const types = `@types/${name.replace(/^@(.*)\//, '$1__')}`;
          assert.ok(deps.has(types), `${name} has no types of its own: ${pkg.name} needs ${types} in "dependencies"`);
        }
      });

      it('has a LICENSE, license, repository, engines and files', () => {
        assert.ok(existsSync(join(root, 'packages', dir, 'LICENSE')), `packages/${dir}/LICENSE is missing`);
        assert.equal(pkg.license, 'MIT');
        assert.deepEqual(pkg.repository, { type: 'git', url: REPOSITORY, directory: `packages/${dir}` });
        assert.ok(pkg.engines?.node, 'engines.node is missing');
        assert.ok(pkg.files?.length, '"files" is missing');
      });
    });
  }

  it('npm pack ships no build info, tests or test-support', () => {
    const out = execFileSync(
      'npm',
      ['pack', '--dry-run', '--json', '--ignore-scripts', ...packageDirs.flatMap((d) => ['-w', `packages/${d}`])],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const packs = JSON.parse(out) as { name: string; files: { path: string }[] }[];
    assert.equal(packs.length, packageDirs.length);
    for (const p of packs) {
      const paths = p.files.map((f) => f.path);
      assert.ok(paths.includes('LICENSE'), `${p.name}: no LICENSE in the tarball`);
      const unwanted = paths.filter((f) => /\.tsbuildinfo$|\.test\.|(^|\/)test-support\//.test(f));
      assert.deepEqual(unwanted, [], `${p.name} ships files it should not`);
    }
  });
});

describe('the custom-elements manifest', () => {
  const dir = join(root, 'packages/elements');
  const pkg = read('elements');
  type Part = { name: string };
  type Declaration = { tagName?: string; cssParts?: Part[] };
  let manifest: { modules: { path: string; declarations?: Declaration[] }[] };

  before(() => {
    // `npm test` writes it first; a lone run of this file makes it.
    if (!existsSync(join(dir, 'custom-elements.json')))
      execFileSync('npm', ['run', 'manifest', '-w', '@kartochka/elements'], { cwd: root, stdio: 'ignore' });
    manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as typeof manifest;
  });

  it('is named in "customElements", exported, and shipped', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.equal(pkg.exports?.['./custom-elements.json'], './custom-elements.json');
    assert.ok(pkg.files?.includes('custom-elements.json'));
  });

  it('gives editors the same data: VS Code custom data and JetBrains web-types, shipped and named', () => {
    const vscode = JSON.parse(readFileSync(join(dir, 'vscode.html-custom-data.json'), 'utf8')) as {
      tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
    };
    const webTypes = JSON.parse(readFileSync(join(dir, 'web-types.json'), 'utf8')) as {
      contributions: { html: { elements: { name: string; js: { events: { name: string }[] } }[] } };
    };
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean)).sort();
    assert.deepEqual(
      vscode.tags.map((t) => t.name),
      tags,
    );
    assert.deepEqual(
      webTypes.contributions.html.elements.map((t) => t.name),
      tags,
    );
    const mode = vscode.tags.find((t) => t.name === 'kc-card')!.attributes.find((a) => a.name === 'mode')!;
    assert.deepEqual(
      mode.values?.map((v) => v.name),
      ['edit', 'view', 'blank'],
    );
    assert.ok(webTypes.contributions.html.elements.find((t) => t.name === 'kc-card')!.js.events.some((e) => e.name === 'kc-change'));
    assert.equal((pkg as { 'web-types'?: string })['web-types'], './web-types.json');
    for (const f of ['vscode.html-custom-data.json', 'web-types.json']) assert.ok(pkg.files?.includes(f), f);
  });

  it('points at the built files', () => {
    for (const m of manifest.modules) assert.match(m.path, /^dist\/.+\.js$/, `${m.path} is not a built file`);
  });

  it('lists every element and every part each renders', () => {
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName).filter(Boolean));
    const defined = [
      ...sourceFiles(join(dir, 'src')).flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/(?:defineElement|customElements\.define)\('(kc-[a-z-]+)'/g)].map((m) => m[1]),
      ),
    ];
    assert.deepEqual([...new Set(tags)].sort(), [...new Set(defined)].sort());
    for (const m of manifest.modules) {
      const elements = (m.declarations ?? []).filter((d) => d.tagName);
      if (!elements.length) continue;
      const documented = new Set(elements.flatMap((d) => (d.cssParts ?? []).map((p) => p.name)));
      const source = readFileSync(join(dir, m.path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')), 'utf8');
      const rendered = [...source.matchAll(/\spart="([a-z][a-z0-9-]*)"/g)].map((x) => x[1]!);
      assert.deepEqual(
        [...new Set(rendered.filter((p) => !documented.has(p)))],
        [],
        `${m.path}: parts rendered but not in the manifest (add @csspart to the class comment)`,
      );
    }
  });
});
