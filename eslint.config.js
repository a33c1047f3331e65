// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The world and the console's machines are JSON, so their maps are plain Records keyed by name,
    // and removing an entry is a delete.
    files: ['src/aws/**/*.ts', 'src/console/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    // Plain modules (the build and test scripts, the e2e preloads, this file) are linted without
    // the type checker: none is in tsconfig's project, and its default project takes only 8 files.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
  {
    // The policy engine and everything below the shell stay pure: no process, clock or disk.
    files: ['src/policy/**/*.ts', 'src/aws/**/*.ts', 'src/console/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in the core: take the time from the request.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in the core: take the time from the request.',
        },
      ],
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'react', 'ink'] }],
    },
  },
);
