import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { UserError, errorMessage, locate } from '../../errors.js';
import { CandidateError, defineAdapter } from '../adapter.js';
import { CandidateOutputSchema, type CandidateOutput } from '../../contracts/candidate-output.js';
import { jsonLines, parseLine, throwProblems } from '../../util/jsonl.js';

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

/**
 * Parses a JSONL file of recorded outputs. Every row needs a source, its own or `defaultSource`:
 * an answer of unknown origin would make a report look like a measurement when it is not.
 * All problems are collected, each as `file:line: message`.
 */
export function parseRecordedOutputs(text: string, file: string, defaultSource?: string): Map<string, RecordedOutput> {
  const rows = new Map<string, RecordedOutput>();
  const firstLine = new Map<string, number>();
  const problems: string[] = [];
  for (const { json, line } of jsonLines(text, file, problems)) {
    const row = parseLine(RecordedOutputSchema, json, file, line, problems);
    if (row === undefined) continue;
    if (row.source === undefined && defaultSource === undefined) {
      problems.push(locate(file, line, `"source" is missing: say where the output came from, in the row or in the adapter's "source" option`));
    }
    const seen = firstLine.get(row.id);
    if (seen !== undefined) {
      problems.push(locate(file, line, `duplicate id "${row.id}" (first on line ${seen})`));
      continue;
    }
    firstLine.set(row.id, line);
    rows.set(row.id, row);
  }
  throwProblems(problems);
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
