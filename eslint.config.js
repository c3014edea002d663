// ESLint flat config: JavaScript and TypeScript rules everywhere, type-aware rules on TypeScript
// modules, Astro's own rules and its accessibility rules (jsx-a11y, strict) on components and pages.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // Built output, generated types, test artefacts; content/ is MDX, checked by the content check.
    ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'content/', '.fixture-site/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  ...astro.configs['flat/jsx-a11y-strict'],
  {
    // Scripts, tests and the build run in Node.
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (callback positions, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A named <section> (a region) that scrolls a wide table must take the focus, or a keyboard
      // cannot scroll it (WCAG 2.1.1, axe's scrollable-region-focusable): see ScrollRegion.astro.
      'astro/jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel'], tags: ['section'] }],
    },
  },
  {
    // Tests pin the French error messages as the reader sees them, indentation included ("\n  ").
    files: ['tests/**'],
    rules: { 'no-regex-spaces': 'off' },
  },
  {
    // Components and client scripts also run in the browser.
    files: ['src/**/*.{ts,js,astro}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Type-aware rules where the types are known: TypeScript modules (the scripts inside .astro
    // files reach ESLint as virtual files that the TypeScript project does not hold).
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
    },
  },
);
