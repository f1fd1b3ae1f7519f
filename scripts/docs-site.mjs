// `npm run docs:site`: the docs site (VitePress) from docs/*.md into docs/.vitepress/dist, with the
// API reference (TypeDoc's docs/api, from `npm run docs`) copied in at /api/ when it has been built.
// Then it checks what a reader would hit first: every guide is a page of the site and is in the
// sidebar, and the API reference is there when `--with-api` asks for it (npm test builds both).
// VitePress itself fails the build on a dead link between pages.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const docs = join(root, 'docs');
const dist = join(docs, '.vitepress/dist');
const withApi = process.argv.includes('--with-api');

const build = spawnSync('npx', ['vitepress', 'build', 'docs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const problems = [];
const api = join(docs, 'api');
if (existsSync(join(api, 'index.html'))) cpSync(api, join(dist, 'api'), { recursive: true });
else if (withApi) problems.push('docs/api/index.html is missing: run `npm run docs` first');

const guides = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'api-readme.md' && f !== 'index.md');
// The sidebar is rendered into every guide's page (not the home page's); the first guide's copy
// stands for all.
const sidebar = guides.length ? readFileSync(join(dist, guides[0].replace(/\.md$/, '.html')), 'utf8') : '';
for (const guide of guides) {
  const page = join(dist, guide.replace(/\.md$/, '.html'));
  if (!existsSync(page)) problems.push(`${guide} has no page in the site`);
  else if (!sidebar.includes(`href="/${guide.replace(/\.md$/, '.html')}"`)) problems.push(`${guide} is not in the sidebar`);
}
if (problems.length) {
  console.error(`docs site: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `docs site: ${guides.length} guides${existsSync(join(dist, 'api/index.html')) ? ' and the API reference' : ''} in docs/.vitepress/dist`,
);
