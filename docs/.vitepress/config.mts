// The docs site (VitePress) over docs/*.md, as they are on GitHub: no page is written for the
// site alone except index.md. The sidebar is made from the files present, so a new guide appears
// without editing this file; GROUPS only orders the ones we know.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';

const docs = fileURLToPath(new URL('../', import.meta.url));

/** Pages that are not guides: the home page and TypeDoc's readme. */
const NOT_GUIDES = new Set(['index', 'api-readme']);

const GROUPS: Array<[string, string[]]> = [
  ['Start', ['adopting', 'frameworks', 'architecture']],
  ['Cards', ['schema', 'layout', 'elements', 'widgets', 'rules-and-formulas', 'templates', 'i18n', 'theming']],
  ['Admins', ['builder']],
  ['Data', ['storage', 'rest-api', 'import-export', 'duplicates', 'files', 'reminders']],
  ['Tools and speed', ['cli', 'performance']],
];

/** A page's title: its first `# ` heading, else its file name. */
function titleOf(name: string): string {
  const heading = /^# (.+)$/m.exec(readFileSync(`${docs}/${name}.md`, 'utf8'));
  return heading ? heading[1].replace(/`/g, '').trim() : name;
}

export function guides(): string[] {
  return readdirSync(docs)
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .filter((n) => !NOT_GUIDES.has(n));
}

function sidebar(): DefaultTheme.SidebarItem[] {
  const present = new Set(guides());
  const placed = new Set<string>();
  const item = (name: string) => {
    placed.add(name);
    return { text: titleOf(name), link: `/${name}` };
  };
  const groups = GROUPS.map(([text, names]) => ({ text, items: names.filter((n) => present.has(n)).map(item) }));
  const more = [...present].filter((n) => !placed.has(n)).sort().map(item);
  if (more.length) groups.push({ text: 'More', items: more });
  return groups.filter((g) => g.items.length);
}

export default defineConfig({
  title: 'Kartochka',
  description: 'Client cards configured, not coded: web components from JSON Schema, a card builder, storage adapters.',
  lang: 'en',
  cleanUrls: false,
  // TypeDoc's output (npm run docs) is copied beside the site by scripts/docs-site.mjs.
  srcExclude: ['api/**', 'api-readme.md'],
  // Links from a guide to a file of the repository (../packages/…) are not pages of the site.
  ignoreDeadLinks: [/^\.\.\//, /^\/api\//],
  vue: {
    template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('kc-') } },
  },
  themeConfig: {
    nav: [
      { text: 'Guides', link: '/adopting' },
      { text: 'API reference', link: '/api/index.html', target: '_self' },
    ],
    sidebar: sidebar(),
    search: { provider: 'local' },
    outline: [2, 3],
  },
});
