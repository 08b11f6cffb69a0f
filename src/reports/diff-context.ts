import { z } from 'zod';

/** What the diff and the HTML detail read of a line; the rest of it (usage, model, a context's text) is not copied out. */
const AnswerLineSchema = z.object({
  id: z.string(),
  text: z.string(),
  citations: z.array(z.string()).optional(),
  contexts: z.array(z.object({ id: z.string() })).optional(),
});

/** One recorded answer as the diff and the HTML detail show it. */
export type RecordedAnswer = z.infer<typeof AnswerLineSchema>;

/**
 * The answers of a run from its `<candidate>.outputs.jsonl` (see outputs.ts): the one reader of
 * that file for the diff, the HTML report and `evals view`. The file stays bytes, outside the JS
 * heap, and is parsed line by line as it is read, so a 100k-item baseline is never 100k answer
 * objects at once (src/cli/publish.ts keeps it for the whole run). With several epochs the first
 * recorded answer stands for the item. A line that is not an answer is left out: these texts are
 * only shown, never scored.
 */
export class RecordedAnswers {
  private readonly bytes: Buffer;

  constructor(jsonl: string | Buffer) {
    this.bytes = typeof jsonl === 'string' ? Buffer.from(jsonl, 'utf8') : jsonl;
  }

  /** Every answer by item id. */
  all(): Map<string, RecordedAnswer> {
    return this.only(undefined);
  }

  /** The answers of these items only (the Markdown diff's few), read in one pass. */
  only(ids: ReadonlySet<string> | undefined): Map<string, RecordedAnswer> {
    const answers = new Map<string, RecordedAnswer>();
    // No item asked for (a run with nothing regressed): the file is not read at all.
    if (ids?.size === 0) return answers;
    for (const line of this.jsonLines()) {
      // Only the lines asked for are checked against the schema; the id is checked again there.
      const id = (line as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || (ids !== undefined && !ids.has(id)) || answers.has(id)) continue;
      const answer = AnswerLineSchema.safeParse(line);
      if (answer.success) answers.set(id, answer.data);
    }
    return answers;
  }

  /**
   * A lookup for ids asked in ascending order (report items are sorted by id, and so is the file
   * the run wrote): it walks the file once alongside, holding one answer at a time. A file not in
   * that order (hand-edited, or lines merged otherwise) is read whole into a map instead.
   */
  inIdOrder(): { get(id: string): RecordedAnswer | undefined } {
    const lines = this.lines();
    let current = lines.next();
    let lastAsked: string | undefined;
    let whole: Map<string, RecordedAnswer> | undefined;
    // Checked at the first id the walk does not find (a sorted file then surely lacks it), so a
    // file the run wrote, where every id is found, is read once.
    let sorted: boolean | undefined;
    return {
      get: (id) => {
        if (whole) return whole.get(id);
        if (lastAsked !== undefined && id < lastAsked) return (whole = this.all()).get(id);
        lastAsked = id;
        while (!current.done && current.value.id < id) current = lines.next();
        if (!current.done && current.value.id === id) {
          const found = current.value;
          while (!current.done && current.value.id === id) current = lines.next();
          return found;
        }
        sorted ??= this.sorted();
        return sorted ? undefined : (whole = this.all()).get(id);
      },
    };
  }

  private sorted(): boolean {
    let previous: string | undefined;
    for (const { id } of this.lines()) {
      if (previous !== undefined && id < previous) return false;
      previous = id;
    }
    return true;
  }

  /** The file's answers in file order, one line parsed at a time. */
  *lines(): Generator<RecordedAnswer> {
    for (const line of this.jsonLines()) {
      const row = AnswerLineSchema.safeParse(line);
      if (row.success) yield row.data;
    }
  }

  /** Each non-blank line's JSON (undefined for one that is not JSON), in file order. */
  private *jsonLines(): Generator<unknown> {
    const { bytes } = this;
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      const line = bytes.toString('utf8', start, end);
      start = end + 1;
      if (line.trim() !== '') yield parseJson(line);
    }
  }
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
