import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CandidateOutput } from '../../src/contracts/candidate-output.js';
import { RubricSchema, type Rubric } from '../../src/config/rubric.js';
import type { JudgeConfig } from '../../src/config/schema.js';
import { GoldenItemSchema, type GoldenItem } from '../../src/goldensets/item.js';
import type { VerdictCache } from '../../src/models/cache.js';
import { createModelVerdictSource } from '../../src/models/verdict-source.js';
import type { ModelJudgeConfig } from '../../src/models/judge-config.js';
import type { VerdictSource } from '../../src/contracts/verdict-source.js';
import { forcedToolName, messageReply, startAnthropicServer, toolUseReply } from '../servers/anthropic-server.js';
import type { Handler, LoopbackServer, RecordedRequest, Reply } from '../servers/loopback.js';
import { completionReply, jsonReply, requestedJsonSchema, startOpenAIServer } from '../servers/openai-server.js';

/** Fake keys: tests assert they never show up in results, errors or cache files. */
export const KEYS = { anthropic: 'sk-ant-judge-test-key-0123456789abcdef', openai: 'sk-proj-judge-test-key-abcdef0123456789' } as const;
export const ENV_VARS = { anthropic: 'JUDGE_TEST_ANTHROPIC_KEY', openai: 'JUDGE_TEST_OPENAI_KEY' } as const;
export const MODELS = { anthropic: 'claude-sonnet-4-6', openai: 'gpt-4o-mini' } as const;
/** $/M tokens of MODELS (prices.ts): input, output. */
export const PRICES = { anthropic: [3, 15], openai: [0.15, 0.6] } as const;

export type Provider = 'anthropic' | 'openai';
export const PROVIDERS: Provider[] = ['anthropic', 'openai'];

type Message = { role: string; content: unknown };
type Body = { model: string; system?: string; messages: Message[] };

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return (content as Array<{ type: string; text?: string; content?: unknown }>)
    .map((block) => (block.type === 'tool_result' ? textOf(block.content) : (block.text ?? '')))
    .join('\n');
}

/** What a judge request said, the same way for both wire formats. */
export interface RequestView {
  body: Body;
  system: string;
  /** The first user turn: the judge prompt. */
  prompt: string;
  /** Text of the last user turn (on a retry: the tool_result and the correction). */
  lastUser: string;
  schemaName: string | undefined;
}

export function viewOf(provider: Provider, request: RecordedRequest): RequestView {
  const body = request.body as Body;
  const users = body.messages.filter((m) => m.role === 'user');
  const system = provider === 'anthropic' ? (body.system ?? '') : textOf(body.messages.find((m) => m.role === 'system')?.content);
  return {
    body,
    system,
    prompt: textOf(users[0]?.content),
    lastUser: textOf(users.at(-1)?.content),
    schemaName: provider === 'anthropic' ? forcedToolName(request) : requestedJsonSchema(request)?.name,
  };
}

const rawReplies = new WeakSet<object>();

/** Marks a reply to be sent as is by JudgeServer.verdicts (an error, prose, a delay). */
export function raw(reply: Reply): Reply {
  rawReplies.add(reply);
  return reply;
}

export interface JudgeServer {
  provider: Provider;
  server: LoopbackServer;
  requests: RecordedRequest[];
  view(index: number): RequestView;
  /** Answers every request with the verdict `decide` returns (a reply marked with raw() is sent as is). */
  verdicts(decide: (view: RequestView, index: number) => unknown): void;
  handle(handler: Handler): void;
  /** A verdict in this server's wire format: a forced tool call, or JSON content. */
  verdictReply(request: RecordedRequest, value: unknown): Reply;
  /** A reply with no verdict at all: prose instead of a tool call / JSON. */
  proseReply(text: string): Reply;
  source(options?: {
    id?: string;
    config?: Partial<ModelJudgeConfig>;
    cache?: VerdictCache;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  }): Promise<VerdictSource>;
  close(): Promise<void>;
}

export async function startJudgeServer(provider: Provider): Promise<JudgeServer> {
  const server = provider === 'anthropic' ? await startAnthropicServer() : await startOpenAIServer();
  const verdictReply = (request: RecordedRequest, value: unknown): Reply => {
    const model = (request.body as Body).model;
    if (provider === 'openai') return jsonReply(value, { model, promptTokens: 1000, completionTokens: 200 });
    return toolUseReply(forcedToolName(request) ?? 'missing_tool_choice', value, { model, inputTokens: 1000, outputTokens: 200 });
  };
  const judge: JudgeServer = {
    provider,
    server,
    requests: server.requests,
    view: (index) => viewOf(provider, server.requests[index] as RecordedRequest),
    verdicts(decide) {
      server.handle((request, index) => {
        const value = decide(viewOf(provider, request), index);
        return typeof value === 'object' && value !== null && rawReplies.has(value) ? (value as Reply) : verdictReply(request, value);
      });
    },
    handle: (handler) => server.handle(handler),
    verdictReply,
    proseReply: (text) => (provider === 'anthropic' ? messageReply(text) : completionReply(text)),
    source(options = {}) {
      const config = {
        provider,
        model: MODELS[provider],
        baseURL: (server as LoopbackServer & { baseURL: string }).baseURL,
        apiKeyEnv: ENV_VARS[provider],
        maxTokens: 1024,
        maxRetries: 0,
        ...options.config,
      } as Extract<JudgeConfig, { provider: 'anthropic' | 'openai' }>;
      return createModelVerdictSource(options.id ?? `${provider}-judge`, config, {
        env: options.env ?? { [ENV_VARS[provider]]: KEYS[provider] },
        timeoutMs: options.timeoutMs ?? 10_000,
        ...(options.cache ? { cache: options.cache } : {}),
      });
    },
    close: () => server.close(),
  };
  return judge;
}

/** The content between `<label-NONCE>` and `</label-NONCE>` in a prompt, and the nonce used. */
export function delimited(prompt: string, label: string): { nonce: string; text: string } | undefined {
  const match = new RegExp(`<${label}-([0-9a-f]{16})>\\n([\\s\\S]*?)\\n</${label}-\\1>`).exec(prompt);
  return match ? { nonce: match[1] as string, text: match[2] as string } : undefined;
}

export function makeItem(fields: Record<string, unknown> = {}): GoldenItem {
  return GoldenItemSchema.parse({
    id: 'refund-007',
    input: 'Can I get a refund on a digital add-on?',
    reference: 'Digital add-ons are refundable within 14 days of purchase.',
    metadata: {},
    origin: { file: 'goldensets/test.jsonl', line: 1 },
    ...fields,
  });
}

export function makeOutput(text: string, fields: Partial<CandidateOutput> = {}): CandidateOutput {
  return { text, ...fields };
}

export function makeRubric(fields: Record<string, unknown> = {}): Rubric {
  return RubricSchema.parse({
    id: 'support-answer',
    scale: '1-5',
    passThreshold: 4,
    criteria: [{ name: 'accuracy', description: 'States the refund policy correctly.', levels: { '1': 'wrong', '5': 'exact' } }],
    instructions: 'Grade the support answer.',
    hash: 'rubric-hash-1',
    file: 'rubrics/support-answer.md',
    ...fields,
  });
}

export function signal(): AbortSignal {
  return new AbortController().signal;
}

/** Every file under `dir`, with its content, for "the key is nowhere on disk" checks. */
export function readTree(dir: string): Array<{ file: string; content: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, content: readFileSync(file, 'utf8') }));
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}
