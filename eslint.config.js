// ESLint (flat config): the JavaScript and typescript-eslint recommended rules, which the code
// passes; run by `npm run lint` in `npm test` and CI. Formatting is Prettier's (.prettierrc.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
      },
    },
    rules: {
      // Stripping terminal control sequences is a feature here (src/reports/plain-text.ts), and its tests spell them out.
      'no-control-regex': 'off',
      // A variable a closure reads before its one assignment (src/runner/run-suite.ts's batch slots) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_`-prefixed names are deliberately unused (a destructured field left out, a callback's ignored argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Published approximation coefficients are kept digit for digit as published, beyond a double's precision.
    files: ['src/stats/distributions.ts', 'test/stats/distributions.test.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    // The HTML report's inline script runs in the browser.
    files: ['templates/html/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        history: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        atob: 'readonly',
        Blob: 'readonly',
        DecompressionStream: 'readonly',
      },
    },
  },
);
