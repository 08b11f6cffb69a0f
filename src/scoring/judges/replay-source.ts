import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatIssues } from '../../util/zod-issues.js';
import { UserError, errorMessage, locate } from '../../errors.js';
import { JudgeError, type VerdictRequest, type VerdictResponse, type VerdictSource } from '../../contracts/verdict-source.js';
import { jsonLines, parseLine, throwProblems } from '../../util/jsonl.js';

/**
 * Recorded verdicts, replayed in place of a judge model: JSONL, one verdict a line,
 *
 *   {"key": "natural-001/pairwise/original", "verdict": {"winner": "A"}, "source": "real: GPT-4"}
 *
 * - `key` is the VerdictRequest key the judge kind asks for: `<item id>/<kind>/<order>`, e.g.
 *   `<id>/pairwise/original` (first answer shown first) and `<id>/pairwise/swapped`.
 * - `verdict` is the object the judge model would have returned, in the judge kind's verdict
 *   schema (pairwise: {"winner": "A" | "B" | "tie"}, naming the *position*); it is validated
 *   against the request's schema when asked for, so a malformed recording is a judge error.
 * - `source` (optional) says where this row came from; the judge's config `source` covers the file.
 *
 * Bad lines and duplicate keys are `file:line` errors at load (exit 2): a replayed calibration is
 * only worth something when every recorded verdict is accounted for.
 */
export const RecordedVerdictSchema = z.strictObject({
  key: z.string().min(1),
  verdict: z.record(z.string(), z.unknown()),
  source: z.string().min(1).optional(),
});

export interface RecordedVerdict {
  verdict: Record<string, unknown>;
  source?: string;
  line: number;
}

/** A replay source also says which keys it holds, so a caller can judge only the recorded orders. */
export interface ReplayVerdictSource extends VerdictSource {
  has(key: string): boolean;
  /** The recorded verdicts' file, as shown to the user. */
  file: string;
  /** The item ids the recorded verdicts are for: each key without its `/<kind>/<order or rubric>` tail. */
  itemIds(): Set<string>;
}

/** `natural-001/pairwise/original` -> `natural-001`: judge kinds key verdicts `<item id>/<kind>/<part>`. */
export function itemIdOfKey(key: string): string {
  return key.split('/').slice(0, -2).join('/') || key;
}

/** Parses recorded verdicts; every problem is gathered as `file:line: message`. */
export function parseRecordedVerdicts(text: string, file: string): Map<string, RecordedVerdict> {
  const rows = new Map<string, RecordedVerdict>();
  const problems: string[] = [];
  for (const { json, line } of jsonLines(text, file, problems)) {
    const parsed = parseLine(RecordedVerdictSchema, json, file, line, problems);
    if (parsed === undefined) continue;
    const { key, verdict, source } = parsed;
    const first = rows.get(key);
    if (first) {
      problems.push(locate(file, line, `duplicate key "${key}" (first on line ${first.line})`));
      continue;
    }
    rows.set(key, source === undefined ? { verdict, line } : { verdict, source, line });
  }
  throwProblems(problems);
  return rows;
}

export interface ReplayOptions {
  /** JSONL of recorded verdicts, relative to the config file's folder. */
  path: string;
  /** Provenance of the file, e.g. "real: GPT-4 (LLMBar Natural, Vanilla prompt)". */
  source: string;
}

/** Reads the recorded verdicts once; `verdict()` then answers from memory, with no usage or cost. */
export async function createReplayVerdictSource(
  id: string,
  options: ReplayOptions,
  context: { configDir: string; display: (p: string) => string },
): Promise<ReplayVerdictSource> {
  const file = path.resolve(context.configDir, options.path);
  const shown = context.display(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`judge ${id}: cannot read recorded verdicts ${shown}: ${errorMessage(err)}`);
  }
  const rows = parseRecordedVerdicts(text, shown);
  return {
    id,
    description: `replay: ${options.source}`,
    has: (key) => rows.has(key),
    file: shown,
    itemIds: () => new Set([...rows.keys()].map(itemIdOfKey)),
    async verdict<T>(request: VerdictRequest<T>): Promise<VerdictResponse<T>> {
      const row = rows.get(request.key);
      if (!row) throw new JudgeError(`no recorded verdict for ${request.key}`);
      const parsed = request.schema.safeParse(row.verdict);
      if (!parsed.success) {
        const issues = formatIssues(parsed.error, row.verdict).join('; ');
        throw new JudgeError(`recorded verdict for ${request.key} (${shown}:${row.line}) is not a valid ${request.schemaName}: ${issues}`);
      }
      return { value: parsed.data, cached: false };
    },
  };
}
