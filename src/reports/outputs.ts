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
    // `{ id, epoch?, ...answer, source }` built in one object, not two spreads a line: each key
    // lands where the spreads put it, an answer's own `id` or `source` included.
    const line: Record<string, unknown> = { id: itemId };
    if (epoch > 0) line['epoch'] = epoch;
    for (const key of Object.keys(output)) if (key !== 'latencyMs' && key !== 'cached') line[key] = output[key as keyof typeof output];
    line['source'] = source;
    yield `${JSON.stringify(line)}\n`;
  }
}

export const outputsWriter = defineReporter({ name: 'outputs', summary: 'every answer, replayable with the replay adapter', perReport: { suffix: '.outputs.jsonl', render: ({ outputs }) => outputs } });
