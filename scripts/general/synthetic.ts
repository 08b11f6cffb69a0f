import type { RecordedOutput } from '../../src/candidates/adapters/replay.js';
import { mulberry32, shuffle, uniformInt } from '../../src/stats/prng.js';

/**
 * A SYNTHETIC base / fine-tuned pair on the math slice, for testing the forgetting gate: the "base"
 * answers with GSM8K's own reference solutions (so it passes every item), the "fine-tuned" one
 * with the same solutions, a seeded share of which have their final "#### N" number changed.
 * No model produced these; every row's source says so.
 */

export const BASE_SOURCE = "synthetic: GSM8K reference solution standing in for a base model's answer";
export const KEPT_SOURCE = "synthetic: GSM8K reference solution standing in for a fine-tuned model's answer (unchanged)";
export const ALTERED_SOURCE = "synthetic: GSM8K reference solution standing in for a fine-tuned model's answer, final number altered to simulate forgetting";

const FINAL = /####\s*(-?[\d,]+(?:\.\d+)?)\s*$/;

/** The solution with its final "#### N" replaced by N + k, k a seeded whole number in 1..9. */
export function alterFinalNumber(solution: string, k: number): string {
  const match = FINAL.exec(solution);
  if (!match) throw new Error(`no final "#### N" in ${JSON.stringify(solution.slice(-40))}`);
  const value = Number((match[1] as string).replaceAll(',', ''));
  return `${solution.slice(0, match.index)}#### ${value + k}`;
}

export interface MathItem {
  id: string;
  reference: string;
}

export function syntheticMathPair(items: readonly MathItem[], share: number, seed: number): { base: RecordedOutput[]; finetuned: RecordedOutput[] } {
  const random = mulberry32(seed);
  const altered = new Set(
    shuffle(
      random,
      items.map((item) => item.id),
    ).slice(0, Math.round(items.length * share)),
  );
  const base = items.map((item) => ({ id: item.id, text: item.reference, source: BASE_SOURCE }));
  const finetuned = items.map((item) =>
    altered.has(item.id)
      ? { id: item.id, text: alterFinalNumber(item.reference, 1 + uniformInt(random, 9)), source: ALTERED_SOURCE }
      : { id: item.id, text: item.reference, source: KEPT_SOURCE },
  );
  return { base, finetuned };
}
