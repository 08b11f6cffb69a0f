import type { AdapterContext, CallOptions } from '../../src/candidates/adapter.js';
import { GoldenItemSchema, type GoldenItem } from '../../src/goldensets/item.js';

export function makeItem(fields: Partial<GoldenItem> = {}): GoldenItem {
  return GoldenItemSchema.parse({
    id: 'item-1',
    input: 'What is the refund window?',
    metadata: {},
    origin: { file: 'goldensets/test.jsonl', line: 1 },
    ...fields,
  });
}

export function makeContext(fields: Partial<AdapterContext> = {}): AdapterContext {
  return { configDir: process.cwd(), candidateId: 'test-candidate', timeoutMs: 10_000, env: {}, ...fields };
}

/** Call options with a signal that never fires. */
export function call(): CallOptions {
  return { signal: new AbortController().signal };
}
