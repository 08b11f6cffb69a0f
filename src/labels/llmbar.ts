import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';

/**
 * One LLMBar set (princeton-nlp/LLMBar, MIT: Natural, or Adversarial Neighbor, GPTInst, GPTOut,
 * Manual) -> pairwise labels, and an evaluator's recorded verdicts (GPT-4 Vanilla by default) as
 * replayable judge verdicts when the set folder holds its result.json.
 *
 * LLMBar's result.json gives, per item, `results[-1]["swap = False"|"swap = True"].winner`, and
 * in BOTH orders the winner is in the ORIGINAL numbering ("1" = output_1): evaluate.py swaps the
 * outputs for the second call and reverses the parsed label back. A recorded verdict names a
 * position instead (A = shown first), so:
 *   original order (output_1 shown first): "1" -> A, "2" -> B
 *   swapped order  (output_2 shown first): "1" -> B, "2" -> A
 * Both readings are checked before anything is returned: LLMBar's own statistics.json must come
 * out of result.json + labels exactly, and the raw completion ("Output (a)") must name the same
 * position.
 */

const Row = z.object({ input: z.string(), output_1: z.string(), output_2: z.string(), label: z.literal([1, 2]) });
const Judgment = z.object({ completion: z.tuple([z.string(), z.string()]), winner: z.enum(['1', '2']).nullable() });
const ResultRow = Row.extend({
  results: z.array(z.object({ 'swap = False': Judgment, 'swap = True': Judgment })).min(1),
});
const StatisticsSchema = z.looseObject({ correct_False: z.string(), correct_True: z.string(), correct_both: z.string(), equal: z.string() });
export type LlmbarStatistics = z.infer<typeof StatisticsSchema>;

export const DEFAULT_EVALUATOR = 'GPT-4/Vanilla';

export interface LlmbarOptions {
  /** Folder under `<set>/evaluators/` whose recorded verdicts to convert. */
  evaluator?: string;
  /** Label ids are `<prefix>-001`...; default: the set folder's name, lower-cased. */
  prefix?: string;
  /** How messages name files (relative to the working folder). */
  display?: (p: string) => string;
}

export interface LlmbarConversion {
  /** JSONL, one pairwise label a line. */
  labels: string;
  /** Present when the evaluator's result.json is in the set folder. */
  recorded?: {
    verdicts: string;
    evaluator: string;
    /** LLMBar's figures, recomputed from result.json and equal to its statistics.json. */
    statistics: LlmbarStatistics;
  };
}

function readJson<T>(file: string, schema: z.ZodType<T>, shown: string): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`${shown}: cannot read LLMBar data: ${errorMessage(err)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new UserError(`${shown}: not in LLMBar's shape:\n${z.prettifyError(parsed.error)}`);
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

export function convertLlmbar(setDir: string, options: LlmbarOptions = {}): LlmbarConversion {
  const display = options.display ?? ((p: string) => p);
  const datasetFile = path.join(setDir, 'dataset.json');
  if (!existsSync(datasetFile))
    throw new UserError(`${display(setDir)}: not an LLMBar set folder (no dataset.json), e.g. LLMBar/Natural or LLMBar/Adversarial/Neighbor`);
  const dataset = readJson(datasetFile, z.array(Row), display(datasetFile));
  const prefix = options.prefix ?? path.basename(path.resolve(setDir)).toLowerCase();
  const width = Math.max(3, String(dataset.length).length);
  const idOf = (i: number) => `${prefix}-${String(i + 1).padStart(width, '0')}`;
  const labels = dataset.map((row, i) => JSON.stringify({ id: idOf(i), input: row.input, output_1: row.output_1, output_2: row.output_2, label: row.label }));
  const joined = (lines: string[]) => `${lines.join('\n')}\n`;

  const evaluator = options.evaluator ?? DEFAULT_EVALUATOR;
  const evaluatorDir = path.join(setDir, 'evaluators', ...evaluator.split('/'));
  const resultFile = path.join(evaluatorDir, 'result.json');
  if (!existsSync(resultFile)) {
    if (options.evaluator !== undefined) throw new UserError(`${display(resultFile)}: no recorded verdicts of evaluator "${evaluator}"`);
    return { labels: joined(labels) };
  }
  const resultShown = display(resultFile);
  const results = readJson(resultFile, z.array(ResultRow), resultShown);
  const statisticsFile = path.join(evaluatorDir, 'statistics.json');
  const statistics = readJson(statisticsFile, StatisticsSchema, display(statisticsFile));
  if (results.length !== dataset.length) throw new UserError(`${resultShown} has ${results.length} rows, ${display(datasetFile)} ${dataset.length}`);

  const verdicts: string[] = [];
  const counts = { correct_False: 0, correct_True: 0, correct_both: 0, equal: 0 };
  dataset.forEach((row, i) => {
    const result = results[i] as z.infer<typeof ResultRow>;
    if (result.input !== row.input || result.output_1 !== row.output_1 || result.output_2 !== row.output_2 || result.label !== row.label) {
      throw new UserError(`${resultShown}: row ${i + 1} differs from ${display(datasetFile)}`);
    }
    // LLMBar scores the last entry of `results` (the final step of multi-step prompts).
    const last = result.results[result.results.length - 1] as z.infer<typeof ResultRow>['results'][number];
    const byOrder: Record<Order, z.infer<typeof Judgment>> = { original: last['swap = False'], swapped: last['swap = True'] };
    const label = String(row.label);
    counts.correct_False += Number(byOrder.original.winner === label);
    counts.correct_True += Number(byOrder.swapped.winner === label);
    counts.correct_both += Number(byOrder.original.winner === label && byOrder.swapped.winner === label);
    counts.equal += Number(byOrder.original.winner === byOrder.swapped.winner);
    for (const order of ['original', 'swapped'] as const) {
      const { winner, completion } = byOrder[order];
      // No parsable verdict: nothing is recorded, so replay reports a judge error (LLMBar counts it incorrect too).
      if (winner === null) continue;
      const winnerPosition = position(winner, order);
      const said = /^Output \((a|b)\)$/.exec(completion[0].trim());
      if (said && said[1]?.toUpperCase() !== winnerPosition) {
        throw new UserError(`${resultShown}: ${idOf(i)} ${order}: the evaluator said "${completion[0]}" but the winner maps to position ${winnerPosition}`);
      }
      // The raw completion is the evaluator's whole answer under the Vanilla prompt: kept as the verdict's reasoning.
      verdicts.push(JSON.stringify({ key: `${idOf(i)}/pairwise/${order}`, verdict: { winner: winnerPosition, reasoning: completion[0] } }));
    }
  });

  for (const [name, count] of Object.entries(counts)) {
    const recomputed = pyRatio(count, dataset.length);
    const published = statistics[name as keyof typeof counts];
    if (published !== recomputed) {
      throw new UserError(
        `${display(statisticsFile)}: ${name} is "${published}", recomputed "${recomputed}" from result.json: the winner convention is not the one this converter assumes`,
      );
    }
  }
  return { labels: joined(labels), recorded: { verdicts: joined(verdicts), evaluator, statistics } };
}
