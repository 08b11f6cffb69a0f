import { z } from 'zod';

const AnswerLineSchema = z.looseObject({ id: z.string(), text: z.string() });

/**
 * The answers of a run from its `<candidate>.outputs.jsonl` (see outputs.ts), by item id, for the
 * diff's most regressed items. With several epochs the first recorded answer stands for the item.
 * A line that is not an answer is left out: the diff only shows these texts, it never scores them.
 * `only` keeps just the answers the diff will show.
 */
export function answersFromOutputs(jsonl: string, only?: ReadonlySet<string>): Map<string, string> {
  const answers = new Map<string, string>();
  // A rerun with nothing to show reads none of the baseline's answers.
  if (only?.size === 0) return answers;
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const row = AnswerLineSchema.safeParse(parseJson(line));
    if (row.success && !answers.has(row.data.id) && (!only || only.has(row.data.id))) answers.set(row.data.id, row.data.text);
  }
  return answers;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
