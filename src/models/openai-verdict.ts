import type OpenAI from 'openai';
import type { z } from 'zod';
import { abortable } from './abortable.js';
import { chatCompletion } from './batch/bodies.js';
import { createOpenAIBatchClient } from './batch/openai.js';
import { createOpenAIClient } from './clients.js';
import {
  JUDGE_TEMPERATURE,
  endpointOf,
  parseJsonReply,
  type TransportSettings,
  type VerdictExchange,
  type VerdictPrompt,
  type VerdictReply,
  type VerdictTransport,
} from './model-verdict-call.js';
import { defineProvider } from './provider.js';

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;
type ResponseFormat = OpenAI.ResponseFormatJSONSchema;
type ChatCompletion = OpenAI.Chat.Completions.ChatCompletion;
type CompletionParams = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

/**
 * Verdicts through Chat Completions structured outputs: `response_format` json_schema, strict.
 * The schema comes from the SDK's zodResponseFormat, which handles zod 4 (z.toJSONSchema, then
 * its strict-mode transform: every property required, additionalProperties false) and rejects
 * what strict mode cannot express. The content is parsed here, not by `.parse()`, so that an
 * invalid verdict gets one corrective retry instead of a thrown error.
 */
export async function createOpenAIVerdictTransport(settings: TransportSettings): Promise<VerdictTransport> {
  const { client, errors, secrets } = await createOpenAIClient(
    {
      baseURL: settings.baseURL,
      apiKeyEnv: settings.apiKeyEnv ?? openaiProvider.apiKeyEnv,
      maxRetries: settings.maxRetries,
      timeoutMs: settings.timeoutMs,
      traffic: settings.traffic,
    },
    settings.env,
  );
  // Loaded with the client, not at module load, like the SDKs themselves (see clients.ts).
  const { zodResponseFormat } = await import('openai/helpers/zod');
  const responseFormat = (schema: z.ZodType<unknown>, schemaName: string): ResponseFormat => {
    const format = zodResponseFormat(schema, schemaName);
    // A plain copy: the helper adds non-enumerable parser hooks that only `.parse()` uses.
    return { type: 'json_schema', json_schema: { ...format.json_schema } };
  };

  const request = (prompt: VerdictPrompt, messages: Message[]): CompletionParams => ({
    model: settings.model,
    messages,
    temperature: JUDGE_TEMPERATURE,
    max_completion_tokens: settings.maxTokens,
    response_format: responseFormat(prompt.schema, prompt.schemaName),
  });

  async function send(prompt: VerdictPrompt, messages: Message[], signal: AbortSignal): Promise<VerdictExchange> {
    const completion = await abortable(client.chat.completions.create(request(prompt, messages), { signal }), signal);
    return exchange(prompt, messages, completion, false);
  }

  /** The verdict a reply holds; its retry() sends the conversation on, live. */
  function exchange(prompt: VerdictPrompt, messages: Message[], completion: ChatCompletion, batch: boolean): VerdictExchange {
    const choice = completion.choices[0];
    const content = choice?.message.content ?? null;
    const refusal = choice?.message.refusal ?? null;
    let reply: VerdictReply;
    if (!choice) reply = { ok: false, problem: 'the API returned no choices' };
    else if (refusal !== null) reply = { ok: false, problem: `the judge refused: ${refusal}` };
    else if (content === null || content === '') reply = { ok: false, problem: 'the reply is empty' };
    else if (choice.finish_reason === 'length') reply = { ok: false, problem: 'the reply was cut off at max tokens' };
    else reply = parseJsonReply(content);
    return {
      reply,
      ...(completion.usage ? { usage: { inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens } } : {}),
      model: completion.model,
      ...(batch ? { batch } : {}),
      retry(problem, retrySignal) {
        const said = content || refusal || '(empty reply)';
        const correction = `Your verdict was not valid: ${problem}\nReply again with a corrected verdict: JSON matching the ${prompt.schemaName} schema.`;
        return send(prompt, [...messages, { role: 'assistant', content: said }, { role: 'user', content: correction }], retrySignal);
      },
    };
  }

  const opening = (prompt: VerdictPrompt): Message[] => [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ];

  return {
    provider: 'openai',
    temperature: JUDGE_TEMPERATURE,
    endpoint: endpointOf(client.baseURL),
    errors,
    secrets,
    wireSchema: (schema, schemaName) => responseFormat(schema, schemaName).json_schema,
    start: (prompt, signal) => send(prompt, opening(prompt), signal),
    batch: {
      client: createOpenAIBatchClient({ client, errors, secrets }),
      request: (prompt) => request(prompt, opening(prompt)),
      exchange: (prompt, body) => exchange(prompt, opening(prompt), chatCompletion(body), true),
    },
  };
}

/** OpenAI and every server speaking Chat Completions with structured outputs (vLLM, Ollama, llama.cpp: set `baseURL`). */
export const openaiProvider = defineProvider({ id: 'openai', name: 'OpenAI', apiKeyEnv: 'OPENAI_API_KEY', verdictTransport: createOpenAIVerdictTransport });
