import { truncate } from './text.js';
import type { CheckOutcome } from './types.js';

/** Longest reason kept in a report row; longer ones are cut so reports stay readable. */
export const MAX_REASON = 120;

export function passed(score = 1, details?: Record<string, number>): CheckOutcome {
  return { pass: true, score, ...(details ? { details } : {}) };
}

export function failed(reason: string, score = 0, details?: Record<string, number>): CheckOutcome {
  return { pass: false, score, reason: truncate(reason, MAX_REASON), ...(details ? { details } : {}) };
}
