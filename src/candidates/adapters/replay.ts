import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatIssues } from '../../config/zod-issues.js';
import { UserError, errorMessage, locate } from '../../errors.js';
import { CandidateError, defineAdapter } from '../adapter.js';
import { CandidateOutputSchema, type CandidateOutput } from '../output.js';

/**
 * One recorded answer: a candidate output keyed by item id, saying where it came from. This is
 * also the format of the outputs file the runner writes, so any recorded run can be replayed.
 */
export const RecordedOutputSchema = z.strictObject({
  id: z.string().min(1),
  ...CandidateOutputSchema.shape,
  /** Provenance, e.g. "real: GPT-4 via IFEval repo" or "synthetic: written for the demo". */
  source: z.string().min(1).optional(),
});
export type RecordedOutput = z.infer<typeof RecordedOutputSchema>;

const MAX_REPORTED = 20;

/**
 * Parses a JSONL file of recorded outputs. Every row needs a source, its own or `defaultSource`:
 * an answer of unknown origin would make a report look like a measurement when it is not.
 * All problems are collected, each as `file:line: message`.
 */
export function parseRecordedOutputs(text: string, file: string, defaultSource?: string): Map<string, RecordedOutput> {
  const rows = new Map<string, RecordedOutput>();
  const firstLine = new Map<string, number>();
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (err) {
      problems.push(locate(file, line, `invalid JSON: ${errorMessage(err)}`));
      return;
    }
    const parsed = RecordedOutputSchema.safeParse(json);
    if (!parsed.success) {
      for (const message of formatIssues(parsed.error, json)) problems.push(locate(file, line, message));
      return;
    }
    const row = parsed.data;
    if (row.source === undefined && defaultSource === undefined) {
      problems.push(locate(file, line, `"source" is missing: say where the output came from, in the row or in the adapter's "source" option`));
    }
    const seen = firstLine.get(row.id);
    if (seen !== undefined) {
      problems.push(locate(file, line, `duplicate id "${row.id}" (first on line ${seen})`));
      return;
    }
    firstLine.set(row.id, line);
    rows.set(row.id, row);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED);
    if (problems.length > MAX_REPORTED) shown.push(`… and ${problems.length - MAX_REPORTED} more`);
    throw new UserError(shown.join('\n'));
  }
  return rows;
}

export const replayAdapter = defineAdapter({
  type: 'replay',
  summary: 'recorded outputs from a JSONL file, keyed by item id',
  options: z.strictObject({
    /** JSONL, relative to the config file's folder. */
    path: z.string().min(1),
    /** Provenance for rows that carry none, e.g. "real: GPT-4 via IFEval repo". */
    source: z.string().min(1).optional(),
  }),
  async create(options, context) {
    const file = path.resolve(context.configDir, options.path);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new UserError(`cannot read recorded outputs ${options.path}: ${errorMessage(err)}`);
    }
    const rows = parseRecordedOutputs(text, options.path, options.source);
    return {
      // A replayed answer's latency is the recorded one, if any: the replay's own speed means nothing.
      latency: 'recorded',
      async generate(item): Promise<CandidateOutput> {
        const row = rows.get(item.id);
        if (!row) throw new CandidateError(`no recorded output for item ${item.id} in ${options.path}`, 'missing');
        const { id: _id, source: _source, ...output } = row;
        return output;
      },
    };
  },
});
