import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CandidateOutputSchema, type CandidateOutput } from '../../src/contracts/candidate-output.js';
import { loadGoldenSets } from '../../src/goldensets/load.js';
import type { GoldenItem } from '../../src/index.js';
import promptOnly from '../../examples/support/candidates/prompt-only.js';
import ragV1 from '../../examples/support/candidates/rag-v1.js';
import ragV2 from '../../examples/support/candidates/rag-v2.js';

// The example candidates are deterministic local programs that return valid answers of the shape
// their design promises. Their scores are the harness's business, not asserted here.

const candidates: [string, (item: GoldenItem) => Promise<CandidateOutput>][] = [
  ['prompt-only', promptOnly],
  ['rag-v1', ragV1],
  ['rag-v2', ragV2],
];

const all = await loadGoldenSets([fileURLToPath(new URL('../../goldensets/support/support.jsonl', import.meta.url))]);
const slices = ['head', 'long-tail', 'out-of-scope', 'format', 'multi-doc'];
const sample = slices.flatMap((slice) => all.filter((i) => i.slices.includes(slice)).slice(0, 3));

describe.each(candidates)('%s', (_name, answer) => {
  it.each(sample.map((item) => [item.id, item] as const))('answers %s validly and the same way twice', async (_id, item) => {
    const first = await answer(item);
    const second = await answer(structuredClone(item));
    expect(CandidateOutputSchema.safeParse(first).success).toBe(true);
    expect(first.text.trim()).not.toBe('');
    expect(second).toEqual(first);
  });
});

describe('candidate designs', () => {
  it('prompt-only neither retrieves nor cites', async () => {
    for (const item of sample) {
      const output = await promptOnly(item);
      expect(output.citations).toBeUndefined();
      expect(output.contexts).toBeUndefined();
      expect(output.text).not.toMatch(/\[[a-z-]+\/[a-z-]+\.md\]/);
    }
  });

  it('rag-v1 retrieves 3 pages and cites only the first', async () => {
    for (const item of sample) {
      const output = await ragV1(item);
      expect(output.contexts).toHaveLength(3);
      expect(output.citations).toEqual([output.contexts?.[0]?.id]);
      expect(output.text.endsWith(`[${output.contexts?.[0]?.id}]`)).toBe(true);
    }
  });

  it('rag-v2 cites exactly the pages it retrieved, from at most 2 pages', async () => {
    for (const item of sample) {
      const output = await ragV2(item);
      const retrieved = (output.contexts ?? []).map((c) => c.id);
      expect(output.citations).toEqual(retrieved);
      expect(retrieved.length).toBeLessThanOrEqual(2);
    }
  });

  it('rag-v2 answers in the JSON shape a question asks for', async () => {
    const item = sample.find((i) => i.slices.includes('format') && typeof i.input === 'string' && i.input.includes('"steps"'));
    if (!item) throw new Error('no format item asking for steps in the sample');
    const output = await ragV2(item);
    const parsed = JSON.parse(output.text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['answer', 'steps', 'source']);
    expect(parsed.source).toBe(output.citations?.[0]);
    expect(Array.isArray(parsed.steps)).toBe(true);
  });

  it('rag-v2 refuses, citing nothing, when retrieval finds nothing relevant', async () => {
    const base = sample[0];
    if (!base) throw new Error('empty sample');
    const output = await ragV2({ ...base, input: 'What is the capital of Australia?' });
    expect(output.text).toMatch(/^I'm sorry, I can't help with that: .* isn't covered in the Lumen help center\.$/);
    expect(output.citations).toEqual([]);
  });
});
