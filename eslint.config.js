// Layering is enforced here, not by goodwill (docs/architecture.md, rule 1). Type-aware rules (projectService:
// each file is checked with the tsconfig of its runtime) and React's hook rules on the renderer.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const nodeImports = [{ group: ['node:*'], message: 'shared/ and renderer/ are pure: no Node APIs.' }];
const electronImport = {
  name: 'electron',
  message: "Only electron/shell may import 'electron' (docs/architecture.md, rule 1: the shell only wires and adapts).",
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.cache/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      // Stryker's sandbox copies of the sources while `npm run mutation` runs (docs/testing.md).
      '.stryker-tmp/**',
      'reports/**',
      '**/*.d.ts',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Off: an `async` method that does not await implements a Promise-returning port (Notifier, fetchers, the
      // bridge) so a throw becomes a rejection; rewriting each as Promise.resolve() would say less, not more.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // vitest's `expect(fake.method).toHaveBeenCalled…` names methods without calling them; nothing is bound.
    // JSON read back from files and vitest's asymmetric matchers (expect.objectContaining…) are `any` by design.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // One definition of the zone (docs/architecture.md, "One definition of each primitive"): production code and
    // benches name it through DEFAULT_ZONE. Tests may spell it out (what they expect, written in full).
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'bench/**/*.ts'],
    ignores: ['shared/schedule/zone.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Literal[value='America/Toronto']",
          message: 'Use DEFAULT_ZONE from shared/schedule/zone.ts (one definition of the zone).',
        },
      ],
    },
  },
  {
    // Plain JavaScript (scripts, configs) has no types to check.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The rules of hooks. The React Compiler's rules of the same plugin (set-state-in-effect, refs…) are left
    // out: this renderer is not compiled by it, and its hooks load data in effects on purpose (hooks/useLoaded.ts).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...NODE_BUILTINS.map((name) => ({ name, message: 'shared/ is pure: no Node APIs.' })),
          ],
          patterns: [
            ...nodeImports,
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ depends on nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'Buffer',
        'navigator',
        'localStorage',
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            { group: ['**/shell/**', '**/renderer/**'], message: 'core and cli never reach into the shell or the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronImport,
            ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node APIs.' })),
          ],
          patterns: [
            ...nodeImports,
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the core only through window.vigie (renderer/src/api.ts).',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'vigie', message: 'Only renderer/src/api.ts touches window.vigie.' },
      ],
    },
  },
  {
    files: ['renderer/src/api.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
