import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

// The layers of src/ and what each may import (docs/ARCHITECTURE.md). Anything not listed is refused.
export const layerPolicies = [
  { from: 'domain', allow: ['domain'] },
  { from: 'graph', allow: ['domain', 'graph'] },
  { from: 'bot', allow: ['domain', 'bot'] },
  { from: 'jobs', allow: ['domain', 'graph', 'bot', 'jobs'] },
  { from: 'server', allow: ['domain', 'graph', 'bot', 'jobs', 'server'] },
  { from: 'app', allow: ['domain', 'app'] },
  { from: 'emulator', allow: ['emulator'] },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'build', '.data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': layerPolicies.map((p) => ({
        type: p.from,
        pattern: `src/${p.from}`,
      })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: layerPolicies.map((p) => ({
            from: { element: { type: p.from } },
            allow: { to: { element: { types: { anyOf: p.allow } } } },
          })),
        },
      ],
      'boundaries/no-unknown-dependencies': 'error',
    },
  },
  {
    // The domain is pure: no clock, no I/O.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Inject a clock: no Date.now() in src/domain.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a clock: no new Date() in src/domain.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'http', 'https', 'net', 'child_process', 'better-sqlite3', '@microsoft/microsoft-graph-client'] },
      ],
    },
  },
);
