import { describe, expect, it } from 'vitest';
import { buildRunInfo, costLine, type RunFacts } from '../../src/reports/run-info.js';
import type { ResultSummary } from '../../src/contracts/item-result.js';

function facts(results: ResultSummary[]): RunFacts {
  return {
    suite: 's',
    candidate: 'c',
    results: new Map(results.map((r) => [r.itemId, r])),
    answers: () => [],
    planned: results.length,
    resumed: 0,
    startedAt: new Date(0),
    finishedAt: new Date(1000),
    concurrency: 1,
  };
}

const usage = { inputTokens: 100, outputTokens: 20 };
const answer = (id: string, costUsd?: number): ResultSummary => ({ itemId: id, epoch: 0, checks: [], judgments: [], usage, ...(costUsd === undefined ? {} : { costUsd }) });

describe('the cost line', () => {
  it('says "price unknown" for a model without a price instead of $0.0000', () => {
    const line = costLine(buildRunInfo(facts([answer('a'), answer('b')])));
    expect(line).toBe('cost: candidate price unknown (200 in / 40 out tokens)');
  });

  it('gives the known part and names the unpriced calls when only some are priced', () => {
    expect(costLine(buildRunInfo(facts([answer('a', 0.002), answer('b')])))).toBe('cost: candidate $0.0020 + price unknown for 1 calls (200 in / 40 out tokens)');
  });

  it('prints dollars when every call is priced, and the same for judges', () => {
    const judged: ResultSummary = {
      ...answer('a', 0.001),
      judgments: [{ metric: 'faithfulness', kind: 'faithfulness', judges: ['j'], pass: true, score: 1, calls: 2, cachedCalls: 0, usage }],
    };
    expect(costLine(buildRunInfo(facts([judged])))).toBe('cost: candidate $0.0010 (100 in / 20 out tokens); faithfulness price unknown (2 calls, 0 cached)');
  });
});
