import type { z } from 'zod';
import { formatIssues } from './zod-issues.js';
import { UserError, errorMessage, locate } from '../errors.js';

/**
 * Each non-blank line of a small JSONL file parsed as JSON, with its 1-based line number; a line
 * that is not JSON adds `file:line: invalid JSON: ...` to `problems` and is skipped, so a caller
 * can report every bad line of a file at once.
 */
export function* jsonLines(text: string, file: string, problems: string[]): Generator<{ json: unknown; line: number }> {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    if (raw.trim() === '') continue;
    try {
      yield { json: JSON.parse(raw) as unknown, line: index + 1 };
    } catch (err) {
      problems.push(locate(file, index + 1, `invalid JSON: ${errorMessage(err)}`));
    }
  }
}

/** A line's JSON validated by `schema`, or undefined with its issues added to `problems` as `file:line: ...`. */
export function parseLine<T>(schema: z.ZodType<T>, json: unknown, file: string, line: number, problems: string[]): T | undefined {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const message of formatIssues(parsed.error, json)) problems.push(locate(file, line, message));
  return undefined;
}

const MAX_REPORTED = 20;

/** Every problem found in a file, in one UserError (exit 2); the first 20 shown. */
export function throwProblems(problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_REPORTED);
  if (problems.length > MAX_REPORTED) shown.push(`… and ${problems.length - MAX_REPORTED} more`);
  throw new UserError(shown.join('\n'));
}
