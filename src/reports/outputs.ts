import type { ItemResult } from '../contracts/item-result.js';
import { defineReporter } from './writer.js';

/**
 * `<candidate>.outputs.jsonl`: every answer of the run, one JSON line per item (and epoch), in
 * the replay adapter's format, so a run can be replayed and a diff can show both answers.
 * Results must come sorted by id and epoch (the runner reads them back from its journal in that
 * order). Runner-measured latency is left out so the file only changes when answers do.
 */
export function* outputLines(results: Iterable<ItemResult>, source: string): Generator<string> {
  for (const { itemId, epoch, output } of results) {
    if (!output) continue;
    const { latencyMs: _measured, cached: _cached, ...answer } = output;
    yield `${JSON.stringify({ id: itemId, ...(epoch > 0 ? { epoch } : {}), ...answer, source })}\n`;
  }
}

export const outputsWriter = defineReporter({ name: 'outputs', summary: 'every answer, replayable with the replay adapter', perReport: { suffix: '.outputs.jsonl', render: ({ outputs }) => outputs } });
