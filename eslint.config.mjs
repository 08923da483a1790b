/*
 * ESLint (flat config): the JavaScript and typescript-eslint recommended rules, the React hooks rules,
 * and the Office add-in rules on everything that may call Office.js. Formatting is Prettier's job
 * (.prettierrc.json); eslint-config-prettier, last, turns off every rule that would fight it.
 * Type-checking is `npm run typecheck` (tsc): the rules here need no type information, so lint stays fast.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', 'bench/out/', '.tmp/', 'test-results/', 'screenshots/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused arguments named _x are deliberate (callbacks that must take them); a caught error may go unused.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Control characters are matched on purpose: proof links and names that hold them are refused.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'office-addins': officeAddins },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // eslint-plugin-office-addins' recommended set, minus its bundled Prettier and parser settings.
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'warn',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
  {
    // The pane, the add-in's code and the tests print nothing by accident: console.error reports a failure
    // (or, in a page under test, is the channel to the test); every other print is marked where it is meant.
    // The command line (src/cli) prints for a living.
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': ['error', { allow: ['error'] }] },
  },
  {
    // custom-functions-metadata turns each parameter's TypeScript type into Excel's: `any` is how a cell
    // function says it takes any value (the function checks it itself).
    files: ['src/functions/functions.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Reads and writes go in batches that fit Office's payload limits (Excel on the web refuses larger
    // requests), one sync per batch: the sync in the loop is the batching.
    files: ['src/workbook/office.ts'],
    rules: { 'office-addins/no-context-sync-in-loop': 'off' },
  },
  {
    // These tests break the Office.js rules on purpose, to show the fake host throws as Excel does.
    files: ['test/workbook/office.test.ts'],
    rules: {
      'office-addins/call-sync-after-load': 'off',
      'office-addins/call-sync-before-read': 'off',
      'office-addins/load-object-before-read': 'off',
    },
  },
  {
    // The preview host mirrors an external store (the in-memory workbook) into local state: its
    // effects that set state on a change of sheet, selection or cell value do so on purpose.
    files: ['src/preview/**/*.{ts,tsx}'],
    rules: { 'react-hooks/set-state-in-effect': 'off' },
  },
  {
    // Node scripts and configs: CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
]);
