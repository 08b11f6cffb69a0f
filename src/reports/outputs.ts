import type { CandidateOutput } from '../candidates/output.js';
import type { ItemResult } from '../runner/result.js';
import { byCodePoint } from '../util/compare.js';

/**
 * `<candidate>.outputs.jsonl`: every answer of the run, one JSON line per item (and epoch),
 * sorted by id, in the replay adapter's format, so a run can be replayed and a diff can show
 * both answers. Runner-measured latency is left out so the file only changes when answers do.
 */
export function renderOutputs(results: Iterable<ItemResult>, source: string): string {
  const rows = [...results]
    .filter((r): r is ItemResult & { output: CandidateOutput } => r.output !== undefined)
    .sort((a, b) => byCodePoint(a.itemId, b.itemId) || a.epoch - b.epoch)
    .map(({ itemId, epoch, output }) => {
      const { latencyMs: _measured, ...answer } = output;
      return JSON.stringify({ id: itemId, ...(epoch > 0 ? { epoch } : {}), ...answer, source });
    });
  return rows.length > 0 ? `${rows.join('\n')}\n` : '';
}
