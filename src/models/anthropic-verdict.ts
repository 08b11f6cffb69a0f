import type Anthropic from '@anthropic-ai/sdk';
import { z } from 'zod';
import { abortable } from './abortable.js';
import { createAnthropicBatchClient } from './batch/anthropic.js';
import { anthropicMessage } from './batch/bodies.js';
import { createAnthropicClient } from './clients.js';
import {
  endpointOf,
  type TransportSettings,
  type VerdictExchange,
  type VerdictPrompt,
  type VerdictReply,
  type VerdictTransport,
} from './model-verdict-call.js';
import { defineProvider } from './provider.js';

type MessageParam = Anthropic.Messages.MessageParam;
type ContentBlockParam = Anthropic.Messages.ContentBlockParam;
type InputSchema = Anthropic.Messages.Tool.InputSchema;
type Message = Anthropic.Messages.Message;
type MessageCreateParams = Anthropic.Messages.MessageCreateParamsNonStreaming;

/**
 * Verdicts through Anthropic tool use: one tool whose input schema is the verdict schema, forced
 * with `tool_choice: {type: 'tool'}`, so the reply is a tool_use block whose `input` is the verdict.
 * The schema is converted as the SDK's own betaZodTool does (z.toJSONSchema, object root).
 * No temperature: API version 2026-10-21, which SDK 1.x sends, removed the sampling parameters
 * and answers 400 to any of them, even at 0 (MessageCreateParamsBase no longer has them).
 */
export async function createAnthropicVerdictTransport(settings: TransportSettings): Promise<VerdictTransport> {
  const { client, errors, secrets } = await createAnthropicClient(
    {
      baseURL: settings.baseURL,
      apiKeyEnv: settings.apiKeyEnv ?? anthropicProvider.apiKeyEnv,
      maxRetries: settings.maxRetries,
      timeoutMs: settings.timeoutMs,
      traffic: settings.traffic,
    },
    settings.env,
  );

  const inputSchema = (schema: z.ZodType<unknown>, schemaName: string): InputSchema => {
    const json = z.toJSONSchema(schema);
    if (json.type !== 'object') throw new Error(`verdict schema "${schemaName}" must be an object schema`);
    return json as InputSchema;
  };

  const request = (prompt: VerdictPrompt, messages: MessageParam[]): MessageCreateParams => ({
    model: settings.model,
    max_tokens: settings.maxTokens,
    system: prompt.system,
    messages,
    tools: [
      {
        name: prompt.schemaName,
        description: 'Record your verdict. Call this tool exactly once.',
        input_schema: inputSchema(prompt.schema, prompt.schemaName),
      },
    ],
    tool_choice: { type: 'tool', name: prompt.schemaName },
  });

  async function send(prompt: VerdictPrompt, messages: MessageParam[], signal: AbortSignal): Promise<VerdictExchange> {
    const message = await abortable(client.messages.create(request(prompt, messages), { signal }), signal);
    return exchange(prompt, messages, message, false);
  }

  /** The verdict a reply holds; its retry() sends the conversation on, live. */
  function exchange(prompt: VerdictPrompt, messages: MessageParam[], message: Message, batch: boolean): VerdictExchange {
    const toolUses = message.content.filter((block) => block.type === 'tool_use');
    const call = toolUses.find((block) => block.name === prompt.schemaName);
    const reply: VerdictReply = call
      ? { ok: true, json: call.input }
      : {
          ok: false,
          problem: `the reply has no ${prompt.schemaName} tool call${message.stop_reason === 'max_tokens' ? ' (it hit max_tokens)' : ''}`,
        };
    // The reply goes back verbatim on a retry; the API wants every tool_use answered by a tool_result.
    const assistant: ContentBlockParam[] = message.content.flatMap((block): ContentBlockParam[] => {
      // The API refuses empty text blocks in a request.
      if (block.type === 'text') return block.text === '' ? [] : [{ type: 'text', text: block.text }];
      if (block.type === 'tool_use') return [{ type: 'tool_use', id: block.id, name: block.name, input: block.input }];
      return [];
    });
    return {
      reply,
      usage: { inputTokens: message.usage.input_tokens, outputTokens: message.usage.output_tokens },
      model: message.model,
      ...(batch ? { batch } : {}),
      retry(problem, retrySignal) {
        const correction = `Your verdict was not valid: ${problem}\nCall the ${prompt.schemaName} tool again with a corrected verdict.`;
        const feedback: ContentBlockParam[] = [
          ...toolUses.map((block): ContentBlockParam => ({ type: 'tool_result', tool_use_id: block.id, is_error: true, content: problem })),
          { type: 'text', text: correction },
        ];
        const replayed = assistant.length > 0 ? assistant : [{ type: 'text' as const, text: '(empty reply)' }];
        return send(prompt, [...messages, { role: 'assistant', content: replayed }, { role: 'user', content: feedback }], retrySignal);
      },
    };
  }

  const opening = (prompt: VerdictPrompt): MessageParam[] => [{ role: 'user', content: prompt.user }];

  return {
    provider: 'anthropic',
    temperature: null,
    endpoint: endpointOf(client.baseURL),
    errors,
    secrets,
    wireSchema: inputSchema,
    start: (prompt, signal) => send(prompt, opening(prompt), signal),
    batch: {
      client: createAnthropicBatchClient({ client, errors, secrets }),
      request: (prompt) => request(prompt, opening(prompt)),
      exchange: (prompt, body) => exchange(prompt, opening(prompt), anthropicMessage(body), true),
    },
  };
}

export const anthropicProvider = defineProvider({
  id: 'anthropic',
  name: 'Anthropic',
  apiKeyEnv: 'ANTHROPIC_API_KEY',
  verdictTransport: createAnthropicVerdictTransport,
});
