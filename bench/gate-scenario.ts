import type { DriftConfig, GateConfig } from '../src/gate/config.js';
import { compareReports } from '../src/gate/compare.js';
import { evaluateGate } from '../src/gate/decision.js';
import { checkDrift } from '../src/gate/drift.js';
import type { ReportItem } from '../src/report-schema.js';
import { mcnemarExact, pairedTable } from '../src/stats/paired-binary.js';
import type { Random } from '../src/stats/prng.js';
import { reportOf } from './gate-sim-model.js';

/**
 * The scenario of issue 14: every item has a true outcome (drawn once from its slice's rate), and
 * each run re-draws an item's outcome from that rate with probability `redraw` — the noise of a
 * sampled model or judge on an unchanged system. A drop of k items turns k true passes into true
 * failures, so the head loses k passes less the noise.
 */
export interface ScenarioSlice {
  name: string;
  n: number;
  rate: number;
  longTail: boolean;
}

export const ISSUE_SLICES: readonly ScenarioSlice[] = [
  { name: 'head', n: 400, rate: 0.8, longTail: false },
  { name: 'long-tail', n: 100, rate: 0.7, longTail: true },
  { name: 'format', n: 50, rate: 0.9, longTail: false },
];
export const REDRAW = 0.1;

export interface TruthItem {
  id: string;
  slice: string;
  rate: number;
  truth: boolean;
}

export function truthSet(slices: readonly ScenarioSlice[], random: Random): TruthItem[] {
  return slices.flatMap((s) =>
    Array.from({ length: s.n }, (_, i) => ({ id: `${s.name}-${String(i).padStart(4, '0')}`, slice: s.name, rate: s.rate, truth: random() < s.rate })),
  );
}

/** The same items with `k` more true passes of `slice` turned into failures (the first ones by id). */
export function dropped(items: readonly TruthItem[], slice: string, k: number): TruthItem[] {
  let left = k;
  return items.map((it) => {
    if (left > 0 && it.slice === slice && it.truth) {
      left--;
      return { ...it, truth: false };
    }
    return it;
  });
}

export function runOf(items: readonly TruthItem[], slices: readonly ScenarioSlice[], random: Random, redraw = REDRAW) {
  const outcomes: ReportItem[] = items.map((it) => {
    const pass = random() < redraw ? random() < it.rate : it.truth;
    return { id: it.id, slices: [it.slice], pass, scores: { pass: pass ? 1 : 0 }, failures: pass ? [] : ['check: fail'] };
  });
  return reportOf(
    outcomes,
    slices.map((s) => s.name),
    slices.filter((s) => s.longTail).map((s) => s.name),
  );
}

/** Did the whole gate fail, and did a lone uncorrected one-sided exact McNemar test on `slice` reject? */
export function trial(base: ReturnType<typeof runOf>, head: ReturnType<typeof runOf>, gate: GateConfig, slice: string) {
  const comparison = compareReports(base, head, gate);
  const verdict = evaluateGate(comparison, head, gate);
  const pick = (r: typeof base) => r.items.filter((i) => i.slices.includes(slice)).map((i) => (i.pass ? 1 : 0) as number);
  const table = pairedTable(pick(base), pick(head));
  const lone = table.baseOnly > table.headOnly && mcnemarExact(table.baseOnly, table.headOnly) / 2 < gate.alpha;
  return { failed: !verdict.passed, lone, comparison };
}

/** Where a chain was first failed (1-based step; null: never), and the gate decisions it took. */
export interface ChainOutcome {
  caughtAt: number | null;
  decisions: number;
}

/**
 * A chain of baseline updates: an anchor run, then `steps` runs, each with `k` more true passes of
 * `slice` lost than the one before (k = 0: the system never changes). A passing run becomes the
 * next baseline, as `evals run` does; the first failing run ends the chain. Judged twice on the
 * same runs: by the gate alone and with the drift budget against the anchor run. Both variants see
 * the same baselines until one fails, and the drift budget only adds failures, so one pass serves both.
 */
export function chain(
  random: Random,
  gate: GateConfig,
  drift: DriftConfig,
  slice: string,
  k: number,
  steps: number,
): { plain: ChainOutcome; drift: ChainOutcome } {
  let truth = truthSet(ISSUE_SLICES, random);
  const anchor = runOf(truth, ISSUE_SLICES, random);
  let baseline = anchor;
  let withDrift: ChainOutcome | null = null;
  for (let step = 1; step <= steps; step++) {
    truth = dropped(truth, slice, k);
    const head = runOf(truth, ISSUE_SLICES, random);
    const gateFailed = !evaluateGate(compareReports(baseline, head, gate), head, gate).passed;
    const driftFailed =
      withDrift === null && checkDrift({ label: 'anchor', report: anchor, changes: step - 1 }, head, baseline, gate, drift).failures.length > 0;
    if (withDrift === null && (gateFailed || driftFailed)) withDrift = { caughtAt: step, decisions: step };
    if (gateFailed) return { plain: { caughtAt: step, decisions: step }, drift: withDrift ?? { caughtAt: step, decisions: step } };
    baseline = head;
  }
  return { plain: { caughtAt: null, decisions: steps }, drift: withDrift ?? { caughtAt: null, decisions: steps } };
}
