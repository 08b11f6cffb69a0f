import { z } from 'zod';
import type { CandidateOutput } from '../../candidates/output.js';
import type { ItemResult } from '../../contracts/item-result.js';
import type { HtmlAnswer, HtmlCheck, HtmlJudgment } from './model.js';

const OutputLineSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  citations: z.array(z.string()).optional(),
  contexts: z.array(z.looseObject({ id: z.string() })).optional(),
});

/** The detail view's answer: text, citations, and the ids of the contexts retrieval handed over. */
export function htmlAnswer(output: Pick<CandidateOutput, 'text' | 'citations'> & { contexts?: ReadonlyArray<{ id: string }> | undefined }): HtmlAnswer {
  return {
    text: output.text,
    ...(output.citations ? { citations: [...output.citations] } : {}),
    ...(output.contexts ? { retrieved: output.contexts.map((c) => c.id) } : {}),
  };
}

/**
 * Answers by item id from a run's `.outputs.jsonl` (src/reports/outputs.ts); the first epoch's
 * answer stands for the item, and a line that is not an answer is left out, as in diff-context.ts.
 */
export function answersFromOutputLines(jsonl: string): Map<string, HtmlAnswer> {
  const answers = new Map<string, HtmlAnswer>();
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const row = OutputLineSchema.safeParse(parseJson(line));
    if (row.success && !answers.has(row.data.id)) answers.set(row.data.id, htmlAnswer(row.data));
  }
  return answers;
}

/** What the detail view shows of one recorded result: the answer and every verdict with its reasons. */
export function resultDetail(result: ItemResult): { answer?: HtmlAnswer; checks: HtmlCheck[]; judgments: HtmlJudgment[] } {
  return {
    ...(result.output ? { answer: htmlAnswer(result.output) } : {}),
    checks: result.checks.map((c) => ({ name: c.name, pass: c.pass, score: c.score, ...(c.reason === undefined ? {} : { reason: c.reason }) })),
    judgments: result.judgments.map((j) => ({
      metric: j.metric,
      judges: j.judges,
      pass: j.pass,
      score: j.score,
      ...(j.reason === undefined ? {} : { reason: j.reason }),
      ...(j.notes ? { notes: j.notes } : {}),
      ...(j.details ? { details: j.details } : {}),
      ...(j.error === undefined ? {} : { error: j.error }),
    })),
  };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
