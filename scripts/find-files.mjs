// Lists files below the given roots whose names end with one of the suffixes (no glob library:
// Node 20 has no fs.glob, and the test scripts need only this).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'storybook-static', 'demo-dist', '.git']);

export function findFiles(roots, accept) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (SKIP.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (accept(e.name, p)) out.push(p);
    }
  };
  roots.forEach(walk);
  return out.sort();
}

export const isNodeTest = (name) => name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts');
export const isBrowserTest = (name) => name.endsWith('.browser.test.ts');
