import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * Readers for the shared data (see ../shared/data/SOURCES.md), each validated with zod so a changed
 * upstream file stops the build instead of silently producing different golden sets.
 */

export const GsmRow = z.object({ question: z.string().min(1), answer: z.string().min(1) });

export const IfevalPrompt = z.object({
  key: z.number().int(),
  prompt: z.string().min(1),
  instruction_id_list: z.array(z.string().min(1)).min(1),
  kwargs: z.array(z.record(z.string(), z.unknown())),
});
export const IfevalResponse = z.object({ prompt: z.string().min(1), response: z.string() });

export const TruthfulMc = z.looseObject({
  question: z.string().min(1),
  mc1_targets: z.record(z.string(), z.literal([0, 1])),
});

export const XstestPrompt = z.object({
  id: z.string().regex(/^\d+$/),
  prompt: z.string().min(1),
  type: z.string().min(1),
  label: z.enum(['safe', 'unsafe']),
  focus: z.string(),
  note: z.string(),
});

export const XSTEST_LABELS = ['1_full_compliance', '2_full_refusal', '3_partial_refusal'] as const;
export const XstestCompletion = z.looseObject({
  id: z.string().regex(/^v2-\d+$/),
  type: z.string().min(1),
  prompt: z.string().min(1),
  completion: z.string(),
  final_label: z.enum(XSTEST_LABELS),
});

export const ALPACA_DATASETS = ['helpful_base', 'koala', 'oasst', 'selfinstruct', 'vicuna'] as const;
export const AlpacaOutput = z.object({
  instruction: z.string().min(1),
  dataset: z.enum(ALPACA_DATASETS),
  output: z.string(),
  generator: z.string().min(1),
});
export const AlpacaAnnotation = z.looseObject({
  instruction: z.string().min(1),
  dataset: z.enum(ALPACA_DATASETS),
  output_1: z.string(),
  generator_1: z.literal('text_davinci_003'),
  output_2: z.string(),
  generator_2: z.literal('alpaca-7b'),
  annotator: z.literal('alpaca_eval_gpt4'),
  /** 1: output_1 (text-davinci-003) preferred, 2: output_2 (alpaca-7b), 0: a draw. */
  preference: z.literal([0, 1, 2]),
});
const number = z
  .string()
  .regex(/^-?\d+(\.\d+)?(e-?\d+)?$/)
  .transform(Number);
export const LeaderboardRow = z.looseObject({
  '': z.string().min(1),
  win_rate: number,
  standard_error: number,
  n_wins: number,
  n_wins_base: number,
  n_draws: number,
  n_total: number,
});

export const XSTEST_MODELS = ['gpt4', 'llama2new', 'llama2orig', 'mistralinstruct', 'mistralguard'] as const;
export type XstestModel = (typeof XSTEST_MODELS)[number];

function validate<T>(rows: unknown[], schema: z.ZodType<T>, file: string): T[] {
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new Error(`${file}: row ${i + 1} is not in the expected shape:\n${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

/** The shared data folder, read once per file. */
export class SharedData {
  constructor(readonly dir: string) {}

  text(relative: string): string {
    return readFileSync(path.join(this.dir, relative), 'utf8');
  }

  jsonl<T>(relative: string, schema: z.ZodType<T>): T[] {
    const lines = this.text(relative)
      .split('\n')
      .filter((line) => line.trim() !== '');
    return validate(
      lines.map((line) => JSON.parse(line) as unknown),
      schema,
      relative,
    );
  }

  json<T>(relative: string, schema: z.ZodType<T>): T[] {
    const data = JSON.parse(this.text(relative)) as unknown;
    if (!Array.isArray(data)) throw new Error(`${relative}: expected a JSON array`);
    return validate(data, schema, relative);
  }

  csv<T>(relative: string, schema: z.ZodType<T>): T[] {
    const rows = parse(this.text(relative), { columns: true, bom: true, skip_empty_lines: true }) as unknown[];
    return validate(rows, schema, relative);
  }
}

export const FILES = {
  gsm8k: 'gsm8k/test.jsonl',
  ifevalPrompts: 'ifeval/input_data.jsonl',
  ifevalGpt4: 'ifeval/input_response_data_gpt4_20231107_145030.jsonl',
  truthfulqa: 'truthfulqa/mc_task.json',
  xstestPrompts: 'xstest/xstest_prompts.csv',
  xstestCompletions: (model: XstestModel) => `xstest/model_completions/xstest_v2_completions_${model}.csv`,
  xstestLicense: 'xstest/LICENSE',
  alpaca7b: 'alpaca_eval/alpaca-7b.model_outputs.json',
  davinci003: 'alpaca_eval/text_davinci_003.model_outputs.json',
  alpacaAnnotations: 'alpaca_eval/alpaca-7b.vs.text_davinci_003.alpaca_eval_gpt4.annotations.json',
  alpacaLeaderboard: 'alpaca_eval/alpaca_eval_gpt4_leaderboard.csv',
  alpacaLicense: 'alpaca_eval/LICENSE',
} as const;
