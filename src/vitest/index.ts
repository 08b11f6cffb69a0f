// evals-gate/vitest: evals as vitest tests. vitest (and @vitest/ui for `vitest --ui`) are optional
// peer dependencies of evals-gate: only this entry point imports them.
import { expect } from 'vitest';
import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { CheckSpecInput } from '../scoring/checks/registry.js';
import type { ItemFields } from './answer-checks.js';
import type { EvalTaskMeta } from './item-outcome.js';
import { evalMatchers, type CiteOptions } from './matchers.js';
import type { RubricOptions } from './rubric-judge.js';

export { describeEval, type DescribeEvalOptions } from './describe-eval.js';
export { evalMatchers, type CiteOptions } from './matchers.js';
export type { Answer, ItemFields } from './answer-checks.js';
export type { RubricOptions } from './rubric-judge.js';
export type { EvalTaskMeta } from './item-outcome.js';

// Importing this module registers the matchers, so the types below always describe what is there.
expect.extend(evalMatchers);

/** The matchers as `expect(answer)` offers them once evals-gate/vitest is imported. */
export interface EvalMatchers<R = unknown> {
  /** Passes when every check (specs as in a golden set) passes on the answer; `item` gives a reference or gold sources. */
  toPassChecks(checks: readonly CheckSpecInput[], item?: ItemFields): R;
  /** Passes when the answer cites the sources (its `citations`, else `[id]` markers) and every citation is verified. */
  toCiteSources(sources: readonly string[], options?: CiteOptions): R;
  /** Passes when the answer is (or holds) JSON valid against the JSON Schema. */
  toMatchJsonSchema(schema: Record<string, unknown>): R;
  /** A rubric judgment through the verdict cache: await it. */
  toSatisfyRubric(rubric: string, options: RubricOptions): Promise<R>;
}

declare module 'vitest' {
  // `any` because vitest declares Matchers<T = any>: a merged declaration must repeat it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- the merge adds EvalMatchers' members.
  interface Matchers<T = any> extends EvalMatchers<T> {}
  interface TaskMeta {
    /** Set on every describeEval item test: the report's verdict on the item. */
    evals?: EvalTaskMeta;
  }
}

/** A candidate output, for tests that build one by hand. */
export type { CandidateOutput };
