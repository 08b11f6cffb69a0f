import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.test.ts'],
    // evals-gate resolves to this repository's dist/ (the package's own name, through its
    // `exports`), which vitest would transform like source; installed, it sits in node_modules
    // and is loaded as it is. Loaded as it is here too.
    server: { deps: { external: [/\/dist\//] } },
  },
});
