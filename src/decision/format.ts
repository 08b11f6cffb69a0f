import { formatMean } from '../util/format.js';
import type { Decision, DecisionCell, RetrievalAttribution, RetrievalRow } from './schema.js';

/** Shared by the terminal and Markdown views, so both say the same thing in the same words. */

export function qualityCell(decision: Decision, cell: DecisionCell): string {
  const marks = cell.betterThan.map((id) => decision.candidates.find((c) => c.id === id)?.label ?? id);
  const score = `${formatMean(cell.quality)} [${formatMean(cell.ci[0])}, ${formatMean(cell.ci[1])}]`;
  return marks.length > 0 ? `${score} >${marks.join(',')}` : score;
}

export function costText(cell: DecisionCell): string {
  if (cell.costPer1k === null) return cell.unpricedCalls > 0 ? 'price unknown' : '—';
  const usd = `$${cell.costPer1k.toFixed(cell.costPer1k < 1 ? 4 : 2)}`;
  return cell.unpricedCalls > 0 ? `${usd} + ${cell.unpricedCalls} unpriced` : usd;
}

export function latencyText(cell: DecisionCell): string {
  if (!cell.latencyMs) return '—';
  return `${ms(cell.latencyMs.p50)} / ${ms(cell.latencyMs.p95)}`;
}

function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

export function rateOrDash(rate: number | null): string {
  return rate === null ? '—' : formatMean(rate);
}

export function sliceLabel(decision: Decision, slice: string): string {
  const row = decision.slices.find((s) => s.slice === slice);
  const n = Math.max(0, ...(row?.cells.map((c) => c.n) ?? []));
  return `${slice} (${row?.longTail ? 'long tail, ' : ''}${n})`;
}

export function candidateHeader(decision: Decision, id: string): string {
  const c = decision.candidates.find((x) => x.id === id);
  return c ? `${c.label} ${c.id}` : id;
}

export function qualityLegend(decision: Decision): string {
  const tests = decision.differences.length;
  return (
    `quality: item pass rate [95% CI]; >B: significantly better than B ` +
    `(paired by item, two-sided, Holm over ${tests} ${tests === 1 ? 'test' : 'tests'}, α ${decision.alpha})`
  );
}

export function operationsLegend(): string {
  return "cost and speed: USD per 1k queries (answers' own costs; —: none reported), latency p50 / p95, error rate";
}

export function retrievalLegend(k: number): string {
  return `retrieval: recall@${k} of the gold sources; a hit has every gold source in the first ${k} contexts`;
}

/** "failures with gold sources — rag-v1: 60 after a retrieval miss, 250 despite a hit (generation)". */
export function attributionLines(decision: Decision): string[] {
  const retrieval = decision.retrieval;
  if (!retrieval) return [];
  const lines: string[] = [];
  if (retrieval.uncovered.length > 0) lines.push(`no gold sources, outside the corpus's coverage: ${retrieval.uncovered.join(', ')}`);
  for (const row of retrieval.rows.filter((r) => r.slice === decision.slices[0]?.slice)) lines.push(failureLine(row));
  return lines;
}

function failureLine(row: RetrievalRow): string {
  const failed = row.failedOnHit + row.failedOnMiss;
  return (
    `${row.candidate}: of ${failed} failed ${failed === 1 ? 'item' : 'items'} with gold sources, ${row.failedOnMiss} followed a retrieval miss ` +
    `and ${row.failedOnHit} had every gold source retrieved (the generator's)`
  );
}

/** A table as both views draw it: the terminal pads it (textTable), the Markdown pipes it. */
export interface DecisionTable {
  header: string[];
  rows: string[][];
}

/** Quality per slice x candidate, with the significance marks. */
export function qualityTable(decision: Decision): DecisionTable {
  return {
    header: ['slice', ...decision.candidates.map((c) => candidateHeader(decision, c.id))],
    rows: decision.slices.map((s) => [sliceLabel(decision, s.slice), ...s.cells.map((c) => qualityCell(decision, c))]),
  };
}

/** Cost per 1k, latency and error rate per slice x candidate. */
export function operationsTable(decision: Decision): DecisionTable {
  return {
    header: ['slice', ...decision.candidates.map((c) => candidateHeader(decision, c.id))],
    rows: decision.slices.map((s) => [sliceLabel(decision, s.slice), ...s.cells.map((c) => `${costText(c)} · ${latencyText(c)} · ${percent(c.errorRate)}`)]),
  };
}

/** Recall@k and pass rate on hit vs miss per slice x retrieving candidate. */
export function retrievalTable(decision: Decision, retrieval: RetrievalAttribution): DecisionTable {
  return {
    header: ['slice', 'candidate', 'items', `recall@${retrieval.k}`, 'hits', 'pass on hit', 'pass on miss'],
    rows: retrieval.rows.map((r) => [
      sliceLabel(decision, r.slice),
      candidateHeader(decision, r.candidate),
      String(r.items),
      r.recall.toFixed(2),
      `${r.hits}/${r.items}`,
      rateOrDash(r.passOnHit),
      rateOrDash(r.passOnMiss),
    ]),
  };
}
