import { startLoopbackServer, type Handler, type LoopbackServer, type RecordedRequest, type Reply } from './loopback.js';

/**
 * A loopback stand-in for the OpenAI API (and compatible servers) speaking the Chat Completions
 * wire format (POST /v1/chat/completions). Point the SDK at `baseURL`. By default it echoes the
 * last user message; tests script replies with `handle()` and the builders below.
 */

export interface CompletionReplyOptions {
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Sent as message.refusal with a null content. */
  refusal?: string;
  /** Sent as message.tool_calls (for judges using tools). */
  toolCalls?: unknown[];
  /** Leave out `usage`, as some compatible servers do. */
  noUsage?: boolean;
  headers?: Record<string, string>;
  delayMs?: number;
}

let counter = 0;

/** A successful Chat Completions response. */
export function completionReply(text: string | null, options: CompletionReplyOptions = {}): Reply {
  counter += 1;
  const promptTokens = options.promptTokens ?? 10;
  const completionTokens = options.completionTokens ?? 5;
  return {
    status: 200,
    headers: { 'x-request-id': `req_test_${counter}`, ...options.headers },
    ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
    json: {
      id: `chatcmpl-test${counter}`,
      object: 'chat.completion',
      created: 1_700_000_000 + counter,
      model: options.model ?? 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: options.refusal === undefined ? text : null,
            refusal: options.refusal ?? null,
            ...(options.toolCalls === undefined ? {} : { tool_calls: options.toolCalls }),
          },
          logprobs: null,
          finish_reason: options.finishReason ?? 'stop',
        },
      ],
      ...(options.noUsage
        ? {}
        : { usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } }),
      system_fingerprint: 'fp_test',
    },
  };
}

/** An API error in OpenAI's shape, e.g. (429, 'rate_limit_exceeded'). */
export function openaiErrorReply(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return { status, headers, json: { error: { message, type: status === 429 ? 'requests' : 'invalid_request_error', param: null, code } } };
}

/** The bearer token a request carried. */
export function sentApiKey(request: RecordedRequest): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
}

/** The content of the last user message of a Chat Completions request body. */
export function lastUserContent(request: RecordedRequest): string {
  const body = request.body as { messages?: Array<{ role: string; content: unknown }> } | undefined;
  const user = body?.messages?.findLast((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : '';
}

/** The default handler: answers `echo: <last user turn>` with the requested model. */
export const openaiEcho: Handler = (request) => {
  if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
    return openaiErrorReply(404, 'not_found', `no route ${request.method} ${request.path}`);
  }
  const model = (request.body as { model?: string } | undefined)?.model;
  return completionReply(`echo: ${lastUserContent(request)}`, model === undefined ? {} : { model });
};

export interface OpenAIServer extends LoopbackServer {
  /** What to pass as the SDK's baseURL (it appends /chat/completions). */
  baseURL: string;
}

export interface OpenAIServerOptions {
  /** When set, requests carrying another key get the API's 401 invalid_api_key. */
  apiKey?: string;
}

export async function startOpenAIServer(handler: Handler = openaiEcho, options: OpenAIServerOptions = {}): Promise<OpenAIServer> {
  const { apiKey } = options;
  const server = await startLoopbackServer(handler, {
    guard: (request) =>
      apiKey !== undefined && sentApiKey(request) !== apiKey ? openaiErrorReply(401, 'invalid_api_key', 'Incorrect API key provided.') : undefined,
  });
  return Object.assign(server, { baseURL: `${server.origin}/v1` });
}

/** A reply whose content is `value` as JSON, as structured outputs (`response_format: json_schema`) produce. */
export function jsonReply(value: unknown, options: CompletionReplyOptions = {}): Reply {
  return completionReply(JSON.stringify(value), options);
}

/** The json_schema response format a request asked for, if any. */
export function requestedJsonSchema(request: RecordedRequest): { name: string; strict?: boolean; schema?: unknown } | undefined {
  const format = (request.body as { response_format?: { type?: string; json_schema?: { name: string } } } | undefined)?.response_format;
  return format?.type === 'json_schema' ? format.json_schema : undefined;
}
