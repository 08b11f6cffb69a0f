import type OpenAI from 'openai';
import { z } from 'zod';
import type { GoldenItem } from '../../goldensets/item.js';
import { abortable } from '../../models/abortable.js';
import { chatCompletion } from '../../models/batch/bodies.js';
import { createOpenAIBatchClient } from '../../models/batch/openai.js';
import { openAIClientLoader } from '../../models/clients.js';
import { lazyBatchClient } from '../../models/batch/lazy.js';
import { OPENAI_LIMITS } from '../../models/batch/limits.js';
import { CandidateError, defineAdapter } from '../adapter.js';
import type { CandidateOutput } from '../../contracts/candidate-output.js';
import { callCost, chatFor, compilePrompt, modelOptionsShape, parseBody, toCandidateError } from './model-call.js';

type CompletionParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/**
 * OpenAI Chat Completions, and any server speaking it: with `baseURL`, vLLM, Ollama, llama.cpp;
 * fine-tuned `ft:` ids and LoRA adapter names are just model ids. Without a key, a server set by
 * `baseURL` (or OPENAI_BASE_URL) gets a placeholder key, since local servers need none.
 * The batch path needs a server with the Batch API (/v1/files, /v1/batches): OpenAI's own.
 */
export const openaiAdapter = defineAdapter({
  type: 'openai',
  summary: 'an OpenAI or OpenAI-compatible (vLLM, Ollama, llama.cpp) chat model, with a prompt template',
  options: z.strictObject({
    ...modelOptionsShape({ apiKeyEnv: 'OPENAI_API_KEY', maxTemperature: 2, temperature: 0 }),
    /**
     * OpenAI's reasoning models accept only `max_completion_tokens`; some compatible servers
     * still know only `max_tokens`.
     */
    maxTokensParam: z.enum(['max_completion_tokens', 'max_tokens']).default('max_completion_tokens'),
  }),
  async create(options, context) {
    const render = compilePrompt(options.prompt, context.candidateId);
    // The SDK loads at the first call that is not served from the output cache.
    const sdk = openAIClientLoader(
      { baseURL: options.baseURL, apiKeyEnv: options.apiKeyEnv, maxRetries: options.maxRetries, timeoutMs: context.timeoutMs, traffic: context.traffic },
      context.env,
    );

    const request = (item: GoldenItem): CompletionParams => {
      const chat = chatFor(item, render, options.system);
      return {
        model: options.model,
        messages: [...(chat.system === undefined ? [] : [{ role: 'system' as const, content: chat.system }]), ...chat.turns],
        [options.maxTokensParam]: options.maxTokens,
        ...(options.temperature === null ? {} : { temperature: options.temperature }),
      };
    };

    const parse = (completion: OpenAI.Chat.Completions.ChatCompletion, batch: boolean): CandidateOutput => {
      const message = completion.choices[0]?.message;
      if (!message) throw new CandidateError(`the API returned no choices (model ${completion.model})`, 'bad_output');
      // A refusal is the model's answer too: refusal checks should see it, not an empty string.
      const text = message.content ?? message.refusal ?? '';
      const usage = completion.usage && {
        inputTokens: completion.usage.prompt_tokens,
        outputTokens: completion.usage.completion_tokens,
      };
      const cost = usage && callCost(usage, [completion.model, options.model], context, batch);
      return {
        text,
        model: completion.model,
        ...(usage === undefined ? {} : { usage }),
        ...(cost === undefined ? {} : { costUsd: cost }),
      };
    };

    return {
      attempts: options.maxRetries + 1,
      async generate(item, { signal }): Promise<CandidateOutput> {
        const params = request(item);
        const { client, errors, secrets } = await sdk();
        try {
          const completion = await abortable(client.chat.completions.create(params, { signal }), signal);
          return parse(completion, false);
        } catch (err) {
          throw toCandidateError(err, errors, secrets, signal);
        }
      },
      batch: {
        client: lazyBatchClient('openai', OPENAI_LIMITS, async () => createOpenAIBatchClient(await sdk())),
        request,
        parse: (body) => parse(parseBody(chatCompletion, body), true),
      },
    };
  },
});
