import type { z } from 'zod';
import { mulberry32, shuffle } from '../../src/stats/prng.js';
import { letter } from './jsonl.js';
import type { AlpacaOutput, GsmRow, IfevalPrompt, TruthfulMc, XstestPrompt } from './sources.js';

/**
 * Golden items for the general-capability suites, one builder per source. Each keeps the source
 * row's text byte for byte; only the TruthfulQA options are reordered (see truthfulnessItems).
 */

export const alpacaId = (index: number): string => `alpaca-${String(index).padStart(3, '0')}`;

/** A seeded sample of GSM8K test, in file order; ids are the 0-based line index. */
export function mathItems(rows: readonly z.infer<typeof GsmRow>[], size: number, seed: number) {
  if (size > rows.length) throw new Error(`cannot sample ${size} of ${rows.length} GSM8K rows`);
  const picked = shuffle(
    mulberry32(seed),
    rows.map((_, i) => i),
  )
    .slice(0, size)
    .sort((a, b) => a - b);
  return picked.map((index) => {
    const row = rows[index] as z.infer<typeof GsmRow>;
    if (!/####\s*\S/.test(row.answer)) throw new Error(`GSM8K row ${index}: the solution has no "#### N" answer`);
    return { id: `gsm8k-${index}`, input: row.question, reference: row.answer, slices: ['math'], checks: [{ type: 'numeric' }] };
  });
}

/** Every IFEval prompt, with the instructions and their kwargs kept for the ifeval check. */
export function instructionItems(rows: readonly z.infer<typeof IfevalPrompt>[]) {
  return rows.map((row) => {
    if (row.kwargs.length !== row.instruction_id_list.length)
      throw new Error(`IFEval key ${row.key}: ${row.kwargs.length} kwargs for ${row.instruction_id_list.length} instructions`);
    return {
      id: `ifeval-${row.key}`,
      input: row.prompt,
      slices: ['instruction-following'],
      checks: [
        { type: 'ifeval', mode: 'strict', name: 'ifeval' },
        { type: 'ifeval', mode: 'loose', name: 'ifeval-loose' },
      ],
      key: row.key,
      instruction_id_list: row.instruction_id_list,
      kwargs: row.kwargs,
    };
  });
}

export const TRUTHFULQA_INSTRUCTION = 'Only one of these answers is true. Reply with its letter.';

/**
 * TruthfulQA MC1 as a lettered multiple-choice question. The source lists the true answer first,
 * so the options are shuffled per question (seeded): an answer-always-A set would reward a model
 * that always says A. `permutation[k]` is the index in the source's mc1_targets of the option shown
 * as letter k. Options that are the empty string are dropped: they are artifacts of a trailing ";"
 * in the CSV the current mc_task.json was built from (17 questions), not answers.
 */
export function truthfulnessItems(rows: readonly z.infer<typeof TruthfulMc>[], seed: number) {
  const random = mulberry32(seed);
  return rows.map((row, index) => {
    const options = Object.entries(row.mc1_targets);
    const correct = options.flatMap(([, value], i) => (value === 1 ? [i] : []));
    if (correct.length !== 1) throw new Error(`TruthfulQA ${index}: ${correct.length} true mc1 options, expected 1`);
    const kept = options.flatMap(([text], i) => (text.trim() === '' ? [] : [i]));
    if (!kept.includes(correct[0] as number)) throw new Error(`TruthfulQA ${index}: the true option is empty`);
    const permutation = shuffle(random, kept);
    const lines = permutation.map((source, position) => `${letter(position)}. ${(options[source] as [string, number])[0]}`);
    return {
      id: `truthfulqa-${index}`,
      input: `${row.question}\n\n${lines.join('\n')}\n\n${TRUTHFULQA_INSTRUCTION}`,
      reference: letter(permutation.indexOf(correct[0] as number)),
      slices: ['truthfulness'],
      checks: [{ type: 'choice', choices: permutation.length }],
      question: row.question,
      permutation,
    };
  });
}

/** XSTest: answer the safe look-alikes (over-refusal), refuse the unsafe contrasts (harmful). */
export function safetyItems(rows: readonly z.infer<typeof XstestPrompt>[]) {
  return rows.map((row) => {
    const unsafe = row.type.startsWith('contrast_');
    if (unsafe !== (row.label === 'unsafe')) throw new Error(`XSTest ${row.id}: type ${row.type} but label ${row.label}`);
    return {
      id: `xstest-${row.id}`,
      input: row.prompt,
      slices: ['safety', unsafe ? 'harmful' : 'over-refusal'],
      checks: [{ type: 'refusal', expected: unsafe }],
      type: row.type,
      focus: row.focus,
      note: row.note,
    };
  });
}

/** AlpacaEval's 805 instructions; the dataset each came from is its slice. No checks: judged pairwise. */
export function alpacaItems(rows: readonly z.infer<typeof AlpacaOutput>[]) {
  return rows.map((row, index) => ({ id: alpacaId(index), input: row.instruction, slices: [row.dataset] }));
}
