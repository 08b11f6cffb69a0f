import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { UserError, errorMessage, locate } from '../errors.js';
import { AbsoluteLabelSchema, PairwiseLabelSchema, claimId } from '../scoring/judges/calibrate-labels.js';
import { parseLine, throwProblems } from '../util/jsonl.js';

/**
 * A plain CSV of human labels -> labels JSONL (src/scoring/judges/calibrate-labels.ts), one kind
 * a file, told apart by the header:
 *
 *   pairwise  input, output_a, output_b, preferred     preferred: a or b (1 or 2 also read)
 *   absolute  input, output, score                     score on the rubric's scale; true/false
 *
 * Optional columns: `id` (default `<file name>-001`, ...) and, for absolute labels, `reference`.
 * Any other column is an error, so a misspelt "refrence" is not silently dropped.
 */

const PAIRWISE = { required: ['input', 'output_a', 'output_b', 'preferred'], optional: ['id'] };
const ABSOLUTE = { required: ['input', 'output', 'score'], optional: ['id', 'reference'] };

type CsvRecord = Partial<Record<string, string>>;

function kindOf(columns: readonly string[], file: string): 'pairwise' | 'absolute' {
  const kind = columns.includes('preferred') || columns.includes('output_a') ? 'pairwise' : 'absolute';
  const spec = kind === 'pairwise' ? PAIRWISE : ABSOLUTE;
  const known = [...spec.required, ...spec.optional];
  const problems = [
    ...spec.required.filter((c) => !columns.includes(c)).map((c) => `missing column "${c}"`),
    ...columns.filter((c) => !known.includes(c)).map((c) => `unknown column "${c}"`),
  ];
  if (problems.length > 0) {
    const expected = `${PAIRWISE.required.join(', ')} (pairwise) or ${ABSOLUTE.required.join(', ')} (absolute); optional: id${kind === 'absolute' ? ', reference' : ''}`;
    throw new UserError(locate(file, 1, `${problems.join('; ')}: the columns are ${expected}`));
  }
  return kind;
}

function preferred(value: string): 1 | 2 | undefined {
  const v = value.trim().toLowerCase();
  return v === 'a' || v === '1' ? 1 : v === 'b' || v === '2' ? 2 : undefined;
}

function score(value: string): number | boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'false') return v === 'true';
  const n = Number(v);
  return v !== '' && Number.isFinite(n) ? n : undefined;
}

/** Converts the CSV's text; every problem is `file:line: message`, all gathered into one UserError. */
export function labelsFromCsv(text: string, file: string): { kind: 'pairwise' | 'absolute'; labels: string; count: number } {
  let rows: Array<{ record: CsvRecord; info: { lines: number } }>;
  try {
    rows = parse(text, { columns: true, info: true, bom: true, skip_empty_lines: true, trim: false });
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new UserError(locate(file, e.lines, `bad CSV: ${errorMessage(err).replace(/ at line \d+.*$/s, '')}`));
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = parse(header, { bom: true })[0] as string[] | undefined;
  if (!columns || rows.length === 0) throw new UserError(`${file}: no labels (a header line, then one label a row)`);
  const kind = kindOf(columns, file);
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const width = Math.max(3, String(rows.length).length);
  const problems: string[] = [];
  const out: string[] = [];
  const firstLine = new Map<string, number>();
  /** Validated here, so a problem names the CSV's line rather than the JSONL's. */
  const keep = (row: unknown, line: number) => {
    const schema: z.ZodType<{ id: string }> = kind === 'pairwise' ? PairwiseLabelSchema : AbsoluteLabelSchema;
    const label = parseLine(schema, row, file, line, problems);
    if (label === undefined || !claimId(firstLine, label.id, file, line, problems)) return;
    out.push(JSON.stringify(label));
  };
  let previousEnd = 1; // the header line
  rows.forEach(({ record, info }, index) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const id = record.id?.trim() || `${stem}-${String(index + 1).padStart(width, '0')}`;
    if (kind === 'pairwise') {
      const label = preferred(record.preferred ?? '');
      if (label === undefined) problems.push(locate(file, line, `"preferred" is "${record.preferred}": write a or b, the output people preferred`));
      else keep({ id, input: record.input, output_1: record.output_a, output_2: record.output_b, label }, line);
    } else {
      const label = score(record.score ?? '');
      const reference = record.reference ? { reference: record.reference } : {};
      if (label === undefined) problems.push(locate(file, line, `"score" is "${record.score}": write a number on the rubric's scale, or true/false`));
      else keep({ id, input: record.input, answer: record.output, ...reference, label }, line);
    }
  });
  throwProblems(problems);
  return { kind, labels: `${out.join('\n')}\n`, count: out.length };
}
