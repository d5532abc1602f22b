// ESLint for the project's TypeScript (type-aware: typescript-eslint reads tsconfig.json through TypeScript 6.0,
// installed in tools/lint beside it) and its plain .mjs/.js tools (syntax rules only). `npm run lint` runs it;
// the project's root eslint.config.js re-exports this file so editors find it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'tools/lint/node_modules/**',
      '.venv/**',
      '.venv-validators/**',
      'data/**',
      'sql/target/**',
      'sql/dbt_packages/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root }, globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a value left out on purpose (a destructured column dropped, a callback's unused argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Rows from DuckDB and cells from exceljs are `unknown` by design and printed with String(): these two rules
      // would demand a cast at each of those places without finding anything.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // `'c' | string`-style unions name the suppression marker for the reader; the type is the same either way.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Callbacks handed to retry/fastify must return a promise whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read JSON and CSV back (JSON.parse and csv-parse give `any`) and cast what they read: the unsafe-any
    // rules and the assertion rule would only move those casts around.
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // The install and bin scripts are plain JavaScript outside tsconfig.json: no type information for them.
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
