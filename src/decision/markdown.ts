import { formatPoints, formatPValue } from '../util/format.js';
import { labelThenNumbers, markdownTable } from '../reports/table.js';
import type { Decision } from './schema.js';
import {
  attributionLines,
  operationsLegend,
  operationsTable,
  qualityLegend,
  qualityTable,
  retrievalLegend,
  retrievalTable,
  type DecisionTable,
} from './format.js';

function table({ header, rows }: DecisionTable): string {
  return markdownTable(header, rows, labelThenNumbers(header));
}

/** The decision view for people and PRs: the terminal's tables, and every significant difference. */
export function renderDecisionMarkdown(decision: Decision): string {
  const lines = [
    `# ${decision.suite}: ${decision.candidates.map((c) => `${c.id} (${c.kind})`).join(' vs ')}`,
    '',
    `${qualityLegend(decision)}.`,
    '',
    table(qualityTable(decision)),
    '',
    `${operationsLegend()}.`,
    '',
    table(operationsTable(decision)),
  ];
  const significant = decision.differences.filter((d) => d.significant);
  lines.push('', `## Significant differences (${significant.length} of ${decision.differences.length})`, '');
  if (significant.length > 0) {
    lines.push(
      table({
        header: ['slice', 'better', 'worse', 'difference (points)', '95% CI', 'p (Holm)'],
        rows: significant.map((d) => {
          const [better, worse] = d.diff > 0 ? [d.b, d.a] : [d.a, d.b];
          const sign = d.diff > 0 ? 1 : -1;
          const [lo, hi] = [d.interval[0] * sign, d.interval[1] * sign].sort((x, y) => x - y) as [number, number];
          return [d.slice, better, worse, formatPoints(Math.abs(d.diff)), `${formatPoints(lo)} to ${formatPoints(hi)}`, formatPValue(d.pAdjusted)];
        }),
      }),
    );
  } else {
    lines.push('No difference is significant at this size.');
  }
  const retrieval = decision.retrieval;
  if (retrieval) {
    lines.push(
      '',
      '## Retrieval attribution',
      '',
      `${retrievalLegend(retrieval.k)}.`,
      '',
      table(retrievalTable(decision, retrieval)),
      '',
      ...attributionLines(decision).map((l) => `- ${l}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
