import type { Report } from '../report-schema.js';
import { defineReporter } from './writer.js';

/**
 * The report as committed: schema key order (the builder constructs it in that order), two-space
 * indent, trailing newline — streamed item by item, byte for byte what
 * `JSON.stringify(report, null, 2)` gives, so a 100k-item report never sits in memory as one string.
 */
export function* renderReportJson(report: Report): Generator<string> {
  const { items, ...head } = report;
  if (items.length === 0) {
    yield `${JSON.stringify(report, null, 2)}\n`;
    return;
  }
  const marker = '"@@items@@"';
  const skeleton = JSON.stringify({ ...head, items: ['@@items@@'] }, null, 2);
  const at = skeleton.indexOf(marker);
  yield skeleton.slice(0, at);
  // A run of items stringified as `{ items: [...] }` sits at the report's own depth, so the
  // serializer indents it as in the whole report: no per-item call and no re-indenting pass.
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    const piece = JSON.stringify({ items: items.slice(i, i + ITEMS_PER_PIECE) }, null, 2);
    yield `${i > 0 ? ',\n    ' : ''}${piece.slice(PIECE_OPEN.length, piece.length - PIECE_CLOSE.length)}`;
  }
  yield `${skeleton.slice(at + marker.length)}\n`;
}

const ITEMS_PER_PIECE = 256;
const PIECE_OPEN = '{\n  "items": [\n    ';
const PIECE_CLOSE = '\n  ]\n}';

export const jsonWriter = defineReporter({ name: 'json', summary: 'the diffable report, the baseline of the next run', perReport: { suffix: '.json', render: ({ report }) => renderReportJson(report) } });
