import { closeSync, existsSync, openSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { AppendLog, eachLine } from '../util/append-log.js';

/**
 * The journal of judgments made outside a run (`evals compare`'s pairs, `evals calibrate`'s
 * labels): one JSONL record `{"key", "value"}` per finished task, group-committed like a run's
 * journal (src/runner/journal.ts), so an interrupted command resumes without paying again for
 * what was judged. A line that does not parse or fails the schema (a torn tail after kill -9) is
 * dropped and its task done again.
 */
export class TaskJournal<R> {
  private readonly log: AppendLog;
  private readonly record: z.ZodType<{ key: string; value: R }>;

  constructor(
    readonly file: string,
    schema: z.ZodType<R>,
  ) {
    this.log = new AppendLog(file);
    this.record = z.object({ key: z.string(), value: schema }) as unknown as z.ZodType<{ key: string; value: R }>;
  }

  /** What an earlier, interrupted command recorded, by key (a later record of a key wins). */
  read(): Map<string, R> {
    const found = new Map<string, R>();
    if (!existsSync(this.file)) return found;
    const fd = openSync(this.file, 'r');
    try {
      eachLine(fd, (bytes, start, end) => {
        const parsed = this.record.safeParse(parseJson(bytes.toString('utf8', start, end)));
        if (parsed.success) found.set(parsed.data.key, parsed.data.value);
      });
    } finally {
      closeSync(fd);
    }
    return found;
  }

  append(key: string, value: R): void {
    this.log.append(JSON.stringify({ key, value }));
  }

  close(): void {
    this.log.close();
  }

  /** Every task finished: the command's output is the record now, and a later command starts fresh. */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
