import type { PullRequest } from './event.js';
import type { ActionInputs } from './inputs.js';

export interface RunPlan {
  argv: string[];
  /** Why the baseline is what it is, for the log. */
  baseline: string;
}

/**
 * The `evals run` command line for the Action. On a pull request the baseline is the base commit's
 * report (--baseline-ref), so the head cannot lower its own bar; a maintainer accepts a lower one
 * with the input or the label. Other events gate on the committed report.
 */
export function runArgs(inputs: ActionInputs, pr: PullRequest | undefined, files: { summary: string; junit: string }): RunPlan {
  const argv = ['run', '--config', inputs.config, '--candidate', inputs.candidates];
  if (inputs.suites) argv.push('--suite', inputs.suites);
  argv.push('--summary', files.summary, '--junit', files.junit);
  let baseline = 'the committed reports (not a pull request)';
  if (pr) {
    argv.push('--baseline-ref', pr.baseSha);
    baseline = `the reports of the base, ${pr.baseRef} at ${pr.baseSha.slice(0, 12)}`;
    const label = pr.labels.includes(inputs.acceptLabel);
    if (inputs.allowBaselineChange || label) {
      argv.push('--allow-baseline-change');
      baseline += `; a lower committed report is accepted (${label ? `label ${inputs.acceptLabel}` : 'input allow-baseline-change'})`;
    }
  }
  if (inputs.allowUnscored) argv.push('--allow-unscored');
  if (inputs.driftRef) argv.push('--drift-ref', inputs.driftRef);
  argv.push(...inputs.args);
  return { argv, baseline };
}
