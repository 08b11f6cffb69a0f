import { z } from 'zod';
import type { Rubric } from '../../config/rubric.js';
import { UserError, locate } from '../../errors.js';
import { ItemInputSchema } from '../../goldensets/item.js';
import { isOnScale } from './rubrics.js';
import { jsonLines, parseLine } from '../../util/jsonl.js';

/**
 * Human labels to calibrate a judge against: JSONL, one label a line, of one of two kinds (told
 * apart by their fields; a file holds one kind):
 *
 *   absolute  {"id", "input", "answer", "reference"?, "label"}   label on the rubric's scale:
 *             0/1 or true/false for binary, an integer 1-5 for 1-5
 *   pairwise  {"id", "input", "output_1", "output_2", "label": 1 | 2}   the better output
 *
 * Fields are strict, so a misspelt "refrence" is an error rather than a silently missing reference.
 */
export const AbsoluteLabelSchema = z.strictObject({
  id: z.string().min(1),
  input: ItemInputSchema,
  answer: z.string(),
  reference: z.string().optional(),
  label: z.union([z.number(), z.boolean()]),
});

export const PairwiseLabelSchema = z.strictObject({
  id: z.string().min(1),
  input: ItemInputSchema,
  output_1: z.string(),
  output_2: z.string(),
  label: z.literal([1, 2]),
});

/** As written: the label is checked against the rubric's scale once the rubric is known. */
export type RawAbsoluteLabel = z.infer<typeof AbsoluteLabelSchema> & { line: number };
/** On the rubric's scale, true/false read as 1/0. */
export type AbsoluteLabel = Omit<RawAbsoluteLabel, 'label'> & { label: number };
export type PairwiseLabel = z.infer<typeof PairwiseLabelSchema> & { line: number };

export type LabelSet = { kind: 'absolute'; file: string; labels: RawAbsoluteLabel[] } | { kind: 'pairwise'; file: string; labels: PairwiseLabel[] };

const MAX_REPORTED = 20;

/** Records where each label id first appears; a repeated id is a problem naming both lines. */
export function claimId(firstLine: Map<string, number>, id: string, file: string, line: number, problems: string[]): boolean {
  const seen = firstLine.get(id);
  if (seen !== undefined) {
    problems.push(locate(file, line, `duplicate id "${id}" (first on line ${seen})`));
    return false;
  }
  firstLine.set(id, line);
  return true;
}

function fail(problems: string[]): never {
  const shown = problems.slice(0, MAX_REPORTED);
  if (problems.length > MAX_REPORTED) shown.push(`… and ${problems.length - MAX_REPORTED} more`);
  throw new UserError(shown.join('\n'));
}

const isPairwise = (json: unknown): boolean => json !== null && typeof json === 'object' && ('output_1' in json || 'output_2' in json);

/** Parses a labels file; every problem is `file:line: message`, all gathered into one UserError. */
export function parseLabels(text: string, file: string): LabelSet {
  const absolute: RawAbsoluteLabel[] = [];
  const pairwise: PairwiseLabel[] = [];
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  let kind: { kind: LabelSet['kind']; line: number } | undefined;
  for (const { json, line } of jsonLines(text, file, problems)) {
    const rowKind = isPairwise(json) ? 'pairwise' : 'absolute';
    kind ??= { kind: rowKind, line };
    if (rowKind !== kind.kind) {
      const article = rowKind === 'absolute' ? 'an' : 'a';
      problems.push(locate(file, line, `${article} ${rowKind} label in a file of ${kind.kind} labels (line ${kind.line}): keep one kind a file`));
      continue;
    }
    const schema: z.ZodType<z.infer<typeof AbsoluteLabelSchema> | z.infer<typeof PairwiseLabelSchema>> =
      rowKind === 'pairwise' ? PairwiseLabelSchema : AbsoluteLabelSchema;
    const row = parseLine(schema, json, file, line, problems);
    if (row === undefined) continue;
    if (!claimId(firstLine, row.id, file, line, problems)) continue;
    if ('output_1' in row) pairwise.push({ ...row, line });
    else absolute.push({ ...row, line });
  }
  if (problems.length > 0) fail(problems);
  if (!kind) throw new UserError(`${file}: no labels`);
  return kind.kind === 'pairwise' ? { kind: 'pairwise', file, labels: pairwise } : { kind: 'absolute', file, labels: absolute };
}

/**
 * Absolute labels must be scores the rubric can give: exact agreement on a scale needs the same
 * categories on both sides. A 0-1 rubric has no categories, so it cannot be calibrated this way.
 */
export function labelsOnScale(set: Extract<LabelSet, { kind: 'absolute' }>, rubric: Rubric): AbsoluteLabel[] {
  if (rubric.scale === '0-1') {
    throw new UserError(`rubric "${rubric.id}" scores on a 0-1 scale: calibrate a binary or 1-5 rubric (exact agreement needs categories)`);
  }
  const problems: string[] = [];
  const labels = set.labels.map((raw) => {
    const label = typeof raw.label === 'boolean' && rubric.scale === 'binary' ? Number(raw.label) : raw.label;
    if (typeof label === 'boolean' || !isOnScale(rubric.scale, label)) {
      problems.push(locate(set.file, raw.line, `"label" ${String(raw.label)} is not a score on rubric "${rubric.id}"'s ${rubric.scale} scale`));
    }
    return { ...raw, label: Number(label) };
  });
  if (problems.length > 0) fail(problems);
  return labels;
}
