import { builtinModules } from 'node:module';
import { defineConfig } from 'rolldown';

/**
 * `npm run build`: src/ bundled into ESM chunks under dist/ (then tsc writes the .d.ts files
 * beside them, tsconfig.build.json). Node 20 has no compile cache, so loading ~300 small modules
 * cost every command about a third of a second of CPU in resolution, file reads and compilation;
 * a few chunks cost about 0.6 of that (README, "Performance").
 *
 * The entries keep the paths they are loaded by: the package's exports (dist/index.js,
 * dist/vitest/index.js), bin/evals.js's dist/cli/main.js and the Action's scripts (action.yml).
 * All are built together so the code they share sits in one chunk each: a plugin or a config that
 * imports `evals-gate` reaches the same registries as the CLI that loads it. `import()` stays a
 * separate chunk: `evals --help` loads no command, a run loads no SDK until it calls one.
 */
const entries = {
  index: 'src/index.ts',
  'cli/main': 'src/cli/main.ts',
  'vitest/index': 'src/vitest/index.ts',
  'action/gate': 'src/action/gate.ts',
  'action/cache-key': 'src/action/cache-key.ts',
  'action/comment': 'src/action/comment.ts',
};

/**
 * Left to node_modules: the SDKs and jiti (user code must see the same classes, e.g. the SDKs'
 * errors, and they load only when used), vitest (a peer), yaml and ajv (CommonJS, required on first
 * use through createRequire: src/util/yaml.ts, src/scoring/checks/json-schema.ts), and csv-parse
 * and p-limit (bundling them changed nothing measurable, and kept external their fixes reach users
 * through npm). zod is bundled: its 18 modules were about a quarter of the CPU of loading the run
 * command (0.75x with it bundled, farm-bench); zod 4 keeps its registry and config on globalThis
 * and checks classes by trait, so a user's own copy (or the openai SDK's) still works with ours.
 */
const external = ['openai', '@anthropic-ai/sdk', 'jiti', 'vitest', '@vitest/ui', 'yaml', 'ajv', 'csv-parse', 'p-limit'];

export default defineConfig({
  input: entries,
  platform: 'node',
  external: (id) => id.startsWith('node:') || builtinModules.includes(id) || external.some((name) => id === name || id.startsWith(`${name}/`)),
  // The sources import './x.js' (NodeNext) for files that are x.ts.
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] } },
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    // Maps for stack traces in development (node --enable-source-maps); package.json "files" leaves them out.
    sourcemap: true,
    cleanDir: true,
    // Class and function names as written: error names and messages show them.
    keepNames: true,
  },
});
