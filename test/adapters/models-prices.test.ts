import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRICES, costUsd, findPrice } from '../../src/models/prices.js';
import { redact } from '../../src/models/redact.js';

describe('findPrice', () => {
  it('finds built-in prices by exact and by dated id', () => {
    expect(findPrice(['claude-haiku-4-5'])).toEqual({ input: 1, output: 5 });
    expect(findPrice(['claude-haiku-4-5-20251001'])).toEqual(BUILT_IN_PRICES['claude-haiku-4-5']);
    expect(findPrice(['gpt-4o-2024-08-06'])).toEqual(BUILT_IN_PRICES['gpt-4o']);
  });

  it('keeps pricing a retired model that older configs and reports still name', () => {
    expect(findPrice(['claude-sonnet-4-5-20250929'])).toEqual({ input: 3, output: 15 });
  });

  it('prefers an override over the built-in table, and the first id over later ones', () => {
    const overrides = { 'gpt-4o': { input: 1, output: 1 } };
    expect(findPrice(['gpt-4o-2024-08-06'], overrides)).toEqual({ input: 1, output: 1 });
    expect(findPrice(['gpt-4o-mini', 'gpt-4o'])).toEqual(BUILT_IN_PRICES['gpt-4o-mini']);
    expect(findPrice([undefined, 'gpt-4.1'])).toEqual(BUILT_IN_PRICES['gpt-4.1']);
  });

  it('does not guess: unknown and fine-tuned ids get no price', () => {
    expect(findPrice(['llama-3.1-8b-instruct'])).toBeUndefined();
    expect(findPrice(['ft:gpt-4o-mini-2024-07-18:acme::abc123'])).toBeUndefined();
    expect(findPrice(['constructor'])).toBeUndefined();
  });
});

describe('costUsd', () => {
  it('charges input and output tokens per million', () => {
    expect(costUsd({ inputTokens: 2_000_000, outputTokens: 500_000 }, { input: 3, output: 15 })).toBeCloseTo(13.5, 10);
  });
});

describe('redact', () => {
  it('removes every occurrence of each secret and ignores short or missing ones', () => {
    expect(redact('key sk-abcdef123456 and again sk-abcdef123456', ['sk-abcdef123456', undefined, 'abc'])).toBe('key [redacted] and again [redacted]');
  });
});
