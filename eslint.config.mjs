// Lint: typescript-eslint's recommended rules (syntax only, no type information: fast enough
// for every `npm test`), eslint-plugin-lit (template bindings) and eslint-plugin-lit-a11y
// (accessibility of the templates' HTML). Formatting is not linted here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'demo-dist/**',
      'docs/api/**',
      'docs/.vitepress/dist/**',
      'docs/.vitepress/cache/**',
      'examples/*/dist/**',
      'examples/angular/.aot/**',
      'bench/results/**',
      'packages/*/.test-*/**',
      '**/generated/**',
      'packages/core/src/layout/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      // `let [doc, id] = …` where only one is reassigned stays one declaration.
      'prefer-const': ['error', { destructuring: 'all' }],
      // TypeScript itself reports undefined names in .ts files, with the right lib and globals.
      'no-undef': 'off',
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring holes).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    files: ['**/*.test.ts', '**/test-support/**', 'packages/elements/src/testing/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
