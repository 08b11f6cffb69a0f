import { z } from 'zod';
import { abortable } from '../../models/abortable.js';
import { createAnthropicClient } from '../../models/clients.js';
import { defineAdapter } from '../adapter.js';
import type { CandidateOutput } from '../output.js';
import { callCost, chatFor, compilePrompt, modelOptionsShape, toCandidateError } from './model-call.js';

export const anthropicAdapter = defineAdapter({
  type: 'anthropic',
  summary: 'a Claude model through the Anthropic Messages API, with a prompt template',
  options: z.strictObject(modelOptionsShape({ apiKeyEnv: 'ANTHROPIC_API_KEY', maxTemperature: 1 })),
  async create(options, context) {
    const render = compilePrompt(options.prompt, context.candidateId);
    const { client, errors, secrets } = await createAnthropicClient(
      { baseURL: options.baseURL, apiKeyEnv: options.apiKeyEnv, maxRetries: options.maxRetries, timeoutMs: context.timeoutMs, traffic: context.traffic },
      context.env,
    );
    return {
      attempts: options.maxRetries + 1,
      async generate(item, { signal }): Promise<CandidateOutput> {
        const chat = chatFor(item, render, options.system);
        try {
          const message = await abortable(
            client.messages.create(
              {
                model: options.model,
                max_tokens: options.maxTokens,
                messages: chat.turns,
                ...(chat.system === undefined ? {} : { system: chat.system }),
                ...(options.temperature === null ? {} : { temperature: options.temperature }),
              },
              { signal },
            ),
            signal,
          );
          const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
          // Cache reads/writes are billed differently and only occur with cache_control, which this adapter never sets.
          const usage = { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens };
          const cost = callCost(usage, [message.model, options.model], context);
          return { text, usage, model: message.model, ...(cost === undefined ? {} : { costUsd: cost }) };
        } catch (err) {
          throw toCandidateError(err, errors, secrets, signal);
        }
      },
    };
  },
});
