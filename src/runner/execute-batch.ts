import { CandidateError } from '../candidates/adapter.js';
import type { CandidateOutput } from '../contracts/candidate-output.js';
import { errorMessage } from '../errors.js';
import { runCandidateBatch } from '../candidates/batch.js';
import type { BatchJournal, BatchProgress, PollSchedule } from '../models/batch/index.js';
import type { ExecuteOptions, PlannedCall, Scores } from './execute.js';
import { execute } from './execute.js';
import type { ItemError, ItemResult } from '../contracts/item-result.js';

export interface BatchExecuteOptions extends Omit<ExecuteOptions, 'calls'> {
  calls: readonly PlannedCall[];
  candidateId: string;
  /** The run's slot for the candidate's in-flight batch. */
  slot: BatchJournal;
  onProgress(progress: BatchProgress): void;
  schedule?: PollSchedule;
  /** Records an answer before it is scored, so a kill during judging never pays for it again. */
  onAnswered(result: ItemResult): void;
}

/**
 * `--batch`: the candidate's calls go through its provider's batch API (when its adapter has one;
 * others run live), and every answer is scored as soon as it arrives, all at once, so the judges'
 * calls gather into batches of their own. No per-call deadline applies: a batch may take hours.
 * An answer is journaled (as not yet scored) before its scoring starts; if the run stops, the
 * resumed run scores it from the journal and the batch is not paid twice.
 */
export async function executeBatch(options: BatchExecuteOptions): Promise<{ interrupted: boolean }> {
  const { candidate, interrupt, score, onResult } = options;
  const scoring: Array<Promise<void>> = [];
  const scoreLater = (call: PlannedCall, output: CandidateOutput) => {
    scoring.push(scoreAndRecord(call, output, score, onResult, interrupt));
  };

  const live: PlannedCall[] = [];
  const batched: PlannedCall[] = [];
  for (const call of options.calls) {
    if (call.output) scoreLater(call, call.output);
    else (candidate.batch ? batched : live).push(call);
  }
  if (live.length > 0) await execute({ ...options, calls: live });
  if (batched.length > 0 && candidate.batch) {
    try {
      for await (const outcome of runCandidateBatch({
        candidateId: options.candidateId,
        batch: candidate.batch,
        calls: batched,
        journal: options.slot,
        signal: interrupt,
        onProgress: options.onProgress,
        ...(options.schedule ? { schedule: options.schedule } : {}),
      })) {
        const { item, epoch } = outcome.call;
        if ('error' in outcome) {
          onResult(unscored(item.id, epoch, undefined, { kind: outcome.error.kind, message: outcome.error.message }));
          continue;
        }
        options.onAnswered(unscored(item.id, epoch, outcome.output, { kind: 'unscored', message: 'answered; scoring did not finish' }));
        scoreLater({ item, epoch }, outcome.output);
      }
    } catch (err) {
      if (!interrupt.aborted) throw err;
    }
  }
  await Promise.all(scoring);
  return { interrupted: interrupt.aborted };
}

async function scoreAndRecord(
  call: PlannedCall,
  output: CandidateOutput,
  score: ExecuteOptions['score'],
  onResult: ExecuteOptions['onResult'],
  interrupt: AbortSignal,
): Promise<void> {
  let scores: Scores = { checks: [], judgments: [] };
  let error: ItemError | undefined;
  try {
    scores = await score(call.item, output, interrupt, call.epoch);
    const failed = scores.judgments.filter((j) => j.error !== undefined);
    if (failed.length > 0) error = { kind: 'judge_error', message: failed.map((j) => `${j.metric}: ${j.error}`).join('; ') };
  } catch (err) {
    if (interrupt.aborted) return;
    error = { kind: err instanceof CandidateError ? err.kind : 'crash', message: errorMessage(err) };
  }
  onResult({ itemId: call.item.id, epoch: call.epoch, output, ...scores, ...(error ? { error } : {}) });
}

function unscored(itemId: string, epoch: number, output: CandidateOutput | undefined, error: ItemError): ItemResult {
  return { itemId, epoch, ...(output ? { output } : {}), checks: [], judgments: [], error };
}
