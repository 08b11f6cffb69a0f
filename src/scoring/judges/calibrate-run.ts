import { z } from 'zod';
import { CandidateError } from '../../candidates/adapter.js';
import type { Rubric } from '../../config/rubric.js';
import { errorMessage } from '../../errors.js';
import type { GoldenItem, ItemInput } from '../../goldensets/item.js';
import { hashOf } from '../../util/canonical.js';
import type { AbsoluteLabel, PairwiseLabel } from './calibrate-labels.js';
import { addMeters, emptyMeter, meteredSource, sampledSource, VerdictMeterSchema, type VerdictMeter } from './calibrate-meter.js';
import { judgePairwise, mapWinner, type PairwiseVerdict } from './pairwise.js';
import { judgeRubric } from './rubric.js';
import { type PairwiseWinner } from './types.js';
import { JudgeError, type VerdictRequest, type VerdictSource } from '../../contracts/verdict-source.js';

/**
 * Runs a judge over human labels with the same judge kinds the harness scores with (rubric,
 * pairwise), so a calibration measures the judge as it is used. Each label is one task for the
 * runner the command hands in (src/runner/judgment-run.ts: paced, with deadlines, journaled). A
 * JudgeError is kept with the item, as a missing verdict, never dropped; anything else (a bug,
 * Ctrl-C) stops the run.
 */

/** What went wrong for one item, for the report. */
export const JudgeProblemSchema = z.object({ id: z.string(), message: z.string() });
export type JudgeProblem = z.infer<typeof JudgeProblemSchema>;

const PairChoiceSchema = z.union([z.literal(1), z.literal(2), z.literal('tie')]);

export const AbsoluteJudgmentSchema = z.object({
  id: z.string(),
  /** The human's score on the rubric's scale. */
  label: z.number(),
  /** The judge's score on the same scale; null when the judge gave none. */
  judged: z.number().nullable(),
});
export type AbsoluteJudgment = z.infer<typeof AbsoluteJudgmentSchema>;

export const PairwiseJudgmentSchema = z.object({
  id: z.string(),
  /** The human's choice. */
  label: z.union([z.literal(1), z.literal(2)]),
  /** The verdict with output_1 shown first; null when the judge gave none. */
  original: PairChoiceSchema.nullable(),
  /** The verdict with output_2 shown first, mapped back to output numbers; absent when this order was not judged. */
  swapped: PairChoiceSchema.nullable().optional(),
});
export type PairwiseJudgment = z.infer<typeof PairwiseJudgmentSchema>;

/** One label judged: the judgment, what went wrong, and what its verdicts cost. */
export const LabelJudgedSchema = z.object({
  judgment: z.union([PairwiseJudgmentSchema, AbsoluteJudgmentSchema]),
  problems: z.array(JudgeProblemSchema),
  meter: VerdictMeterSchema,
});
export type LabelJudged = z.infer<typeof LabelJudgedSchema>;

export interface LabelTask {
  key: string;
  run(signal: AbortSignal): Promise<LabelJudged>;
  /** The label with no verdict, when its task failed as a whole (its deadline passed). */
  fail(message: string): LabelJudged;
}

/** Runs the tasks: a judgment run's `run` (src/runner/judgment-run.ts). */
export type RunLabelTasks = (
  tasks: readonly LabelTask[],
  failed: (task: LabelTask, err: unknown) => LabelJudged | undefined,
  final: (value: LabelJudged) => boolean,
) => Promise<{ results: Map<string, LabelJudged>; interrupted: boolean }>;

export interface CalibrationRunOptions {
  run: RunLabelTasks;
  /** Names the variant (judge, rubric) in the tasks' keys. */
  name: string;
  /** 0 for the first judgment of each label; 1, 2, ... ask again past the cache (`--epochs`). */
  epoch: number;
  signal: AbortSignal;
}

function itemOf(label: { id: string; input: ItemInput; line: number }, file: string, extra: Partial<GoldenItem> = {}): GoldenItem {
  return { id: label.id, input: label.input, slices: [], sources: [], checks: [], metadata: {}, origin: { file, line: label.line }, ...extra };
}

/**
 * Every label through the runner, in label order. A label whose judgment had problems is not
 * journaled: a resumed calibration asks again (a cached verdict costs nothing).
 */
async function judgeLabels<T extends LabelJudged['judgment']>(
  labels: ReadonlyArray<{ id: string }>,
  options: CalibrationRunOptions,
  keyOf: (label: { id: string }) => unknown,
  judge: (index: number, source: VerdictSource, signal: AbortSignal) => Promise<{ judgment: T; problems: JudgeProblem[] }>,
  none: (index: number) => T,
  source: VerdictSource,
): Promise<{ results: T[]; problems: JudgeProblem[]; meter: VerdictMeter }> {
  const tasks: LabelTask[] = labels.map((label, index) => ({
    key: `${options.name}#${options.epoch}#${label.id}#${hashOf(keyOf(label))}`,
    run: async (signal) => {
      const { source: metered, meter } = meteredSource(source);
      return { ...(await judge(index, sampledSource(metered, options.epoch), signal)), meter };
    },
    fail: (message) => ({ judgment: none(index), problems: [{ id: label.id, message }], meter: emptyMeter() }),
  }));
  const failed = (task: LabelTask, err: unknown) => (err instanceof CandidateError && err.kind === 'timeout' ? task.fail(errorMessage(err)) : undefined);
  const done = await options.run(tasks, failed, (value) => value.problems.length === 0);
  if (done.interrupted) options.signal.throwIfAborted();
  const judged = tasks.map((task) => done.results.get(task.key) as LabelJudged);
  return {
    results: judged.map((j) => j.judgment as T),
    problems: judged.flatMap((j) => j.problems),
    meter: addMeters(judged.map((j) => j.meter)),
  };
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
): Promise<{ results: AbsoluteJudgment[]; problems: JudgeProblem[]; meter: VerdictMeter }> {
  const none = (i: number): AbsoluteJudgment => ({ id: (labels[i] as AbsoluteLabel).id, label: (labels[i] as AbsoluteLabel).label, judged: null });
  return judgeLabels(
    labels,
    options,
    (label) => [label, rubric.hash, source.description],
    async (i, judgeSource, signal) => {
      const label = labels[i] as AbsoluteLabel;
      const item = itemOf(label, file, { rubric: rubric.id, ...(label.reference === undefined ? {} : { reference: label.reference }) });
      try {
        const outcome = await judgeRubric({ item, output: { text: label.answer }, signal }, judgeSource, { rubric });
        return { judgment: { id: label.id, label: label.label, judged: onScale(rubric, outcome.score) }, problems: [] };
      } catch (err) {
        if (!(err instanceof JudgeError)) throw err;
        return { judgment: none(i), problems: [{ id: label.id, message: err.message }] };
      }
    },
    none,
    source,
  );
}

const toChoice = (winner: PairwiseWinner): 1 | 2 | 'tie' => (winner === 'a' ? 1 : winner === 'b' ? 2 : 'tie');

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
): Promise<{ results: PairwiseJudgment[]; problems: JudgeProblem[]; meter: VerdictMeter }> {
  const none = (i: number): PairwiseJudgment => {
    const label = labels[i] as PairwiseLabel;
    return { id: label.id, label: label.label, original: null, ...(bothOrders(label.id) ? { swapped: null } : {}) };
  };
  return judgeLabels(
    labels,
    options,
    (label) => [label, bothOrders(label.id), options.rubric?.hash ?? null, source.description],
    async (i, judgeSource, signal) => {
      const label = labels[i] as PairwiseLabel;
      const both = bothOrders(label.id);
      const { recorder, verdicts, errors, settled } = recordingSource(judgeSource);
      const input = { item: itemOf(label, file), a: { text: label.output_1 }, b: { text: label.output_2 }, bothOrders: both, signal };
      try {
        const outcome = await judgePairwise(input, recorder, options.rubric ? { rubric: options.rubric } : {});
        const swapped = outcome.swapped === undefined ? {} : { swapped: toChoice(outcome.swapped) };
        return { judgment: { id: label.id, label: label.label, original: toChoice(outcome.original), ...swapped }, problems: [] };
      } catch (err) {
        if (!(err instanceof JudgeError)) throw err;
        await settled();
        const problems: JudgeProblem[] = [];
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
        return { judgment: { id: label.id, label: label.label, original, ...(both ? { swapped } : {}) }, problems };
      }
    },
    none,
    source,
  );
}
