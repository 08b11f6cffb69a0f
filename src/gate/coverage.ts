import { z } from 'zod';
import type { GateConfig } from './config.js';
import { orderMetrics, PASS_METRIC, type Report, type ReportItem } from '../report-schema.js';
import { detectableDropFromDiscordance, itemsToDetect } from '../stats/mcnemar-power.js';
import { byCodePoint } from '../util/compare.js';
import { designNoncentrality, planGateFamily, type GateHypothesis } from './family.js';
import { pairItems } from './pairing.js';
import { gateRule } from './rules.js';
import { isGatedMetric, OVERALL } from './types.js';

/** The drops `evals coverage` sizes slices for, as fractions (5, 10 and 20 points). */
export const COVERAGE_DROPS = [0.05, 0.1, 0.2] as const;

/**
 * Where a slice's discordance (the share of items whose pass/fail differs between two runs of an
 * unchanged system) comes from: a second run paired by id (`rerun`), the report's own epochs
 * (`epochs`), or, with neither, the independent-runs bound 2p(1 - p) (`independent`), which
 * overstates the noise of correlated runs and so the items needed.
 */
export const DiscordanceSourceSchema = z.enum(['rerun', 'epochs', 'independent']);

export const SliceCoverageSchema = z.object({
  slice: z.string(),
  longTail: z.boolean(),
  /** Items in the slice now. */
  n: z.number().int().nonnegative(),
  passRate: z.number(),
  discordance: z.number(),
  /** The one-sided level the slice's pass row gets in the gate's family (its share of alpha). */
  level: z.number(),
  /** The smallest drop caught at `power` with n items now, as a fraction; null when none is. */
  detectableNow: z.number().nullable(),
  /** Drop in points ("5", "10", "20") -> items needed at the same pass rate, discordance and level; null when none up to 100,000 does (or the rate is too low to drop that far). */
  needed: z.record(z.string(), z.number().int().positive().nullable()),
});

export const CoverageSchema = z.object({
  suite: z.string(),
  candidate: z.string(),
  power: z.number(),
  alpha: z.number(),
  discordanceSource: DiscordanceSourceSchema,
  slices: z.array(SliceCoverageSchema),
});

/** What `evals coverage --json` prints: one entry per report covered. */
export const COVERAGE_SCHEMA = 'evals.coverage/1';
export const CoverageOutputSchema = z.object({
  schema: z.literal(COVERAGE_SCHEMA),
  reports: z.array(CoverageSchema.extend({ file: z.string() })),
});

export type DiscordanceSource = z.infer<typeof DiscordanceSourceSchema>;
export type SliceCoverage = z.infer<typeof SliceCoverageSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;

export interface CoverageOptions {
  power?: number;
  /** A second run of the same candidate on the same items: the discordance is measured between the two. */
  rerun?: Report;
}

interface Group {
  slice: string;
  longTail: boolean;
  items: ReportItem[];
}

/**
 * Per slice (and overall): how many items the gate needs to catch a 5, 10 or 20-point drop of
 * `pass` with the given power, from the report's own pass rate and discordance, at the level the
 * gate's family (./family.ts) gives the slice's pass row. The level is held at today's: the family
 * would move it a little as the slice grows, which is why the figures are estimates. Pure.
 */
export function coverageOf(report: Report, gate: GateConfig, options: CoverageOptions = {}): Coverage {
  const power = options.power ?? 0.8;
  const groups = groupsOf(report);
  const discordances = groups.map((group) => discordanceOf(group, report, options.rerun));
  const source: DiscordanceSource = options.rerun ? 'rerun' : report.fingerprint.epochs > 1 ? 'epochs' : 'independent';

  // The family as the gate would plan it for these slices: each slice's pass row first, its gated
  // metrics that are not a copy of pass or constant after it (src/gate/compare.ts leaves those out).
  const hypotheses: GateHypothesis[] = [];
  const passAt: number[] = [];
  groups.forEach((group, g) => {
    const tolerance = gateRule(gate, group.slice, PASS_METRIC, 'maxDrop') ?? gate.maxDrop;
    passAt.push(hypotheses.length);
    // Only the weights are read (potential): p and minP do not enter them.
    hypotheses.push({
      group: group.slice,
      primary: true,
      p: 1,
      minP: 0,
      noncentrality: designNoncentrality(group.items.length, discordances[g] as number, tolerance),
    });
    hypotheses.push(...componentMetrics(group.items, gate).map(() => ({ group: group.slice, primary: false, p: 1, minP: 0, noncentrality: 0 })));
  });
  const { potential } = planGateFamily(hypotheses, gate.alpha);

  const slices = groups.map((group, g): SliceCoverage => {
    const rate = passRate(group.items);
    const discordance = discordances[g] as number;
    const level = Math.min(0.5, (potential[passAt[g] as number] as number) * gate.alpha);
    const n = group.items.length;
    const needed: Record<string, number | null> = {};
    for (const drop of COVERAGE_DROPS) needed[String(Math.round(drop * 100))] = level > 0 ? itemsToDetect(discordance, rate, drop, level, power) : null;
    return {
      slice: group.slice,
      longTail: group.longTail,
      n,
      passRate: rate,
      discordance,
      level,
      detectableNow: level > 0 && n > 0 ? detectableDropFromDiscordance(n, discordance, rate, level, power) : null,
      needed,
    };
  });
  return { suite: report.suite, candidate: report.candidate.id, power, alpha: gate.alpha, discordanceSource: source, slices };
}

/** OVERALL, then long-tail slices, then the rest by name: the gate's row order. */
function groupsOf(report: Report): Group[] {
  const names = Object.keys(report.slices).sort((a, b) => Number(report.slices[b]?.longTail) - Number(report.slices[a]?.longTail) || byCodePoint(a, b));
  return [
    { slice: OVERALL, longTail: false, items: report.items },
    ...names.map((slice) => ({ slice, longTail: report.slices[slice]?.longTail ?? false, items: report.items.filter((item) => item.slices.includes(slice)) })),
  ];
}

function passScore(item: ReportItem): number {
  return item.scores[PASS_METRIC] ?? 0;
}

function passRate(items: readonly ReportItem[]): number {
  return items.length === 0 ? 0 : items.reduce((s, item) => s + passScore(item), 0) / items.length;
}

/**
 * The share of items whose pass/fail would differ between two runs. From a rerun: counted on the
 * items paired by id. From k > 1 epochs with m passes: 2m(k - m) / (k(k - 1)), the unbiased
 * estimate of 2q(1 - q), the chance that two runs of an item with pass probability q disagree.
 * Otherwise the independent-runs bound 2p(1 - p) at the slice's pass rate.
 */
export function discordanceOf(group: Pick<Group, 'slice' | 'items'>, report: Pick<Report, 'fingerprint'>, rerun?: Report): number {
  if (rerun) {
    const other = new Map(rerun.items.map((item) => [item.id, item]));
    let paired = 0;
    let differ = 0;
    for (const item of group.items) {
      const match = other.get(item.id);
      if (!match) continue;
      paired++;
      if (passScore(match) !== passScore(item)) differ++;
    }
    return paired === 0 ? 0 : differ / paired;
  }
  const k = report.fingerprint.epochs;
  if (k > 1) {
    if (group.items.length === 0) return 0;
    const sum = group.items.reduce((s, item) => {
      const m = Math.round(passScore(item) * k);
      return s + (2 * m * (k - m)) / (k * (k - 1));
    }, 0);
    return sum / group.items.length;
  }
  const p = passRate(group.items);
  return 2 * p * (1 - p);
}

/** A rerun shares the report's items when at least one pairs by id with the same slices. */
export function sharesItems(report: Report, rerun: Report): boolean {
  return pairItems(report, rerun).pairs.length > 0;
}

/** Gated metrics besides pass that the gate would keep in its family for these items. */
function componentMetrics(items: readonly ReportItem[], gate: GateConfig): string[] {
  const metrics = orderMetrics([...new Set(items.flatMap((item) => Object.keys(item.scores)))]).filter((m) => m !== PASS_METRIC && isGatedMetric(m, gate));
  return metrics.filter((metric) => {
    const scored = items.filter((item) => item.scores[metric] !== undefined);
    const first = scored[0]?.scores[metric];
    if (scored.every((item) => item.scores[metric] === first)) return false;
    return !(scored.length === items.length && scored.every((item) => item.scores[metric] === passScore(item)));
  });
}
