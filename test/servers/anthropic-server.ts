import { startLoopbackServer, type Handler, type LoopbackServer, type RecordedRequest, type Reply } from './loopback.js';

/**
 * A loopback stand-in for the Anthropic API speaking its wire format (POST /v1/messages). Point
 * the SDK at `baseURL`. By default it echoes the last user turn; tests script replies with
 * `handle()` and the builders below, and read what the SDK sent from `requests`.
 */

export interface MessageReplyOptions {
  model?: string;
  inputTokens?: number;
  outputTokens?: number;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';
  /** Content blocks to send instead of one text block (tool_use blocks for judges, say). */
  content?: unknown[];
  headers?: Record<string, string>;
  delayMs?: number;
}

let counter = 0;

/** A successful Messages API response. */
export function messageReply(text: string, options: MessageReplyOptions = {}): Reply {
  counter += 1;
  return {
    status: 200,
    headers: { 'request-id': `req_test_${counter}`, ...options.headers },
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
    json: {
      id: `msg_test_${counter}`,
      type: 'message',
      role: 'assistant',
      model: options.model ?? 'claude-sonnet-4-6',
      content: options.content ?? [{ type: 'text', text }],
      stop_reason: options.stopReason ?? 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: options.inputTokens ?? 10,
        output_tokens: options.outputTokens ?? 5,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
  };
}

/** An API error in Anthropic's shape, e.g. (429, 'rate_limit_error') or (529, 'overloaded_error'). */
export function anthropicErrorReply(status: number, type: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, json: { type: 'error', error: { type, message } } };
}

/**
 * The key a request carried: SDK 1.x sends `Authorization: Bearer <key>`, older SDKs and curl
 * examples `x-api-key`; the API accepts both.
 */
export function sentApiKey(request: RecordedRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
}

/** The text of the last user turn of a Messages request body. */
export function lastUserText(request: RecordedRequest): string {
  const body = request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined;
  const user = body?.messages?.findLast((m) => m.role === 'user');
  if (!user) return '';
  if (typeof user.content === 'string') return user.content;
  return (user.content as Array<{ type: string; text?: string }>).map((b) => b.text ?? '').join('');
}

/** The default handler: answers `echo: <last user turn>` with the requested model. */
export const anthropicEcho: Handler = (request) => {
  if (request.method !== 'POST' || request.path !== '/v1/messages') {
    return anthropicErrorReply(404, 'not_found_error', `no route ${request.method} ${request.path}`);
  }
  const model = (request.body as { model?: string } | undefined)?.model;
  return messageReply(`echo: ${lastUserText(request)}`, model === undefined ? {} : { model });
};

export interface AnthropicServer extends LoopbackServer {
  /** What to pass as the SDK's baseURL (it appends /v1/messages). */
  baseURL: string;
}

export interface AnthropicServerOptions {
  /** When set, requests carrying another key get the API's 401 authentication_error. */
  apiKey?: string;
}

export async function startAnthropicServer(handler: Handler = anthropicEcho, options: AnthropicServerOptions = {}): Promise<AnthropicServer> {
  const { apiKey } = options;
  const server = await startLoopbackServer(handler, {
    guard: (request) =>
      apiKey !== undefined && sentApiKey(request) !== apiKey ? anthropicErrorReply(401, 'authentication_error', 'invalid x-api-key') : undefined,
  });
  return Object.assign(server, { baseURL: server.origin });
}

let toolUseCounter = 0;

/** A reply that calls tool `name` with `input` (what a forced tool_choice produces), e.g. a judge's verdict. */
export function toolUseReply(name: string, input: unknown, options: Omit<MessageReplyOptions, 'content'> = {}): Reply {
  toolUseCounter += 1;
  return messageReply('', {
    stopReason: 'tool_use',
    ...options,
    content: [{ type: 'tool_use', id: `toolu_test_${toolUseCounter}`, name, input, caller: { type: 'direct' } }],
  });
}

/** The tool a request forces with `tool_choice: {type: 'tool', name}`, if any. */
export function forcedToolName(request: RecordedRequest): string | undefined {
  const choice = (request.body as { tool_choice?: { type?: string; name?: string } } | undefined)?.tool_choice;
  return choice?.type === 'tool' ? choice.name : undefined;
}
