import type { GateConfig } from '../src/config/schema.js';
import { compareReports } from '../src/gate/compare.js';
import { evaluateGate } from '../src/gate/decision.js';
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
  return slices.flatMap((s) => Array.from({ length: s.n }, (_, i) => ({ id: `${s.name}-${String(i).padStart(4, '0')}`, slice: s.name, rate: s.rate, truth: random() < s.rate })));
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
  return reportOf(outcomes, slices.map((s) => s.name), slices.filter((s) => s.longTail).map((s) => s.name));
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
