import type { GoldenItem } from '../../goldensets/item.js';
import { CandidateOutputSchema, type CandidateOutput } from '../../contracts/candidate-output.js';

/** What the adapters for outside programs (command, http) share: the payload they get and how their replies are judged. */

/**
 * The item as an outside candidate receives it: every field but `origin`, which is the harness's
 * bookkeeping (file and line) and would make the payload depend on file layout.
 */
export function itemPayload(item: GoldenItem): Omit<GoldenItem, 'origin'> {
  const { origin: _origin, ...rest } = item;
  return rest;
}

const EXCERPT = 200;

/** A reply quoted in an error message: whitespace collapsed, cut short. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}…` : flat;
}

/** The reply as an answer, or what is wrong with it (first zod issue, with its field path). */
export function readAnswer(json: unknown): { answer: CandidateOutput } | { problem: string } {
  const parsed = CandidateOutputSchema.safeParse(json);
  if (parsed.success) return { answer: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  return { problem: `${where}${issue?.message ?? 'invalid'}` };
}
