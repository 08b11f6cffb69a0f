import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { GoldenItem } from '../../goldensets/item.js';
import { abortable } from '../../models/abortable.js';
import { createAnthropicBatchClient } from '../../models/batch/anthropic.js';
import { anthropicMessage } from '../../models/batch/bodies.js';
import { anthropicClientLoader } from '../../models/clients.js';
import { lazyBatchClient } from '../../models/batch/lazy.js';
import { ANTHROPIC_LIMITS } from '../../models/batch/limits.js';
import { defineAdapter } from '../adapter.js';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { callCost, chatFor, compilePrompt, modelOptionsShape, parseBody, toCandidateError } from './model-call.js';

type MessageParams = Anthropic.Messages.MessageCreateParamsNonStreaming;

export const anthropicAdapter = defineAdapter({
  type: 'anthropic',
  summary: 'a Claude model through the Anthropic Messages API, with a prompt template',
  // The current Messages API (the version SDK 1.x sends) takes no sampling parameters: none is sent
  // unless a temperature is set explicitly (for proxies and older API versions that accept one).
  options: z.strictObject(modelOptionsShape({ apiKeyEnv: 'ANTHROPIC_API_KEY', maxTemperature: 1, temperature: null })),
  async create(options, context) {
    const render = compilePrompt(options.prompt, context.candidateId);
    // The SDK loads at the first call that is not served from the output cache.
    const sdk = anthropicClientLoader(
      { baseURL: options.baseURL, apiKeyEnv: options.apiKeyEnv, maxRetries: options.maxRetries, timeoutMs: context.timeoutMs, traffic: context.traffic },
      context.env,
    );

    const request = (item: GoldenItem): MessageParams => {
      const chat = chatFor(item, render, options.system);
      return {
        model: options.model,
        max_tokens: options.maxTokens,
        messages: chat.turns,
        ...(chat.system === undefined ? {} : { system: chat.system }),
        ...(options.temperature === null ? {} : { temperature: options.temperature }),
      };
    };

    const parse = (message: Anthropic.Messages.Message, batch: boolean): CandidateOutput => {
      const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
      // Cache reads/writes are billed differently and only occur with cache_control, which this adapter never sets.
      const usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
      const cost = callCost(usage, [message.model, options.model], context, batch);
      return { text, usage, model: message.model, ...(cost === undefined ? {} : { costUsd: cost }) };
    };

    return {
      attempts: options.maxRetries + 1,
      async generate(item, { signal }): Promise<CandidateOutput> {
        const params = request(item);
        const { client, errors, secrets } = await sdk();
        try {
          const message = await abortable(client.messages.create(params, { signal }), signal);
          return parse(message, false);
        } catch (err) {
          throw toCandidateError(err, errors, secrets, signal);
        }
      },
      batch: {
        client: lazyBatchClient('anthropic', ANTHROPIC_LIMITS, async () => createAnthropicBatchClient(await sdk())),
        request,
        parse: (body) => parse(parseBody(anthropicMessage, body), true),
      },
    };
  },
});
