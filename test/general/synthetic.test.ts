import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALTERED_SOURCE, alterFinalNumber, syntheticMathPair } from '../../scripts/general/synthetic.js';
import { parseRecordedOutputs } from '../../src/candidates/adapters/replay.js';
import { loadGoldenSets } from '../../src/goldensets/load.js';
import { runChecks } from '../../src/scoring/checks/run.js';
import { readText, root } from './helpers.js';

describe('alterFinalNumber', () => {
  it('changes only the number after ####', () => {
    expect(alterFinalNumber('3*2=<<3*2=6>>6 eggs\n#### 6', 4)).toBe('3*2=<<3*2=6>>6 eggs\n#### 10');
    expect(alterFinalNumber('so 1,450,000 - 1 = ...\n#### 1,450,000', 1)).toBe('so 1,450,000 - 1 = ...\n#### 1450001');
    expect(alterFinalNumber('#### -3', 3)).toBe('#### 0');
  });

  it('refuses a solution without a final answer rather than inventing one', () => {
    expect(() => alterFinalNumber('the answer is 6', 1)).toThrow(/no final "#### N"/);
  });
});

describe('syntheticMathPair', () => {
  const items = Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, reference: `work\n#### ${i * 10}` }));

  it('alters a seeded share of the answers, the same ones for the same seed', () => {
    const { base, finetuned } = syntheticMathPair(items, 0.25, 7);
    expect(base.map((r) => r.text)).toEqual(items.map((i) => i.reference));
    const altered = finetuned.filter((r) => r.source === ALTERED_SOURCE);
    expect(altered).toHaveLength(2);
    for (const row of altered) expect(row.text).not.toBe(items.find((i) => i.id === row.id)?.reference);
    expect(syntheticMathPair(items, 0.25, 7)).toEqual({ base, finetuned });
    expect(syntheticMathPair(items, 0.25, 8).finetuned).not.toEqual(finetuned);
  });
});

describe('the committed synthetic pair, scored by the numeric check', () => {
  it('math-base passes all 500 math items, math-finetuned exactly 375 (25% forgotten)', async () => {
    const items = await loadGoldenSets([path.join(root, 'goldensets/general/math.jsonl')]);
    const passes = (file: string) => {
      const outputs = parseRecordedOutputs(readText(file), file);
      return items.filter((item) => {
        const output = outputs.get(item.id);
        if (!output) throw new Error(`${file} has no output for ${item.id}`);
        const runs = runChecks(item.checks, { item, output });
        expect(runs.map((r) => r.name)).toEqual(['numeric']);
        return runs.every((r) => r.outcome.pass);
      }).length;
    };
    expect(passes('recorded/synthetic/math-base.jsonl')).toBe(500);
    expect(passes('recorded/synthetic/math-finetuned.jsonl')).toBe(375);
  });
});
