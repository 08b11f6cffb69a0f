import { textTable } from '../reports/table.js';
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

const draw = (t: DecisionTable) => textTable(t.header, t.rows);

/** The decision view for the terminal: quality, then cost and speed, then retrieval attribution. */
export function renderDecisionTerminal(decision: Decision): string {
  const n = decision.slices[0]?.cells[0]?.n ?? 0;
  const parts = [
    `decision · ${decision.suite}: ${decision.candidates.map((c) => `${c.id} (${c.kind})`).join(', ')} on ${n} items`,
    '',
    qualityLegend(decision),
    draw(qualityTable(decision)),
    '',
    operationsLegend(),
    draw(operationsTable(decision)),
  ];
  const retrieval = decision.retrieval;
  if (retrieval) parts.push('', retrievalLegend(retrieval.k), draw(retrievalTable(decision, retrieval)), ...attributionLines(decision));
  return `${parts.join('\n')}\n`;
}
