import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Server boundaries: a module (apps/server/src/modules/<name>/) reaches another only through
 * its public entry (`../<name>`, its index.ts), never into its files; `messages` and
 * `conversations` do not import each other at all (what both need lives in core/ and
 * presenters/); the shared layers below the modules never import a module.
 */
const SERVER = 'apps/server/src';
const deepSibling = (ups) => ({
  regex: `^${'\\.\\./'.repeat(ups)}[^./][^/]*/.+`,
  message: 'Import another module through its public entry (../<module>), not its files.',
});
const viaModulesFolder = {
  regex: '(^|/)modules/[^/]+/.+',
  message: 'Import another module through its public entry (../<module>), not its files.',
};
const avoid = (module) => ({
  regex: `^(\\.\\./)+${module}(/|$)`,
  message: 'messages and conversations stay independent: share through core/ or presenters/.',
});
const moduleBoundaries = [];
for (const [depth, glob] of [
  [1, '*'],
  [2, '*/*'],
  [3, '*/*/*'],
]) {
  for (const [module, other] of [
    ['messages', 'conversations'],
    ['conversations', 'messages'],
    ['*', null],
  ]) {
    moduleBoundaries.push({
      files: [`${SERVER}/modules/${module}/${glob}.ts`],
      ...(module === '*' ? { ignores: [`${SERVER}/modules/{messages,conversations}/**`] } : {}),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [deepSibling(depth), viaModulesFolder, ...(other ? [avoid(other)] : [])],
          },
        ],
      },
    });
  }
}

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a string-literal union instead of an enum.',
        },
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: [
      'apps/web/**/*.{ts,tsx}',
      'examples/**/*.{ts,tsx}',
      'packages/sdk/src/react/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Imports point one way: protocol <- sdk, server, web; web never imports server;
    // examples only use the SDK's public entry.
    files: ['packages/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@bevatel/*', '!@bevatel/protocol'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@bevatel/server', '@bevatel/server/*', '**/apps/server/**'] },
      ],
    },
  },
  {
    files: ['examples/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@bevatel/protocol',
            '@bevatel/protocol/*',
            '@bevatel/server',
            '@bevatel/web',
            '**/packages/**',
            '**/apps/**',
          ],
        },
      ],
    },
  },
  ...moduleBoundaries,
  {
    files: [`${SERVER}/{core,presenters,lib,db,plugins,realtime}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)modules(/|$)',
              message: 'Shared layers sit below the modules and never import one.',
            },
          ],
        },
      ],
    },
  },
  {
    // Config files and Node scripts may use default exports where tools require them.
    files: ['**/*.config.{ts,mjs,js}', '**/vite.config.ts', '**/vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
