import type { Rubric } from '../../config/rubric.js';
import type { ConfusionMatrix } from '../../stats/agreement.js';
import { ERROR_LABEL, formatRatio, type AbsoluteMetrics, type PairwiseMetrics, type Ratio } from './calibrate-metrics.js';
import type { JudgeProblem } from './calibrate-run.js';

/** The plain-text calibration report: figures as `95 / 100 = 95.0%`, then the confusion matrices. */

export interface ReportHeader {
  judge: string;
  description: string;
  labelsFile: string;
  rubric?: Rubric;
}

function lines(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([name]) => name.length)) + 1;
  return rows.map(([name, value]) => `${`${name}:`.padEnd(width)} ${value}`);
}

const kappaText = (kappa: number | null): string => (kappa === null ? 'n/a (one label throughout)' : kappa.toFixed(3));

/** Rows are the human labels; "error" and "tie" are judge-only columns, so their rows are left out. */
export function formatMatrix(title: string, matrix: ConfusionMatrix): string[] {
  const columns = matrix.labels;
  const width = Math.max(5, ...columns.map((label) => label.length), ...matrix.counts.flat().map((n) => String(n).length)) + 1;
  const header = `${'label \\ judge'.padEnd(14)}${columns.map((c) => c.padStart(width)).join('')}`;
  const rows = matrix.labels.flatMap((label, i) =>
    label === ERROR_LABEL || label === 'tie' ? [] : [`${label.padEnd(14)}${(matrix.counts[i] ?? []).map((n) => String(n).padStart(width)).join('')}`],
  );
  return [title, header, ...rows];
}

function problemLines(problems: readonly JudgeProblem[], errors: number, consequence: string): string[] {
  if (errors === 0 && problems.length === 0) return [];
  const sorted = [...problems].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ['', `Judge errors (${consequence}):`, ...sorted.map((p) => `  ${p.id}: ${p.message}`)];
}

function headerLines(header: ReportHeader, count: string): string[] {
  const rubric = header.rubric ? [`Rubric: ${header.rubric.id} (${header.rubric.scale}, passes at ${header.rubric.passThreshold})`] : [];
  return [`Judge ${header.judge}: ${header.description}`, ...rubric, `Labels: ${header.labelsFile} (${count})`, ''];
}

export function formatPairwiseReport(header: ReportHeader, m: PairwiseMetrics, problems: readonly JudgeProblem[]): string {
  const errors = m.errorsOriginal + m.errorsSwapped;
  const preference = (r: Ratio): string =>
    r.total === r.count
      ? formatRatio(r)
      : `${formatRatio(r)} (of the ${r.total - r.count} inconsistent: ${m.preferredFirst} preferred the output shown first, ${m.preferredSecond} the one shown second)`;
  const rows: Array<readonly [string, string]> = [['correct without swap', formatRatio(m.correctOriginal)]];
  if (m.bothOrders > 0) {
    rows.push(
      ['correct with swap', formatRatio(m.correctSwapped)],
      ['correct in both orders', formatRatio(m.correctBoth)],
      ['same verdict in both orders', formatRatio(m.sameVerdict)],
      ['position consistency', preference(m.positionConsistency)],
    );
  }
  rows.push(["Cohen's kappa without swap", kappaText(m.kappaOriginal)]);
  if (m.bothOrders > 0) {
    rows.push(["Cohen's kappa with swap", kappaText(m.kappaSwapped)], ["Cohen's kappa between orders", kappaText(m.kappaBetweenOrders)]);
  }
  rows.push(['judge errors', `${errors} (${m.errorsOriginal} without swap, ${m.errorsSwapped} with swap)`]);
  const orders =
    m.bothOrders === m.n ? [] : [`Judged in both orders: ${m.bothOrders} of ${m.n} (the other order was not recorded); two-order figures are over those.`, ''];
  const matrices = [
    '',
    ...formatMatrix('Confusion matrix without swap (rows: label, columns: judge)', m.matrixOriginal),
    ...(m.bothOrders > 0 ? ['', ...formatMatrix('Confusion matrix with swap (rows: label, columns: judge)', m.matrixSwapped)] : []),
  ];
  const body = [...headerLines(header, `${m.n} pairwise`), ...orders, ...lines(rows), ...matrices];
  return [...body, ...problemLines(problems, errors, 'each counted as incorrect in its order')].join('\n') + '\n';
}

export function formatAbsoluteReport(header: ReportHeader, m: AbsoluteMetrics, problems: readonly JudgeProblem[]): string {
  const rows: Array<readonly [string, string]> = [
    ['exact agreement', formatRatio(m.exact)],
    ['pass/fail agreement', formatRatio(m.passFail)],
    ["Cohen's kappa on scores", kappaText(m.kappa)],
    ["Cohen's kappa on pass/fail", kappaText(m.passFailKappa)],
    ['judge errors', String(m.errors)],
  ];
  const body = [...headerLines(header, `${m.n} absolute`), ...lines(rows), '', ...formatMatrix('Confusion matrix (rows: label, columns: judge)', m.matrix)];
  return [...body, ...problemLines(problems, m.errors, 'each counted as a disagreement')].join('\n') + '\n';
}
