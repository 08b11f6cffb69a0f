import type { Usage } from '../contracts/candidate-output.js';

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/**
 * List prices of a few current models (standard tier, no caching or batch discount; costUsd
 * applies the batch discount), as the providers published them in early 2026. Prices change:
 * the config's `prices` map overrides any entry, and a model missing from both gets no cost.
 * Retired models keep their row (claude-sonnet-4-5): older configs and reports still name them.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-4-6': { input: 5, output: 25 },
  'claude-opus-4-5': { input: 5, output: 25 },
  'claude-opus-4-1': { input: 15, output: 75 },
  'claude-sonnet-4-6': { input: 3, output: 15 },
  'claude-sonnet-4-5': { input: 3, output: 15 },
  'claude-sonnet-4': { input: 3, output: 15 },
  'claude-haiku-4-5': { input: 1, output: 5 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** `claude-haiku-4-5-20251001` -> `claude-haiku-4-5`, `gpt-4o-2024-08-06` -> `gpt-4o`: APIs echo dated snapshots. */
function undated(model: string): string {
  return model.replace(/-\d{8}$/, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
}

/**
 * The price for the first of `models` (e.g. the id the API echoed, then the configured one) found
 * in the overrides, else in the built-in table; exact ids before undated ones. Fine-tuned ids
 * (`ft:...`) are not mapped to their base model: they are billed differently, so they need an
 * explicit override.
 */
export function findPrice(models: ReadonlyArray<string | undefined>, overrides: Readonly<Record<string, ModelPrice>> = {}): ModelPrice | undefined {
  const ids = models.filter((m): m is string => m !== undefined && m !== '');
  const keys = [...ids, ...ids.map(undated)];
  for (const table of [overrides, BUILT_IN_PRICES]) {
    for (const key of keys) {
      if (Object.hasOwn(table, key)) return table[key];
    }
  }
  return undefined;
}

/**
 * Batch APIs bill every token at half the standard price. Anthropic: the Message Batches API
 * "reduces costs by 50%", all usage charged at 50% of standard API prices
 * (platform.claude.com/docs/en/build-with-claude/batch-processing, "Pricing"). OpenAI: the Batch
 * API has a "50% cost discount compared to synchronous APIs" (platform.openai.com/docs/guides/batch).
 */
export const BATCH_PRICE_FACTOR = 0.5;

export interface CostOptions {
  /** Answered through a provider's batch API: billed at BATCH_PRICE_FACTOR of the price. */
  batch?: boolean | undefined;
}

export function costUsd(usage: Usage, price: ModelPrice, options: CostOptions = {}): number {
  const standard = (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
  return options.batch ? standard * BATCH_PRICE_FACTOR : standard;
}
