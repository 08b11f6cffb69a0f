import type { Usage } from '../../contracts/candidate-output.js';
import type { VerdictResponse } from '../../contracts/verdict-source.js';

/** Money and tokens a judge kind spent; cached verdicts cost nothing this run. */
export interface Spend {
  usage: Usage;
  costUsd: number;
  /** Verdicts a model gave this run (a corrective retry is part of its verdict's call). */
  calls: number;
  /** Verdicts served from the cache. */
  cachedCalls: number;
}

export function spendOf(responses: ReadonlyArray<VerdictResponse<unknown>>): Spend {
  const spend: Spend = { usage: { inputTokens: 0, outputTokens: 0 }, costUsd: 0, calls: 0, cachedCalls: 0 };
  for (const response of responses) {
    if (response.cached) {
      spend.cachedCalls += 1;
      continue;
    }
    spend.calls += 1;
    spend.usage.inputTokens += response.usage?.inputTokens ?? 0;
    spend.usage.outputTokens += response.usage?.outputTokens ?? 0;
    spend.costUsd += response.costUsd ?? 0;
  }
  return spend;
}
