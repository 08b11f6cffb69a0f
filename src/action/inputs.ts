import { z } from 'zod';
import { UserError } from '../errors.js';
import { formatIssues } from '../util/zod-issues.js';

const flag = z.enum(['true', 'false'], { error: 'is "true" or "false"' }).transform((v) => v === 'true');

/**
 * The Action's inputs, as action.yml hands them to its scripts (env `EVALS_<NAME>`, since a
 * composite action's `run:` steps do not get INPUT_* variables).
 */
const InputsSchema = z.object({
  EVALS_CANDIDATES: z.string().trim().min(1, 'is required'),
  EVALS_SUITES: z.string().trim().default(''),
  EVALS_CONFIG: z.string().trim().min(1).default('evals.config.ts'),
  EVALS_ARGS: z.string().default(''),
  EVALS_ALLOW_UNSCORED: flag.default(false),
  EVALS_ALLOW_BASELINE_CHANGE: flag.default(false),
  EVALS_ACCEPT_LABEL: z.string().trim().default('evals:accept-baseline'),
  EVALS_DRIFT_REF: z.string().trim().default(''),
});

export interface ActionInputs {
  candidates: string;
  suites: string;
  config: string;
  /** Extra flags for `evals run`, split on whitespace (no quoting). */
  args: string[];
  /** Gate without metrics that cannot be scored (a missing key); by default that fails the run. */
  allowUnscored: boolean;
  allowBaselineChange: boolean;
  acceptLabel: string;
  /** The drift budget's anchor (--drift-ref); empty: evals' default, the newest tag. */
  driftRef: string;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  // Unset and empty inputs alike take the default.
  const given = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('EVALS_') && value !== ''));
  const parsed = InputsSchema.safeParse(given);
  if (!parsed.success) {
    const issues = formatIssues(parsed.error, given).map((issue) =>
      issue.replace(/EVALS_([A-Z_]+)/, (_, name: string) => `input ${name.toLowerCase().replace(/_/g, '-')}`),
    );
    throw new UserError(`evals action: ${issues.join('; ')}`);
  }
  const v = parsed.data;
  return {
    candidates: v.EVALS_CANDIDATES,
    suites: v.EVALS_SUITES,
    config: v.EVALS_CONFIG,
    args: v.EVALS_ARGS.split(/\s+/).filter(Boolean),
    allowUnscored: v.EVALS_ALLOW_UNSCORED,
    allowBaselineChange: v.EVALS_ALLOW_BASELINE_CHANGE,
    acceptLabel: v.EVALS_ACCEPT_LABEL,
    driftRef: v.EVALS_DRIFT_REF,
  };
}
