import type { GateConfig } from './config.js';
import type { ResamplingOptions } from '../stats/paired-resampling.js';
import { detectableDropFromDiscordance } from '../stats/mcnemar-power.js';
import { minDetectableDrop } from '../stats/power.js';
import { byCodePoint } from '../util/compare.js';
import { orderMetrics, PASS_METRIC } from '../report-schema.js';
import { comparePaired, scoreOf, sliceGroups, type PairedRow } from './engine.js';
import { designNoncentrality, planGateFamily, unpairedNoncentrality, type GateHypothesis } from './family.js';
import { fisherLower, newcombeUnpairedInterval } from '../stats/unpaired-binary.js';
import { gateRule } from './rules.js';
import { pairItems, type ItemPair } from './pairing.js';
import { isGatedMetric, OVERALL, type Comparison, type ItemChange, type MetricComparison, type NewItemsComparison } from './types.js';
import type { Report } from '../report-schema.js';

export interface CompareOptions extends ResamplingOptions {
  /** Power at which the detectable drop is stated; default 0.8. */
  power?: number;
}

type Row = Omit<MetricComparison, 'pAdjusted' | 'minDetectableDrop' | 'weight'> & { discordance: number; hypothesis: GateHypothesis };

/**
 * Compares a head report with its baseline per slice (and overall) and per metric, on items paired
 * by id. Without a baseline it returns no rows: there is nothing to regress against, and the gate
 * still applies its floors. Pure: the permutation tests and bootstraps are seeded (options.seed).
 */
export function compareReports(base: Report | null | undefined, head: Report, gate: GateConfig, options: CompareOptions = {}): Comparison {
  const gatedMetrics = orderMetrics(Object.keys(head.summary.metrics).filter((m) => isGatedMetric(m, gate)));
  const power = options.power ?? 0.8;
  const common = { suite: head.suite, head: head.candidate, alpha: gate.alpha, power, gatedMetrics };
  if (!base)
    return {
      ...common,
      base: null,
      comparability: null,
      family: 0,
      reachable: 0,
      excluded: { duplicate: 0, constant: 0 },
      rows: [],
      regressedItems: [],
      newItems: [],
    };

  const { pairs, comparability } = pairItems(base, head);
  const rows: Row[] = [];
  for (const group of sliceGroups(pairs, base, head)) {
    const passRow = comparePaired(group, PASS_METRIC, options);
    for (const metric of orderMetrics([...scoredMetrics(group.pairs)])) {
      const row = metric === PASS_METRIC ? passRow : comparePaired(group, metric, options);
      if (row) rows.push(asRow(row, isGatedMetric(metric, gate), gate, passRow));
    }
  }

  const members = rows.filter((r) => r.gated && r.excluded === undefined);
  const fresh = newItemRows(base, head, comparability.added, gate);
  const freshMembers = fresh.filter((f) => f.row.gated);
  // New items join the family as their slice's pass does (first in the slice's budget), after the paired rows.
  const hypotheses = [...members.map((r) => r.hypothesis), ...freshMembers.map((f) => f.hypothesis)];
  const plan = planGateFamily(hypotheses, gate.alpha);
  const at = new Map(members.map((row, i) => [row, i]));
  const complete = rows.map((full): MetricComparison => {
    const i = at.get(full);
    const { hypothesis: _hypothesis, discordance, ...row } = full;
    const weight = i === undefined ? null : (plan.weights[i] as number);
    // A row left out because it cannot reach its level is stated at the share it would have had.
    const level = i === undefined ? null : Math.max(plan.weights[i] as number, plan.potential[i] as number) * gate.alpha;
    return {
      ...row,
      weight,
      pAdjusted: i === undefined ? null : (plan.adjusted[i] as number),
      minDetectableDrop: level === null || level <= 0 ? null : detectableDrop(row, discordance, level, power),
    };
  });
  const newItems = fresh.map(({ row }): NewItemsComparison => {
    const i = freshMembers.findIndex((f) => f.row === row);
    return i < 0 ? row : { ...row, weight: plan.weights[members.length + i] as number, pAdjusted: plan.adjusted[members.length + i] as number };
  });
  const covered = new Set(newItems.filter((row) => row.gated).map((row) => row.slice));
  // Head items by id only when some are new (a rerun of the same items has none).
  const headById = comparability.added.length > 0 ? new Map(head.items.map((item) => [item.id, item])) : undefined;
  const addedUncompared = comparability.added.filter((id) => !(headById?.get(id)?.slices ?? []).some((slice) => covered.has(slice)));
  for (const row of complete) {
    if (row.metric !== PASS_METRIC || row.slice === OVERALL || !row.gated || row.meanBase <= 0) continue;
    const needed = itemsToFail(
      hypotheses,
      members.findIndex((m) => m.slice === row.slice && m.metric === PASS_METRIC),
      row,
      gate,
    );
    if (needed !== 0) row.cannotFail = { needed };
  }
  const excluded = (reason: Row['excluded']) => rows.filter((r) => r.gated && r.excluded === reason).length;
  const missingMetrics = orderMetrics(Object.keys(base.summary.metrics).filter((m) => isGatedMetric(m, gate) && !(m in head.summary.metrics)));
  return {
    ...common,
    base: base.candidate,
    comparability: { ...comparability, missingMetrics, addedUncompared },
    family: hypotheses.length,
    reachable: plan.weights.filter((w) => w > 0).length,
    excluded: { duplicate: excluded('duplicate'), constant: excluded('constant') },
    rows: complete,
    regressedItems: regressedItems(pairs, gate),
    newItems,
  };
}

/** `pass` and every metric a head item was scored on. Items share equal score records (src/reports/build.ts): a run of one record is read once. */
function scoredMetrics(pairs: readonly ItemPair[]): Set<string> {
  const metrics = new Set([PASS_METRIC]);
  let last: object | undefined;
  for (const { head } of pairs) {
    if (head.scores === last) continue;
    last = head.scores;
    for (const metric of Object.keys(head.scores)) metrics.add(metric);
  }
  return metrics;
}

/**
 * Per slice that has new items (in the head only) and baseline items: the new items' pass rate in
 * the head against the baseline's on the slice, unpaired. A slice with no baseline items has no
 * rate to hold them to (only its floor applies); the items stay listed as not compared.
 */
function newItemRows(base: Report, head: Report, added: readonly string[], gate: GateConfig): Array<{ row: NewItemsComparison; hypothesis: GateHypothesis }> {
  if (added.length === 0) return [];
  const fresh = new Set(added);
  const newcomers = head.items.filter((item) => fresh.has(item.id));
  const isLongTail = (s: string) => head.slices[s]?.longTail ?? base.slices[s]?.longTail ?? false;
  const slices = [...new Set(newcomers.flatMap((item) => item.slices))].sort((a, b) => Number(isLongTail(b)) - Number(isLongTail(a)) || byCodePoint(a, b));
  return slices.flatMap((slice) => {
    const inSlice = newcomers.filter((item) => item.slices.includes(slice));
    const baseItems = base.items.filter((item) => item.slices.includes(slice));
    if (baseItems.length === 0) return [];
    const now = { successes: inSlice.filter((item) => item.pass).length, n: inSlice.length };
    const before = { successes: baseItems.filter((item) => item.pass).length, n: baseItems.length };
    const test = fisherLower(now, before);
    const rateBase = before.successes / before.n;
    const rateNew = now.successes / now.n;
    const tolerance = gateRule(gate, slice, PASS_METRIC, 'maxDrop') ?? gate.maxDrop;
    const row: NewItemsComparison = {
      slice,
      longTail: isLongTail(slice),
      gated: isGatedMetric(PASS_METRIC, gate),
      n: now.n,
      passes: now.successes,
      baseN: before.n,
      basePasses: before.successes,
      rateBase,
      rateNew,
      diff: rateNew - rateBase,
      interval: newcombeUnpairedInterval(now, before),
      pValue: test.p,
      weight: null,
      pAdjusted: null,
    };
    return [
      {
        row,
        hypothesis: { group: slice, primary: true, p: test.p, minP: test.minP, noncentrality: unpairedNoncentrality(now.n, before.n, rateBase, tolerance) },
      },
    ];
  });
}

/**
 * 0 when the slice can fail the gate as it stands: losing every pass of the baseline (b = passes,
 * c = 0) would be significant in this family. Otherwise the items the slice needs (at its pass
 * rate) before that worst case would be; null when no size up to 1000 items does.
 */
function itemsToFail(hypotheses: readonly GateHypothesis[], at: number, row: MetricComparison, gate: GateConfig): number | null {
  const rate = row.meanBase;
  const tolerance = gateRule(gate, row.slice, PASS_METRIC, 'maxDrop') ?? gate.maxDrop;
  for (let n = row.n; n <= 1000; n++) {
    const passes = Math.round(rate * n);
    const worst: GateHypothesis = {
      group: row.slice,
      primary: true,
      p: 0.5 ** passes,
      minP: 0.5 ** passes,
      noncentrality: designNoncentrality(n, passes / n, tolerance),
    };
    const family = at >= 0 ? hypotheses.map((h, i) => (i === at ? worst : h)) : [...hypotheses, worst];
    const plan = planGateFamily(family, gate.alpha);
    if ((plan.adjusted[at >= 0 ? at : family.length - 1] as number) < gate.alpha) return n - row.n;
  }
  return null;
}

/**
 * A gated row stays out of the family when it cannot add information: a metric equal to its slice's
 * `pass` on every paired item (one check per item makes the check's score a copy of pass), or one
 * that is the same constant in both runs (no test can reject it).
 */
function exclusion(row: PairedRow, passRow: PairedRow | null): Row['excluded'] {
  const first = row.base[0];
  if (row.base.every((v) => v === first) && row.head.every((v) => v === first)) return 'constant';
  if (row.metric !== PASS_METRIC && passRow && passRow.n === row.n && row.base.every((v, i) => v === passRow.base[i] && row.head[i] === passRow.head[i])) {
    return 'duplicate';
  }
  return undefined;
}

function asRow(row: PairedRow, gated: boolean, gate: GateConfig, passRow: PairedRow | null): Row {
  const { slice, metric, longTail, n, meanBase, meanHead, diff, interval, test, pDrop } = row;
  const differing = row.base.filter((b, i) => b !== row.head[i]).length;
  // Items that differ (pass/fail) or the mean squared difference (scores): unchanged by swapping runs.
  const discordance = test === 'mcnemar' ? differing / n : row.base.reduce((s, b, i) => s + (b - (row.head[i] as number)) ** 2, 0) / n;
  const excluded = gated ? exclusion(row, passRow) : undefined;
  return {
    slice,
    metric,
    longTail,
    gated,
    ...(excluded ? { excluded } : {}),
    n,
    meanBase,
    meanHead,
    diff,
    interval,
    test,
    pValue: pDrop,
    discordance,
    hypothesis: {
      group: slice,
      primary: metric === PASS_METRIC,
      p: pDrop,
      minP: 0.5 ** differing,
      noncentrality: designNoncentrality(n, discordance, gateRule(gate, slice, metric, 'maxDrop') ?? gate.maxDrop),
    },
  };
}

/**
 * The smallest drop this row would catch with `power` at its level in the family, from its own
 * paired data: for pass/fail the exact McNemar power at the observed share of items that differ
 * (src/stats/mcnemar-power.ts), not the independent-runs formula, which overstated it by half on
 * correlated runs; for scores, the paired t approximation with the observed spread of differences.
 */
function detectableDrop(
  row: Omit<MetricComparison, 'pAdjusted' | 'minDetectableDrop' | 'weight'>,
  discordance: number,
  level: number,
  power: number,
): number | null {
  const baseline = Math.min(1, Math.max(0, row.meanBase));
  if (row.test === 'mcnemar') return detectableDropFromDiscordance(row.n, discordance, baseline, Math.min(level, 0.5), power);
  if (row.n < 2 || discordance === 0) return null;
  // minDetectableDrop states a two-sided test; the gate's one-sided test at `level` is two-sided at 2 x level.
  return minDetectableDrop({ kind: 'continuous', baseline, alpha: Math.min(0.99, 2 * level), power, n: row.n, sdDiff: Math.sqrt(discordance) });
}

function regressedItems(pairs: readonly ItemPair[], gate: GateConfig): ItemChange[] {
  const changes: ItemChange[] = [];
  // Items share equal score records (src/reports/build.ts): the gated metrics are listed once per run of one record, not per item.
  let scores: object | undefined;
  let gated: string[] = [];
  for (const { base, head } of pairs) {
    if (head.scores !== scores) {
      scores = head.scores;
      gated = orderMetrics([...new Set([PASS_METRIC, ...Object.keys(head.scores)])].filter((m) => isGatedMetric(m, gate)));
    }
    let drops: ItemChange['drops'] | undefined;
    for (const metric of gated) {
      const b = scoreOf(base, metric);
      const h = scoreOf(head, metric);
      if (b !== undefined && h !== undefined && h < b) (drops ??= []).push({ metric, base: b, head: h });
    }
    if (!drops) continue;
    drops.sort((x, y) => y.base - y.head - (x.base - x.head));
    const first = drops[0] as ItemChange['drops'][number];
    changes.push({
      id: head.id,
      slices: head.slices,
      passBase: base.pass,
      passHead: head.pass,
      drops,
      worst: first.base - first.head,
      failures: head.failures,
    });
  }
  // Lost passes first, then the largest drop, then the most metrics dropped; id breaks ties.
  const lostPass = (c: ItemChange) => Number(c.passBase && !c.passHead);
  return changes.sort((a, b) => lostPass(b) - lostPass(a) || b.worst - a.worst || b.drops.length - a.drops.length || byCodePoint(a.id, b.id));
}
