import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { z } from 'zod';

/**
 * A batch result carries the same body a live call returns, but it reaches us as plain JSON (the
 * SDK types it without checking, as it does a live response). The fields the adapters and
 * judges read are checked here, so a body that holds no answer is an error, never a crash; the
 * rest passes through as the API sent it.
 */

const MessageShape = z.looseObject({
  model: z.string(),
  content: z.array(z.looseObject({ type: z.string() })),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
});

const CompletionShape = z.looseObject({
  model: z.string(),
  choices: z.array(
    z.looseObject({
      message: z.looseObject({ content: z.string().nullable(), refusal: z.string().nullable().optional() }),
    }),
  ),
  usage: z.looseObject({ prompt_tokens: z.number(), completion_tokens: z.number() }).optional(),
});

export class BatchBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchBodyError';
  }
}

function check(schema: z.ZodType, body: unknown, what: string): void {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new BatchBodyError(`the batch result is not ${what} (${problem.slice(0, 300)})`);
  }
}

/** The body of a succeeded Anthropic batch request, as the Message a live call returns. */
export function anthropicMessage(body: unknown): Anthropic.Messages.Message {
  check(MessageShape, body, 'a Message');
  return body as Anthropic.Messages.Message;
}

/** The body of a succeeded OpenAI batch request, as the ChatCompletion a live call returns. */
export function chatCompletion(body: unknown): OpenAI.Chat.Completions.ChatCompletion {
  check(CompletionShape, body, 'a ChatCompletion');
  return body as OpenAI.Chat.Completions.ChatCompletion;
}
