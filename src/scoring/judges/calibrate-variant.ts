import type { Rubric } from '../../config/rubric.js';
import { flipRate } from '../../stats/flip-rate.js';
import type { AbsoluteLabel, PairwiseLabel } from './calibrate-labels.js';
import { addMeters, type VerdictMeter } from './calibrate-meter.js';
import { absoluteMetrics, pairwiseMetrics, type AbsoluteMetrics, type PairwiseMetrics } from './calibrate-metrics.js';
import { judgeAbsoluteLabels, judgePairwiseLabels, type JudgeProblem, type RunLabelTasks } from './calibrate-run.js';
import type { VerdictSource } from '../../contracts/verdict-source.js';

/** One judge as calibrated: a judge, and the rubric (version) it judges with when more than one is compared. */
export interface CalibrationVariant {
  /** How reports name it: the judge id, with `@<rubric id>` when rubric versions are compared. */
  name: string;
  judgeId: string;
  source: VerdictSource;
  /** Whether a pairwise label is judged in the swapped order too (recorded verdicts: where recorded). */
  bothOrders: (itemId: string) => boolean;
  /** Pairwise: the criteria to compare on (optional). Absolute: the rubric the labels score with. */
  rubric?: Rubric;
  /** A live model can be asked again (epochs); recorded verdicts replay the same answer. */
  live: boolean;
}

export type CalibrationLabels = { kind: 'pairwise'; labels: readonly PairwiseLabel[] } | { kind: 'absolute'; labels: readonly AbsoluteLabel[] };

interface Measured {
  /** Per label, in label order, on the first epoch: did the judge agree with the people? */
  agreed: boolean[];
  problems: JudgeProblem[];
  /** Over the repeated epochs; null with one epoch or a replay. */
  flip: { flipped: number; total: number } | null;
  meter: VerdictMeter;
}

export type VariantMeasure = Measured & ({ kind: 'pairwise'; m: PairwiseMetrics } | { kind: 'absolute'; m: AbsoluteMetrics });

/**
 * Judges every label `epochs` times (a replay once) and measures the first epoch against the
 * labels; the repeats only measure how often the judge changes its mind.
 */
export async function measureVariant(
  variant: CalibrationVariant,
  set: CalibrationLabels,
  file: string,
  epochs: number,
  run: RunLabelTasks,
  signal: AbortSignal,
): Promise<VariantMeasure> {
  const { source } = variant;
  const runs = variant.live ? epochs : 1;
  const options = (epoch: number) => ({ run, name: variant.name, epoch, signal });
  if (set.kind === 'pairwise') {
    const rubric = variant.rubric ? { rubric: variant.rubric } : {};
    const epochsJudged = await eachEpoch(runs, (epoch) => judgePairwiseLabels(set.labels, file, source, variant.bothOrders, { ...options(epoch), ...rubric }));
    const [first] = epochsJudged;
    const agreed = first.results.map((r) => (r.swapped === undefined ? r.original === r.label : r.original === r.label && r.swapped === r.label));
    const repeats =
      runs < 2
        ? null
        : first.results.flatMap((r, i) => {
            const original = epochsJudged.map((e) => e.results[i]?.original ?? null);
            const swapped = r.swapped === undefined ? [] : [epochsJudged.map((e) => e.results[i]?.swapped ?? null)];
            return [original, ...swapped];
          });
    return {
      kind: 'pairwise',
      m: pairwiseMetrics(first.results),
      agreed,
      problems: first.problems,
      flip: repeats && flipRate(repeats),
      meter: addMeters(epochsJudged.map((e) => e.meter)),
    };
  }
  const rubric = variant.rubric;
  if (!rubric) throw new Error('measureVariant: absolute labels need the rubric they score with');
  const epochsJudged = await eachEpoch(runs, (epoch) => judgeAbsoluteLabels(set.labels, file, rubric, source, options(epoch)));
  const [first] = epochsJudged;
  const agreed = first.results.map((r) => r.judged === r.label);
  const repeats = runs < 2 ? null : first.results.map((_, i) => epochsJudged.map((e) => e.results[i]?.judged ?? null));
  return {
    kind: 'absolute',
    m: absoluteMetrics(first.results, rubric.scale, rubric.passThreshold),
    agreed,
    problems: first.problems,
    flip: repeats && flipRate(repeats),
    meter: addMeters(epochsJudged.map((e) => e.meter)),
  };
}

/** Epochs one after another, so a repeat is a separate pass over the labels (never less than one). */
async function eachEpoch<R>(runs: number, judge: (epoch: number) => Promise<R>): Promise<[R, ...R[]]> {
  const judged: [R, ...R[]] = [await judge(0)];
  for (let epoch = 1; epoch < runs; epoch++) judged.push(await judge(epoch));
  return judged;
}
