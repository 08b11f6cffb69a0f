import type { CheckSpecInput } from '../scoring/checks/registry.js';
import { checkAnswer, type ItemFields } from './answer-checks.js';
import { judgeAnswer, type RubricOptions } from './rubric-judge.js';

interface MatcherContext {
  isNot: boolean;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function verdict(context: MatcherContext, pass: boolean, what: string, lines: readonly string[]): MatcherResult {
  return {
    pass,
    message: () => `expected the answer ${context.isNot ? 'not ' : ''}${what}, but it ${pass ? 'did' : 'did not'}:\n${lines.map((l) => `  ${l}`).join('\n')}`,
  };
}

export interface CiteOptions {
  /** Share of the sources the answer must cite (default 1: all of them). */
  minRecall?: number;
}

/**
 * The matchers `expect.extend` receives: each runs the checks or the judge a suite run would, and
 * fails with every check's (or the judge's) reason.
 */
export const evalMatchers = {
  toPassChecks(this: MatcherContext, received: unknown, checks: readonly CheckSpecInput[], item?: ItemFields): MatcherResult {
    const result = checkAnswer('toPassChecks', received, checks, item);
    return verdict(this, result.pass, 'to pass its checks', result.lines);
  },

  toCiteSources(this: MatcherContext, received: unknown, sources: readonly string[], options: CiteOptions = {}): MatcherResult {
    const checks: CheckSpecInput[] = [{ type: 'citations', required: true, minRecall: options.minRecall ?? 1 }];
    const result = checkAnswer('toCiteSources', received, checks, { sources: [...sources] });
    return verdict(this, result.pass, `to cite ${sources.join(', ') || 'nothing'}`, result.lines);
  },

  toMatchJsonSchema(this: MatcherContext, received: unknown, schema: Record<string, unknown>): MatcherResult {
    const result = checkAnswer('toMatchJsonSchema', received, [{ type: 'json-schema', schema }]);
    return verdict(this, result.pass, 'to be JSON matching the schema', result.lines);
  },

  async toSatisfyRubric(this: MatcherContext, received: unknown, rubric: string, options: RubricOptions): Promise<MatcherResult> {
    const judgment = await judgeAnswer('toSatisfyRubric', received, rubric, options);
    const cached = judgment.calls > 0 && judgment.cachedCalls === judgment.calls ? ' (verdict from the cache)' : '';
    const line = judgment.error
      ? `✗ ${judgment.metric}: judge error: ${judgment.error}`
      : `${judgment.pass ? '✓' : '✗'} ${judgment.metric} ${judgment.score.toFixed(2)} by judge ${judgment.judges.join(', ')}${cached}: ${judgment.reason ?? ''}`;
    return verdict(this, judgment.error === undefined && judgment.pass, `to satisfy rubric ${judgment.metric}`, [line]);
  },
};
