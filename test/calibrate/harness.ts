import { runCli, type CliResult } from '../cli/harness.js';

export type CalibrateResult = CliResult;

/** Runs `evals calibrate` through the CLI entry, in-process. */
export function runCalibrate(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CalibrateResult> {
  return runCli(['calibrate', ...argv], cwd, new AbortController().signal, env);
}
