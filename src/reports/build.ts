import type { GoldenItem } from '../goldensets/item.js';
import { NO_SLICE } from '../goldensets/sample.js';
import { resultPasses, type ResultsByItem, type ScoredResult } from '../contracts/item-result.js';
import { byCodePoint } from '../util/compare.js';
import { Sharing } from '../util/sharing.js';
import { round } from '../stats/describe.js';
import { meanWithInterval, ratioWithInterval } from '../stats/intervals.js';
import { verdictFlips } from './verdict-flips.js';
import {
  orderMetrics,
  PASS_METRIC,
  REPORT_SCHEMA,
  type Fingerprint,
  type GroupSummary,
  type Report,
  type ReportItem,
  type SliceSummary,
} from '../report-schema.js';

const DIGITS = 4;

export interface BuildReportInput {
  suite: string;
  candidate: Report['candidate'];
  fingerprint: Fingerprint;
  longTail: readonly string[];
  /** The planned items; each must have at least one result. */
  items: readonly GoldenItem[];
  /** Results by item id, one per epoch (the answers themselves are not needed). */
  results: ResultsByItem;
  skipped?: Report['skipped'];
  ungated?: Report['ungated'];
}

/** Builds the deterministic report from finished results. Pure: same results, same report. */
export function buildReport(input: BuildReportInput): Report {
  const ungatedMetrics = new Set((input.ungated ?? []).map((u) => u.metric));
  // Items share equal slice lists, score records and failure lists (util/sharing.ts).
  const [slices, scores, failures] = [new Sharing(), new Sharing(), new Sharing()];
  const items = [...input.items]
    .sort((a, b) => byCodePoint(a.id, b.id))
    .map((item) => {
      // Assigned, not spread into a copy: a spread per item can give each its own hidden class.
      const summary = summariseItem(item, input.results.get(item.id) ?? [], ungatedMetrics);
      summary.slices = slices.share(summary.slices);
      summary.scores = scores.share(summary.scores);
      summary.failures = failures.share(summary.failures);
      return summary;
    });

  const names = new Set<string>();
  for (const item of items) for (const slice of item.slices) names.add(slice);
  const bySlice: Record<string, SliceSummary> = {};
  for (const name of [...names].sort(byCodePoint)) {
    const members = items.filter((i) => i.slices.includes(name));
    bySlice[name] = { ...summariseGroup(members), longTail: input.longTail.includes(name) };
  }
  const flips = verdictFlips(items, input.results, input.fingerprint.epochs);
  return {
    schema: REPORT_SCHEMA,
    suite: input.suite,
    candidate: input.candidate,
    fingerprint: input.fingerprint,
    summary: summariseGroup(items),
    slices: bySlice,
    skipped: [...(input.skipped ?? [])].sort((a, b) => byCodePoint(a.metric, b.metric)),
    ungated: [...(input.ungated ?? [])].sort((a, b) => byCodePoint(a.metric, b.metric)),
    ...(flips.length > 0 ? { flips } : {}),
    items,
  };
}

/** One item across its epochs: mean score per metric, pass only if every epoch passed. */
/**
 * `ungated`: judged metrics whose judge is below its minAgreement — scored and shown, but their
 * verdicts neither fail the item nor count in its pass.
 */
export function summariseItem(item: GoldenItem, results: readonly ScoredResult[], ungated: ReadonlySet<string> = new Set()): ReportItem {
  const perMetric = new Map<string, number[]>();
  const add = (metric: string, value: number) => {
    const values = perMetric.get(metric);
    if (values) values.push(value);
    else perMetric.set(metric, [value]);
  };
  const failures = new Set<string>();
  const weights: Record<string, number> = {};
  let error: ReportItem['error'];
  for (const result of results) {
    if (result.error) {
      error ??= result.error;
      failures.add(`error (${result.error.kind}): ${result.error.message}`);
    }
    const passed = resultPasses(result, ungated);
    if (passed !== undefined) add(PASS_METRIC, passed ? 1 : 0);
    for (const check of result.checks) {
      add(check.name, check.score);
      for (const [key, value] of Object.entries(check.details ?? {})) add(`${check.name}.${key}`, value);
      for (const [key, weight] of Object.entries(check.weights ?? {})) weights[`${check.name}.${key}`] = weight;
      if (!check.pass) failures.add(`${check.name}: ${clip(check.reason ?? 'failed')}`);
    }
    for (const judgment of result.judgments) {
      // A judge error scores nothing: it is the item's error, never a pass and never a zero.
      if (judgment.error !== undefined) continue;
      add(judgment.metric, judgment.score);
      for (const [key, value] of Object.entries(judgment.details ?? {})) add(`${judgment.metric}.${key}`, value);
      if (!judgment.pass && !ungated.has(judgment.metric)) {
        const notes = judgment.notes?.length ? ` (unsupported: ${judgment.notes.join('; ')})` : '';
        failures.add(`${judgment.metric}: ${clip(`${judgment.reason ?? 'failed'}${notes}`)}`);
      }
    }
  }
  if (results.length === 0) failures.add('error (missing): no result recorded');
  const scores: Record<string, number> = {};
  for (const metric of orderMetrics([...perMetric.keys()])) {
    const values = perMetric.get(metric) ?? [];
    scores[metric] = round(values.reduce((a, b) => a + b, 0) / values.length, DIGITS);
  }
  const pass = results.length > 0 && (scores[PASS_METRIC] ?? 1) === 1;
  return {
    id: item.id,
    slices: item.slices.length > 0 ? [...item.slices].sort(byCodePoint) : [NO_SLICE],
    pass,
    scores,
    ...(Object.keys(weights).length > 0 ? { weights: sortedRecord(weights) } : {}),
    failures: [...failures],
    ...(error ? { error } : {}),
  };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}

function summariseGroup(items: readonly ReportItem[]): GroupSummary {
  const metrics: GroupSummary['metrics'] = {};
  const seen = new Set<string>();
  for (const item of items) for (const name in item.scores) seen.add(name);
  const names = orderMetrics([...seen]);
  for (const name of names) {
    const scored = items.filter((i) => name in i.scores);
    const values = scored.map((i) => i.scores[name] ?? 0);
    const weighted = scored.some((i) => i.weights?.[name] !== undefined);
    const { mean, interval } = weighted ? ratioWithInterval(values, scored.map((i) => i.weights?.[name] ?? 1)) : meanWithInterval(values);
    metrics[name] = { n: values.length, mean: round(mean, DIGITS), ci: [round(interval[0], DIGITS), round(interval[1], DIGITS)] };
  }
  return { n: items.length, errors: items.filter((i) => i.error).length, metrics };
}

/** Failure reasons stay readable in tables; the full judge reasoning is in the journal. */
function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
