import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import type { PairwiseLabel } from '../../src/scoring/judges/calibrate-labels.js';
import { runTasks } from '../../src/runner/tasks.js';
import { judgePairwiseLabels, type CalibrationRunOptions } from '../../src/scoring/judges/calibrate-run.js';
import { JudgeError, type VerdictRequest, type VerdictResponse, type VerdictSource } from '../../src/contracts/verdict-source.js';

const labels: PairwiseLabel[] = [
  { id: 'p1', input: 'q1', output_1: 'x', output_2: 'y', label: 1, line: 1 },
  { id: 'p2', input: 'q2', output_1: 'x', output_2: 'y', label: 2, line: 2 },
];

/** Answers "A" to the original order after a delay; the swapped order fails at once. */
const flakySwapped: VerdictSource = {
  id: 'flaky',
  description: 'test double',
  async verdict<T>(request: VerdictRequest<T>): Promise<VerdictResponse<T>> {
    if (request.key.endsWith('/swapped')) throw new JudgeError(`judge "flaky" gave an invalid verdict twice for ${request.key}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { value: request.schema.parse({ reasoning: 'A is better', winner: 'A' }), cached: false };
  },
};

/** The runner as `evals calibrate` uses it, without a journal. */
function through(concurrency: number, signal: AbortSignal): CalibrationRunOptions {
  return {
    run: (tasks, failed, final) => runTasks({ tasks, limit: pLimit(concurrency), timeoutMs: 10_000, interrupt: signal, failed, final }),
    name: 'flaky',
    epoch: 0,
    signal,
  };
}

describe('judgePairwiseLabels', () => {
  it("keeps one order's verdict when the other order fails, and records the failure", async () => {
    const { results, problems } = await judgePairwiseLabels(labels, 'l.jsonl', flakySwapped, () => true, through(2, new AbortController().signal));
    expect(results).toEqual([
      { id: 'p1', label: 1, original: 1, swapped: null },
      { id: 'p2', label: 2, original: 1, swapped: null },
    ]);
    expect(problems).toEqual([
      { id: 'p1', message: 'swapped order: judge "flaky" gave an invalid verdict twice for p1/pairwise/swapped' },
      { id: 'p2', message: 'swapped order: judge "flaky" gave an invalid verdict twice for p2/pairwise/swapped' },
    ]);
  });

  it('lets anything but a JudgeError (a bug, an abort) stop the run', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(judgePairwiseLabels(labels, 'l.jsonl', flakySwapped, () => true, through(1, controller.signal))).rejects.toThrow('interrupted');
  });
});
