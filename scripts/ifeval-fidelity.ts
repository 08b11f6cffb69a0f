// IFEval fidelity: the `ifeval` check on the paper's GPT-4 responses, against the paper's figures
// and Podtech's third-party run of the reference code (see shared/data/SOURCES.md, "ifeval").
// Usage: npx jiti scripts/ifeval-fidelity.ts [shared data folder, default ../shared/data/ifeval]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { GoldenItem } from '../src/goldensets/item.js';
import { followedInstructions, readInstructions, type Mode } from '../src/scoring/checks/ifeval/evaluate.js';
import { runChecks } from '../src/scoring/checks/run.js';
import { CheckSpecSchema } from '../src/scoring/checks/spec.js';

const InputRow = z.object({
  key: z.number().int(),
  prompt: z.string(),
  instruction_id_list: z.array(z.string()),
  kwargs: z.array(z.record(z.string(), z.unknown())),
});
const ResponseRow = z.object({ prompt: z.string(), response: z.string() });
const PodtechRow = z.object({ prompt: z.string(), instruction_id_list: z.array(z.string()), follow_instruction_list: z.array(z.boolean()) });
type InputRow = z.infer<typeof InputRow>;

export const MODES: readonly Mode[] = ['strict', 'loose'];
/** Zhou et al. 2023, GPT-4, in percent. */
export const PAPER: Record<Mode, Figures> = { strict: { prompt: 76.89, instruction: 83.57 }, loose: { prompt: 79.3, instruction: 85.37 } };
export const RESPONSES_FILE = 'input_response_data_gpt4_20231107_145030.jsonl';

export interface Figures {
  prompt: number;
  instruction: number;
}
export interface Pair {
  row: InputRow;
  response: string;
  /** The response row's own prompt, when it is not the input's (key 2785). */
  stalePrompt?: string;
}
export interface Disagreement {
  mode: Mode;
  key: number;
  id: string;
  podtech: boolean;
  ours: boolean;
}

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
      return parsed.data;
    });
}

/**
 * Responses matched to prompts by prompt text, as IFEval's evaluation does. Rows left over on both
 * sides (key 2785: its prompt was edited after the responses were recorded) are paired in file order.
 */
export function pairResponses(inputs: readonly InputRow[], responses: readonly z.infer<typeof ResponseRow>[]): Pair[] {
  const byPrompt = new Map(responses.map((r) => [r.prompt, r.response]));
  const unmatched = responses.filter((r) => !inputs.some((row) => row.prompt === r.prompt));
  const stale = inputs.filter((row) => !byPrompt.has(row.prompt));
  if (stale.length !== unmatched.length) throw new Error(`${stale.length} prompts without a response, ${unmatched.length} responses without a prompt`);
  return inputs.map((row) => {
    const response = byPrompt.get(row.prompt);
    if (response !== undefined) return { row, response };
    const leftover = unmatched[stale.indexOf(row)] as z.infer<typeof ResponseRow>;
    return { row, response: leftover.response, stalePrompt: leftover.prompt };
  });
}

const item = (row: InputRow): GoldenItem => ({
  id: String(row.key),
  input: row.prompt,
  slices: [],
  sources: [],
  checks: [],
  metadata: { instruction_id_list: row.instruction_id_list, kwargs: row.kwargs },
  origin: { file: 'input_data.jsonl', line: 1 },
});

/** The four figures, through the registry as a suite runs the check: prompt pass rate and micro-averaged instruction share. */
export function figures(pairs: readonly Pair[], mode: Mode): Figures {
  const spec = CheckSpecSchema.parse({ type: 'ifeval', mode });
  let passed = 0;
  let followed = 0;
  let instructions = 0;
  for (const { row, response } of pairs) {
    const [run] = runChecks([spec], { output: { text: response }, item: item(row) });
    if (!run) throw new Error(`key ${row.key}: the ifeval check did not apply`);
    if (run.outcome.reason?.startsWith('check error')) throw new Error(`key ${row.key}: ${run.outcome.reason}`);
    const weight = run.outcome.weights?.instructions ?? 0;
    passed += Number(run.outcome.pass);
    followed += (run.outcome.details?.instructions ?? 0) * weight;
    instructions += weight;
  }
  return { prompt: (100 * passed) / pairs.length, instruction: (100 * followed) / instructions };
}

/** Instructions where our verdict is not Podtech's (their files cover the 540 prompts matched by text). */
export function podtechDisagreements(dir: string, pairs: readonly Pair[], mode: Mode): Disagreement[] {
  const byPrompt = new Map(pairs.map((pair) => [pair.row.prompt, pair]));
  const rows = readJsonl(path.join(dir, 'third_party_podtech_eval_results', `eval_results_${mode}.jsonl`), PodtechRow);
  return rows.flatMap((theirs) => {
    const pair = byPrompt.get(theirs.prompt);
    if (!pair) throw new Error(`Podtech row for an unknown prompt: ${theirs.prompt.slice(0, 60)}`);
    const ours = followedInstructions(pair.response, readInstructions(item(pair.row).metadata) ?? [], mode);
    return theirs.follow_instruction_list.flatMap((podtech, i) =>
      podtech === ours[i] ? [] : [{ mode, key: pair.row.key, id: theirs.instruction_id_list[i] ?? '?', podtech, ours: ours[i] ?? false }],
    );
  });
}

export interface Fidelity {
  pairs: Pair[];
  /** Key 2785's response judged against the current prompt's instructions (541 prompts). */
  included: Record<Mode, Figures>;
  /** Key 2785 left out, as IFEval's own matching by text (and Podtech) does (540 prompts). */
  excluded: Record<Mode, Figures>;
  podtech: Record<Mode, Figures>;
  disagreements: Disagreement[];
}

export function computeFidelity(dir: string): Fidelity {
  const inputs = readJsonl(path.join(dir, 'input_data.jsonl'), InputRow);
  const pairs = pairResponses(inputs, readJsonl(path.join(dir, RESPONSES_FILE), ResponseRow));
  const matched = pairs.filter((pair) => pair.stalePrompt === undefined);
  const by = (f: (mode: Mode) => Figures) => ({ strict: f('strict'), loose: f('loose') });
  return {
    pairs,
    included: by((mode) => figures(pairs, mode)),
    excluded: by((mode) => figures(matched, mode)),
    podtech: by((mode) => podtechFigures(dir, mode)),
    disagreements: MODES.flatMap((mode) => podtechDisagreements(dir, pairs, mode)),
  };
}

function podtechFigures(dir: string, mode: Mode): Figures {
  const rows = readJsonl(path.join(dir, 'third_party_podtech_eval_results', `eval_results_${mode}.jsonl`), PodtechRow);
  const verdicts = rows.flatMap((row) => row.follow_instruction_list);
  return {
    prompt: (100 * rows.filter((row) => row.follow_instruction_list.every(Boolean)).length) / rows.length,
    instruction: (100 * verdicts.filter(Boolean).length) / verdicts.length,
  };
}

const LANGUAGE = 'language detection: langdetect n-grams in the reference, function words in language-detect.ts';
/** Why our verdict can differ from Podtech's run of the reference, by instruction. */
const WHY: Record<string, string> = {
  'keywords:letter_frequency': "Podtech's copy draws a random letter for one outside a-z ('#', '!'); upstream counts it",
  'change_case:english_capital': LANGUAGE,
  'change_case:english_lowercase': LANGUAGE,
  'language:response_language': `${LANGUAGE} (Podtech's langdetect was also unseeded)`,
  'length_constraints:number_sentences': "Punkt without the English model's orthographic context (punkt-english.ts)",
};

const COLUMNS = ['paper', 'ours, 541 (2785 judged)', 'ours, 540 (2785 left out)', 'Podtech, 540'];
const row = (label: string, cells: readonly string[]) => `${label.padEnd(26)}${cells.map((c, i) => c.padStart((COLUMNS[i] ?? '').length + 3)).join('')}`;

function report(result: Fidelity): string {
  const lines: string[] = [];
  for (const pair of result.pairs.filter((p) => p.stalePrompt !== undefined)) {
    const missed = MODES.map((mode) => {
      const instructions = readInstructions(item(pair.row).metadata) ?? [];
      const followed = followedInstructions(pair.response, instructions, mode);
      const ids = instructions.filter((_, i) => !followed[i]).map((instruction) => instruction.id);
      return `${mode}: ${ids.length === 0 ? 'all followed' : `not followed ${ids.join(', ')}`}`;
    });
    lines.push(`key ${pair.row.key}: the response was recorded for an older prompt (upstream issue #2259):`);
    lines.push(`  response's prompt: ${pair.stalePrompt}`, `  current prompt:    ${pair.row.prompt}`);
    lines.push(`  judged against the current prompt's instructions: ${missed.join('; ')}`, '');
  }
  lines.push(row('', COLUMNS));
  for (const mode of MODES) {
    for (const level of ['prompt', 'instruction'] as const) {
      const cells = [PAPER[mode][level], result.included[mode][level], result.excluded[mode][level], result.podtech[mode][level]];
      lines.push(
        row(
          `${level}-level ${mode}`,
          cells.map((x) => x.toFixed(2)),
        ),
      );
    }
  }
  lines.push('', `Instructions where our verdict differs from Podtech's: ${result.disagreements.length}`);
  for (const d of result.disagreements) {
    lines.push(`  ${d.mode.padEnd(6)} key ${d.key}  ${d.id.padEnd(40)} Podtech ${d.podtech}, ours ${d.ours}  (${WHY[d.id] ?? 'unexplained'})`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const dir = path.resolve(process.argv[2] ?? '../shared/data/ifeval');
  if (existsSync(path.join(dir, 'input_data.jsonl'))) process.stdout.write(report(computeFidelity(dir)));
  else {
    process.stderr.write(`no IFEval data (input_data.jsonl) in ${dir}\n`);
    process.exitCode = 2;
  }
}
