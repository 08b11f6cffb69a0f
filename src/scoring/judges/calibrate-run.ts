import type { LimitFunction } from 'p-limit';
import type { Rubric } from '../../config/rubric.js';
import type { GoldenItem, ItemInput } from '../../goldensets/item.js';
import type { AbsoluteLabel, PairwiseLabel } from './calibrate-labels.js';
import type { AbsoluteResult, PairChoice, PairwiseResult } from './calibrate-metrics.js';
import { judgePairwise, mapWinner, type PairwiseVerdict } from './pairwise.js';
import { judgeRubric } from './rubric.js';
import { JudgeError, type PairwiseWinner, type VerdictRequest, type VerdictSource } from './types.js';

/**
 * Runs a judge over human labels with the same judge kinds the harness scores with (rubric,
 * pairwise), so a calibration measures the judge as it is used. A JudgeError is kept with the
 * item, as a missing verdict, never dropped; anything else (a bug, Ctrl-C) stops the run.
 */

export interface CalibrationRunOptions {
  /** Bounds the judgments in flight; its concurrency may change under a Pace (src/runner/pace.ts). */
  limit: LimitFunction;
  signal: AbortSignal;
}

/** What went wrong for one item, for the report. */
export interface JudgeProblem {
  id: string;
  message: string;
}

export type AbsoluteJudgment = AbsoluteResult & { id: string };
export type PairwiseJudgment = PairwiseResult & { id: string };

function itemOf(label: { id: string; input: ItemInput; line: number }, file: string, extra: Partial<GoldenItem> = {}): GoldenItem {
  return { id: label.id, input: label.input, slices: [], sources: [], checks: [], metadata: {}, origin: { file, line: label.line }, ...extra };
}

async function eachLimited<T, R>(items: readonly T[], options: CalibrationRunOptions, run: (item: T) => Promise<R>): Promise<R[]> {
  return Promise.all(
    items.map((item) =>
      options.limit(async () => {
        options.signal.throwIfAborted();
        return run(item);
      }),
    ),
  );
}

/** A rubric score in [0, 1] back on the rubric's scale (the inverse of normaliseScore). */
function onScale(rubric: Rubric, score: number): number {
  return rubric.scale === '1-5' ? Math.round(score * 4 + 1) : score;
}

export async function judgeAbsoluteLabels(
  labels: readonly AbsoluteLabel[],
  file: string,
  rubric: Rubric,
  source: VerdictSource,
  options: CalibrationRunOptions,
): Promise<{ results: AbsoluteJudgment[]; problems: JudgeProblem[] }> {
  const problems: JudgeProblem[] = [];
  const results = await eachLimited(labels, options, async (label) => {
    const item = itemOf(label, file, { rubric: rubric.id, ...(label.reference === undefined ? {} : { reference: label.reference }) });
    try {
      const outcome = await judgeRubric({ item, output: { text: label.answer }, signal: options.signal }, source, { rubric });
      return { id: label.id, label: label.label, judged: onScale(rubric, outcome.score) };
    } catch (err) {
      if (!(err instanceof JudgeError)) throw err;
      problems.push({ id: label.id, message: err.message });
      return { id: label.id, label: label.label, judged: null };
    }
  });
  return { results, problems };
}

const toChoice = (winner: PairwiseWinner): PairChoice => (winner === 'a' ? 1 : winner === 'b' ? 2 : 'tie');

/**
 * Remembers each order's verdict or error by key. judgePairwise judges both orders together and
 * fails as a whole when one fails; this keeps the other order's verdict, so one order's error
 * does not also count against the order that was judged.
 */
function recordingSource(source: VerdictSource) {
  const verdicts = new Map<string, unknown>();
  const errors = new Map<string, JudgeError>();
  const calls: Promise<unknown>[] = [];
  const recorder: VerdictSource = {
    id: source.id,
    description: source.description,
    verdict<T>(request: VerdictRequest<T>, signal: AbortSignal) {
      const call = source.verdict(request, signal).then(
        (response) => (verdicts.set(request.key, response.value), response),
        (err: unknown) => {
          if (err instanceof JudgeError) errors.set(request.key, err);
          throw err;
        },
      );
      calls.push(call);
      return call;
    },
  };
  return { recorder, verdicts, errors, settled: () => Promise.allSettled(calls) };
}

/**
 * Pairwise labels: output_1 is `a`, output_2 is `b`, so the original order shows output_1 first.
 * `bothOrders(id)` says whether to judge the swapped order too (always for a live model; for
 * recorded verdicts, when that order was recorded).
 */
export async function judgePairwiseLabels(
  labels: readonly PairwiseLabel[],
  file: string,
  source: VerdictSource,
  bothOrders: (id: string) => boolean,
  options: CalibrationRunOptions & { rubric?: Rubric },
): Promise<{ results: PairwiseJudgment[]; problems: JudgeProblem[] }> {
  const problems: JudgeProblem[] = [];
  const results = await eachLimited(labels, options, async (label): Promise<PairwiseJudgment> => {
    const both = bothOrders(label.id);
    const { recorder, verdicts, errors, settled } = recordingSource(source);
    const input = { item: itemOf(label, file), a: { text: label.output_1 }, b: { text: label.output_2 }, bothOrders: both, signal: options.signal };
    try {
      const outcome = await judgePairwise(input, recorder, options.rubric ? { rubric: options.rubric } : {});
      const swapped = outcome.swapped === undefined ? {} : { swapped: toChoice(outcome.swapped) };
      return { id: label.id, label: label.label, original: toChoice(outcome.original), ...swapped };
    } catch (err) {
      if (!(err instanceof JudgeError)) throw err;
      await settled();
      const orders = both ? (['original', 'swapped'] as const) : (['original'] as const);
      const choices = orders.map((order) => {
        const key = `${label.id}/pairwise/${order}`;
        const verdict = verdicts.get(key) as PairwiseVerdict | undefined;
        if (verdict) return toChoice(mapWinner(verdict.winner, order));
        problems.push({ id: label.id, message: `${order} order: ${(errors.get(key) ?? err).message}` });
        return null;
      });
      // A failure after every order got its verdict: not one of the orders, but still never dropped.
      if (choices.every((choice) => choice !== null)) problems.push({ id: label.id, message: err.message });
      const [original = null, swapped = null] = choices;
      return { id: label.id, label: label.label, original, ...(both ? { swapped } : {}) };
    }
  });
  return { results, problems };
}
