import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure functions and commands driven in-process, seconds) and `e2e` (a
 * real bin/evals.js process, signals and kill -9, git repositories, the packed tarball, a headless
 * browser, whole example runs). `vitest run` runs both at once; `--project unit|e2e` one of them.
 *
 * Speed on a 2-core machine (npm test must stay under 5 minutes): unit files share their workers'
 * module graph (`isolate: false`): re-importing src for each of ~140 files cost 3x the CPU of the
 * tests themselves, and the files keep no state between them (the suite passes shuffled). Two
 * workers, not vitest's default of cores - 1 = 1: e2e files mostly wait on child processes.
 */
const e2e = [
  'test/action/action-run.test.ts',
  'test/action/action.test.ts',
  'test/action/scripts.test.ts',
  'test/adapters/command.test.ts',
  'test/batch/kill-batch.test.ts',
  'test/cli/baseline-ref.test.ts',
  'test/cli/gate.test.ts',
  'test/cli/help.test.ts',
  'test/example/adapters-example.test.ts',
  'test/example/story.test.ts',
  'test/plugins/example.test.ts',
  'test/gate/junit.test.ts',
  'test/gate/sim.test.ts',
  'test/general/compare.test.ts',
  'test/general/forgetting.test.ts',
  'test/general/ifeval-run.test.ts',
  'test/hostile/isolation-*.test.ts',
  'test/package/**/*.test.ts',
  'test/reports/git-read.test.ts',
  'test/reports/html-browser.test.ts',
  'test/resume/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', isolate: false, include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...e2e] },
      },
      { extends: true, test: { name: 'e2e', include: e2e } },
    ],
  },
});
