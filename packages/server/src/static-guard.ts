/**
 * The fence in front of `--static`: only ordinary files inside the folder. No dotfiles or dot
 * folders (`.env`, `.git/`), no traversal (`..`, encoded or not, backslashes), and no symbolic
 * link that leads out of the folder — the real path must stay under the folder's real path.
 * Anything else is a plain 404, saying nothing about what exists.
 */
import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

export function staticGuard(root: string): MiddlewareHandler {
  let realRoot: string | undefined;
  const inside = (path: string): boolean => {
    try {
      realRoot ??= realpathSync(root);
      const real = realpathSync(path);
      return real === realRoot || real.startsWith(realRoot + sep);
    } catch {
      // Missing: serveStatic answers 404 itself.
      return true;
    }
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return c.notFound();
    }
    const segments = path.split(/[/\\]/);
    if (path.includes('\\') || path.includes('\0') || segments.some((s) => s.startsWith('.'))) return c.notFound();
    if (!inside(join(root, ...segments))) return c.notFound();
    return next();
  };
}
