import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// Layers (design.md): app → features → entities → components/lib → api → contract. A feature
// never imports another feature or the app; what several show of one thing (a contact's label,
// its actions) is an entity. The server imports the shared contract, nothing of src/.
const features = readdirSync('src/features');
const layerZones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: ['./src/app', ...features.filter((f) => f !== feature).map((f) => `./src/features/${f}`)],
    message:
      'Features do not import the app or each other: move what they share to entities/, components/, lib/ or api/.',
  })),
  {
    target: './src/entities',
    from: ['./src/app', './src/features'],
    message: 'Entities do not depend on features or the app.',
  },
  {
    target: ['./src/components', './src/lib'],
    from: ['./src/app', './src/features', './src/entities'],
    message: 'Shared UI and helpers do not depend on entities, features or the app.',
  },
  {
    target: './src/api',
    from: ['./src/app', './src/features', './src/entities', './src/components'],
    message: 'The API layer holds no UI.',
  },
  {
    target: ['./server', './contract'],
    from: './src',
    message: 'The server and the contract import the shared contract/ only, nothing of src/.',
  },
  {
    target: './contract',
    from: './server',
    message: 'The contract does not depend on the server.',
  },
  // The server's layers (docs/architecture.md): http/ → domain/ → db/; test helpers in tests only.
  {
    target: ['./server/domain', './server/db/**/!(*.test).ts'],
    from: './server/http',
    message: 'Rules and SQL do not depend on HTTP: pass them (db, actor, now).',
  },
  {
    target: './server/db/**/!(*.test).ts',
    from: './server/domain',
    message: 'SQL does not depend on the rules.',
  },
  {
    target: './server/{main.ts,http,domain,db,dialer,demo}/**/!(*.test).ts',
    from: './server/testing',
    message: 'server/testing/ holds test helpers, imported by tests only.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: {
      ...jsxA11y.flatConfigs.recommended.languageOptions,
      globals: globals.browser,
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'contract/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: [
      'server/**/*.ts',
      'scripts/**/*.mjs',
      'e2e/**/*.ts',
      'bench/**/*.{ts,mjs}',
      '*.config.{js,ts}',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  { files: ['server/main.ts', 'scripts/**', 'bench/**'], rules: { 'no-console': 'off' } },
  {
    // Tests read JSON bodies whose shape the assertions check.
    files: ['**/*.test.{ts,tsx}', '**/*test-support.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
