/**
 * Provider batch APIs (`evals run --batch`): what the runner needs. Candidates: runCandidateBatch
 * (src/candidates/batch.ts) with a Candidate's `batch`. Judges: batchedVerdictTransport as the verdict source's `batch`.
 * Both resume from a BatchJournal slot without paying twice (runBatch).
 */
export { createAnthropicBatchClient } from './anthropic.js';
export { createOpenAIBatchClient } from './openai.js';
export { customIdFor } from './ids.js';
export { ANTHROPIC_LIMITS, OPENAI_LIMITS } from './limits.js';
export { BatchQueue, type BatchQueueOptions } from './queue.js';
export { runBatch, type RunBatchOptions } from './run.js';
export { batchedVerdictTransport, type BatchedVerdictOptions } from './verdicts.js';
export {
  BatchApiError,
  BatchHandleSchema,
  DEFAULT_POLL,
  type BatchClient,
  type BatchHandle,
  type BatchJournal,
  type BatchProgress,
  type BatchRequest,
  type BatchResult,
  type PollSchedule,
} from './types.js';
