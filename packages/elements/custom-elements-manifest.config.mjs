import { readFileSync, writeFileSync } from 'node:fs';
import { elementsOf } from './scripts/manifest-elements.mjs';
// Custom-elements manifest (custom-elements.json): editors and Storybook read every element's
// properties, attributes, events, parts, CSS properties and states from it.
// Our elements register through `defineElement('kc-x', KcX)` (safe against double definition),
// which the analyzer does not know: this plugin teaches it.
function defineElementPlugin() {
  return {
    name: 'kartochka-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tagArg, classArg] = node.arguments;
      if (!tagArg || !classArg || !ts.isStringLiteral(tagArg)) return;
      const tagName = tagArg.text;
      const className = classArg.getText();
      const decl = moduleDoc.declarations?.find((d) => d.name === className);
      if (decl) {
        decl.customElement = true;
        decl.tagName = tagName;
      }
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({
        kind: 'custom-element-definition',
        name: tagName,
        declaration: { name: className, module: moduleDoc.path },
      });
    },
  };
}

// The analyzer reads one `@csspart` per JSDoc line; ours often list several on a line
// (`@csspart label @csspart input @csspart hint`). Read them all from the class comment.
function everyPartPlugin() {
  const partsByClass = new Map();
  return {
    name: 'kartochka-every-part',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const comment = ts
        .getJSDocCommentsAndTags(node)
        .map((d) => d.getFullText())
        .join('\n');
      const parts = [...comment.matchAll(/@csspart\s+([\w-]+)(?:\s+-\s+([^@]*?))?(?=\s*(?:\*\s*)?(?:@|\*\/|$))/g)].map(
        ([, name, description]) => ({
          name,
          description: description?.replace(/\s*\*\s*/g, ' ').trim() ?? '',
        }),
      );
      if (parts.length) partsByClass.set(node.name.getText(), parts);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const parts = partsByClass.get(decl.name);
          if (!parts) continue;
          // Ours replace the analyzer's, which glued a line's other parts into the first's description.
          decl.cssParts = parts.map((p) => (p.description ? p : { name: p.name }));
        }
      }
    },
  };
}

// The published manifest describes the built package: paths name `dist/*.js`, the files an app
// imports, not the TypeScript sources.
function builtPathsPlugin() {
  const built = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'kartochka-built-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = built(mod.path);
        const refs = [
          ...(mod.exports ?? []).map((e) => e.declaration),
          ...(mod.declarations ?? []).flatMap((d) => [
            d.superclass,
            ...(d.members ?? []).map((m) => m.inheritedFrom),
            ...(d.attributes ?? []).map((a) => a.inheritedFrom),
            ...(d.events ?? []).map((e) => e.inheritedFrom),
          ]),
        ];
        for (const ref of refs) if (ref?.module) ref.module = built(ref.module);
      }
    },
  };
}

// Events are the ones the class comment documents (`@event kc-change - …`). The analyzer also
// guesses one per `dispatchEvent(new KcChangeEvent(detail))`, with no name or a wrong one; those
// go. A `kc-*` event gets its typed class (`KcChangeEvent`, events/events.ts) as its type.
function documentedEventsPlugin() {
  const eventClass = (name) => `${name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}Event`;
  return {
    name: 'kartochka-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.events) continue;
          decl.events = decl.events.filter((e) => e.name && e.description);
          for (const e of decl.events) if (e.name.startsWith('kc-')) e.type = { text: eventClass(e.name) };
        }
      }
    },
  };
}

// Editor data from the same manifest, written next to it: VS Code's HTML custom data
// (`html.customData`) and JetBrains' web-types (named in package.json "web-types"), so both editors
// complete the kc-* tags, their attributes and values, and show their docs (docs/adopting.md).
// Attribute types that are aliases get their values here (the analyzer keeps only the alias name).
const ALIAS_VALUES = {
  ValidationMode: ['onInput', 'onTouched', 'none'],
  CardMode: ['edit', 'view', 'blank'],
  CardTheme: ['light', 'dark', 'auto'],
  Locale: ['en', 'ru', 'de'],
};
function editorDataPlugin() {
  const valuesOf = (type = '') =>
    ALIAS_VALUES[type] ?? (/^('[^']*'\s*\|\s*)+'[^']*'$/.test(type) ? [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]) : undefined);
  const oneLine = (text = '') => text.replace(/\s+/g, ' ').trim();
  return {
    name: 'kartochka-editor-data',
    packageLinkPhase({ customElementsManifest }) {
      const elements = elementsOf(customElementsManifest);
      const docs = (d) => oneLine(d.summary ?? d.description);
      const vscode = {
        $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
        version: 1.1,
        tags: elements.map((d) => ({
          name: d.tagName,
          description: docs(d),
          attributes: (d.attributes ?? []).map((a) => {
            const values = valuesOf(a.type?.text);
            return {
              name: a.name,
              description: oneLine(a.description),
              ...(values ? { values: values.map((name) => ({ name })) } : a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
            };
          }),
        })),
      };
      const webTypes = {
        $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
        name: '@kartochka/elements',
        version: JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version,
        'description-markup': 'markdown',
        contributions: {
          html: {
            elements: elements.map((d) => ({
              name: d.tagName,
              description: docs(d),
              attributes: (d.attributes ?? []).map((a) => {
                const values = valuesOf(a.type?.text);
                return {
                  name: a.name,
                  description: oneLine(a.description),
                  value: values
                    ? { type: 'enum', required: true }
                    : { type: a.type?.text ?? 'string', required: a.type?.text !== 'boolean' },
                  ...(values ? { values: values.map((name) => ({ name })) } : {}),
                };
              }),
              js: {
                properties: (d.members ?? [])
                  .filter((m) => m.kind === 'field' && !m.static)
                  .map((m) => ({ name: m.name, description: oneLine(m.description), type: m.type?.text })),
                events: (d.events ?? []).map((e) => ({ name: e.name, description: oneLine(e.description) })),
              },
              css: {
                parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: oneLine(p.description) })),
                properties: (d.cssProperties ?? []).map((p) => ({ name: p.name, description: oneLine(p.description) })),
              },
            })),
          },
        },
      };
      writeFileSync(new URL('./vscode.html-custom-data.json', import.meta.url), `${JSON.stringify(vscode, null, 2)}\n`);
      writeFileSync(new URL('./web-types.json', import.meta.url), `${JSON.stringify(webTypes, null, 2)}\n`);
    },
  };
}

// Keep the manifest about the public API: private and protected members are implementation.
function publicOnlyPlugin() {
  return {
    name: 'kartochka-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members)
            decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public').filter((m) => !m.name.startsWith('#'));
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-support/**', 'src/testing/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin(), everyPartPlugin(), documentedEventsPlugin(), publicOnlyPlugin(), editorDataPlugin(), builtPathsPlugin()],
};
