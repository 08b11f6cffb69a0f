import { textTable } from './table.js';
import { cheapestQualifying, type JudgeComparison, type JudgeRow } from '../scoring/judges/calibrate-compare.js';
import type { Ratio } from '../scoring/judges/calibrate-metrics.js';

/** The judges-compared report: one table, the significant differences, who qualifies and the cheapest that does. */

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ratioPercent = ({ count, total }: Ratio): string => (total === 0 ? 'n/a' : percent(count / total));
const pValue = (p: number): string => (p < 0.001 ? p.toExponential(1) : p.toFixed(3));

function cells(row: JudgeRow): string[] {
  const { count, total } = row.agreement;
  const [lo, hi] = row.interval;
  return [
    row.name,
    `${ratioPercent(row.agreement)} (${count}/${total}) [${(lo * 100).toFixed(1)}, ${(hi * 100).toFixed(1)}]`,
    row.kappa === null ? 'n/a' : row.kappa.toFixed(3),
    row.positionConsistency ? ratioPercent(row.positionConsistency) : '—',
    row.flip ? `${percent(row.flip.total === 0 ? 0 : row.flip.flipped / row.flip.total)} (${row.flip.flipped}/${row.flip.total})` : '—',
    String(row.errors),
    row.costPer1k === null ? 'n/a' : `$${row.costPer1k.toFixed(2)}`,
    row.secondsPer1k === null ? '—' : row.secondsPer1k.toFixed(1),
    ...(row.qualifies === undefined ? [] : [row.qualifies ? 'yes' : 'no']),
  ];
}

export function formatComparison(comparison: JudgeComparison, context: { labelsFile: string; kind: 'pairwise' | 'absolute'; epochs: number }): string {
  const { rows, pairs, alpha } = comparison;
  const n = rows[0]?.n ?? 0;
  const thresholds = rows.some((r) => r.qualifies !== undefined);
  const agreementIs = context.kind === 'pairwise' ? 'correct in both orders where both were judged, else in the one judged' : 'the exact score';
  const header = [
    'judge',
    'agreement [95% CI]',
    'kappa',
    'position consistency',
    context.epochs > 1 ? `flips over ${context.epochs} epochs` : 'flips',
    'errors',
    '$ / 1k verdicts',
    's / 1k verdicts',
    ...(thresholds ? ['qualifies'] : []),
  ];
  const lines = [
    `Judges compared on ${context.labelsFile} (${n} ${context.kind} labels; agreement: ${agreementIs})`,
    '',
    textTable(header, rows.map(cells)),
    '',
  ];
  if (pairs.length > 0) {
    lines.push(
      `Differences in agreement, paired on the same labels (exact McNemar, Holm-adjusted over ${pairs.length} pair${pairs.length === 1 ? '' : 's'}, alpha ${alpha}):`,
    );
    for (const d of pairs) {
      const verdict = d.significant ? 'significant' : 'not significant';
      lines.push(
        `  ${d.a} vs ${d.b}: ${d.a} alone right on ${d.aOnly}, ${d.b} alone on ${d.bOnly}; p = ${pValue(d.p)}, adjusted ${pValue(d.adjusted)}: ${verdict}`,
      );
    }
    lines.push('');
  }
  if (thresholds) lines.push(...qualifyLines(rows));
  return `${lines.join('\n')}\n`;
}

function qualifyLines(rows: readonly JudgeRow[]): string[] {
  const at = (r: JudgeRow) => `${r.name} (≥ ${percent(r.minAgreement ?? 0)})`;
  const judged = rows.filter((r) => r.qualifies !== undefined);
  const yes = judged.filter((r) => r.qualifies);
  const no = judged.filter((r) => !r.qualifies);
  const lines = [`Qualify: ${yes.map(at).join(', ') || 'none'}${no.length > 0 ? `; below: ${no.map(at).join(', ')}` : ''}`];
  const { cheapest, unpriced } = cheapestQualifying(rows);
  if (cheapest) lines.push(`Cheapest that qualifies: ${cheapest.name} ($${(cheapest.costPer1k as number).toFixed(2)} / 1k verdicts)`);
  else if (yes.length === 0) lines.push('Cheapest that qualifies: none qualifies');
  else lines.push('Cheapest that qualifies: none with a known cost');
  if (unpriced.length > 0) lines.push(`  not ranked by cost (no cost recorded): ${unpriced.map((r) => r.name).join(', ')}`);
  return lines;
}
