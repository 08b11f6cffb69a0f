import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGoldenSets } from '../../src/goldensets/load.js';
import { checkRegistry } from '../../src/scoring/checks/registry.js';
import { countBy, readJsonl, root } from './helpers.js';

const GENERAL = 'goldensets/general';
const load = (...files: string[]) => loadGoldenSets(files.map((f) => path.join(root, f)));
const sliceCounts = (rows: Record<string, unknown>[]) => Object.fromEntries(countBy(rows.flatMap((r) => r.slices as string[])));

const haveIfeval = checkRegistry.has('ifeval');
if (!haveIfeval) console.warn('instruction-following.jsonl is not loaded: the "ifeval" check type is not registered yet');

describe('general golden sets', () => {
  it('load with the harness loader (math, truthfulness, safety), ids unique across files', async () => {
    const items = await load(`${GENERAL}/math.jsonl`, `${GENERAL}/truthfulness.jsonl`, `${GENERAL}/safety.jsonl`);
    expect(items).toHaveLength(500 + 790 + 450);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it.skipIf(!haveIfeval)(
    `load together with instruction-following.jsonl${haveIfeval ? '' : ' (skipped: the ifeval check is not registered yet)'}`,
    async () => {
      const items = await load(`${GENERAL}/math.jsonl`, `${GENERAL}/instruction-following.jsonl`, `${GENERAL}/truthfulness.jsonl`, `${GENERAL}/safety.jsonl`);
      expect(items).toHaveLength(2281);
      const ifeval = items.filter((i) => i.slices.includes('instruction-following'));
      const modes = ifeval.map((i) => i.checks.map((c) => [c.name, (c.params as { mode?: unknown }).mode]));
      expect(modes).toEqual(
        ifeval.map(() => [
          ['ifeval', 'strict'],
          ['ifeval-loose', 'loose'],
        ]),
      );
    },
  );

  it('math: 500 distinct GSM8K rows, each with a "#### N" solution and the numeric check', () => {
    const rows = readJsonl(`${GENERAL}/math.jsonl`);
    expect(sliceCounts(rows)).toEqual({ math: 500 });
    expect(new Set(rows.map((r) => r.id)).size).toBe(500);
    for (const row of rows) {
      expect(row.id).toMatch(/^gsm8k-\d+$/);
      expect(Number(String(row.id).slice(6))).toBeLessThan(1319);
      expect(row.reference).toMatch(/\n#### -?[\d,]+$/);
      expect(row.checks).toEqual([{ type: 'numeric' }]);
    }
  });

  it('instruction following: all 541 IFEval prompts, instructions and kwargs kept, both modes checked', () => {
    const rows = readJsonl(`${GENERAL}/instruction-following.jsonl`);
    expect(sliceCounts(rows)).toEqual({ 'instruction-following': 541 });
    expect(new Set(rows.map((r) => r.id)).size).toBe(541);
    expect(rows.reduce((n, r) => n + (r.instruction_id_list as string[]).length, 0)).toBe(834);
    for (const row of rows) {
      expect(row.id).toBe(`ifeval-${row.key as number}`);
      expect((row.kwargs as unknown[]).length).toBe((row.instruction_id_list as string[]).length);
      expect(row.checks).toEqual([
        { type: 'ifeval', mode: 'strict', name: 'ifeval' },
        { type: 'ifeval', mode: 'loose', name: 'ifeval-loose' },
      ]);
    }
  });

  it('truthfulness: 790 MC1 questions, the reference letter is where the permutation put the true answer', async () => {
    const items = await load(`${GENERAL}/truthfulness.jsonl`);
    expect(items).toHaveLength(790);
    for (const item of items) {
      const permutation = item.metadata.permutation as number[];
      const question = item.metadata.question as string;
      expect([...permutation].sort((a, b) => a - b)).toEqual([...new Set(permutation)].sort((a, b) => a - b));
      expect(item.reference).toBe(String.fromCharCode(65 + permutation.indexOf(0)));
      expect((item.input as string).startsWith(`${question}\n\nA. `)).toBe(true);
      const options = (item.input as string).split('\n').filter((line) => /^[A-Z]\. /.test(line));
      expect(options.map((line) => line[0])).toEqual(permutation.map((_, k) => String.fromCharCode(65 + k)));
      expect(options.every((line) => line.length > 3)).toBe(true);
      expect(item.checks.map((c) => c.params)).toEqual([{ choices: permutation.length }]);
    }
    // The source lists the true answer first; shuffled, "A" is right about as often as chance says.
    const expectedA = items.reduce((s, i) => s + 1 / (i.metadata.permutation as number[]).length, 0);
    const actualA = items.filter((i) => i.reference === 'A').length;
    expect(Math.abs(actualA - expectedA)).toBeLessThan(40);
  });

  it('safety: 250 safe look-alikes must not be refused, 200 unsafe contrasts must be', async () => {
    const items = await load(`${GENERAL}/safety.jsonl`);
    expect(sliceCounts(items as unknown as Record<string, unknown>[])).toEqual({ safety: 450, 'over-refusal': 250, harmful: 200 });
    for (const item of items) {
      const unsafe = String(item.metadata.type).startsWith('contrast_');
      expect(item.slices).toEqual(['safety', unsafe ? 'harmful' : 'over-refusal']);
      expect(item.checks.map((c) => [c.type, c.params])).toEqual([['refusal', { expected: unsafe }]]);
      expect(Object.keys(item.metadata).sort()).toEqual(['focus', 'note', 'type']);
    }
  });
});

describe('alpaca golden set', () => {
  it('805 instructions sliced by AlpacaEval dataset, no checks', async () => {
    const items = await load('goldensets/alpaca/alpaca.jsonl');
    expect(items.map((i) => i.id)).toEqual(items.map((_, i) => `alpaca-${String(i).padStart(3, '0')}`));
    expect(sliceCounts(items as unknown as Record<string, unknown>[])).toEqual({ helpful_base: 129, koala: 156, oasst: 188, selfinstruct: 252, vicuna: 80 });
    expect(items.every((i) => i.checks.length === 0 && i.slices.length === 1)).toBe(true);
  });
});
