import tseslint from 'typescript-eslint';

/** Folders show the runtime: a wrong import between layers is a lint error (STYLE.md, habit 1). */
const noElectron = { name: 'electron', message: 'Only main/electron/ and preload/ may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.tsbuild/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'common/ is pure TypeScript.' }, { name: 'better-sqlite3', message: 'common/ is pure TypeScript.' }],
          patterns: [{ group: ['node:*', '../main/*', '../../main/*', '../renderer/*', '../../renderer/*'], message: 'common/ imports nothing platform-specific.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'The renderer reaches data through the contract.' }],
          patterns: [{ group: ['node:*', '**/main/**', '**/preload/**'], message: 'The renderer never imports Node or main code.' }],
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Type-only imports (the bridge interface) leave nothing in the bundle, so they are allowed.
          patterns: [{ regex: '(^|/)common/(?!ipc/channels$)', allowTypeImports: true, message: 'The preload imports only common/ipc/channels.' }],
        },
      ],
    },
  },
);
