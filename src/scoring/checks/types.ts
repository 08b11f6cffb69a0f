import type { z } from 'zod';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import type { CheckOutcome } from '../../contracts/item-result.js';
import type { GoldenItem } from '../../goldensets/item.js';

export interface CheckInput {
  output: CandidateOutput;
  item: GoldenItem;
}

/** A check's verdict on one answer: the shape CheckResult records (src/contracts/item-result.ts). */
export type { CheckOutcome };

/**
 * A deterministic check: a pure function of (answer, item) and its params.
 * `run` returns null when the check does not apply to this item (e.g. citation recall on an
 * item with no gold sources); the metric is then not recorded for it rather than faked.
 */
export interface CheckDefinition<P extends z.ZodType = z.ZodType, T extends string = string> {
  type: T;
  /** One line for docs and `evals validate`. */
  summary: string;
  /** The spec's own fields (all but `type` and `name`); a strict object so typos are errors. */
  params: P;
  run(input: CheckInput, params: z.output<P>): CheckOutcome | null;
  /**
   * Why this check cannot be evaluated on this item at all (e.g. `equals` with neither a value nor
   * a reference), or null when it can. Asked before anything runs, so a golden-set mistake is an
   * input error with file:line rather than a check that silently never applies.
   */
  unusable?(item: GoldenItem, params: z.output<P>): string | null;
}

/** Keeps `params` and `run` typed together, and marks the object as a check for a config's `plugins`. */
export function defineCheck<P extends z.ZodType, T extends string>(definition: CheckDefinition<P, T>): CheckDefinition<P, T> & { plugin: 'check' } {
  return { ...definition, plugin: 'check' };
}
