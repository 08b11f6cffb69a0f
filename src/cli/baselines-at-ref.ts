import type { LoadedConfig } from '../config/load.js';
import { GateConfigSchema } from '../gate/config.js';
import { UserError } from '../errors.js';
import { baselineAtRef, type RefBaseline } from '../reports/baseline-ref.js';
import { gitFileReader } from '../reports/git-read.js';
import { reportPaths } from '../reports/write.js';

/** --baseline-ref: each pair's baseline from git, read up front; undefined without the flag. */
export function baselinesAtRef(
  loaded: LoadedConfig,
  reportsDir: string,
  plan: Array<{ suite: string; candidate: string }>,
  ref: string | undefined,
  allowChange: boolean,
  baselineFile: string | undefined,
): ((suite: string, candidate: string) => RefBaseline) | undefined {
  if (ref === undefined) {
    if (allowChange) throw new UserError('--allow-baseline-change goes with --baseline-ref');
    return undefined;
  }
  if (baselineFile !== undefined) throw new UserError('--baseline and --baseline-ref each name the baseline; pass one');
  const reader = gitFileReader(loaded.dir, ref);
  const found = new Map<string, RefBaseline>();
  for (const { suite, candidate } of plan) {
    const gate = loaded.config.suites[suite]?.gate ?? GateConfigSchema.parse({});
    const file = reportPaths(reportsDir, suite, candidate).json;
    found.set(`${suite}\u0000${candidate}`, baselineAtRef({ reader, file, display: loaded.display, gate, allowChange }));
  }
  return (suite, candidate) => found.get(`${suite}\u0000${candidate}`) ?? { baseline: undefined, lowerings: [], notes: [] };
}
