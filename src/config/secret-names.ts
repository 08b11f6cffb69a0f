import { PROVIDER_KEY_ENVS } from '../models/providers.js';
import type { Config } from './schema.js';

const ENV_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The environment variables that hold secrets for this config: the providers' keys, every
 * `apiKeyEnv` of a judge or model candidate, every `${NAME}` an http candidate puts in a header.
 */
export function configSecretNames(config: Pick<Config, 'judges' | 'candidates'>): string[] {
  const names = new Set(PROVIDER_KEY_ENVS);
  for (const judge of Object.values(config.judges)) if ('apiKeyEnv' in judge && judge.apiKeyEnv) names.add(judge.apiKeyEnv);
  for (const candidate of Object.values(config.candidates)) {
    const options = candidate.adapter.options as { apiKeyEnv?: unknown; headers?: unknown };
    if (typeof options.apiKeyEnv === 'string') names.add(options.apiKeyEnv);
    if (options.headers && typeof options.headers === 'object') {
      for (const value of Object.values(options.headers)) {
        if (typeof value === 'string') for (const match of value.matchAll(ENV_REFERENCE)) names.add(match[1] ?? '');
      }
    }
  }
  return [...names];
}
