import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * LLMBar (princeton-nlp/LLMBar, MIT) Natural set -> the harness's calibration files: pairwise
 * human labels, and GPT-4's recorded Vanilla-prompt verdicts as replayable judge verdicts.
 *
 * LLMBar's result.json gives, per item, `results[-1]["swap = False"|"swap = True"].winner`, and
 * in BOTH orders the winner is in the ORIGINAL numbering ("1" = output_1): evaluate.py swaps the
 * outputs for the second call and reverses the parsed label back. The harness's recorded verdict
 * names a position instead (A = shown first), so:
 *   original order (output_1 shown first): "1" -> A, "2" -> B
 *   swapped order  (output_2 shown first): "1" -> B, "2" -> A
 * Both readings are checked before anything is written: LLMBar's own statistics.json must come
 * out of result.json + labels exactly, and GPT-4's raw completion ("Output (a)") must name the
 * same position.
 */

const Row = z.object({ input: z.string(), output_1: z.string(), output_2: z.string(), label: z.literal([1, 2]) });
const Judgment = z.object({ completion: z.tuple([z.string(), z.string()]), winner: z.enum(['1', '2']).nullable() });
const ResultRow = Row.extend({
  results: z.array(z.object({ 'swap = False': Judgment, 'swap = True': Judgment })).min(1),
});
const Statistics = z.looseObject({ correct_False: z.string(), correct_True: z.string(), correct_both: z.string(), equal: z.string() });

export const NATURAL = 'LLMBar/Natural';
export const VANILLA = 'evaluators/GPT-4/Vanilla';

export interface Converted {
  labels: string;
  verdicts: string;
  /** LLMBar's figures, recomputed from result.json and checked against its statistics.json. */
  statistics: z.infer<typeof Statistics>;
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not in the expected shape:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Python's str() of a float, as LLMBar's statistics.json holds it: 95.0 stays "95.0". */
const pyFloat = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : String(x));
const pyRatio = (count: number, n: number): string => `${count} / ${n} = ${pyFloat((count / n) * 100)}%`;

type Order = 'original' | 'swapped';

function position(winner: '1' | '2', order: Order): 'A' | 'B' {
  const firstShown = order === 'original' ? '1' : '2';
  return winner === firstShown ? 'A' : 'B';
}

export function convertLlmbar(dataDir: string): Converted {
  const dataset = readJson(path.join(dataDir, NATURAL, 'dataset.json'), z.array(Row));
  const results = readJson(path.join(dataDir, NATURAL, VANILLA, 'result.json'), z.array(ResultRow));
  const statistics = readJson(path.join(dataDir, NATURAL, VANILLA, 'statistics.json'), Statistics);
  if (results.length !== dataset.length) throw new Error(`result.json has ${results.length} rows, dataset.json ${dataset.length}`);

  const width = Math.max(3, String(dataset.length).length);
  const labels: string[] = [];
  const verdicts: string[] = [];
  let correctFalse = 0;
  let correctTrue = 0;
  let correctBoth = 0;
  let equal = 0;
  dataset.forEach((row, i) => {
    const result = results[i] as z.infer<typeof ResultRow>;
    if (result.input !== row.input || result.output_1 !== row.output_1 || result.output_2 !== row.output_2 || result.label !== row.label) {
      throw new Error(`row ${i}: result.json and dataset.json differ`);
    }
    const id = `natural-${String(i + 1).padStart(width, '0')}`;
    labels.push(JSON.stringify({ id, input: row.input, output_1: row.output_1, output_2: row.output_2, label: row.label }));
    // LLMBar scores the last entry of `results` (the final step of multi-step prompts).
    const last = result.results[result.results.length - 1] as z.infer<typeof ResultRow>['results'][number];
    const byOrder: Record<Order, z.infer<typeof Judgment>> = { original: last['swap = False'], swapped: last['swap = True'] };
    const label = String(row.label);
    correctFalse += Number(byOrder.original.winner === label);
    correctTrue += Number(byOrder.swapped.winner === label);
    correctBoth += Number(byOrder.original.winner === label && byOrder.swapped.winner === label);
    equal += Number(byOrder.original.winner === byOrder.swapped.winner);
    for (const order of ['original', 'swapped'] as const) {
      const { winner, completion } = byOrder[order];
      // No parsable verdict: nothing is recorded, so replay reports a judge error (LLMBar counts it incorrect too).
      if (winner === null) continue;
      const winnerPosition = position(winner, order);
      const said = /^Output \((a|b)\)$/.exec(completion[0].trim());
      if (said && said[1]?.toUpperCase() !== winnerPosition) {
        throw new Error(`${id} ${order}: GPT-4 said "${completion[0]}" but the winner maps to position ${winnerPosition}`);
      }
      // The raw completion is GPT-4's whole answer under the Vanilla prompt: kept as the verdict's reasoning.
      verdicts.push(JSON.stringify({ key: `${id}/pairwise/${order}`, verdict: { winner: winnerPosition, reasoning: completion[0] } }));
    }
  });

  const n = dataset.length;
  const recomputed = { correct_False: pyRatio(correctFalse, n), correct_True: pyRatio(correctTrue, n), correct_both: pyRatio(correctBoth, n), equal: pyRatio(equal, n) };
  for (const [name, value] of Object.entries(recomputed)) {
    const published = statistics[name as keyof typeof recomputed];
    if (published !== value) throw new Error(`statistics.json ${name} is "${published}", recomputed "${value}": the winner convention is not what this script assumes`);
  }
  return { labels: `${labels.join('\n')}\n`, verdicts: `${verdicts.join('\n')}\n`, statistics };
}
