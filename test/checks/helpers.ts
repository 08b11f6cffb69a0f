import type { CandidateOutput } from '../../src/contracts/candidate-output.js';
import type { GoldenItem } from '../../src/goldensets/item.js';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import { CheckSpecSchema } from '../../src/scoring/checks/spec.js';
import type { CheckInput, CheckOutcome } from '../../src/scoring/checks/types.js';

/** A golden item with only what a check looks at set. */
export function item(fields: Partial<GoldenItem> = {}): GoldenItem {
  return {
    id: 'item-1',
    input: 'question?',
    slices: [],
    sources: [],
    checks: [],
    metadata: {},
    origin: { file: 'goldensets/test.jsonl', line: 1 },
    ...fields,
  };
}

export function input(text: string, itemFields: Partial<GoldenItem> = {}, output: Partial<CandidateOutput> = {}): CheckInput {
  return { output: { text, ...output }, item: item(itemFields) };
}

/** Parses a spec as a golden set would carry it, then runs its check: the path the runner takes. */
export function check(spec: Record<string, unknown>, checkInput: CheckInput): CheckOutcome | null {
  const parsed = CheckSpecSchema.parse(spec);
  const definition = checkRegistry.get(parsed.type);
  if (!definition) throw new Error(`no check ${parsed.type}`);
  return definition.run(checkInput, parsed.params);
}

/** The messages of a spec that fails to parse, `path: message` each; [] when it parses. */
export function specErrors(spec: Record<string, unknown>): string[] {
  const result = CheckSpecSchema.safeParse(spec);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
