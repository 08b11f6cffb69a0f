import { textTable } from '../reports/table.js';
import type { Decision } from './schema.js';
import {
  attributionLines,
  candidateHeader,
  costText,
  latencyText,
  operationsLegend,
  percent,
  qualityCell,
  qualityLegend,
  rateOrDash,
  retrievalLegend,
  sliceLabel,
} from './format.js';

/** The decision view for the terminal: quality, then cost and speed, then retrieval attribution. */
export function renderDecisionTerminal(decision: Decision): string {
  const heads = decision.candidates.map((c) => candidateHeader(decision, c.id));
  const n = decision.slices[0]?.cells[0]?.n ?? 0;
  const parts = [
    `decision · ${decision.suite}: ${decision.candidates.map((c) => `${c.id} (${c.kind})`).join(', ')} on ${n} items`,
    '',
    qualityLegend(decision),
    textTable(
      ['slice', ...heads],
      decision.slices.map((s) => [sliceLabel(decision, s.slice), ...s.cells.map((c) => qualityCell(decision, c))]),
    ),
    '',
    operationsLegend(),
    textTable(
      ['slice', ...heads],
      decision.slices.map((s) => [sliceLabel(decision, s.slice), ...s.cells.map((c) => `${costText(c)} · ${latencyText(c)} · ${percent(c.errorRate)}`)]),
    ),
  ];
  const retrieval = decision.retrieval;
  if (retrieval) {
    const recall = `recall@${retrieval.k}`;
    parts.push(
      '',
      retrievalLegend(retrieval.k),
      textTable(
        ['slice', 'candidate', 'items', recall, 'hits', 'pass on hit', 'pass on miss'],
        retrieval.rows.map((r) => [
          sliceLabel(decision, r.slice),
          candidateHeader(decision, r.candidate),
          String(r.items),
          r.recall.toFixed(2),
          `${r.hits}/${r.items}`,
          rateOrDash(r.passOnHit),
          rateOrDash(r.passOnMiss),
        ]),
      ),
      ...attributionLines(decision),
    );
  }
  return `${parts.join('\n')}\n`;
}
