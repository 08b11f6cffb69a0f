import { z } from 'zod';

const AnswerLineSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  citations: z.array(z.string()).optional(),
  contexts: z.array(z.looseObject({ id: z.string() })).optional(),
});

/** One recorded answer as the diff and the HTML detail show it. */
export type RecordedAnswer = z.infer<typeof AnswerLineSchema>;

/**
 * The answers of a run from its `<candidate>.outputs.jsonl` (see outputs.ts), by item id: the one
 * reader of that file for the diff, the HTML report and `evals view`. With several epochs the first
 * recorded answer stands for the item. A line that is not an answer is left out: these texts are
 * only shown, never scored.
 */
export function recordedAnswers(jsonl: string): Map<string, RecordedAnswer> {
  const answers = new Map<string, RecordedAnswer>();
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const row = AnswerLineSchema.safeParse(parseJson(line));
    if (row.success && !answers.has(row.data.id)) answers.set(row.data.id, row.data);
  }
  return answers;
}

/** The answers' texts, for the Markdown diff's most regressed items. */
export function answerTexts(answers: ReadonlyMap<string, RecordedAnswer>): Map<string, string> {
  return new Map([...answers].map(([id, answer]) => [id, answer.text]));
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
