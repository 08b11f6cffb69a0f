import type { ItemInput } from '../goldensets/item.js';
import { TemplateError, type RenderTemplate } from './template.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A provider-neutral request: Anthropic takes `system` apart, OpenAI as a leading system message. */
export interface ChatPrompt {
  system: string | undefined;
  turns: ChatTurn[];
}

/**
 * Turns an item's input into a chat. A string input becomes one user turn through the template;
 * in a transcript the template applies to the last user turn (its `{{input}}`), earlier turns go
 * as they are, and system turns join the configured system prompt.
 */
export function buildChat(input: ItemInput, metadata: Record<string, unknown>, render: RenderTemplate, system: string | undefined): ChatPrompt {
  if (typeof input === 'string') {
    return { system, turns: [{ role: 'user', content: render({ input, metadata }) }] };
  }
  const systems = system === undefined ? [] : [system];
  const turns: ChatTurn[] = [];
  for (const message of input) {
    if (message.role === 'system') systems.push(message.content);
    else turns.push({ role: message.role, content: message.content });
  }
  const lastUser = turns.findLastIndex((turn) => turn.role === 'user');
  const target = turns[lastUser];
  if (!target) throw new TemplateError('the transcript has no user turn');
  turns[lastUser] = { role: 'user', content: render({ input: target.content, metadata }) };
  return { system: systems.length > 0 ? systems.join('\n\n') : undefined, turns };
}
