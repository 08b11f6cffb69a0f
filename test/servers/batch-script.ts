import type { Handler, RecordedRequest, Reply } from './loopback.js';

/**
 * What the loopback batch servers share: how a test scripts each batched request's fate. A batch
 * line is answered like a live request (the same Handler and reply builders: messageReply,
 * toolUseReply, completionReply, the error replies) unless the script says it expired or was
 * canceled.
 */

/** A request the batch never ran. */
export interface BatchFate {
  fate: 'expired' | 'canceled';
}

export const expired: BatchFate = { fate: 'expired' };
export const canceled: BatchFate = { fate: 'canceled' };

/** One request of a batch, seen as the live request it stands for (so lastUserText() etc. work on it). */
export interface BatchLine {
  customId: string;
  params: unknown;
  request: RecordedRequest;
}

/** Answers one batch line: a Reply (status 2xx: succeeded, otherwise errored) or a fate. `index` counts lines across batches. */
export type BatchAnswer = (line: BatchLine, index: number) => Reply | BatchFate | Promise<Reply | BatchFate>;

/** Answers every line as the live handler would answer the request. */
export function answerAs(handler: Handler): BatchAnswer {
  return (line, index) => handler(line.request, index);
}

export function isFate(answer: Reply | BatchFate): answer is BatchFate {
  return 'fate' in answer;
}

export function batchLine(customId: string, params: unknown, path: string): BatchLine {
  const rawBody = JSON.stringify(params);
  return { customId, params, request: { method: 'POST', path, headers: {}, rawBody, body: params, receivedAt: Date.now() } };
}

export interface BatchScript {
  /** Status checks answered "in progress" before a batch ends. */
  pollsUntilEnded: number;
  answer: BatchAnswer;
  /** Results are listed in reverse order of the requests, as the APIs promise no order. */
  reverseResults: boolean;
}

/** A batch as a loopback server keeps it; answers are computed once, when it ends. */
export interface StoredBatch {
  id: string;
  lines: BatchLine[];
  polls: number;
  canceled: boolean;
  answers?: Array<{ line: BatchLine; answer: Reply | BatchFate }>;
}

/** Computes every line's answer through the script, once; `nextIndex` numbers lines across a server's batches. */
export async function settle(batch: StoredBatch, script: BatchScript, nextIndex: () => number): Promise<NonNullable<StoredBatch['answers']>> {
  if (batch.answers) return batch.answers;
  const answers: NonNullable<StoredBatch['answers']> = [];
  for (const line of batch.lines) {
    const answer = batch.canceled ? canceled : await script.answer(line, nextIndex());
    answers.push({ line, answer });
  }
  batch.answers = script.reverseResults ? answers.reverse() : answers;
  return batch.answers;
}

/** Moves the batch one status check on; true once it has ended. */
export function tick(batch: StoredBatch, script: BatchScript): boolean {
  if (batch.canceled || batch.answers) return true;
  batch.polls += 1;
  return batch.polls > script.pollsUntilEnded;
}
