import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JudgeConfig } from '../../src/config/schema.js';
import { batchedVerdictTransport } from '../../src/models/batch/verdicts.js';
import { createModelVerdictSource } from '../../src/models/verdict-source.js';
import type { VerdictRequest } from '../../src/contracts/verdict-source.js';
import { forcedToolName, messageReply, toolUseReply } from '../servers/anthropic-server.js';
import { startAnthropicBatchServer } from '../servers/anthropic-batch-server.js';
import type { BatchAnswer } from '../servers/batch-script.js';
import type { Handler, RecordedRequest, Reply } from '../servers/loopback.js';
import { completionReply, jsonReply } from '../servers/openai-server.js';
import { startOpenAIBatchServer } from '../servers/openai-batch-server.js';
import { ENV_VARS, FAST, KEYS, MemoryJournal, PROVIDERS, env, signal, type BatchServer, type Provider } from './helpers.js';

const Verdict = z.object({ reasoning: z.string(), score: z.number().int().min(1).max(5) });
const MODELS = { anthropic: 'claude-sonnet-4-6', openai: 'gpt-4o-mini' } as const;
const PRICES = { anthropic: [3, 15], openai: [0.15, 0.6] } as const;

function request(key: string, answer: string): VerdictRequest<z.infer<typeof Verdict>> {
  return {
    key,
    system: 'Grade. Tags end in {{nonce}}.',
    user: `<answer-{{nonce}}>\n${answer}\n</answer-{{nonce}}>`,
    schema: Verdict,
    schemaName: 'rubric_verdict',
  };
}

function verdictReply(provider: Provider, req: RecordedRequest, value: unknown): Reply {
  if (provider === 'openai') return jsonReply(value, { model: MODELS.openai, promptTokens: 1000, completionTokens: 200 });
  return toolUseReply(forcedToolName(req) ?? 'missing', value, { model: MODELS.anthropic, inputTokens: 1000, outputTokens: 200 });
}

describe.each(PROVIDERS)('model verdict source with --batch (%s)', (provider) => {
  let server: BatchServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  async function source(answer: BatchAnswer, live: Handler, journal = new MemoryJournal()) {
    const options = { apiKey: KEYS[provider], answer, live, pollsUntilEnded: 1 };
    server = provider === 'anthropic' ? await startAnthropicBatchServer(options) : await startOpenAIBatchServer(options);
    const config = { provider, model: MODELS[provider], baseURL: server.baseURL, apiKeyEnv: ENV_VARS[provider], maxTokens: 512, maxRetries: 0 } as Extract<
      JudgeConfig,
      { provider: 'anthropic' | 'openai' }
    >;
    return createModelVerdictSource('judge', config, {
      env: env(provider),
      timeoutMs: 5_000,
      batch: (transport) => batchedVerdictTransport(transport, { journal, signal: signal(), schedule: FAST, quietMs: 5 }),
    });
  }

  it('answers concurrent verdicts from one batch at the batch price, and a corrective retry live at the standard price', async () => {
    const prose =
      provider === 'anthropic'
        ? messageReply('prose', { model: MODELS.anthropic, inputTokens: 1000, outputTokens: 200 })
        : completionReply('prose', { model: MODELS.openai, promptTokens: 1000, completionTokens: 200 });
    const answer: BatchAnswer = (line) =>
      JSON.stringify(line.params).includes('bad answer') ? prose : verdictReply(provider, line.request, { reasoning: 'ok', score: 5 });
    const judge = await source(answer, (req) => verdictReply(provider, req, { reasoning: 'retried', score: 2 }));
    const [good, retried] = await Promise.all([
      judge.verdict(request('a/rubric', 'good answer'), signal()),
      judge.verdict(request('b/rubric', 'bad answer'), signal()),
    ]);

    const [inPrice, outPrice] = PRICES[provider];
    const standard = (1000 * inPrice + 200 * outPrice) / 1_000_000;
    expect(good).toEqual({
      value: { reasoning: 'ok', score: 5 },
      usage: { inputTokens: 1000, outputTokens: 200 },
      costUsd: expect.closeTo(standard / 2, 12),
      cached: false,
    });
    expect(retried.value).toEqual({ reasoning: 'retried', score: 2 });
    expect(retried.costUsd).toBeCloseTo(standard / 2 + standard, 12);
    expect(server?.creates()).toHaveLength(1);
    // The nonce is per call, the custom id is not: the same question gets the same id in a resumed run.
    const ids = [...(server?.batches.values() ?? [])].flatMap((b) => b.lines.map((l) => l.customId));
    expect(ids.every((id) => /^[ab]_rubric-[0-9a-f]{24}$/.test(id))).toBe(true);
  });
});
