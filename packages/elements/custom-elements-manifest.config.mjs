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
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-support/**'],
  outdir: '.',
  litelement: true,
  plugins: [defineElementPlugin(), publicOnlyPlugin()],
};
