// Layering is enforced here, not by goodwill (design rule 1).
import js from '@eslint/js';
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
  message: "Only electron/shell may import 'electron' (design: the shell only wires and adapts).",
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
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
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
