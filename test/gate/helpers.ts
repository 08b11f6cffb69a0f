import { GateConfigSchema, type GateConfig } from '../../src/gate/config.js';
import { orderMetrics } from '../../src/report-schema.js';
import { REPORT_SCHEMA, type Fingerprint, type GroupSummary, type Report, type ReportItem } from '../../src/report-schema.js';
import { meanWithInterval } from '../../src/stats/intervals.js';

export const FINGERPRINT: Fingerprint = { items: 'items-1', checks: 'checks-1', rubrics: 'rubrics-1', judges: 'judges-1', epochs: 1, sample: null };

export function gateConfig(input: Parameters<typeof GateConfigSchema.parse>[0] = {}): GateConfig {
  return GateConfigSchema.parse(input);
}

/** An item with a pass score (and any other scores); failing items carry a reason. */
export function item(id: string, slices: string[], pass: boolean, scores: Record<string, number> = {}): ReportItem {
  return { id, slices, pass, scores: { pass: pass ? 1 : 0, ...scores }, failures: pass ? [] : [`contains: missing "${id}"`] };
}

/** `count` items in one slice, the first `passing` of them passing: ids `<slice>-000`, ... */
export function items(slice: string, count: number, passing: number, extra: string[] = []): ReportItem[] {
  return Array.from({ length: count }, (_, i) => item(`${slice}-${String(i).padStart(3, '0')}`, [slice, ...extra], i < passing));
}

/** Flips the pass of the given ids (and their pass score), as a head run that changed them would. */
export function flip(list: readonly ReportItem[], ids: ReadonlySet<string>): ReportItem[] {
  return list.map((it) => (ids.has(it.id) ? item(it.id, it.slices, !it.pass, { ...it.scores, pass: it.pass ? 0 : 1 }) : it));
}

export interface ReportOptions {
  candidate?: string;
  longTail?: string[];
  fingerprint?: Partial<Fingerprint>;
  skipped?: Report['skipped'];
  ungated?: Report['ungated'];
}

/** A report as buildReport would summarise it: per-metric means and intervals overall and per slice. */
export function report(reportItems: readonly ReportItem[], options: ReportOptions = {}): Report {
  const sorted = [...reportItems].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const slices: Report['slices'] = {};
  for (const name of [...new Set(sorted.flatMap((i) => i.slices))].sort()) {
    slices[name] = { ...summarise(sorted.filter((i) => i.slices.includes(name))), longTail: (options.longTail ?? ['long-tail']).includes(name) };
  }
  return {
    schema: REPORT_SCHEMA,
    suite: 'support',
    candidate: { id: options.candidate ?? 'head', kind: 'rag' },
    fingerprint: { ...FINGERPRINT, ...options.fingerprint },
    summary: summarise(sorted),
    slices,
    skipped: options.skipped ?? [],
    ungated: options.ungated ?? [],
    items: sorted,
  };
}

function summarise(group: readonly ReportItem[]): GroupSummary {
  const metrics: GroupSummary['metrics'] = {};
  for (const name of orderMetrics([...new Set(group.flatMap((i) => Object.keys(i.scores)))])) {
    const values = group.flatMap((i) => (name in i.scores ? [i.scores[name] as number] : []));
    const m = meanWithInterval(values);
    metrics[name] = { n: m.n, mean: m.mean, ci: m.interval };
  }
  return { n: group.length, errors: group.filter((i) => i.error).length, metrics };
}

export function ids(prefix: string, from: number, to: number): Set<string> {
  return new Set(Array.from({ length: to - from }, (_, i) => `${prefix}-${String(from + i).padStart(3, '0')}`));
}
