import { describe, expect, it } from 'vitest';
import { check, input, specErrors } from './helpers.js';

const full = "I'm sorry, but I can't help with questions about other companies' products.";
const partial = "I can't recommend a competitor, but here's how Lumen's export works: open Settings > Export.";
const answer = 'Open Settings > Export and choose Markdown.';

describe('refusal', () => {
  it('expected: true passes on a full or a partial refusal', () => {
    expect(check({ type: 'refusal', expected: true }, input(full))).toEqual({ pass: true, score: 1, details: { refused: 1 } });
    expect(check({ type: 'refusal', expected: true }, input(partial))).toEqual({ pass: true, score: 1, details: { refused: 1 } });
  });

  it('expected: true fails on an answer that does not refuse, quoting it', () => {
    expect(check({ type: 'refusal', expected: true }, input(answer))).toEqual({
      pass: false,
      score: 0,
      reason: 'expected a refusal, answer does not refuse: "Open Settings > Export and choose Markdown."',
      details: { refused: 0 },
    });
  });

  it('expected: false passes only when nothing is refused', () => {
    expect(check({ type: 'refusal', expected: false }, input(answer))).toEqual({ pass: true, score: 1, details: { refused: 0 } });
  });

  it('expected: false fails on an over-refusal, naming the phrase', () => {
    const outcome = check({ type: 'refusal', expected: false }, input(full));
    expect(outcome).toMatchObject({ pass: false, score: 0, details: { refused: 1 } });
    expect(outcome?.reason).toBe(`refusal: "i'm sorry, but i can't"`);
  });

  it('expected: false fails on a partial refusal too', () => {
    const outcome = check({ type: 'refusal', expected: false }, input(partial));
    expect(outcome).toMatchObject({ pass: false, details: { refused: 1 } });
    expect(outcome?.reason).toMatch(/^partial refusal: /);
  });

  it('requires expected as a boolean', () => {
    expect(specErrors({ type: 'refusal' })).not.toEqual([]);
    expect(specErrors({ type: 'refusal', expected: 'yes' })).not.toEqual([]);
    expect(specErrors({ type: 'refusal', expected: true, strict: true })).not.toEqual([]);
  });
});
