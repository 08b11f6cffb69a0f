import { alpacaVerdicts, checkAgainstLeaderboard, type WinRate } from './alpaca-verdicts.js';
import { alpacaItems, instructionItems, mathItems, safetyItems, truthfulnessItems } from './golden.js';
import { toJsonl } from './jsonl.js';
import { alpacaRecorded, ifevalGpt4, xstestRecorded } from './recorded.js';
import {
  AlpacaAnnotation,
  AlpacaOutput,
  FILES,
  GsmRow,
  IfevalPrompt,
  IfevalResponse,
  LeaderboardRow,
  SharedData,
  TruthfulMc,
  XSTEST_MODELS,
  XstestCompletion,
  XstestPrompt,
} from './sources.js';
import { syntheticMathPair } from './synthetic.js';

/**
 * Everything scripts/build-general.ts writes, as repo-relative path -> file content, computed from
 * the shared data alone: the test compares it with the committed files byte for byte.
 */

/** 500 of GSM8K's 1319: what that can detect is in goldensets/general/README.md. */
export const MATH_SIZE = 500;
/** Fixed seeds: changing one reshuffles a file, which the reproducibility test would flag. */
export const SEEDS = { math: 8_500_001, truthfulqa: 8_500_002, synthetic: 8_500_003 } as const;
/** Share of the math items whose final number the synthetic fine-tuned candidate gets wrong. */
export const FORGETTING_SHARE = 0.25;

export interface BuildSummary {
  counts: Record<string, number>;
  /** Items per slice in the general suite's golden sets (and `all`). */
  generalSlices: Record<string, number>;
  alpaca: WinRate;
  /** text_davinci_003.model_outputs.json rows equal to the output GPT-4 judged. */
  davinciFileMatches: number;
}

export function buildGeneral(dataDir: string): { files: Map<string, string>; summary: BuildSummary } {
  const data = new SharedData(dataDir);
  const files = new Map<string, string>();
  const counts: Record<string, number> = {};
  const generalSlices: Record<string, number> = { all: 0 };
  const add = (file: string, rows: readonly object[]) => {
    files.set(file, toJsonl(rows));
    counts[file] = rows.length;
  };
  const addGeneral = (file: string, items: readonly { slices: string[] }[]) => {
    add(file, items);
    generalSlices.all = (generalSlices.all ?? 0) + items.length;
    for (const slice of items.flatMap((item) => item.slices)) generalSlices[slice] = (generalSlices[slice] ?? 0) + 1;
  };

  const math = mathItems(data.jsonl(FILES.gsm8k, GsmRow), MATH_SIZE, SEEDS.math);
  addGeneral('goldensets/general/math.jsonl', math);
  const ifevalPrompts = data.jsonl(FILES.ifevalPrompts, IfevalPrompt);
  addGeneral('goldensets/general/instruction-following.jsonl', instructionItems(ifevalPrompts));
  addGeneral('goldensets/general/truthfulness.jsonl', truthfulnessItems(data.json(FILES.truthfulqa, TruthfulMc), SEEDS.truthfulqa));
  const xstestPrompts = data.csv(FILES.xstestPrompts, XstestPrompt);
  addGeneral('goldensets/general/safety.jsonl', safetyItems(xstestPrompts));
  files.set('goldensets/general/xstest.LICENSE', data.text(FILES.xstestLicense));

  const student = data.json(FILES.alpaca7b, AlpacaOutput);
  add('goldensets/alpaca/alpaca.jsonl', alpacaItems(student));
  files.set('goldensets/alpaca/LICENSE', data.text(FILES.alpacaLicense));

  add('recorded/ifeval/gpt4.jsonl', ifevalGpt4(ifevalPrompts, data.jsonl(FILES.ifevalGpt4, IfevalResponse)));
  for (const model of XSTEST_MODELS) {
    const { outputs, labels } = xstestRecorded(model, xstestPrompts, data.csv(FILES.xstestCompletions(model), XstestCompletion));
    add(`recorded/xstest/${model}.jsonl`, outputs);
    add(`recorded/xstest/${model}.labels.jsonl`, labels);
  }

  const annotations = data.json(FILES.alpacaAnnotations, AlpacaAnnotation);
  const alpaca = alpacaRecorded(student, annotations, data.json(FILES.davinci003, AlpacaOutput));
  add('recorded/alpaca/alpaca-7b.jsonl', alpaca.student);
  add('recorded/alpaca/text-davinci-003.jsonl', alpaca.teacher);
  const verdicts = alpacaVerdicts(annotations);
  const winRate = checkAgainstLeaderboard(verdicts, data.csv(FILES.alpacaLeaderboard, LeaderboardRow));
  add('recorded/alpaca/gpt4-verdicts.jsonl', verdicts);

  const { base, finetuned } = syntheticMathPair(math, FORGETTING_SHARE, SEEDS.synthetic);
  add('recorded/synthetic/math-base.jsonl', base);
  add('recorded/synthetic/math-finetuned.jsonl', finetuned);

  return { files, summary: { counts, generalSlices, alpaca: winRate, davinciFileMatches: alpaca.teacherFileMatches } };
}
