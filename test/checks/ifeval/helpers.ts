import { followedInstructions, type Mode } from '../../../src/scoring/checks/ifeval/evaluate.js';

/** Whether `response` follows one instruction, as the `ifeval` check judges it (a blank response never does). */
export function follows(id: string, kwargs: Record<string, unknown>, response: string, mode: Mode = 'strict'): boolean {
  const [verdict] = followedInstructions(response, [{ id, kwargs }], mode);
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

/** One row of a verdict table: what it shows, kwargs, response, the reference's verdict. */
export type Case = [what: string, kwargs: Record<string, unknown>, response: string, expected: boolean];
