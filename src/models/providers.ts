import { anthropicProvider } from './anthropic-verdict.js';
import { openaiProvider } from './openai-verdict.js';
import type { ModelProvider } from './provider.js';

/**
 * Every model provider, by id: the one list the config schema, the judges and the secret
 * variables read. Adding one = one file exporting a `defineProvider(...)` (its verdict transport)
 * plus its test, and one line here.
 */
const providers = [anthropicProvider, openaiProvider] as const;

export type ProviderId = (typeof providers)[number]['id'];

/** The ids, as z.enum takes them. */
export const PROVIDER_IDS = providers.map((p) => p.id) as [ProviderId, ...ProviderId[]];

const byId: ReadonlyMap<string, ModelProvider> = new Map(providers.map((p): [string, ModelProvider] => [p.id, p]));

export function providerOf(id: ProviderId): ModelProvider {
  const provider = byId.get(id);
  if (!provider) throw new Error(`unknown provider "${id}"`);
  return provider;
}

/** The providers' own key variables, secret whatever the config says. */
export const PROVIDER_KEY_ENVS: readonly string[] = providers.map((p) => p.apiKeyEnv);
