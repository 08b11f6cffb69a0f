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
  for (let i = 0; i < items.length; i++) {
    yield `${i > 0 ? ',\n    ' : ''}${JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield `${skeleton.slice(at + marker.length)}\n`;
}

export const jsonWriter = defineReporter({ name: 'json', summary: 'the diffable report, the baseline of the next run', perReport: { suffix: '.json', render: ({ report }) => renderReportJson(report) } });
