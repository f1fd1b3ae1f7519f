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
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: moduleDoc.path } });
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
      const comment = ts.getJSDocCommentsAndTags(node).map((d) => d.getFullText()).join('\n');
      const parts = [...comment.matchAll(/@csspart\s+([\w-]+)(?:\s+-\s+([^@]*?))?(?=\s*(?:\*\s*)?(?:@|\*\/|$))/g)].map(([, name, description]) => ({
        name,
        description: description?.replace(/\s*\*\s*/g, ' ').trim() ?? '',
      }));
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
        const refs = [...(mod.exports ?? []).map((e) => e.declaration), ...(mod.declarations ?? []).flatMap((d) => [d.superclass, ...(d.members ?? []).map((m) => m.inheritedFrom), ...(d.attributes ?? []).map((a) => a.inheritedFrom), ...(d.events ?? []).map((e) => e.inheritedFrom)])];
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

// Keep the manifest about the public API: private and protected members are implementation.
function publicOnlyPlugin() {
  return {
    name: 'kartochka-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter((m) => !m.privacy || m.privacy === 'public').filter((m) => !m.name.startsWith('#'));
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
  plugins: [defineElementPlugin(), everyPartPlugin(), documentedEventsPlugin(), publicOnlyPlugin(), builtPathsPlugin()],
};
