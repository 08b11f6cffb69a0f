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
    for (const answer of this.lines()) {
      if ((ids === undefined || ids.has(answer.id)) && !answers.has(answer.id)) answers.set(answer.id, answer);
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
    const { bytes } = this;
    for (let start = 0; start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline === -1 ? bytes.length : newline;
      const line = bytes.toString('utf8', start, end);
      start = end + 1;
      if (line.trim() === '') continue;
      const row = AnswerLineSchema.safeParse(parseJson(line));
      if (row.success) yield row.data;
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
