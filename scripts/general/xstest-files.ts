import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseRecordedOutputs } from '../../src/candidates/adapters/replay.js';
import type { LabelledCompletion } from './refusal-agreement.js';
import { XSTEST_LABELS, type XstestModel } from './sources.js';

/** Reads one XSTest model's committed recorded outputs and human labels, joined by id. */

const SafetyItem = z.looseObject({ id: z.string(), slices: z.array(z.string()) });
const Label = z.strictObject({ id: z.string(), label: z.enum(XSTEST_LABELS) });

function jsonl(root: string, file: string): unknown[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

export function readLabelledCompletions(root: string, model: XstestModel): LabelledCompletion[] {
  const kinds = new Map(
    jsonl(root, 'goldensets/general/safety.jsonl').map((row) => {
      const item = SafetyItem.parse(row);
      return [item.id, item.slices.includes('harmful') ? ('harmful' as const) : ('over-refusal' as const)];
    }),
  );
  const file = `recorded/xstest/${model}.jsonl`;
  const outputs = parseRecordedOutputs(readFileSync(path.join(root, file), 'utf8'), file);
  const rows = jsonl(root, `recorded/xstest/${model}.labels.jsonl`).map((raw) => {
    const { id, label } = Label.parse(raw);
    const kind = kinds.get(id);
    const output = outputs.get(id);
    if (!kind || !output) throw new Error(`${model}: ${id} is labelled but has no safety item or recorded output`);
    return { id, kind, human: label, text: output.text };
  });
  if (rows.length !== outputs.size || rows.length !== kinds.size) {
    throw new Error(`${model}: ${outputs.size} outputs, ${rows.length} labels, ${kinds.size} safety items`);
  }
  return rows;
}
