import type { TransportSettings, VerdictTransport } from './model-verdict-call.js';

/**
 * A model API a judge can be backed by (`judges.<id>.provider`). The transport speaks the wire
 * format; cache, nonce, validation, retry and cost are shared (src/models/verdict-source.ts).
 */
export interface ModelProvider<Id extends string = string> {
  id: Id;
  /** For messages: "Anthropic". */
  name: string;
  /** The environment variable holding the key when the config names none; always treated as a secret. */
  apiKeyEnv: string;
  verdictTransport(settings: TransportSettings): Promise<VerdictTransport>;
}

export function defineProvider<Id extends string>(provider: ModelProvider<Id>): ModelProvider<Id> {
  return provider;
}
