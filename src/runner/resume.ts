import type { CandidateOutput } from '../contracts/candidate-output.js';
import type { GoldenItem } from '../goldensets/item.js';
import type { PlannedCall } from './execute.js';
import { resultKey, type Journal, type RecordAt } from './journal.js';
import { ResultTable } from './result-table.js';

export interface Resumed {
  /** Finished calls found in the journal (scores and where each full record sits). */
  results: ResultTable;
  /**
   * What is left to do: unanswered calls, and answered ones whose scoring must be redone. Made as
   * the run takes them, not held as a list of every call (at 100k items that list was 5 MB).
   */
  calls: Iterable<PlannedCall>;
}

/**
 * What an interrupted run left, and what is left to do. Finished items are kept. An item that
 * ended in an error is tried again, but when the candidate had answered (a judge failed, or a
 * batch answer was not scored yet), only the scoring is redone: the answer is not paid twice.
 */
export function resumeFromJournal(journal: Journal, items: readonly GoldenItem[], epochs: number): Resumed {
  const results = new ResultTable(items, epochs);
  const answered = new Map<string, RecordAt>();
  journal.read((result, at) => {
    const key = resultKey(result.itemId, result.epoch);
    answered.delete(key);
    results.delete(result.itemId, result.epoch);
    if (!result.error) results.set(result, at);
    else if (result.output) answered.set(key, at);
  });
  const rescored = new Map<string, CandidateOutput>();
  const keys = [...answered.keys()];
  let i = 0;
  for (const record of journal.readAll(answered.values())) {
    const key = keys[i++];
    if (key !== undefined && record.output) rescored.set(key, record.output);
  }

  // Each call's slot is its own (ids are unique), so asking `results` as the run goes gives the
  // calls the journal left, as asking it up front would.
  function* calls(): Generator<PlannedCall> {
    for (const item of items) {
      for (let epoch = 0; epoch < epochs; epoch++) {
        const output = rescored.size > 0 ? rescored.get(resultKey(item.id, epoch)) : undefined;
        if (!results.hasCall(item.id, epoch)) yield { item, epoch, ...(output ? { output } : {}) };
      }
    }
  }
  return { results, calls: calls() };
}
