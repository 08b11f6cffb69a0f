import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { CheckResult } from '../contracts/item-result.js';
import { runChecks } from './checks/run.js';
import type { CheckSpec } from './checks/spec.js';

/** Scores one answer with the suite's default checks and the item's own. */
export function scoreWithChecks(suiteChecks: readonly CheckSpec[], item: GoldenItem, output: CandidateOutput): CheckResult[] {
  return runChecks([...suiteChecks, ...item.checks], { output, item }).map(({ name, type, outcome }) => ({
    name,
    type,
    pass: outcome.pass,
    score: outcome.score,
    ...(outcome.reason !== undefined ? { reason: outcome.reason } : {}),
    ...(outcome.details !== undefined ? { details: outcome.details } : {}),
    ...(outcome.weights !== undefined ? { weights: outcome.weights } : {}),
  }));
}
