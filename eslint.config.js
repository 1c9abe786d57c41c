import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // noUncheckedIndexedAccess makes `!` the honest way to say "this index exists".
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', message: 'Spawn git only from src/git/git.ts, and npm only from src/npm/npm.ts.' },
            { name: 'node:child_process', message: 'Spawn git only from src/git/git.ts, and npm only from src/npm/npm.ts.' }
          ]
        }
      ]
    }
  },
  {
    // The places that start a process (git, npm, and the tools git signs with); tests and scripts set up repositories themselves.
    files: ['src/git/git.ts', 'src/git/signing.ts', 'src/npm/npm.ts', 'scripts/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' }
  },
  {
    files: ['scripts/**', 'test/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } }
  }
)
