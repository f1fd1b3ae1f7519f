// Which entry point of @kartochka/elements an app imports a class from: the package root when it
// exports it, else the first opt-in entry (persistence, import…) whose module exports it. The
// React and Vue generators use it, so a new element in a new entry gets the right import without
// editing them. Per-widget entries (`./text-field`…) re-export what the root has and are skipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const OPT_IN = ['./persistence', './import'];

/** The source of each entry, with `export type` statements removed (they export no value). */
const sources = ['.', ...OPT_IN].map((subpath) => {
  const target = pkg.exports[subpath]?.['@kartochka/source'];
  if (!target) throw new Error(`@kartochka/elements has no "${subpath}" entry with a "@kartochka/source" file`);
  return {
    specifier: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
    text: readFileSync(join(pkgDir, target), 'utf8').replace(/export type[^;]*;/g, ''),
  };
});

/** The import specifier that exports `className` as a value; throws when no entry does. */
export function entryOf(className) {
  const named = new RegExp(`\\b${className}\\b`);
  const found = sources.find((s) => named.test(s.text));
  if (!found) throw new Error(`no entry of @kartochka/elements exports ${className}: export it from src/index.ts or an opt-in entry`);
  return found.specifier;
}
