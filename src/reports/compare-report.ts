import { z } from 'zod';
import { round } from '../stats/describe.js';
import { formatMean } from '../util/format.js';
import type { PairResult } from '../scoring/judges/types.js';
import { MetricParitySchema, PairTallySchema, ParityRowSchema, PassAgreementSchema, type ParityRow } from './parity.js';
import { byCodePoint } from '../util/compare.js';
import { markdownTable, textTable } from './table.js';

const r4 = (x: number) => round(x, 4);
const nullable = (x: number | null) => (x === null ? null : r4(x));

const pairwise = ParityRowSchema.shape.pairwise.shape;
const metric = MetricParitySchema.shape;

export const CompareReportSchema = z.object({
  schema: z.literal('evals.compare/1'),
  suite: z.string(),
  student: z.string(),
  teacher: z.string(),
  judge: z.object({ id: z.string(), description: z.string(), orders: z.union([z.literal(1), z.literal(2)]) }).nullable(),
  passed: z.boolean(),
  failures: z.array(z.string()),
  slices: z.array(
    z.object({
      slice: z.string(),
      minParity: z.number(),
      pairwise: z.object({
        ...PairTallySchema.shape,
        parity: pairwise.parity,
        /** The Holm-adjusted p. */
        p: pairwise.pAdjusted,
        failed: pairwise.failed,
      }),
      metrics: z.array(
        z.object({
          metric: metric.metric,
          n: metric.n,
          student: metric.student,
          teacher: metric.teacher,
          ratio: metric.ratio,
          ci: metric.interval,
          /** The Holm-adjusted p. */
          p: metric.pAdjusted,
          failed: metric.failed,
        }),
      ),
      agreement: PassAgreementSchema,
    }),
  ),
  /** Each item's pairwise verdict (a = the student), by id; `swapped` only when both orders were judged. */
  items: z.array(
    z.object({
      id: z.string(),
      winner: z.enum(['a', 'b', 'tie']).nullable(),
      original: z.enum(['a', 'b', 'tie']).optional(),
      swapped: z.enum(['a', 'b', 'tie']).optional(),
      error: z.string().optional(),
    }),
  ),
});
export type CompareReport = z.infer<typeof CompareReportSchema>;

const pct = (x: number | null, digits = 1) => (x === null ? '—' : `${(x * 100).toFixed(digits)}%`);

export function compareReport(
  suite: string,
  student: string,
  teacher: string,
  judge: CompareReport['judge'],
  rows: readonly ParityRow[],
  pairs: ReadonlyMap<string, PairResult>,
): CompareReport {
  const slices = rows.map((row) => ({
    slice: row.slice,
    minParity: row.threshold,
    pairwise: {
      judged: row.pairwise.judged,
      wins: row.pairwise.wins,
      ties: row.pairwise.ties,
      losses: row.pairwise.losses,
      errors: row.pairwise.errors,
      winRate: r4(row.pairwise.winRate),
      se: r4(row.pairwise.se),
      consistency: nullable(row.pairwise.consistency),
      parity: nullable(row.pairwise.parity),
      p: nullable(row.pairwise.pAdjusted),
      failed: row.pairwise.failed,
    },
    metrics: row.metrics.map((m) => ({
      metric: m.metric,
      n: m.n,
      student: r4(m.student),
      teacher: r4(m.teacher),
      ratio: nullable(m.ratio),
      ci: m.interval ? ([r4(m.interval[0]), r4(m.interval[1])] as [number, number]) : null,
      p: nullable(m.pAdjusted),
      failed: m.failed,
    })),
    agreement: { ...row.agreement, kappa: nullable(row.agreement.kappa) },
  }));
  const failures = slices.flatMap((s) => [
    ...(s.pairwise.failed ? [`${s.slice} / pairwise: win rate ${pct(s.pairwise.winRate, 2)} is ${pct(s.pairwise.parity)} of parity, below ${pct(s.minParity)} (p ${pText(s.pairwise.p)} after Holm)`] : []),
    ...s.metrics.filter((m) => m.failed).map((m) => `${s.slice} / ${m.metric}: ${formatMean(m.student)} vs ${formatMean(m.teacher)}, ${pct(m.ratio)} of the teacher, below ${pct(s.minParity)} (p ${pText(m.p)} after Holm)`),
  ]);
  const items = [...pairs.keys()].sort(byCodePoint).map((id) => {
    const pair = pairs.get(id) as PairResult;
    if ('error' in pair) return { id, winner: null, error: pair.error };
    return { id, winner: pair.winner, original: pair.original, ...(pair.swapped ? { swapped: pair.swapped } : {}) };
  });
  return CompareReportSchema.parse({ schema: 'evals.compare/1', suite, student, teacher, judge, passed: failures.length === 0, failures, slices, items });
}

const pText = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

const PAIR_HEADER = ['slice', 'judged', 'wins', 'ties', 'losses', 'win rate', 'SE', 'parity', 'verdict'];
const pairCells = (s: CompareReport['slices'][number]) => [
  s.slice,
  String(s.pairwise.judged),
  String(s.pairwise.wins),
  String(s.pairwise.ties),
  String(s.pairwise.losses),
  pct(s.pairwise.winRate, 2),
  (s.pairwise.se * 100).toFixed(2),
  pct(s.pairwise.parity),
  s.pairwise.judged === 0 ? '' : s.pairwise.failed ? 'BELOW' : 'ok',
];

function judgeLine(report: CompareReport): string {
  if (!report.judge) return 'No pairwise judge: quality ratios only.';
  const orders = report.judge.orders === 2 ? 'both orders, a win only when both agree' : 'single order (recorded verdicts carry one order; position bias is not cancelled)';
  return `Pairwise judge ${report.judge.id} (${report.judge.description}), ${orders}. Win rate counts ties as half; SE in points.`;
}

export function renderCompareTerminal(report: CompareReport, costs: string[]): string {
  const lines = [`compare · ${report.student} vs teacher ${report.teacher} (${report.suite})`, judgeLine(report), textTable(PAIR_HEADER, report.slices.map(pairCells))];
  const metricRows = report.slices.flatMap((s) => s.metrics.map((m) => [s.slice, m.metric, formatMean(m.student), formatMean(m.teacher), pct(m.ratio), m.ci ? `[${pct(m.ci[0])}, ${pct(m.ci[1])}]` : '—', m.failed ? 'BELOW' : 'ok']));
  if (metricRows.length > 0) lines.push('', textTable(['slice', 'metric', 'student', 'teacher', 'ratio', '95% CI', 'verdict'], metricRows));
  lines.push('', ...costs, report.passed ? 'parity: passed' : `parity: FAILED\n${report.failures.map((f) => `  ✗ ${f}`).join('\n')}`);
  return `${lines.join('\n')}\n`;
}

export function renderCompareMarkdown(report: CompareReport, costs: string[]): string {
  const lines = [
    `# ${report.student} vs teacher ${report.teacher} (${report.suite})`,
    '',
    judgeLine(report),
    '',
    report.passed ? '**Parity: passed.**' : `**Parity: failed.**\n\n${report.failures.map((f) => `- ${f}`).join('\n')}`,
    '',
    markdownTable(PAIR_HEADER, report.slices.map(pairCells)),
    '',
    markdownTable(
      ['slice', 'metric', 'student', 'teacher', 'ratio', '95% CI', 'exact-check agreement'],
      report.slices.flatMap((s) => s.metrics.map((m) => [s.slice, m.metric, formatMean(m.student), formatMean(m.teacher), pct(m.ratio), m.ci ? `[${pct(m.ci[0])}, ${pct(m.ci[1])}]` : '—', `${s.agreement.agree}/${s.agreement.n}`])),
    ),
    '',
    ...costs.map((c) => `- ${c}`),
  ];
  return `${lines.join('\n')}\n`;
}
